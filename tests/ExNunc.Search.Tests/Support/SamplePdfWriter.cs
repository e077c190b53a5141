using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace ExNunc.Search.Tests.Support;

/// <summary>
/// Writes the sample PDFs of samples/research from the sources in SampleSources/ (first line the title,
/// "# " headings, blank-line paragraphs) with PDFsharp: A5 pages, DejaVu Sans embedded (it has Cyrillic),
/// headings in a larger size, a running header and page numbers on every page, as real reports have.
/// Run <c>EXNUNC_WRITE_SAMPLES=1 dotnet test --filter SamplePdfs</c> to rewrite them.
/// </summary>
internal static class SamplePdfWriter
{
    private const double Margin = 42;
    private static readonly object Gate = new();
    private static bool _fontsSet;

    public static string FontDirectory { get; } = "/usr/share/fonts/truetype/dejavu";

    public static byte[] Write(string source, string runningHeader, string? userPassword = null)
    {
        EnsureFonts();
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var title = lines[0].Trim();
        var blocks = new List<(string Text, bool Heading)>();
        var paragraph = new List<string>();
        foreach (var line in lines.Skip(1).Append(""))
        {
            if (line.StartsWith("# ", StringComparison.Ordinal)) { blocks.Add((line[2..].Trim(), true)); continue; }
            if (line.Trim().Length == 0)
            {
                if (paragraph.Count > 0) blocks.Add((string.Join(" ", paragraph), false));
                paragraph.Clear();
                continue;
            }
            paragraph.Add(line.Trim());
        }

        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "ExNunc sample corpus";
        if (userPassword is not null)
        {
            document.SecuritySettings.UserPassword = userPassword;
            document.SecuritySettings.OwnerPassword = userPassword + "-owner";
        }
        var body = new XFont("DejaVu Sans", 9.5, XFontStyleEx.Regular);
        var heading = new XFont("DejaVu Sans", 12.5, XFontStyleEx.Bold);
        var titleFont = new XFont("DejaVu Sans", 15, XFontStyleEx.Bold);
        var small = new XFont("DejaVu Sans", 7, XFontStyleEx.Regular);

        PdfPage? page = null;
        XGraphics? gfx = null;
        double y = 0;
        var pageNumber = 0;
        void NewPage()
        {
            gfx?.Dispose();
            page = document.AddPage();
            page.Width = XUnit.FromMillimeter(148);
            page.Height = XUnit.FromMillimeter(210);
            gfx = XGraphics.FromPdfPage(page);
            pageNumber++;
            gfx.DrawString(runningHeader, small, XBrushes.Gray, new XPoint(Margin, 24), XStringFormats.TopLeft);
            gfx.DrawString(pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), small, XBrushes.Gray,
                new XPoint(page.Width.Point / 2, page.Height.Point - 26), XStringFormats.TopCenter);
            y = 48;
        }
        void Paragraph(string text, XFont font, double before, double after)
        {
            var width = page!.Width.Point - 2 * Margin;
            var wrapped = Wrap(gfx!, text, font, width);
            var lineHeight = font.Size * 1.3;
            y += before;
            if (y + lineHeight * Math.Min(wrapped.Count, 2) > page.Height.Point - 48) NewPage();
            foreach (var l in wrapped)
            {
                if (y + lineHeight > page!.Height.Point - 48) NewPage();
                gfx!.DrawString(l, font, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
                y += lineHeight;
            }
            y += after;
        }

        NewPage();
        Paragraph(title, titleFont, 0, 10);
        foreach (var (text, isHeading) in blocks)
        {
            if (isHeading) Paragraph(text, heading, 8, 4);
            else Paragraph(text, body, 0, 8);
        }
        gfx?.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current);
                current = word;
            }
            else current = candidate;
        }
        if (current.Length > 0) lines.Add(current);
        return lines;
    }

    private static void EnsureFonts()
    {
        lock (Gate)
        {
            if (_fontsSet) return;
            GlobalFontSettings.FontResolver = new DejaVuResolver();
            _fontsSet = true;
        }
    }

    private sealed class DejaVuResolver : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[] GetFont(string faceName) => File.ReadAllBytes(Path.Combine(FontDirectory, faceName + ".ttf"));
    }
}
