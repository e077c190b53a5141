using System.Security.Cryptography;

namespace ExNunc.Vault.Crypto;

/// <summary>
/// Sealing of small items (case versions, evidence records, custody entries, wrapped keys) with AES-256-GCM
/// and a random 96-bit nonce. Layout: version byte 1, nonce (12), ciphertext, tag (16). The associated data
/// binds the item to its place (store, case, version, sequence…), so a sealed item copied elsewhere does not open.
/// </summary>
/// <remarks>
/// Random nonces are safe here: far fewer than 2^32 items are ever sealed under one key (NIST SP 800-38D).
/// </remarks>
internal static class Aead
{
    private const byte Format = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = 1 + NonceSize + TagSize;

    public static byte[] Seal(Secret key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[Overhead + plaintext.Length];
        output[0] = Format;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(key.Span, TagSize);
        gcm.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize, plaintext.Length), output.AsSpan(1 + NonceSize + plaintext.Length), associatedData);
        return output;
    }

    /// <summary>The plaintext, or null when the item is not authentic under this key and context (wrong key, tampered, moved).</summary>
    public static byte[]? Open(Secret key, ReadOnlySpan<byte> sealedItem, ReadOnlySpan<byte> associatedData)
    {
        if (sealedItem.Length < Overhead || sealedItem[0] != Format) return null;
        var length = sealedItem.Length - Overhead;
        var plaintext = new byte[length];
        using var gcm = new AesGcm(key.Span, TagSize);
        try
        {
            gcm.Decrypt(sealedItem.Slice(1, NonceSize), sealedItem.Slice(1 + NonceSize, length), sealedItem[(1 + NonceSize + length)..], plaintext, associatedData);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return null;
        }
    }

    /// <summary>Like <see cref="Open"/>, for key material: the plaintext goes straight into a <see cref="Secret"/>.</summary>
    public static Secret? OpenSecret(Secret key, ReadOnlySpan<byte> sealedItem, ReadOnlySpan<byte> associatedData)
    {
        var plain = Open(key, sealedItem, associatedData);
        if (plain is null) return null;
        var secret = Secret.Copy(plain);
        CryptographicOperations.ZeroMemory(plain);
        return secret;
    }
}
