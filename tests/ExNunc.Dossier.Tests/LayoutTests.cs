using ExNunc.Domain.Cases;
using ExNunc.Dossier.Html;
using ExNunc.Dossier.Model;
using ExNunc.Testing;

namespace ExNunc.Dossier.Tests;

[Collection(PdfGroup.Name)]
public sealed class LayoutTests(ChromiumFixture chromium)
{
    [Theory]
    [MemberData(nameof(Dossiers.ScenarioLanguages), MemberType = typeof(Dossiers))]
    public async Task Layout_EveryScenario_FitsThePage_NoOverlap_NoOrphanedHeading(string scenario, DossierLanguage language)
    {
        var problems = LayoutCheck.Problems(await chromium.Pdf(scenario, language), pixels: language == DossierLanguage.Ru);
        Assert.Empty(problems);
    }

    /// <summary>A case built to break a layout: long unbreakable titles and file names, many rows, Cyrillic.</summary>
    internal static CaseFile Stress(int items)
    {
        var baseCase = TestKnowledge.Scenario("andrei-k");
        var evidence = Enumerable.Range(1, items).Select(i => new EvidenceItem
        {
            Id = $"x{i}",
            Title = i % 3 == 0
                ? $"Скриншот_переписки_с_военкоматом_и_участковым_{new string('ж', 40)}_{i}"
                : i % 3 == 1
                    ? $"Transcript of the hearing of {i} March with the full reasoning of the court, including the part on 'discrediting' the army and the evidence relied on"
                    : $"https://example.org/{new string('a', 90)}/{i}",
            Kind = "court-document",
            Date = new NodaTime.LocalDate(2022, 1 + i % 12, 1 + i % 28),
            Language = i % 2 == 0 ? "ru" : "en",
            Translated = i % 4 == 0,
            Proves = ValueList.Of("proceedings"),
        });
        return baseCase with { Evidence = new ValueList<EvidenceItem>(baseCase.Evidence!.Concat(evidence)) };
    }

    [Fact]
    public async Task Layout_LongUnbreakableText_StillFitsThePage()
    {
        var doc = Dossiers.Build(Stress(60), DossierLanguage.Ru, lawyerNotes: true);
        var problems = LayoutCheck.Problems(await chromium.Renderer.RenderAsync(doc));
        Assert.Empty(problems);
    }

    /// <summary>The check above must be able to fail: the same document with wrapping switched off overflows, and the check says so.</summary>
    [Fact]
    public async Task Layout_CheckFailsWhenTablesOverflow()
    {
        var doc = Dossiers.Build(Stress(12), DossierLanguage.En);
        const string broken = "table { table-layout: auto !important; width: auto !important; } td, td.mono, a { white-space: nowrap !important; overflow-wrap: normal !important; word-break: normal !important; }";
        var pdf = await chromium.Renderer.RenderHtmlAsync(HtmlRenderer.Render(doc, broken));
        var problems = LayoutCheck.Problems(pdf);
        Assert.Contains(problems, p => p.Contains("right margin", StringComparison.Ordinal));
    }

    /// <summary>A case with one evidence title so long that its table rows are taller than a page.</summary>
    private static DossierDocument HugeTitle()
    {
        var baseCase = TestKnowledge.Scenario("andrei-k");
        var huge = new EvidenceItem
        {
            Id = "x1",
            Title = string.Join(" ", Enumerable.Range(0, 1500).Select(i => $"слово{i} word")),
            Kind = "other",
            Date = new NodaTime.LocalDate(2022, 5, 1),
        };
        return Dossiers.Build(baseCase with { Evidence = new ValueList<EvidenceItem>(baseCase.Evidence!.Append(huge)) }, DossierLanguage.En);
    }

    [Fact]
    public async Task Layout_RowTallerThanAPage_BreaksAcrossPages_WithItsHeader_AndNothingIsLost()
    {
        var doc = HugeTitle();
        var bytes = await chromium.Renderer.RenderAsync(doc);
        Assert.Empty(LayoutCheck.Problems(bytes, pixels: false));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        var texts = pages.Select(p => PdfTests.Squash(string.Join("", p.GetWords().Select(w => w.Text)))).ToList();
        // The title is in the chronology, the evidence index and the annex list, whole, and the annex list ends the document.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(string.Concat(texts), "слово1499word"));
        Assert.Contains("слово1499word", texts[^1], StringComparison.Ordinal);
        // A page in the middle of such a row starts with the table's header row (bold, in the sans-serif face of tables).
        var middle = Enumerable.Range(0, pages.Count).Where(i => texts[i].Contains("слово700word", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, middle.Count);
        foreach (var i in middle)
        {
            var top = pages[i].GetWords().MaxBy(w => w.BoundingBox.Top)!;
            Assert.True(top.Letters[0].FontName?.Contains("Sans-Bold", StringComparison.Ordinal) == true, $"page {i + 1} starts with '{top.Text}', not the header row");
        }
    }

    /// <summary>If Paged.js ever leaves content out (here: a row taller than a page that must not break), printing fails rather than dropping it.</summary>
    [Fact]
    public async Task Layout_ContentThatCannotBeLaidOut_FailsThePrint_InsteadOfDroppingIt()
    {
        var html = HtmlRenderer.Render(HugeTitle(), "tr { break-inside: avoid !important; }");
        var error = await Assert.ThrowsAsync<Pdf.DevToolsException>(() => chromium.Renderer.RenderHtmlAsync(html));
        Assert.Contains("not laid out on any page", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_TableHeaderRepeatsOnEveryPageOfTheEvidenceIndex()
    {
        var doc = Dossiers.Build(Stress(300), DossierLanguage.En);
        var bytes = await chromium.Renderer.RenderAsync(doc);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var texts = pdf.GetPages().Select(p => PdfTests.Squash(string.Join("", p.GetWords().Select(w => w.Text)))).ToList();
        // The contents page names every part too; the parts themselves are where the titles occur last.
        var first = texts.FindLastIndex(t => t.Contains(PdfTests.Squash(doc.Section(SectionKind.EvidenceIndex)!.Title), StringComparison.Ordinal));
        var end = texts.FindLastIndex(t => t.Contains(PdfTests.Squash(doc.Section(SectionKind.Annexes)!.Title), StringComparison.Ordinal));
        var indexPages = texts[first..end];
        Assert.True(indexPages.Count > 3, $"the index should span several pages, got {indexPages.Count}");
        // Header cells may wrap, so look for two of them separately.
        Assert.All(indexPages, t => Assert.Contains("SHA-256", t, StringComparison.Ordinal));
        Assert.All(indexPages, t => Assert.Contains(Phrasing.Templates.Translated.In(DossierLanguage.En), t, StringComparison.Ordinal));
    }
}
