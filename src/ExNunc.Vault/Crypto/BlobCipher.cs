using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ExNunc.Vault.Crypto;

/// <summary>Where a blob belongs: bound into its key and into every chunk, so a blob or chunk moved elsewhere does not open.</summary>
internal sealed record BlobContext(ReadOnlyMemory<byte> StoreId, string CaseId, string BlobId);

/// <summary>What streaming a blob found: the SHA-256 of the plaintext and the lengths.</summary>
internal sealed record BlobDigest(byte[] Sha256, long PlaintextLength, long CiphertextLength)
{
    public string Sha256Hex => Convert.ToHexStringLower(Sha256);
}

/// <summary>Why a blob does not open; the message says where.</summary>
public sealed class BlobIntegrityException(string message) : Exception(message);

/// <summary>
/// Streaming authenticated encryption of evidence files: the STREAM construction of age and libsodium's
/// secretstream, built on AES-256-GCM.
/// <list type="bullet">
/// <item>A 48-byte header: magic <c>EXNUNCB</c>, format 1, chunk size, a random 32-byte salt.</item>
/// <item>A key of its own per blob: HKDF-SHA256(case key, salt, "blob-key" ‖ case id ‖ blob id).
/// Chunks swapped in from another blob fail, being under another key.</item>
/// <item>The plaintext in 64 KiB chunks, each sealed with nonce = 88-bit big-endian chunk counter ‖
/// last-chunk flag byte, and associated data = SHA-256 of the header, store, case and blob ids.
/// Reordering changes the counter, dropping the end loses the chunk flagged last, appending finds no key:
/// each fails authentication. An empty file is one empty last chunk.</item>
/// </list>
/// Memory is bounded (four 1 MiB buffers), whatever the file size; the SHA-256 of the plaintext is computed
/// on a second core while the first encrypts, writes and reads ahead.
/// </summary>
internal static class BlobCipher
{
    public const int ChunkSize = 64 * 1024;
    public const int HeaderSize = 48;
    internal const int TagSize = 16;
    private const int BatchChunks = 16;
    private static ReadOnlySpan<byte> Magic => "EXNUNCB\u0001"u8;

    public static long CiphertextLength(long plaintextLength)
    {
        var chunks = Math.Max(1, (plaintextLength + ChunkSize - 1) / ChunkSize);
        return HeaderSize + plaintextLength + chunks * TagSize;
    }

