using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using ExNunc.Vault.Crypto;
using ExNunc.Vault.Files;
using ExNunc.Vault.Keys;

namespace ExNunc.Benchmarks.Vault;

/// <summary>
/// Ingest of one 256 MiB file (size with EXNUNC_BENCH_MB): the baseline is SHA-256 of the file read in 1 MiB
/// blocks, what <c>openssl dgst -sha256</c> does. Then the vault's ingest without the disk (hash + encrypt,
/// ciphertext discarded), the full ingest into the blob store (written and flushed to disk), and decryption
/// with verification of every chunk (what export and <c>evidence verify</c> do).
/// </summary>
[WarmupCount(1), IterationCount(3), InvocationCount(1)]
#pragma warning disable CA1001 // BenchmarkDotNet needs an unsealed class and releases it in [GlobalCleanup], not Dispose.
public class IngestBenchmark
#pragma warning restore CA1001
{
    private string _dir = "";
    private string _file = "";
    private CaseKeys _keys = null!;
    private BlobStore _blobs = null!;
    private string _blobId = "";

    [GlobalSetup]
    public void Setup()
    {
        var mb = int.TryParse(Environment.GetEnvironmentVariable("EXNUNC_BENCH_MB"), out var m) ? m : 256;
        _dir = Directory.CreateTempSubdirectory("exnunc-ingest-").FullName;
        _file = Path.Combine(_dir, "input.bin");
        using (var f = File.Create(_file))
        {
            var block = new byte[1 << 20];
            for (var i = 0; i < mb; i++)
            {
                RandomNumberGenerator.Fill(block);
                f.Write(block);
            }
        }
        _keys = new CaseKeys("c" + new string('a', 26), RandomNumberGenerator.GetBytes(16), Secret.Random(32));
        _blobs = new BlobStore(Path.Combine(_dir, "blobs"));
        _blobId = "b" + new string('b', 26);
        using var input = File.OpenRead(_file);
        _blobs.Write(_keys.CaseId, _blobId, input, _keys, CancellationToken.None);
    }

    [Benchmark(Baseline = true, Description = "SHA-256 of the file (openssl dgst's work)")]
    public byte[] Sha256()
    {
        using var input = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        int n;
        while ((n = input.Read(buffer)) > 0) sha.AppendData(buffer, 0, n);
        return sha.GetHashAndReset();
    }

    [Benchmark(Description = "Hash + encrypt (no disk write)")]
    public long HashAndEncrypt()
    {
        using var input = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return BlobCipher.Encrypt(input, Stream.Null, _keys.DataKey, _keys.Blob(_blobId)).CiphertextLength;
    }

    [Benchmark(Description = "Ingest into the blob store (flushed to disk)")]
    public long Ingest()
    {
        var id = Ids.New('b');
        using var input = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var length = _blobs.Write(_keys.CaseId, id, input, _keys, CancellationToken.None).CiphertextLength;
        _blobs.Delete(_keys.CaseId, id);
        return length;
    }

    [Benchmark(Description = "Decrypt + verify every chunk")]
    public long DecryptAndVerify()
    {
        using var blob = _blobs.OpenRead(_keys.CaseId, _blobId, _keys);
        blob.CopyTo(Stream.Null, 1 << 20);
        return blob.Digest!.Value.Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _keys.Dispose();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
