using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ExNunc.Vault.Metadata;

/// <summary>A file that cannot be redacted because it is not a well-formed JPEG or PNG; the message says where.</summary>
public sealed class RedactionException(string message) : Exception(message);

/// <summary>
/// Removes metadata from JPEG and PNG files without decoding them: the image data is copied byte for byte, so
/// the picture is exactly the original, memory stays bounded whatever the size, and no image decoder is exposed
/// to a crafted file. What is kept is a list of known-harmless parts (JPEG: JFIF, ICC colour profile, Adobe
/// colour transform and every coding segment; PNG: the critical and colour chunks); everything else — Exif (with
/// GPS and serial numbers), XMP, IPTC, comments, text chunks, maker data, and anything after the end of the
/// image — is dropped and listed.
/// </summary>
public static class Redactor
{
    public static bool Supports(string? mediaType) => mediaType is "image/jpeg" or "image/png";

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> without its metadata; returns what was removed.</summary>
    public static IReadOnlyList<string> Strip(Stream source, Stream destination, string mediaType) => mediaType switch
    {
        "image/jpeg" => StripJpeg(new BufferedStream(source, 1 << 16), destination),
        "image/png" => StripPng(source, destination),
        _ => throw new ArgumentException($"Cannot redact {mediaType}.", nameof(mediaType)),
    };

    private static List<string> StripJpeg(Stream input, Stream destination)
    {
        var removed = new List<string>();
        // Not disposed: that would close the caller's stream; flushed at the end instead.
        var output = new BufferedStream(destination, 1 << 16);
        if (Byte(input) != 0xFF || Byte(input) != 0xD8) throw new RedactionException("the file does not start like a JPEG");
        output.Write([0xFF, 0xD8]);
        var segment = new byte[65535];
        int? pending = null;
        while (true)
        {
            int marker;
            if (pending is { } p)
            {
                marker = p;
                pending = null;
            }
            else
            {
                if (Byte(input) != 0xFF) throw new RedactionException($"a JPEG marker was expected at byte {input.Position - 1}");
                do marker = Byte(input); while (marker == 0xFF);
            }
            if (marker == 0xD9)
            {
                output.Write([0xFF, 0xD9]);
                if (input.ReadByte() >= 0) removed.Add("data after the end of the image (such as embedded previews)");
                break;
            }
            if (marker is (>= 0xD0 and <= 0xD7) or 0x01)
            {
                output.Write([0xFF, (byte)marker]);
                continue;
            }
            var length = (Byte(input) << 8) | Byte(input);
            if (length < 2) throw new RedactionException($"a JPEG segment has an impossible length at byte {input.Position - 2}");
            input.ReadExactly(segment, 0, length - 2);
            var payload = segment.AsSpan(0, length - 2);
            if (Removed(marker, payload) is { } what)
            {
                removed.Add($"{what} ({Size(length)})");
            }
            else
            {
                output.Write([0xFF, (byte)marker, (byte)(length >> 8), (byte)length]);
                output.Write(payload);
            }
            if (marker == 0xDA) pending = CopyScan(input, output);
        }
        output.Flush();
        return removed;
    }

    /// <summary>Copies entropy-coded data after a start-of-scan up to the next marker, which it returns.</summary>
    private static int CopyScan(Stream input, Stream output)
    {
        while (true)
        {
            var b = Byte(input);
            if (b != 0xFF)
            {
                output.WriteByte((byte)b);
                continue;
            }
            var n = Byte(input);
            while (n == 0xFF) n = Byte(input);
            if (n == 0x00 || n is >= 0xD0 and <= 0xD7)
            {
                output.WriteByte(0xFF);
                output.WriteByte((byte)n);
                continue;
            }
            return n;
        }
    }

    /// <summary>What a segment is, when it is to be removed; null to keep it.</summary>
    private static string? Removed(int marker, ReadOnlySpan<byte> payload)
    {
        if (marker == 0xFE) return "comment (COM)";
        if (marker is < 0xE0 or > 0xEF) return null;
        if (marker == 0xE0 && payload.StartsWith("JFIF\0"u8)) return null;
        if (marker == 0xE2 && payload.StartsWith("ICC_PROFILE\0"u8)) return null;
        if (marker == 0xEE && payload.StartsWith("Adobe"u8)) return null;
        var app = "APP" + (marker - 0xE0).ToString(CultureInfo.InvariantCulture);
        if (payload.StartsWith("Exif\0"u8)) return $"Exif metadata ({app}: camera, dates, GPS, serial numbers)";
        if (payload.StartsWith("http://ns.adobe.com/xap/1.0/"u8) || payload.StartsWith("http://ns.adobe.com/xmp/extension/"u8)) return $"XMP metadata ({app})";
        if (payload.StartsWith("Photoshop 3.0\0"u8)) return $"IPTC/Photoshop metadata ({app})";
        if (payload.StartsWith("MPF\0"u8)) return $"multi-picture index ({app})";
        return $"{app} segment";
    }

    private static List<string> StripPng(Stream input, Stream destination)
    {
        var removed = new List<string>();
        // Not disposed: that would close the caller's stream; flushed at the end instead.
        var output = new BufferedStream(destination, 1 << 16);
        Span<byte> signature = stackalloc byte[8];
        input.ReadExactly(signature);
        if (!signature.SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            throw new RedactionException("the file does not start like a PNG");
        output.Write(signature);
        var head = new byte[8];
        var buffer = new byte[1 << 16];
        while (true)
        {
            if (input.ReadAtLeast(head, 8, throwOnEndOfStream: false) < 8) throw new RedactionException("the PNG ends before its IEND chunk");
            var length = BinaryPrimitives.ReadUInt32BigEndian(head);
            if (length > int.MaxValue) throw new RedactionException("a PNG chunk has an impossible length");
            var type = Encoding.ASCII.GetString(head, 4, 4);
            var keep = KeptPngChunks.Contains(type);
            if (keep) output.Write(head);
            else removed.Add(PngChunkName(type) + $" ({Size(length + 12)})");
            var left = (long)length + 4;
            while (left > 0)
            {
                var n = input.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (n == 0) throw new RedactionException($"the PNG ends inside its {type} chunk");
                if (keep) output.Write(buffer, 0, n);
                left -= n;
            }
            if (type == "IEND")
            {
                if (input.ReadByte() >= 0) removed.Add("data after the end of the image");
                break;
            }
        }
        output.Flush();
        return removed;
    }

    private static readonly HashSet<string> KeptPngChunks = new(StringComparer.Ordinal)
    {
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "bKGD", "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT",
    };

    private static string PngChunkName(string type) => type switch
    {
        "tEXt" or "zTXt" or "iTXt" => $"text metadata ({type}: author, comments, software, XMP)",
        "eXIf" => "Exif metadata (eXIf: camera, dates, GPS, serial numbers)",
        "tIME" => "modification time (tIME)",
        _ => $"{type} chunk",
    };

    private static string Size(long bytes) => bytes < 1024 ? $"{bytes} bytes" : $"{bytes / 1024.0:0.#} KiB";

    private static int Byte(Stream s)
    {
        var b = s.ReadByte();
        return b >= 0 ? b : throw new RedactionException("the image ends before its end marker");
    }
}
