using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ExNunc.Vault.Tests;

/// <summary>Small, structurally valid JPEG, PNG and PDF files carrying the metadata a phone or office suite would leave.</summary>
internal static class SampleFiles
{
    /// <summary>A JPEG with Exif (make, model, artist, body serial number, GPS position), XMP, a comment and one scan.</summary>
    public static byte[] JpegWithGps(out byte[] scan)
    {
        var exif = Exif();
        var ms = new MemoryStream();
        ms.Write([0xFF, 0xD8]);
        Segment(ms, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(ms, 0xE1, [.. "Exif\0\0"u8, .. exif]);
        Segment(ms, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:creator>Ivan Petrov</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"u8]);
        Segment(ms, 0xFE, "taken at the checkpoint near Verkhny Lars"u8.ToArray());
        Segment(ms, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(ms, 0xC0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
        Segment(ms, 0xC4, [0, .. new byte[16]]);
        var body = new MemoryStream();
        Segment(body, 0xDA, [1, 1, 0, 0, 63, 0]);
        body.Write([0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0x9A]);
        body.Write([0xFF, 0xD9]);
        scan = body.ToArray();
        ms.Write(scan);
        return ms.ToArray();
    }

    private static void Segment(Stream s, byte marker, byte[] payload)
    {
        s.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        s.Write(payload);
    }

    private sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Value);

    private static Entry Ascii(ushort tag, string text) => new(tag, 2, (uint)(text.Length + 1), [.. Encoding.ASCII.GetBytes(text), 0]);
    private static Entry Long(ushort tag, uint v) => new(tag, 4, 1, Be32(v));

    private static Entry Rationals(ushort tag, params (uint N, uint D)[] values) =>
        new(tag, 5, (uint)values.Length, [.. values.SelectMany(v => Be32(v.N).Concat(Be32(v.D)))]);

    private static byte[] Be32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        return b;
    }

    private static int Size(List<Entry> entries) => 2 + 12 * entries.Count + 4 + entries.Where(e => e.Value.Length > 4).Sum(e => e.Value.Length + (e.Value.Length & 1));

    private static byte[] Ifd(List<Entry> entries, int offset)
    {
        var ms = new MemoryStream();
        var data = new MemoryStream();
        var dataStart = offset + 2 + 12 * entries.Count + 4;
        ms.Write([(byte)(entries.Count >> 8), (byte)entries.Count]);
        foreach (var e in entries.OrderBy(e => e.Tag))
        {
            ms.Write([(byte)(e.Tag >> 8), (byte)e.Tag, (byte)(e.Type >> 8), (byte)e.Type]);
            ms.Write(Be32(e.Count));
            if (e.Value.Length <= 4) ms.Write([.. e.Value, .. new byte[4 - e.Value.Length]]);
            else
            {
                ms.Write(Be32((uint)(dataStart + data.Length)));
                data.Write(e.Value);
                if ((e.Value.Length & 1) == 1) data.WriteByte(0);
            }
        }
        ms.Write(Be32(0));
        ms.Write(data.ToArray());
        return ms.ToArray();
    }

    private static byte[] Exif()
    {
        var gps = new List<Entry>
        {
            Ascii(0x0001, "N"), Rationals(0x0002, (42, 1), (44, 1), (3012, 100)),
            Ascii(0x0003, "E"), Rationals(0x0004, (44, 1), (37, 1), (4501, 100)),
        };
        var exif = new List<Entry> { Ascii(0xA431, "SN-4815162342"), Ascii(0x9003, "2022:09:28 06:12:44") };
        var ifd0 = new List<Entry> { Ascii(0x010F, "Samsung"), Ascii(0x0110, "SM-A525F"), Ascii(0x013B, "Ivan Petrov"), Long(0x8769, 0), Long(0x8825, 0) };
        var exifAt = 8 + Size(ifd0);
        var gpsAt = exifAt + Size(exif);
        ifd0[3] = Long(0x8769, (uint)exifAt);
        ifd0[4] = Long(0x8825, (uint)gpsAt);
        return [.. "MM\0*"u8, .. Be32(8), .. Ifd(ifd0, 8), .. Ifd(exif, exifAt), .. Ifd(gps, gpsAt)];
    }

    /// <summary>A 1×1 grey PNG with an Author text chunk and a modification time.</summary>
    public static byte[] PngWithAuthor(out byte[] idat)
    {
        var ms = new MemoryStream();
        ms.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(ms, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        Chunk(ms, "tEXt", [.. "Author\0Ivan Petrov"u8]);
        Chunk(ms, "tIME", [7, 230, 9, 28, 6, 12, 44]);
        var z = new MemoryStream();
        using (var zl = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true)) zl.Write([0, 128]);
        idat = Chunk(ms, "IDAT", z.ToArray());
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static byte[] Chunk(Stream s, string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var chunk = Be32((uint)data.Length).Concat(typed).Concat(Be32(Crc32(typed))).ToArray();
        s.Write(chunk);
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A one-page PDF whose document information names its author.</summary>
    public static byte[] PdfWithAuthor()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            "<< /Author (Ivan Petrov) /Creator (Writer) /Producer (LibreOffice 7.3) /CreationDate (D:20220510120000Z) >>",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
