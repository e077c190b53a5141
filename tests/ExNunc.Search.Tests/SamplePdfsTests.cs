using ExNunc.Search.Importing;
using ExNunc.Search.Tests.Support;

namespace ExNunc.Search.Tests;

/// <summary>The sample PDFs are generated from SampleSources/ and committed; these tests keep them in step.</summary>
public sealed class SamplePdfsTests
{
    /// <summary>Rewrites the sample PDFs: <c>EXNUNC_WRITE_SAMPLES=1 dotnet test --filter SamplePdfs</c>.</summary>
    [Fact]
    public void SamplePdfs_AreWrittenWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("EXNUNC_WRITE_SAMPLES") != "1") return;
        foreach (var (name, header) in Samples.Pdfs)
        {
            var source = File.ReadAllText(Path.Combine(Samples.Sources, name + ".txt"));
            File.WriteAllBytes(Samples.File(name + ".pdf"), SamplePdfWriter.Write(source, header));
        }
    }

    /// <summary>Every paragraph of each source comes back whole, in order, from the committed PDF: the PDFs are current and extraction loses nothing.</summary>
    [Fact]
    public void SamplePdfs_GiveBackEveryParagraphOfTheirSource()
    {
        foreach (var (name, _) in Samples.Pdfs)
        {
            var document = Formats.Extract(FileFormat.Pdf, File.ReadAllBytes(Samples.File(name + ".pdf")));
            var extracted = string.Join("\n", document.Blocks.Select(b => b.Text));
            var paragraphs = File.ReadAllText(Path.Combine(Samples.Sources, name + ".txt")).ReplaceLineEndings("\n").Split("\n\n")
                .Select(p => p.Trim()).Where(p => p.Length > 0 && !p.StartsWith("# ", StringComparison.Ordinal)).Skip(1);
            var at = 0;
            foreach (var paragraph in paragraphs)
            {
                var found = extracted.IndexOf(paragraph, at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"{name}.pdf: missing or out of order: {paragraph[..Math.Min(60, paragraph.Length)]}…");
                at = found + paragraph.Length;
            }
        }
    }
}
