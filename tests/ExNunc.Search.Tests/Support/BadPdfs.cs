using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExNunc.Search.Tests.Support;

/// <summary>PDFs that cannot be imported, made from the real sample files: damaged, password-protected, and scanned (no text layer).</summary>
internal static class BadPdfs
{
    /// <summary>The sample report cut off after 40% of its bytes, as an interrupted download leaves it.</summary>
    public static byte[] Truncated() => File.ReadAllBytes(Samples.File("lowland-appeals-review-2024.pdf"))[..20_000];

    /// <summary>A file named .pdf that is not one.</summary>
    public static byte[] NotAPdf() => "<html><body>Access denied</body></html>"u8.ToArray();

    /// <summary>The English sample report protected with a user password.</summary>
    public static byte[] PasswordProtected() =>
        SamplePdfWriter.Write(File.ReadAllText(Path.Combine(Samples.Sources, "lowland-appeals-review-2024.txt")), "Protected copy", userPassword: "s3cret");

    /// <summary>A page with only drawings, as a scan without OCR has only an image.</summary>
    public static byte[] Scanned()
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawRectangle(XBrushes.LightGray, 40, 40, 300, 400);
            gfx.DrawLine(XPens.Black, 60, 80, 320, 80);
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
