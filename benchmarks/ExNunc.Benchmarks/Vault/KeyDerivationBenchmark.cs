using BenchmarkDotNet.Attributes;
using ExNunc.Vault.Crypto;
using ExNunc.Vault.Keys;

namespace ExNunc.Benchmarks.Vault;

/// <summary>
/// What unlocking costs: Argon2id with the default parameters (64 MiB, 3 passes, 2 lanes) against a key file
/// (HKDF only). Argon2id is slow on purpose; this shows how slow, and that a key file is instant.
/// </summary>
[WarmupCount(1), IterationCount(3), InvocationCount(1)]
#pragma warning disable CA1001 // BenchmarkDotNet needs an unsealed class and releases it in [GlobalCleanup], not Dispose.
public class KeyDerivationBenchmark
#pragma warning restore CA1001
{
    private readonly byte[] _salt = new byte[32];
    private MasterCredential _passphrase = null!;

    [GlobalSetup]
    public void Setup() => _passphrase = MasterCredential.FromPassphrase("correct horse battery staple");

    [Benchmark(Baseline = true, Description = "Key file (HKDF-SHA256)")]
    public int KeyFile()
    {
        using var key = Secret.Random(32);
        using var derived = key.Derive(32, _salt, "bench"u8);
        return derived.Length;
    }

    [Benchmark(Description = "Passphrase (Argon2id m=64 MiB, t=3, p=2)")]
    public int Passphrase()
    {
        using var key = KeyDerivation.MasterKey(_passphrase, Argon2Parameters.Default.ToString(), _salt);
        return key.Length;
    }

    [GlobalCleanup]
    public void Cleanup() => _passphrase.Dispose();
}
