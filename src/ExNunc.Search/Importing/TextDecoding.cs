using System.Text;

namespace ExNunc.Search.Importing;

/// <summary>
/// Decodes text files: UTF-8 (with or without a byte-order mark) or UTF-16 with a mark; a file that
/// is not valid UTF-8 is read as Windows-1251 when that gives mostly Cyrillic letters (old Russian
/// documents), and as Windows-1252 otherwise.
/// </summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes.AsSpan().StartsWith((byte[])[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.AsSpan().StartsWith((byte[])[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var cyrillic = Encoding.GetEncoding(1251).GetString(bytes);
            int letters = 0, cyr = 0;
            foreach (var c in cyrillic)
            {
                if (!char.IsLetter(c)) continue;
                letters++;
                if (c is >= '\u0400' and <= '\u04FF') cyr++;
            }
            return letters > 0 && cyr * 2 > letters ? cyrillic : Encoding.GetEncoding(1252).GetString(bytes);
        }
    }
}
