using System.Security.Cryptography;
using ExNunc.Vault.Crypto;
using FsCheck;
using FsCheck.Fluent;

namespace ExNunc.Vault.Tests;

/// <summary>The streaming AEAD of evidence files: round trips, and every way of rearranging ciphertext fails with a message naming the chunk.</summary>
public class BlobCipherTests
{
    private const int Chunk = BlobCipher.ChunkSize;
    private static readonly byte[] StoreId = RandomNumberGenerator.GetBytes(16);
    private static readonly Secret CaseKey = Secret.Random(32);

    private static byte[] Seal(byte[] plain, string blobId = "b1", Secret? key = null)
    {
        using var output = new MemoryStream();
        var digest = BlobCipher.Encrypt(new MemoryStream(plain), output, key ?? CaseKey, new BlobContext(StoreId, "c1", blobId));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(plain)), digest.Sha256Hex);
        Assert.Equal(plain.Length, digest.PlaintextLength);
        Assert.Equal(BlobCipher.CiphertextLength(plain.Length), output.Length);
        return output.ToArray();
    }

    private static byte[] Open(byte[] sealedBlob, string blobId = "b1", Secret? key = null, string caseId = "c1")
    {
        using var stream = BlobCipher.OpenRead(new MemoryStream(sealedBlob), key ?? CaseKey, new BlobContext(StoreId, caseId, blobId));
        using var output = new MemoryStream();
        stream.CopyTo(output);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(output.ToArray())), stream.Digest!.Value.Sha256);
        return output.ToArray();
    }

    private static string Fails(byte[] sealedBlob, string blobId = "b1", Secret? key = null, string caseId = "c1") =>
        Assert.Throws<BlobIntegrityException>(() => Open(sealedBlob, blobId, key, caseId)).Message;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Chunk - 1)]
    [InlineData(Chunk)]
    [InlineData(Chunk + 1)]
    [InlineData(16 * Chunk)]
    [InlineData(16 * Chunk + 1)]
    [InlineData(3 * 16 * Chunk + 12345)]
    public void Encrypt_ThenDecrypt_GivesTheSameBytes(int length)
    {
        var plain = Bytes.Random(length);
        Assert.Equal(plain, Open(Seal(plain)));
    }

    [Fact]
    public void Encrypt_AnySize_RoundTrips() =>
        Prop.ForAll(Gen.Choose(0, 5 * Chunk).ToArbitrary(), n =>
        {
            var plain = Bytes.Random(n);
            return Open(Seal(plain)).AsSpan().SequenceEqual(plain);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Encrypt_TheSameFileTwice_GivesDifferentCiphertext() =>
        Assert.NotEqual(Seal(new byte[1000]), Seal(new byte[1000]));

    [Fact]
    public void Decrypt_SwappedChunks_NamesTheFirstChunkOutOfPlace()
    {
        var blob = Seal(Bytes.Random(4 * Chunk + 10));
        var a = BlobCipher.HeaderSize + 1 * (Chunk + 16);
        var b = BlobCipher.HeaderSize + 2 * (Chunk + 16);
        var first = blob.AsSpan(a, Chunk + 16).ToArray();
        blob.AsSpan(b, Chunk + 16).CopyTo(blob.AsSpan(a));
        first.CopyTo(blob.AsSpan(b));
        Assert.Contains("chunk 2 fails authentication", Fails(blob), StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_CutAtAChunkBoundary_SaysTruncated()
    {
        var blob = Seal(Bytes.Random(3 * Chunk + 10));
        var cut = blob.AsSpan(0, BlobCipher.HeaderSize + 2 * (Chunk + 16)).ToArray();
        Assert.Contains("ends after chunk 2, which was not its last (truncated)", Fails(cut), StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_CutInsideAChunk_Fails()
    {
        var blob = Seal(Bytes.Random(3 * Chunk + 10));
        Assert.Contains("chunk 3", Fails(blob[..(blob.Length - 100)]), StringComparison.Ordinal);
        Assert.Contains("truncated", Fails(blob[..BlobCipher.HeaderSize]), StringComparison.Ordinal);
        Assert.Contains("header", Fails(blob[..20]), StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_AFlippedByte_NamesItsChunk()
    {
        var blob = Seal(Bytes.Random(3 * Chunk));
        blob[BlobCipher.HeaderSize + 2 * (Chunk + 16) + 7] ^= 1;
        Assert.Contains("chunk 3 (the last) fails authentication", Fails(blob), StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_AChunkAppended_Fails()
    {
        var blob = Seal(Bytes.Random(2 * Chunk));
        var longer = blob.Concat(blob.AsSpan(BlobCipher.HeaderSize, Chunk + 16).ToArray()).ToArray();
        Assert.Contains("fails authentication", Fails(longer), StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_AChunkFromAnotherFileOfTheSameCase_Fails()
    {
        var plain = Bytes.Random(3 * Chunk);
        var one = Seal(plain, "b1");
        var two = Seal(plain, "b2");
        var at = BlobCipher.HeaderSize + Chunk + 16;
        two.AsSpan(at, Chunk + 16).CopyTo(one.AsSpan(at));
        Assert.Contains("chunk 2 fails authentication", Fails(one, "b1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_UnderAnotherBlobIdCaseOrKey_Fails()
    {
        var blob = Seal(Bytes.Random(100));
        Fails(blob, blobId: "b2");
        Fails(blob, caseId: "c2");
        using var other = Secret.Random(32);
        Fails(blob, key: other);
    }

    [Fact]
    public void Decrypt_AlteredHeader_Fails()
    {
        var blob = Seal(Bytes.Random(100));
        blob[20] ^= 1; // the salt: another key
        Assert.Contains("chunk 1", Fails(blob), StringComparison.Ordinal);
        var b2 = Seal(Bytes.Random(100));
        b2[9] ^= 1; // the chunk size
        Assert.Contains("header was altered", Fails(b2), StringComparison.Ordinal);
    }
}
