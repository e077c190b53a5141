using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ExNunc.Dossier.Tests;

/// <summary>
/// Looks at a printed dossier as a reader would: text and lines stay inside the page margins (checked
/// on the words PdfPig extracts and, for borders and anything else drawn, on the pixels pdftoppm
/// renders), words do not overlap, and no page ends with a heading whose text starts on the next page.
/// </summary>
public static class LayoutCheck
{
    private const double Mm = 72 / 25.4;
    private const double LeftMargin = 25 * Mm;
    private const double RightMargin = 20 * Mm;
    private const double BottomMargin = 18 * Mm;
    private const double Tolerance = 1.5;

    public static List<string> Problems(byte[] pdfBytes, bool pixels = true)
    {
        var problems = new List<string>();
        using var pdf = PdfDocument.Open(pdfBytes);
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            foreach (var w in words)
            {
                if (w.BoundingBox.Right > page.Width - RightMargin + Tolerance)
                    problems.Add($"page {page.Number}: '{w.Text}' runs into the right margin (ends at {w.BoundingBox.Right:F1} of {page.Width:F1} pt)");
                if (w.BoundingBox.Left < LeftMargin - Tolerance && w.BoundingBox.Bottom > BottomMargin)
                    problems.Add($"page {page.Number}: '{w.Text}' starts in the left margin ({w.BoundingBox.Left:F1} pt)");
            }
            problems.AddRange(Overlaps(page, words));
            if (page.Number < pdf.NumberOfPages && LastBodyLine(words) is { } last && IsHeading(last))
                problems.Add($"page {page.Number}: ends with the heading '{string.Join(" ", last.Select(w => w.Text))}'");
        }
        if (pixels) problems.AddRange(InkInMargins(pdfBytes));
        return problems;
    }

    private static IEnumerable<string> Overlaps(Page page, List<Word> words)
    {
        for (var i = 0; i < words.Count; i++)
            for (var j = i + 1; j < words.Count; j++)
            {
                var a = words[i].BoundingBox;
                var b = words[j].BoundingBox;
                var w = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                var h = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
                if (w <= 0 || h <= 0) continue;
                var smaller = Math.Min(a.Width * a.Height, b.Width * b.Height);
                if (smaller > 0 && w * h > 0.25 * smaller)
                    yield return $"page {page.Number}: '{words[i].Text}' overlaps '{words[j].Text}'";
            }
    }

    /// <summary>The lowest line of body text (above the footer).</summary>
    private static List<Word>? LastBodyLine(List<Word> words)
    {
        var body = words.Where(w => w.BoundingBox.Bottom > BottomMargin + 2).ToList();
        if (body.Count == 0) return null;
        var lowest = body.Min(w => w.BoundingBox.Bottom);
        return [.. body.Where(w => Math.Abs(w.BoundingBox.Bottom - lowest) < 3).OrderBy(w => w.BoundingBox.Left)];
    }

    /// <summary>Headings are set in bold serif at 12 pt and more (parts, grounds) or bold italic (elements).</summary>
    private static bool IsHeading(List<Word> line) => line.SelectMany(w => w.Letters).All(l =>
        l.FontName?.Contains("Serif-Bold", StringComparison.Ordinal) == true &&
        (l.PointSize >= 12 || l.FontName.Contains("BoldItalic", StringComparison.Ordinal)));

    /// <summary>Renders the pages to grey-scale bitmaps with pdftoppm and looks for ink beyond the side margins.</summary>
    private static List<string> InkInMargins(byte[] pdfBytes)
    {
        var dir = Directory.CreateTempSubdirectory("exnunc-layout-");
        try
        {
            var file = Path.Combine(dir.FullName, "d.pdf");
            File.WriteAllBytes(file, pdfBytes);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-gray", "-r", "36", file, Path.Combine(dir.FullName, "p") }) start.ArgumentList.Add(a);
            using (var p = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm (Debian package poppler-utils) is needed."))
            {
                var err = p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) throw new InvalidOperationException("pdftoppm failed: " + err);
            }
            var problems = new List<string>();
            foreach (var pgm in Directory.EnumerateFiles(dir.FullName, "p-*.pgm").Order(StringComparer.Ordinal))
            {
                var (width, height, pixels) = ReadPgm(File.ReadAllBytes(pgm));
                var scale = width / 595.0;
                var right = (int)Math.Ceiling((595 - RightMargin + 2) * scale);
                var left = (int)Math.Floor((LeftMargin - 2) * scale);
                for (var y = 0; y < height; y++)
                {
                    for (var x = right; x < width; x++)
                        if (pixels[y * width + x] < 160) { problems.Add($"{Path.GetFileName(pgm)}: ink in the right margin at ({x}, {y})"); goto next; }
                    for (var x = 0; x < left; x++)
                        if (pixels[y * width + x] < 160) { problems.Add($"{Path.GetFileName(pgm)}: ink in the left margin at ({x}, {y})"); goto next; }
                }
            next:;
            }
            return problems;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Binary PGM (P5), 8 bits per pixel, as pdftoppm -gray writes it.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(byte[] data)
    {
        var pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)data[pos]) || data[pos] == '#')
            {
                if (data[pos] == '#') while (data[pos] != '\n') pos++;
                pos++;
            }
            var start = pos;
            while (!char.IsWhiteSpace((char)data[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(data, start, pos - start);
        }
        if (Token() != "P5") throw new InvalidDataException("not a binary PGM");
        var w = PdfTests.Parse(Token());
        var h = PdfTests.Parse(Token());
        Token();
        pos++;
        return (w, h, data[pos..(pos + w * h)]);
    }
}
