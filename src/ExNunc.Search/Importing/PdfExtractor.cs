using System.Collections.Immutable;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace ExNunc.Search.Importing;

/// <summary>
/// PDF through PdfPig: words are grouped into text blocks by the Docstrum layout analysis and put in
/// reading order (columns are read one after the other). A block whose letters are clearly larger than
/// the body text, or a short line that does not end like a sentence, is a heading; the lines of a heading
/// are joined, and so are the two halves of a paragraph broken by a page break. Running headers and
/// footers (the same text, digits aside, first or last on at least two pages and half of all pages) and
/// bare page numbers are dropped. A password-protected, corrupt or text-less (scanned) PDF is an <see cref="ExtractionException"/>.
/// </summary>
internal static partial class PdfExtractor
{
    public static ExtractedDocument Extract(byte[] bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var raw = new List<(int Page, string Text, double Size, int Lines)>();
            foreach (var page in pdf.GetPages())
            {
                var words = page.GetWords(NearestNeighbourWordExtractor.Instance).ToList();
                if (words.Count == 0) continue;
                var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
                var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks).OrderBy(b => b.ReadingOrder);
                foreach (var block in ordered)
                {
                    var text = Paragraphs.JoinLines([.. block.TextLines.Select(l => l.Text)]);
                    if (text.Length == 0) continue;
                    var size = block.TextLines.SelectMany(l => l.Words).SelectMany(w => w.Letters).Average(Size);
                    raw.Add((page.Number, text, size, block.TextLines.Count));
                }
            }
            if (raw.Count == 0)
                throw new ExtractionException("pdf.no-text", "the PDF has no text layer (a scan?); run OCR on it and import the result.");

            var body = Median(raw.Select(r => r.Size));
            var running = RunningHeadersAndFooters(raw.Select(r => (r.Page, r.Text)).ToList());
            var kept = raw.Where(r => !running.Contains(Digits().Replace(r.Text, "#")) && !PageNumber().IsMatch(r.Text)).ToList();
            var result = ImmutableArray.CreateBuilder<ExtractedBlock>();
            for (var i = 0; i < kept.Count; i++)
            {
                var (page, text, size, lines) = kept[i];
                var heading = size > body * 1.15 || (lines == 1 && Paragraphs.LooksLikeHeading(text) && text.Length < 70);
                // A heading set on several lines comes out as one block per line: join lines of the same size.
                while (heading && i + 1 < kept.Count && kept[i + 1].Page == page && Math.Abs(kept[i + 1].Size - size) < 0.5 && size > body * 1.15)
                    text += " " + kept[++i].Text;
                // A paragraph broken by a page break goes on with a lower-case word on the next page.
                while (!heading && i + 1 < kept.Count && kept[i + 1].Page == page + 1 && Math.Abs(kept[i + 1].Size - size) < 0.5
                       && text[^1] is not ('.' or '!' or '?' or ':') && char.IsLower(kept[i + 1].Text[0]))
                    text = Paragraphs.JoinLines([text, kept[++i].Text]);
                result.Add(new ExtractedBlock(text, page, null, heading));
            }
            var title = pdf.Information.Title is { Length: > 0 } t ? Paragraphs.Normalise(t) : result.FirstOrDefault(b => b.IsHeading)?.Text;
            return new ExtractedDocument(FileFormat.Pdf, result.ToImmutable(), title);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new ExtractionException("pdf.encrypted", "the PDF is password-protected; open it with its password, save an unprotected copy and import that.", ex);
        }
        catch (ExtractionException)
        {
            throw;
        }
#pragma warning disable CA1031 // PdfPig throws many exception types on damaged files; any of them means this file cannot be read.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            throw new ExtractionException("pdf.unreadable", $"the PDF cannot be read ({ex.GetType().Name}: {ex.Message}); it may be damaged or not a PDF.", ex);
        }
    }

    private static double Size(Letter letter) => letter.PointSize;

    /// <summary>
    /// Text that opens or closes at least two pages and half of all pages (digits aside, so "Page 3 of 9"
    /// counts as the same): a running header or footer.
    /// </summary>
    private static HashSet<string> RunningHeadersAndFooters(List<(int Page, string Text)> blocks)
    {
        var pages = blocks.Select(b => b.Page).Distinct().Count();
        var edges = blocks.GroupBy(b => b.Page)
            .SelectMany(g => new[] { g.First().Text, g.Last().Text }.Distinct().Select(t => (Page: g.Key, Key: Digits().Replace(t, "#"))));
        return edges.GroupBy(e => e.Key)
            .Where(g => g.Select(e => e.Page).Distinct().Count() is var n && n >= 2 && n * 2 >= pages)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
    [GeneratedRegex(@"^[\s\-–—]*(\d{1,4}|[ivxlc]{1,6})([\s/]+(\d{1,4}))?[\s\-–—]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
