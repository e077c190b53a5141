using System.Text;
using BenchmarkDotNet.Attributes;
using ExNunc.Domain.Cases;
using ExNunc.Dossier;
using ExNunc.Dossier.Docx;
using ExNunc.Dossier.Html;
using ExNunc.Dossier.Model;
using ExNunc.Dossier.Pdf;

namespace ExNunc.Benchmarks.Dossier;

/// <summary>
/// Building the dossier model and writing the DOCX and HTML for a case with 1,000 evidence items.
/// Baseline: writing the same text as plain UTF-8, the least any renderer must do.
/// </summary>
public class DossierBenchmarks
{
    private CaseFile _case = null!;
    private DossierDocument _document = null!;

    [Params(1_000)]
    public int EvidenceItems { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _case = BigCase.Case(EvidenceItems);
        _document = BigCase.Document(_case);
    }

    [Benchmark(Baseline = true)]
    public int PlainText()
    {
        var sb = new StringBuilder();
        foreach (var s in _document.Sections)
        {
            sb.AppendLine(s.Title);
            foreach (var b in s.Blocks)
                switch (b)
                {
                    case Paragraph p: sb.AppendLine(p.PlainText); break;
                    case Table t: foreach (var r in t.Rows) foreach (var c in r) sb.Append(c.PlainText).Append('\t'); break;
                    case Heading h: sb.AppendLine(h.Text); break;
                }
        }
        foreach (var n in _document.Footnotes) sb.AppendLine(n.PlainText);
        return Encoding.UTF8.GetByteCount(sb.ToString());
    }

    [Benchmark]
    public DossierDocument BuildModel() => BigCase.Document(_case);

    [Benchmark]
    public byte[] Docx() => DocxRenderer.Render(_document);

    [Benchmark]
    public string Html() => HtmlRenderer.Render(_document);

    /// <summary>Model and DOCX together: what <c>exnunc dossier --format docx</c> does after the assessment.</summary>
    [Benchmark]
    public byte[] ModelAndDocx() => DocxRenderer.Render(BigCase.Document(_case));
}

/// <summary>
/// Printing the 1,000-item dossier (over 200 pages) to PDF with one warm Chromium, and, for
/// comparison, starting a fresh Chromium for the document as a per-document renderer would.
/// </summary>
[LongRun]
public class DossierPdfBenchmarks
{
    private DossierDocument _document = null!;
    private ChromiumPdfRenderer _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = BigCase.Document(BigCase.Case(1_000));
        _warm = ChromiumPdfRenderer.StartAsync().GetAwaiter().GetResult();
        var pdf = Encoding.Latin1.GetString(_warm.RenderAsync(_document).GetAwaiter().GetResult());
        var pages = System.Text.RegularExpressions.Regex.Count(pdf, @"/Type\s*/Page(?!s)");
        Console.WriteLine($"// the 1,000-item dossier has {pages} pages");
    }

    [GlobalCleanup]
    public void Cleanup() => _warm.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public byte[] WarmChromium() => _warm.RenderAsync(_document).GetAwaiter().GetResult();

    [Benchmark]
    public byte[] ColdChromium()
    {
        var renderer = ChromiumPdfRenderer.StartAsync().GetAwaiter().GetResult();
        try
        {
            return renderer.RenderAsync(_document).GetAwaiter().GetResult();
        }
        finally
        {
            renderer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
