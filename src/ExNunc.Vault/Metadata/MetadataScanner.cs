using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Xmp;
using UglyToad.PdfPig;

namespace ExNunc.Vault.Metadata;

/// <summary>What the scanner found: the file's type (from its first bytes), the fields worth recording, and notes.</summary>
public sealed record MetadataScan(string? MediaType, IReadOnlyList<MetadataField> Fields, IReadOnlyList<string> Notes)
{
    public IEnumerable<MetadataField> Dangerous => Fields.Where(f => f.Dangerous);
}

/// <summary>
/// Reads dates, device, software, location, serial numbers and names from images and video (MetadataExtractor)
/// and PDF (PdfPig). Only the fields that say where, when, with what or by whom a file was made are kept.
/// The scanner never fails an ingest: a file it cannot read gives a note, not an error.
/// </summary>
public static class MetadataScanner
{
    /// <summary>PDFs above this size are not parsed for metadata (PdfPig reads cross-reference tables whole).</summary>
    public const long PdfLimit = 256L * 1024 * 1024;
    private const int ValueLimit = 200;

    public static MetadataScan Scan(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var type = Sniff(file);
        var fields = new List<MetadataField>();
        var notes = new List<string>();
        try
        {
            file.Position = 0;
            if (type == "application/pdf") ReadPdf(file, fields, notes);
            else if (type is not null) ReadImageOrVideo(file, fields);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            notes.Add($"metadata could not be read ({ex.GetType().Name})");
        }
        finally
        {
            file.Position = 0;
        }
        return new MetadataScan(type, fields.DistinctBy(f => (f.Group, f.Name, f.Value)).ToList(), notes);
    }

    /// <summary>The media type from the first bytes, or null for types that are not scanned.</summary>
    public static string? Sniff(Stream file)
    {
        Span<byte> head = stackalloc byte[16];
        file.Position = 0;
        var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        head = head[..n];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.StartsWith("GIF8"u8)) return "image/gif";
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return "image/tiff";
        if (n >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (n >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("AVI "u8)) return "video/x-msvideo";
        if (n >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(head[8..12]);
            return brand is "heic" or "heix" or "mif1" or "heif" ? "image/heic" : brand.StartsWith("qt", StringComparison.Ordinal) ? "video/quicktime" : "video/mp4";
        }
        return null;
    }

    private static void ReadImageOrVideo(Stream file, List<MetadataField> fields)
    {
        foreach (var dir in ImageMetadataReader.ReadMetadata(file))
        {
            if (dir is XmpDirectory xmp)
            {
                foreach (var (path, value) in xmp.GetXmpProperties())
                    Add(fields, "XMP", path, value);
                continue;
            }
            foreach (var tag in dir.Tags)
                Add(fields, dir.Name, tag.Name, tag.Description);
        }
    }

    private static void ReadPdf(Stream file, List<MetadataField> fields, List<string> notes)
    {
        if (file.Length > PdfLimit)
        {
            notes.Add($"PDF metadata not read: the file is larger than {PdfLimit / (1024 * 1024)} MiB");
            return;
        }
        using var pdf = PdfDocument.Open(file, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var info = pdf.Information;
        Add(fields, "PDF", "Author", info.Author);
        Add(fields, "PDF", "Creator", info.Creator);
        Add(fields, "PDF", "Producer", info.Producer);
        Add(fields, "PDF", "Creation Date", info.CreationDate);
        Add(fields, "PDF", "Modification Date", info.ModifiedDate);
        if (info.DocumentInformationDictionary?.Data is { } data)
            foreach (var pair in data)
                if (pair.Key is not ("Author" or "Creator" or "Producer" or "CreationDate" or "ModDate" or "Title" or "Subject" or "Keywords"))
                    Add(fields, "PDF", pair.Key, pair.Value?.ToString());
    }

    private static void Add(List<MetadataField> fields, string group, string? name, string? value)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(value)) return;
        if (Classify(group, name) is not { } c) return;
        var text = value.Trim();
        if (text.Length > ValueLimit) text = text[..ValueLimit] + "…";
        fields.Add(new MetadataField(group, name, text, c.Category, c.Dangerous));
    }

    /// <summary>Which fields are recorded, and which of them endanger the person.</summary>
    internal static (MetadataCategory Category, bool Dangerous)? Classify(string group, string name)
    {
        bool Has(string s, string part) => s.Contains(part, StringComparison.OrdinalIgnoreCase);
        if (Has(group, "GPS") || Has(name, "GPS") || Has(name, "Latitude") || Has(name, "Longitude") || Has(name, "Location")
            || Has(name, "Altitude") || Has(name, "ISO6709") || Has(name, "City") || Has(name, "Sublocation") || Has(name, "Country"))
            return (MetadataCategory.Location, true);
        if (Has(name, "Serial") || Has(name, "Unique Camera") || Has(name, "Image Unique") || Has(name, "Host Computer") || Has(name, "IMEI"))
            return (MetadataCategory.Serial, true);
        if (Has(name, "Author") || Has(name, "Artist") || Has(name, "Owner") || Has(name, "By-line") || Has(name, "Copyright")
            || Has(name, "Writer") || Has(name, "Credit") || Has(name, "Contact") || Has(name, "dc:creator") || Has(name, "dc:rights")
            || Has(name, "Last Modified By") || (group == "PDF" && name == "Author"))
            return (MetadataCategory.Person, true);
        if (Has(name, "Make") || Has(name, "Model") || Has(name, "Lens") || Has(name, "Camera") || Has(name, "Device"))
            return (MetadataCategory.Device, false);
        if (Has(name, "Software") || Has(name, "Creator") || Has(name, "Producer") || Has(name, "CreatorTool") || Has(name, "Encoder"))
            return (MetadataCategory.Software, false);
        if ((Has(name, "Date") || Has(name, "Created") || Has(name, "Modified") || Has(name, "Creation Time") || Has(name, "Modification Time")) && !Has(name, "Exposure"))
            return (MetadataCategory.Date, false);
        return null;
    }
}
