using System.Globalization;
using System.Text.RegularExpressions;
using ExNunc.Dossier.Model;
using ExNunc.Dossier.Phrasing;
using ExNunc.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace ExNunc.Dossier.Tests;

[Collection(PdfGroup.Name)]
public sealed partial class PdfTests(ChromiumFixture chromium)
{
    [GeneratedRegex(@"\p{IsCyrillic}{5,}")]
    private static partial Regex CyrillicWord();

    internal static string AllText(PdfDocument pdf) =>
        string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

    [Theory]
    [MemberData(nameof(Dossiers.ScenarioLanguages), MemberType = typeof(Dossiers))]
    public async Task Pdf_EveryScenarioAndLanguage_HasSectionsInOrder_Bookmarks_Hashes_PageNumbers_AndIntactCyrillic(string scenario, DossierLanguage language)
    {
        var doc = Dossiers.Of(scenario, language);
        var bytes = await chromium.Pdf(scenario, language);
        using var pdf = PdfDocument.Open(bytes);
        var text = AllText(pdf);
        var flat = Squash(text);

        // Sections present and in order (the contents page lists the titles first; the parts come after it).
        var position = -1;
        foreach (var section in doc.Sections.Where(s => s.Kind is not SectionKind.Cover and not SectionKind.Contents))
        {
            var at = flat.LastIndexOf(Squash(section.Title), StringComparison.Ordinal);
            Assert.True(at > position, $"{section.Title} missing or out of order");
            position = at;
        }
        Assert.DoesNotContain(Squash(Templates.LawyerNotes.In(language)), flat, StringComparison.Ordinal);

        // A bookmark per part.
        Assert.True(pdf.TryGetBookmarks(out var bookmarks), "no document outline");
        var titles = Flatten(bookmarks.Roots).Select(b => Squash(b.Title)).ToList();
        foreach (var section in doc.Sections.Where(s => s.Kind is not SectionKind.Cover))
            Assert.Contains(Squash(section.Title), titles);

        // Every evidence item with its hash prefix.
        foreach (var item in TestKnowledge.Scenario(scenario).Evidence ?? Domain.Cases.ValueList<Domain.Cases.EvidenceItem>.Empty)
            Assert.Contains(FakeDigests.HashOf(item.Id)[..Building.DossierBuilder.PrefixLength], flat, StringComparison.Ordinal);

        // Page n of m on every page.
        var pages = pdf.NumberOfPages;
        for (var i = 1; i <= pages; i++)
        {
            var pageText = Squash(string.Join(" ", pdf.GetPage(i).GetWords().Select(w => w.Text)));
            Assert.Contains(Squash($"{Templates.Page.In(language)} {i} {Templates.Of.In(language)} {pages}"), pageText, StringComparison.Ordinal);
        }

        // Cyrillic comes out of the PDF as it went in.
        var modelText = string.Join(" ", doc.Sections.SelectMany(s => s.Blocks).OfType<Paragraph>().Select(p => p.PlainText)
            .Concat(doc.Footnotes.Select(n => n.PlainText)));
        var cyrillic = CyrillicWord().Matches(modelText).Select(m => m.Value).Distinct().Take(200).ToList();
        if (language == DossierLanguage.Ru) Assert.NotEmpty(cyrillic);
        var pdfWords = CyrillicWord().Matches(text).Select(m => m.Value).ToHashSet();
        foreach (var word in cyrillic) Assert.Contains(word, pdfWords);
    }

    [Fact]
    public async Task Pdf_LawyerVersion_EndsWithTheNotes()
    {
        var bytes = await chromium.Pdf("andrei-k", DossierLanguage.En, lawyerNotes: true);
        using var pdf = PdfDocument.Open(bytes);
        var flat = Squash(AllText(pdf));
        var doc = Dossiers.Of("andrei-k", DossierLanguage.En, lawyerNotes: true);
        var notes = flat.LastIndexOf(Squash(doc.Section(SectionKind.LawyerNotes)!.Title), StringComparison.Ordinal);
        var annexes = flat.LastIndexOf(Squash(doc.Section(SectionKind.Annexes)!.Title), StringComparison.Ordinal);
        Assert.True(notes > annexes);
    }

    [Fact]
    public async Task Pdf_EmbedsFontsAndHasSelectableText()
    {
        var bytes = await chromium.Pdf("andrei-k", DossierLanguage.Ru);
        using var pdf = PdfDocument.Open(bytes);
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        Assert.Contains(letters, l => l.FontName?.Contains("DejaVuSerif", StringComparison.Ordinal) == true);
        Assert.Contains("Хронология", AllText(pdf), StringComparison.Ordinal);
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
    }

    private static IEnumerable<BookmarkNode> Flatten(IEnumerable<BookmarkNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    /// <summary>Text without white space, so that line breaks inside a heading do not matter.</summary>
    internal static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    internal static int Parse(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
