using System.Security.Cryptography;

namespace ExNunc.Vault.Crypto;

/// <summary>Random identifiers that carry nothing about their subject: 128 bits in lower-case base32.</summary>
internal static class Ids
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly System.Buffers.SearchValues<char> AlphabetValues = System.Buffers.SearchValues.Create(Alphabet);

    public static string New(char prefix)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return prefix + Base32(bytes);
    }

    /// <summary>True for an id as <see cref="New"/> makes them (safe to use as a file name).</summary>
    public static bool IsValid(string id, char prefix) =>
        id.Length == 27 && id[0] == prefix && id.AsSpan(1).IndexOfAnyExcept(AlphabetValues) < 0;

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[(bytes.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, n = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[n++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        if (bits > 0) chars[n++] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars, 0, n);
    }
}
