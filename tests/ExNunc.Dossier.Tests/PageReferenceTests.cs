using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExNunc.Dossier.Html;
using ExNunc.Dossier.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Outline;

namespace ExNunc.Dossier.Tests;

/// <summary>
/// What in the PDF depends on where the pages break: each citation's note is at the foot of the page that cites
/// it, and the contents give the page each heading is on. Read back from the PDF as a reader would see it.
/// </summary>
[Collection(PdfGroup.Name)]
public sealed partial class PageReferenceTests(ChromiumFixture chromium)
{
    private const double Mm = 72 / 25.4;
    private const double LeftMargin = 25 * Mm;
    private const double RightMargin = 20 * Mm;
    private const double BottomMargin = 18 * Mm;

    [GeneratedRegex(@"^[0-9]+\.$")]
    private static partial Regex MarkerWord();

    [Theory]
    [MemberData(nameof(Dossiers.ScenarioLanguages), MemberType = typeof(Dossiers))]
    public async Task Pdf_EachNote_IsAtTheFootOfThePageThatCitesIt(string scenario, DossierLanguage language)
    {
        var doc = Dossiers.Of(scenario, language);
        using var pdf = PdfDocument.Open(await chromium.Pdf(scenario, language));
        AssertNotesOnTheirPages(doc, pdf);
    }

    [Fact]
    public async Task Pdf_LawyerVersionOfALongCase_EachNote_IsAtTheFootOfThePageThatCitesIt()
    {
        var doc = Dossiers.Build(LayoutTests.Stress(60), DossierLanguage.Ru, lawyerNotes: true);
        using var pdf = PdfDocument.Open(await chromium.Renderer.RenderAsync(doc));
        AssertNotesOnTheirPages(doc, pdf);
    }

    [Theory]
    [MemberData(nameof(Dossiers.ScenarioLanguages), MemberType = typeof(Dossiers))]
    public async Task Pdf_Contents_GiveThePageEachHeadingIsOn(string scenario, DossierLanguage language)
    {
        var doc = Dossiers.Of(scenario, language);
        using var pdf = PdfDocument.Open(await chromium.Pdf(scenario, language));
        AssertContentsPages(doc, pdf);
    }

    [Fact]
    public async Task Pdf_LawyerVersion_Contents_GiveThePageEachHeadingIsOn()
    {
        var doc = Dossiers.Build(LayoutTests.Stress(300), DossierLanguage.De, lawyerNotes: true);
        using var pdf = PdfDocument.Open(await chromium.Renderer.RenderAsync(doc));
        AssertContentsPages(doc, pdf);
    }

    [Fact]
    public void Html_NotesCitedOutOfOrder_AreABug_NotAPdfWithWrongNumbers()
    {
        var doc = Dossiers.Of("andrei-k", DossierLanguage.En);
        var section = doc.Sections.First(s => s.Blocks.OfType<Paragraph>().Any(p => p.Content.OfType<NoteRef>().Count() > 1));
        var paragraph = section.Blocks.OfType<Paragraph>().First(p => p.Content.OfType<NoteRef>().Count() > 1);
        var swapped = paragraph with { Content = [.. paragraph.Content.Where(i => i is not NoteRef), .. paragraph.Content.OfType<NoteRef>().Reverse()] };
        var broken = doc with { Sections = doc.Sections.Replace(section, section with { Blocks = section.Blocks.Replace(paragraph, swapped) }) };
        Assert.Throws<InvalidOperationException>(() => HtmlRenderer.Render(broken));
    }

    [Fact]
    public void Html_FooterText_IsWrittenAsACssString()
    {
        Assert.Equal("\"a\\22 b\\5C c\\3C /style\\3E \\A d · е\"", HtmlRenderer.CssString("a\"b\\c</style>\nd · е"));
    }

