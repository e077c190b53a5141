using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ExNunc.Dossier.Building;
using ExNunc.Dossier.Docx;
using ExNunc.Dossier.Model;
using ExNunc.Dossier.Phrasing;
using ExNunc.Testing;
using Footnote = DocumentFormat.OpenXml.Wordprocessing.Footnote;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace ExNunc.Dossier.Tests;

public sealed class DocxTests
{
    private static readonly SectionKind[] AuthorityOrder =
    [
        SectionKind.Cover, SectionKind.Contents, SectionKind.Summary, SectionKind.Chronology, SectionKind.Grounds, SectionKind.Objections,
        SectionKind.Exposure, SectionKind.CountryInformation, SectionKind.EvidenceIndex, SectionKind.Annexes,
    ];

    private static readonly Phrase[] SectionPhrases =
    [
        Templates.Summary, Templates.Chronology, Templates.Grounds, Templates.Objections, Templates.Exposure, Templates.Coi,
        Templates.EvidenceIndex, Templates.Annexes,
    ];

    internal static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false);

    internal static List<string> Heading1s(WordprocessingDocument word) =>
        [.. word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText)];

    [Theory]
    [MemberData(nameof(Dossiers.ScenarioLanguages), MemberType = typeof(Dossiers))]
    public void Docx_EveryScenarioAndLanguage_HasTheSectionsInOrder(string scenario, DossierLanguage language)
    {
        var doc = Dossiers.Of(scenario, language);
        Assert.Equal(AuthorityOrder, doc.Sections.Select(s => s.Kind));
        using var word = Open(DocxRenderer.Render(doc));
        var headings = Heading1s(word);
        Assert.Equal(SectionPhrases.Length, headings.Count);
        for (var i = 0; i < SectionPhrases.Length; i++)
            Assert.EndsWith(SectionPhrases[i].In(language), headings[i]);
        Assert.DoesNotContain(headings, h => h.Contains(Templates.LawyerNotes.In(language), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dossiers.ScenarioLanguages), MemberType = typeof(Dossiers))]
    public void Docx_EveryEvidenceItem_IsInTheIndexWithItsHash(string scenario, DossierLanguage language)
    {
        var @case = TestKnowledge.Scenario(scenario);
        using var word = Open(DocxRenderer.Render(Dossiers.Of(scenario, language)));
        var tables = word.MainDocumentPart!.Document!.Body!.Elements<Table>().ToList();
        var index = tables.Single(t => t.Elements<TableRow>().First().InnerText.Contains(Templates.Hash.In(language), StringComparison.Ordinal));
        var rows = index.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var evidence = @case.Evidence ?? Domain.Cases.ValueList<Domain.Cases.EvidenceItem>.Empty;
        Assert.Equal(evidence.Count, rows.Count);
        for (var i = 0; i < evidence.Count; i++)
        {
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), rows[i][0]);
            Assert.Equal(evidence[i].Title, rows[i][1]);
            Assert.StartsWith(FakeDigests.HashOf(evidence[i].Id)[..DossierBuilder.PrefixLength], rows[i][6]);
        }
        var annexes = tables.Single(t => t.Elements<TableRow>().First().InnerText.Contains(Templates.File.In(language), StringComparison.Ordinal));
        var full = annexes.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Last().InnerText).ToList();
        Assert.Equal(evidence.Select(e => FakeDigests.HashOf(e.Id)), full);
    }

    [Theory]
    [MemberData(nameof(Dossiers.ScenarioLanguages), MemberType = typeof(Dossiers))]
    public void Docx_EveryFootnote_CitesSourcesThatAreInTheKnowledgeBase(string scenario, DossierLanguage language)
    {
        var doc = Dossiers.Of(scenario, language);
        var kbSources = TestKnowledge.Kb.Entries.SelectMany(e => e.Sources).Select(s => (s.Title, s.Publisher, s.Url)).ToHashSet();
        using var word = Open(DocxRenderer.Render(doc));
        var notes = word.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<Footnote>().Where(f => f.Id!.Value > 0).ToList();
        Assert.Equal(doc.Footnotes.Length, notes.Count);
        Assert.NotEmpty(notes);
        var body = word.MainDocumentPart.Document!.Body!;
        var refs = body.Descendants<FootnoteReference>().Select(r => (int)r.Id!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, notes.Count), refs);
        foreach (var note in notes)
        {
            var model = doc.Footnotes[(int)note.Id!.Value - 1];
            Assert.NotNull(TestKnowledge.Kb.Find(model.KbId));
            Assert.NotEmpty(model.Sources);
            foreach (var s in model.Sources) Assert.Contains((s.Title, s.Publisher, s.Url), kbSources);
            var text = note.InnerText;
            Assert.Contains(model.Sources[0].Title, text, StringComparison.Ordinal);
            Assert.Contains(model.Sources[0].Publisher, text, StringComparison.Ordinal);
            if (model.SeeNote is { } first)
            {
                Assert.True(first < model.Number);
                Assert.Null(doc.Footnotes[first - 1].SeeNote);
                Assert.Equal(model.KbId, doc.Footnotes[first - 1].KbId);
            }
            else
                foreach (var s in model.Sources.Where(s => s.Url is not null)) Assert.Contains(s.Url!, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Dossiers.ScenarioLanguages), MemberType = typeof(Dossiers))]
    public void Docx_SameInputs_GiveByteIdenticalFiles(string scenario, DossierLanguage language)
    {
        var @case = TestKnowledge.Scenario(scenario);
        var first = DocxRenderer.Render(Dossiers.Build(@case, language));
        var second = DocxRenderer.Render(Dossiers.Build(@case, language));
        using (var a = Open(first))
        using (var b = Open(second))
        {
            Assert.Equal(Xml(a.MainDocumentPart!), Xml(b.MainDocumentPart!));
            Assert.Equal(Xml(a.MainDocumentPart!.FootnotesPart!), Xml(b.MainDocumentPart!.FootnotesPart!));
        }
        Assert.Equal(first, second);
    }

    private static byte[] Xml(OpenXmlPart part)
    {
        using var s = part.GetStream(FileMode.Open, FileAccess.Read);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    [Theory]
    [MemberData(nameof(Dossiers.ScenarioLanguages), MemberType = typeof(Dossiers))]
    public void Docx_IsValidOpenXml_ForWord(string scenario, DossierLanguage language)
    {
        using var word = Open(DocxRenderer.Render(Dossiers.Of(scenario, language, lawyerNotes: true)));
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(word)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").Take(10).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Docx_DocumentXml_HasNoRsidsDatesOrRandomIds()
    {
        using var word = Open(DocxRenderer.Render(Dossiers.Of("andrei-k", DossierLanguage.En)));
        var xml = System.Text.Encoding.UTF8.GetString(Xml(word.MainDocumentPart!));
        Assert.DoesNotContain("w:rsid", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("w:date=", xml, StringComparison.Ordinal);
        Assert.Null(word.PackageProperties.Created);
        Assert.All(word.MainDocumentPart!.Parts, p => Assert.Matches("^rId[A-Za-z0-9]+$", p.RelationshipId));
    }

    [Fact]
    public void Docx_UsesWordStyles_Toc_Footer_RepeatingHeaders_AndContinuousNumbering()
    {
        var doc = Dossiers.Of("andrei-k", DossierLanguage.En);
        using var word = Open(DocxRenderer.Render(doc));
        var main = word.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value).ToHashSet();
        foreach (var s in new[] { "Title", "Heading1", "Heading2", "Heading3", "TOC1", "TOC2", "FootnoteText", "FootnoteReference", "NumberedParagraph" })
            Assert.Contains(s, styles);
        var body = main.Document!.Body!;
        Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.TrimStart().StartsWith("TOC", StringComparison.Ordinal));
        var footer = main.FooterParts.Single().Footer!;
        Assert.Contains(footer.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE");
        Assert.Contains(footer.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "NUMPAGES");
        foreach (var table in body.Elements<Table>().Where(t => t.Elements<TableRow>().First().Descendants<TableHeader>().Any() || t.Elements<TableRow>().Count() > 6))
            Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.True(main.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>()?.Val?.Value);

        var numbered = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "NumberedParagraph").ToList();
        var modelNumbers = doc.Sections.SelectMany(s => s.Blocks).OfType<Model.Paragraph>().Where(p => p.Number is not null).Select(p => p.Number!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, modelNumbers.Count), modelNumbers);
        Assert.Equal(modelNumbers.Count, numbered.Count);
        var numbering = main.NumberingDefinitionsPart!.Numbering!;
        Assert.Equal("%1.", numbering.Descendants<LevelText>().First().Val!.Value);
    }

    [Fact]
    public void Docx_Russian_KeepsCyrillicIntact()
    {
        var doc = Dossiers.Of("andrei-k", DossierLanguage.Ru);
        using var word = Open(DocxRenderer.Render(doc));
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Краткое изложение ходатайства", text, StringComparison.Ordinal);
        var summary = TestKnowledge.Kb.Find("refugee-status")!.Summary.Ru;
        Assert.Contains(summary, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_German_HasGermanHeadingsAndSaysSummariesAreEnglish()
    {
        var doc = Dossiers.Of("andrei-k", DossierLanguage.De);
        using var word = Open(DocxRenderer.Render(doc));
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Schutzgründe", text, StringComparison.Ordinal);
        Assert.Contains("Zuerkennung der Flüchtlingseigenschaft", text, StringComparison.Ordinal);
        Assert.Contains("daher englisch", text, StringComparison.Ordinal);
        Assert.Contains(TestKnowledge.Kb.Find("refugee-status")!.Summary.En, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dossiers.ScenarioLanguages), MemberType = typeof(Dossiers))]
    public void Docx_LawyerNotes_OnlyInTheLawyersVersion_AsTheLastPart(string scenario, DossierLanguage language)
    {
        var authority = Dossiers.Of(scenario, language);
        var lawyer = Dossiers.Of(scenario, language, lawyerNotes: true);
        Assert.Equal(SectionKind.LawyerNotes, lawyer.Sections[^1].Kind);
        using var word = Open(DocxRenderer.Render(lawyer));
        Assert.EndsWith(Templates.LawyerNotes.In(language), Heading1s(word)[^1]);
        var assessment = TestKnowledge.Engine.Assess(TestKnowledge.Scenario(scenario), Dossiers.AsOf, [Dossiers.DestinationOf(TestKnowledge.Scenario(scenario))]).Destinations[0];
        var lawyerText = string.Join("\n", lawyer.Sections[^1].Blocks.OfType<Model.Paragraph>().Select(p => p.PlainText));
        var authorityText = string.Join("\n", authority.Sections.SelectMany(s => s.Blocks).OfType<Model.Paragraph>().Select(p => p.PlainText));
        foreach (var gap in assessment.Gaps)
        {
            var need = gap.Need.In(language.KbLanguage());
            Assert.Contains(need, lawyerText, StringComparison.Ordinal);
            Assert.DoesNotContain(need, authorityText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dossier_NoCitedSourceIsPublishedAfterTheAsOfDate_UnlessMarked()
    {
        var published = TestKnowledge.Kb.Entries.SelectMany(e => e.Sources).GroupBy(s => (s.Title, s.Url)).ToDictionary(g => g.Key, g => g.First().Published);
        var checkedLater = 0;
        foreach (var scenario in TestKnowledge.ScenarioNames)
            foreach (var note in Dossiers.Of(scenario, DossierLanguage.En).Footnotes)
                foreach (var s in note.Sources)
                    if (published[(s.Title, s.Url)] is { } date && date.Earliest > Dossiers.AsOf)
                    {
                        Assert.Contains("published after", s.Date, StringComparison.Ordinal);
                        checkedLater++;
                    }
                    else Assert.DoesNotContain("published after", s.Date, StringComparison.Ordinal);
        Assert.True(checkedLater >= 0);
    }
}
