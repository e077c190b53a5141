using System.Collections.Frozen;

namespace ExNunc.Search.Importing;

/// <summary>Which file names the importer reads, by extension.</summary>
public static class Formats
{
    private static readonly FrozenDictionary<string, FileFormat> ByExtension = new Dictionary<string, FileFormat>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = FileFormat.Pdf,
        [".html"] = FileFormat.Html,
        [".htm"] = FileFormat.Html,
        [".xhtml"] = FileFormat.Html,
        [".txt"] = FileFormat.Text,
        [".text"] = FileFormat.Text,
        [".md"] = FileFormat.Markdown,
        [".markdown"] = FileFormat.Markdown,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static FileFormat? Of(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var f) ? f : null;

    public static string Extension(FileFormat format) => format switch
    {
        FileFormat.Pdf => ".pdf",
        FileFormat.Html => ".html",
        FileFormat.Text => ".txt",
        FileFormat.Markdown => ".md",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    internal static ExtractedDocument Extract(FileFormat format, byte[] bytes) => format switch
    {
        FileFormat.Pdf => PdfExtractor.Extract(bytes),
        FileFormat.Html => HtmlExtractor.Extract(bytes),
        FileFormat.Text => PlainTextExtractor.Extract(bytes),
        FileFormat.Markdown => MarkdownExtractor.Extract(bytes),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