    /// <summary>
    /// Calls are the note numbers set small and raised (7 pt) in the text; a note starts with its number and a full
    /// stop in the note size (8.5 pt) at the left margin. Every call must be on the page where its note starts, the
    /// calls must count 1, 2, 3… in reading order as the model's notes do, and the note's text must begin there.
    /// </summary>
    private static void AssertNotesOnTheirPages(DossierDocument doc, PdfDocument pdf)
    {
        Assert.NotEmpty(doc.Footnotes);
        var calls = new List<(int Number, int Page)>();
        var markers = new Dictionary<int, int>();
        foreach (var page in pdf.GetPages())
        {
            calls.AddRange(Calls(page).Select(n => (n, page.Number)));
            foreach (var w in page.GetWords().Where(w => MarkerWord().IsMatch(w.Text)))
            {
                var letter = w.Letters[0];
                if (Math.Abs(letter.PointSize - 8.5) < 0.3 && Math.Abs(w.BoundingBox.Left - LeftMargin) < 2
                    && letter.FontName?.Contains("Serif", StringComparison.Ordinal) == true)
                    Assert.True(markers.TryAdd(int.Parse(w.Text[..^1], CultureInfo.InvariantCulture), page.Number), $"note {w.Text} is printed twice");
            }
        }
        Assert.Equal(Enumerable.Range(1, doc.Footnotes.Length), calls.Select(c => c.Number));
        Assert.Equal(Enumerable.Range(1, doc.Footnotes.Length), markers.Keys.Order());
        foreach (var (number, page) in calls)
        {
            Assert.True(markers[number] == page, $"note {number} is cited on page {page} but printed on page {markers[number]}");
            var note = doc.Footnotes[number - 1];
            var start = PdfTests.Squash(note.PlainText);
            start = start[..Math.Min(start.Length, 40)];
            var pageText = PdfTests.Squash(string.Join("", pdf.GetPage(page).GetWords().Select(w => w.Text)));
            Assert.True(pageText.Contains(start, StringComparison.Ordinal), $"page {page} does not show the start of note {number}: '{start}'");
        }
    }

    /// <summary>The numbers of the note calls on a page, in reading order: raised 7 pt digits, separated by commas.</summary>
    private static List<int> Calls(Page page)
    {
        var letters = page.Letters
            .Where(l => Math.Abs(l.PointSize - 7) < 0.3 && l.Value.Length == 1 && (char.IsAsciiDigit(l.Value[0]) || l.Value[0] == ','))
            .OrderByDescending(l => Math.Round(l.StartBaseLine.Y, 1)).ThenBy(l => l.StartBaseLine.X)
            .ToList();
        var numbers = new List<int>();
        var digits = new StringBuilder();
        Letter? previous = null;
        foreach (var l in letters)
        {
            var adjacent = previous is not null && Math.Abs(previous.StartBaseLine.Y - l.StartBaseLine.Y) < 0.1
                && l.StartBaseLine.X - previous.EndBaseLine.X < 1;
            if (!adjacent || l.Value[0] == ',') Flush();
            if (l.Value[0] != ',') digits.Append(l.Value);
            previous = l;
        }
        Flush();
        return numbers;

        void Flush()
        {
            if (digits.Length > 0) numbers.Add(int.Parse(digits.ToString(), CultureInfo.InvariantCulture));
            digits.Clear();
        }
    }

    /// <summary>
    /// The contents pages show one number per entry, flush with the right margin. Each must be the page where that
    /// heading is: the page of its bookmark (Chromium's outline of the printed headings), which also shows its text.
    /// </summary>
    private static void AssertContentsPages(DossierDocument doc, PdfDocument pdf)
    {
        var entries = doc.Section(SectionKind.Contents)!.Blocks.OfType<TocEntry>().ToList();
        Assert.True(pdf.TryGetBookmarks(out var outline), "no document outline");
        var bookmarks = Flatten(outline.Roots).OfType<DocumentBookmarkNode>().ToList();
        var contentsPage = bookmarks.First(b => PdfTests.Squash(b.Title) == PdfTests.Squash(doc.Section(SectionKind.Contents)!.Title)).PageNumber;

        var actual = new List<int>();
        var from = 0;
        foreach (var entry in entries)
        {
            var at = bookmarks.FindIndex(from, b => PdfTests.Squash(b.Title) == PdfTests.Squash(entry.Text));
            Assert.True(at >= 0, $"no bookmark for '{entry.Text}'");
            from = at + 1;
            var page = bookmarks[at].PageNumber;
            Assert.True(page > contentsPage, $"'{entry.Text}' is bookmarked on page {page}");
            var text = PdfTests.Squash(string.Join("", pdf.GetPage(page).GetWords().Select(w => w.Text)));
            Assert.True(text.Contains(PdfTests.Squash(entry.Text), StringComparison.Ordinal), $"page {page} does not show the heading '{entry.Text}'");
            actual.Add(page);
        }

        var printed = new List<int>();
        for (var p = contentsPage; p < actual[0]; p++)
        {
            var page = pdf.GetPage(p);
            printed.AddRange(page.GetWords()
                .Where(w => w.BoundingBox.Bottom > BottomMargin && w.Text.All(char.IsAsciiDigit)
                    && Math.Abs(w.BoundingBox.Right - (page.Width - RightMargin)) < 2)
                .OrderByDescending(w => w.BoundingBox.Bottom)
                .Select(w => int.Parse(w.Text, CultureInfo.InvariantCulture)));
        }
        Assert.Equal(actual, printed);
    }

    private static IEnumerable<BookmarkNode> Flatten(IEnumerable<BookmarkNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));
}