    public static BlobDigest Encrypt(Stream source, Stream destination, Secret caseKey, BlobContext context, CancellationToken cancellationToken = default)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), ChunkSize);
        RandomNumberGenerator.Fill(header.AsSpan(12, 32));
        using var key = BlobKey(caseKey, header, context);
        var ad = AssociatedData(header, context);
        destination.Write(header);

        using var gcm = new AesGcm(key.Span, TagSize);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Three input batches: the one being hashed and encrypted, the next (read ahead, to know whether the
        // current one is the last), and the one after, read while the current one is still being hashed.
        var current = new byte[ChunkSize * BatchChunks];
        var next = new byte[ChunkSize * BatchChunks];
        var spare = new byte[ChunkSize * BatchChunks];
        var output = new byte[(ChunkSize + TagSize) * BatchChunks];
        var nonce = new byte[12];
        long counter = 0, plain = 0, written = HeaderSize;
        var currentLength = ReadFull(source, current, cancellationToken);
        var nextLength = currentLength < current.Length ? 0 : ReadFull(source, next, cancellationToken);
        while (true)
        {
            var last = currentLength < current.Length || nextLength == 0;
            var batch = current;
            var batchLength = currentLength;
            var hashing = Task.Run(() => sha.AppendData(batch, 0, batchLength), cancellationToken);
            var outLength = 0;
            var offset = 0;
            do
            {
                var size = Math.Min(ChunkSize, currentLength - offset);
                var isLast = last && offset + size == currentLength;
                Nonce(nonce, counter++, isLast);
                gcm.Encrypt(nonce, current.AsSpan(offset, size), output.AsSpan(outLength, size), output.AsSpan(outLength + size, TagSize), ad);
                outLength += size + TagSize;
                offset += size;
            }
            while (offset < currentLength);
            destination.Write(output, 0, outLength);
            var spareLength = !last && nextLength == next.Length ? ReadFull(source, spare, cancellationToken) : 0;
            hashing.GetAwaiter().GetResult();
            plain += currentLength;
            written += outLength;
            if (last) break;
            (current, next, spare) = (next, spare, current);
            (currentLength, nextLength) = (nextLength, spareLength);
        }
        CryptographicOperations.ZeroMemory(current);
        CryptographicOperations.ZeroMemory(next);
        CryptographicOperations.ZeroMemory(spare);
        return new BlobDigest(sha.GetHashAndReset(), plain, written);
    }

    /// <summary>Opens a blob for reading: the plaintext as a stream that authenticates each chunk as it is read.</summary>
    public static BlobReadStream OpenRead(Stream source, Secret caseKey, BlobContext context) => new(source, caseKey, context);

    internal static (Secret Key, byte[] AssociatedData) ReadHeader(Stream source, Secret caseKey, BlobContext context)
    {
        var header = new byte[HeaderSize];
        if (ReadFull(source, header, CancellationToken.None) < HeaderSize)
            throw new BlobIntegrityException("the file is shorter than its header (truncated)");
        if (!header.AsSpan(0, 8).SequenceEqual(Magic))
            throw new BlobIntegrityException("the header is not that of an ExNunc blob (format 1)");
        if (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(8)) != ChunkSize || BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(44)) != 0)
            throw new BlobIntegrityException("the header was altered");
        return (BlobKey(caseKey, header, context), AssociatedData(header, context));
    }

    /// <summary>Tells truncation (the last chunk present was sealed as a middle chunk) from alteration.</summary>
    internal static string Diagnose(AesGcm gcm, byte[] nonce, long counter, bool isLast, ReadOnlySpan<byte> sealedChunk, byte[] ad)
    {
        if (isLast && sealedChunk.Length - TagSize == ChunkSize)
        {
            Nonce(nonce, counter, last: false);
            var scratch = new byte[ChunkSize];
            try
            {
                gcm.Decrypt(nonce, sealedChunk[..ChunkSize], sealedChunk[ChunkSize..], scratch, ad);
                return $"the file ends after chunk {counter + 1}, which was not its last (truncated)";
            }
            catch (AuthenticationTagMismatchException)
            {
                // Not a clean cut at a chunk boundary: the chunk itself is wrong.
            }
            finally
            {
                CryptographicOperations.ZeroMemory(scratch);
            }
        }
        return isLast
            ? $"chunk {counter + 1} (the last) fails authentication (altered, truncated, or from another file)"
            : $"chunk {counter + 1} fails authentication (altered, reordered, or from another file)";
    }

    private static Secret BlobKey(Secret caseKey, byte[] header, BlobContext context) =>
        caseKey.Derive(32, header.AsSpan(12, 32), Context.For("blob-key").Add(context.StoreId.Span).Add(context.CaseId).Add(context.BlobId).ToArray());

    private static byte[] AssociatedData(byte[] header, BlobContext context) =>
        SHA256.HashData(Context.For("blob-chunk").Add(header).Add(context.StoreId.Span).Add(context.CaseId).Add(context.BlobId).ToArray());

    internal static void Nonce(byte[] nonce, long counter, bool last)
    {
        nonce.AsSpan().Clear();
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(3, 8), counter);
        nonce[11] = last ? (byte)1 : (byte)0;
    }

    internal static int ReadFull(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var total = 0;
        while (total < buffer.Length)
        {
            var n = source.Read(buffer, total, buffer.Length - total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
