using System.Security.Cryptography;

namespace ExNunc.Vault.Crypto;

/// <summary>
/// The plaintext of a blob, read forwards. Each chunk is authenticated before any of its bytes is returned;
/// a bad chunk throws <see cref="BlobIntegrityException"/>, so a reader never sees unauthenticated data but
/// may have seen the chunks before it (whoever writes them out discards the output on failure). After the
/// last byte, <see cref="Digest"/> holds the SHA-256 and length of the plaintext.
/// </summary>
public sealed class BlobReadStream : Stream
{
    private const int SealedChunk = BlobCipher.ChunkSize + BlobCipher.TagSize;
    private readonly Stream _source;
    private readonly Secret _key;
    private readonly byte[] _ad;
    private readonly AesGcm _gcm;
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _sealed = new byte[SealedChunk];
    private readonly byte[] _plain = new byte[BlobCipher.ChunkSize];
    private readonly byte[] _nonce = new byte[12];
    private int _plainOffset;
    private int _plainLength;
    private int _carry = -1;
    private long _counter;
    private long _total;
    private bool _done;

    internal BlobReadStream(Stream source, Secret caseKey, BlobContext context)
    {
        _source = source;
        (_key, _ad) = BlobCipher.ReadHeader(source, caseKey, context);
        _gcm = new AesGcm(_key.Span, BlobCipher.TagSize);
    }

    /// <summary>The SHA-256 (lower-case hex) and length of the plaintext, once the stream has been read to its end.</summary>
    public (string Sha256, long Length)? Digest { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_plainOffset == _plainLength)
        {
            if (_done) return 0;
            NextChunk();
        }
        var n = Math.Min(buffer.Length, _plainLength - _plainOffset);
        _plain.AsSpan(_plainOffset, n).CopyTo(buffer);
        _plainOffset += n;
        return n;
    }

    private void NextChunk()
    {
        var length = 0;
        if (_carry >= 0)
        {
            _sealed[0] = (byte)_carry;
            length = 1;
            _carry = -1;
        }
        while (length < SealedChunk)
        {
            var n = _source.Read(_sealed, length, SealedChunk - length);
            if (n == 0) break;
            length += n;
        }
        bool last;
        if (length < SealedChunk) last = true;
        else
        {
            _carry = _source.ReadByte();
            last = _carry < 0;
        }
        if (length == 0 && _counter == 0) throw new BlobIntegrityException("the file ends after its header, without its last chunk (truncated)");
        if (length < BlobCipher.TagSize) throw new BlobIntegrityException($"chunk {_counter + 1} is cut short (truncated)");
        var text = length - BlobCipher.TagSize;
        BlobCipher.Nonce(_nonce, _counter, last);
        try
        {
            _gcm.Decrypt(_nonce, _sealed.AsSpan(0, text), _sealed.AsSpan(text, BlobCipher.TagSize), _plain.AsSpan(0, text), _ad);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new BlobIntegrityException(BlobCipher.Diagnose(_gcm, _nonce, _counter, last, _sealed.AsSpan(0, length), _ad));
        }
        _counter++;
        _sha.AppendData(_plain, 0, text);
        _total += text;
        _plainOffset = 0;
        _plainLength = text;
        if (last)
        {
            _done = true;
            Digest = (Convert.ToHexStringLower(_sha.GetHashAndReset()), _total);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total - (_plainLength - _plainOffset); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CryptographicOperations.ZeroMemory(_plain);
            _gcm.Dispose();
            _sha.Dispose();
            _key.Dispose();
            _source.Dispose();
        }
        base.Dispose(disposing);
    }
}
