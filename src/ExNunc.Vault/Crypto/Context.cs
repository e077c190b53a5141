using System.Buffers.Binary;
using System.Text;

namespace ExNunc.Vault.Crypto;

/// <summary>
/// Builds the unambiguous byte strings used as HKDF info and AEAD associated data: a purpose label
/// followed by length-prefixed fields, so that ("ab","c") and ("a","bc") never collide.
/// </summary>
internal sealed class Context
{
    private readonly List<byte> _bytes = new(128);

    private Context(string purpose) => Add("exnunc/v1/" + purpose);

    public static Context For(string purpose) => new(purpose);

    public Context Add(string text) => Add(Encoding.UTF8.GetBytes(text));

    public Context Add(long number)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, number);
        return Add(b);
    }

    public Context Add(ReadOnlySpan<byte> field)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, field.Length);
        _bytes.AddRange(length);
        _bytes.AddRange(field);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
