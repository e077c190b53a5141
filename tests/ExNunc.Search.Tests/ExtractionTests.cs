using System.Text;
using ExNunc.Search.Importing;
using ExNunc.Search.Tests.Support;

namespace ExNunc.Search.Tests;

/// <summary>Text and structure read from the sample files in each format.</summary>
public sealed class ExtractionTests
{
    private static (ExtractedDocument Document, System.Collections.Immutable.ImmutableArray<Passage> Passages) Read(string name, ResearchLanguage? declared = null)
    {
        var path = Samples.File(name);
        var document = Formats.Extract(Formats.Of(path)!.Value, File.ReadAllBytes(path));
        return (document, PassageSplitter.Split(document, declared));
    }

    [Fact]
    public void Pdf_GermanReport_KeepsPagesAndSections_DropsRunningHeaderAndPageNumbers()
    {
        var (document, passages) = Read("nordlicht-lagebericht-2023-03.pdf");

        Assert.Equal("Lagebericht Russische Föderation: Mobilmachung, Wehrdienstentziehung und Fahnenflucht", document.Title);
        Assert.True(passages.Max(p => p.Page) >= 2, "the sample spans several pages");
        Assert.All(passages, p => Assert.NotNull(p.Page));
        Assert.DoesNotContain(passages, p => p.Text.Contains("Nordlicht Monitor · Lagebericht", StringComparison.Ordinal));
        Assert.DoesNotContain(passages, p => p.Text.Trim().All(char.IsDigit));
        var desertion = Assert.Single(passages, p => p.Text.Contains("gilt als Deserteur.", StringComparison.Ordinal));
        Assert.Equal("3. Strafverfolgung wegen Fahnenflucht", desertion.Section);
        Assert.All(passages, p => Assert.Equal(ResearchLanguage.De, p.Language));
        Assert.Equal(Enumerable.Range(1, passages.Length), passages.Select(p => p.Ordinal));
    }

    [Fact]
    public void Pdf_RussianReport_ReadsCyrillicAndDetectsRussian()
    {
        var (_, passages) = Read("severny-veter-monitoring-2023.pdf");

        var relatives = Assert.Single(passages, p => p.Text.Contains("Повестка, оставленная у родителей, по закону не считается врученной", StringComparison.Ordinal));
        Assert.Equal("Давление на родственников", relatives.Section);
        Assert.All(passages, p => Assert.Equal(ResearchLanguage.Ru, p.Language));
    }

    [Fact]
    public void Pdf_ParagraphsAreWholeAcrossWrappedLines()
    {
        var (_, passages) = Read("lowland-appeals-review-2024.pdf");

        Assert.Contains(passages, p => p.Text.Contains(
            "Reviewing bodies noted that most people prosecuted for anti-war statements in Russia are ordinary citizens with small audiences",
            StringComparison.Ordinal));
    }

    [Fact]
    public void Html_SkipsNavigationFooterAndScripts_KeepsHeadingsListsTablesAndLines()
    {
        var (document, passages) = Read("eastway-country-brief-2024-02.html");

        Assert.Equal("Country brief: Russia — conscription, mobilisation and electronic summonses", document.Title);
        Assert.Equal("2024-02-10", document.Published?.ToString());
        var all = string.Join("\n", passages.Select(p => p.Text));
        Assert.DoesNotContain("Country briefs", all, StringComparison.Ordinal);
        Assert.DoesNotContain("All figures illustrative", all, StringComparison.Ordinal);
        Assert.DoesNotContain("not indexed", all, StringComparison.Ordinal);
        var served = Assert.Single(passages, p => p.Text.Contains("It is deemed served seven days after placement", StringComparison.Ordinal));
        Assert.Equal("2. Electronic summonses", served.Section);
        Assert.NotNull(served.Line);
        Assert.Contains(passages, p => p.Text.Contains("Electronic summonses deemed served after seven days · November 2023", StringComparison.Ordinal));
        Assert.Contains(passages, p => p.Text.Contains("The absence of a summons is not evidence of the absence of risk.", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_SkipsFrontMatter_RemovesMarkupKeepsLinkText()
    {
        var (document, passages) = Read("open-shore-briefing-desertion-2025-01.md");

        Assert.Equal("Briefing note: desertion and absence without leave", document.Title);
        var all = string.Join("\n", passages.Select(p => p.Text));
        Assert.DoesNotContain("front matter", all, StringComparison.Ordinal);
        Assert.DoesNotContain("**", all, StringComparison.Ordinal);
        Assert.DoesNotContain("eur-lex.example", all, StringComparison.Ordinal);
        Assert.Contains("See the EU Qualification Directive, Article 9(2)(e).", all, StringComparison.Ordinal);
        Assert.Contains("Russian criminal law distinguishes absence without leave from desertion.", all, StringComparison.Ordinal);
        Assert.Contains("Desertion during mobilisation · five to fifteen years", all, StringComparison.Ordinal);
        Assert.All(passages, p => Assert.NotNull(p.Line));
    }

    [Fact]
    public void Text_FirstShortLineIsTheTitle_ParagraphsKeepTheirLine()
    {
        var (document, passages) = Read("otkrytyi-bereg-povestki-2022-11.txt");

        Assert.Equal("Повестки и уголовное преследование: обзор практики осени 2022 года", document.Title);
        var personal = Assert.Single(passages, p => p.Text.Contains("По закону повестку должны вручить лично под подпись.", StringComparison.Ordinal));
        Assert.Equal(7, personal.Line);
    }

    [Fact]
    public void Text_Windows1251_IsDecoded()
    {
        var text = "Повестка вручается лично под подпись. Неявка по повестке влечёт штраф, а в период мобилизации — уголовное дело.";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(text);

        var document = Formats.Extract(FileFormat.Text, bytes);

        Assert.Equal(text, Assert.Single(document.Blocks).Text);
    }

    [Fact]
    public void Text_WordsHyphenatedAtLineEnds_AreRejoined()
    {
        var bytes = Encoding.UTF8.GetBytes("The partial mobili-\nsation was announced on 21 September and re-\nservists were called.\n");

        var document = Formats.Extract(FileFormat.Text, bytes);

        Assert.Equal("The partial mobilisation was announced on 21 September and reservists were called.", Assert.Single(document.Blocks).Text);
    }

    [Fact]
    public void LongParagraphs_AreCutAtSentenceEnds()
    {
        var sentence = "The board accepted that the applicant would be prosecuted on return for refusing to serve. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 40)).Trim();

        var chunks = PassageSplitter.Chunks(text).ToList();

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(c.Length <= PassageSplitter.MaxChars));
        Assert.All(chunks, c => Assert.EndsWith("serve.", c, StringComparison.Ordinal));
        Assert.Equal(text, string.Join(" ", chunks));
    }
}
