using System.Security.Cryptography;

namespace ExNunc.Vault.Crypto;

/// <summary>
/// Key material in a pinned array (the garbage collector cannot leave copies behind when it moves
/// objects), zeroed when disposed. Best effort: the runtime cannot promise that no other copy exists.
/// </summary>
public sealed class Secret : IDisposable
{
    private readonly byte[] _bytes;
    private bool _disposed;

    private Secret(int length) => _bytes = GC.AllocateArray<byte>(length, pinned: true);

    public int Length => _bytes.Length;

    public ReadOnlySpan<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    public static Secret Random(int length)
    {
        var s = new Secret(length);
        RandomNumberGenerator.Fill(s._bytes);
        return s;
    }

    public static Secret Copy(ReadOnlySpan<byte> bytes)
    {
        var s = new Secret(bytes.Length);
        bytes.CopyTo(s._bytes);
        return s;
    }

    /// <summary>HKDF-SHA256 (RFC 5869) from this secret, for one purpose named by <paramref name="info"/>.</summary>
    public Secret Derive(int length, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info)
    {
        var s = new Secret(length);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Span, s._bytes, salt, info);
        return s;
    }

    public void Dispose()
    {
        if (_disposed) return;
        CryptographicOperations.ZeroMemory(_bytes);
        _disposed = true;
    }
}
