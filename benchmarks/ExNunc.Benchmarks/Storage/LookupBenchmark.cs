using BenchmarkDotNet.Attributes;
using ExNunc.Domain.Store;
using ExNunc.Storage.Sqlite;
using ExNunc.Testing;
using ExNunc.Vault.Cases;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ExNunc.Benchmarks.Storage;

/// <summary>
/// Listing and opening cases in a store of 100,000 (built once, kept in EXNUNC_BENCH_STORE or a temporary
/// folder, and reused). Listing opens every case's key and reference; opening one finds it by its blind index
/// and decrypts its current version. The baseline reads the same rows with hand-written ADO.NET and decrypts
/// nothing: the difference is the price of encryption.
/// </summary>
[WarmupCount(1), IterationCount(3), InvocationCount(1)]
#pragma warning disable CA1001 // BenchmarkDotNet needs an unsealed class and releases it in [GlobalCleanup], not Dispose.
public class LookupBenchmark
#pragma warning restore CA1001
{
    private const int Cases = 100_000;
    private CaseVault _vault = null!;
    private string _root = "";
    private string _one = "";

    [GlobalSetup]
    public void Setup()
    {
        var home = Environment.GetEnvironmentVariable("EXNUNC_BENCH_STORE") is { Length: > 0 } e ? e : Path.Combine(Path.GetTempPath(), "exnunc-bench-100k");
        _root = Path.Combine(home, "data");
        var keyFile = _root + ".key";
        var done = Path.Combine(home, "complete");
        if (!File.Exists(done))
        {
            if (Directory.Exists(home)) Directory.Delete(home, recursive: true);
            var files = StoreBenchmarkData.CaseFiles(Path.Combine(home, "cases"), Cases);
            using var vault = StoreBenchmarkData.NewVault(_root, out keyFile);
            var catalog = TestKnowledge.Kb;
            var at = StoreBenchmarkData.T0;
            foreach (var f in files)
            {
                at = at.Plus(Duration.FromSeconds(1));
                var r = vault.ImportAsync(f, catalog, new Act("bench", at)).GetAwaiter().GetResult();
                if (!r.IsSuccess) throw new InvalidOperationException(string.Join("; ", r.Diagnostics));
            }
            Directory.Delete(Path.Combine(home, "cases"), recursive: true);
            File.WriteAllText(done, "");
        }
        _vault = StoreBenchmarkData.OpenVault(_root, keyFile);
        var names = TestKnowledge.ScenarioNames;
        _one = $"{names[77_777 % names.Count]}-77777";
    }

    [Benchmark(Baseline = true, Description = "Read 100,000 case rows, no decryption (ADO.NET)")]
    public int RawRows()
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(_root, "exnunc.db")};Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT c.id, c.status, c.updated, c.sealed_label, k.wrapped FROM cases c JOIN case_keys k ON k.case_id = c.id;";
        using var r = cmd.ExecuteReader();
        var n = 0;
        while (r.Read()) n += ((byte[])r.GetValue(3)).Length > 0 ? 1 : 0;
        return n;
    }

    [Benchmark(Description = "case list: all 100,000, references decrypted")]
    public int ListAll() => _vault.ListAsync(new CaseQuery()).GetAwaiter().GetResult().Value.Count;

    [Benchmark(Description = "case list --status open --destination DE")]
    public int ListFiltered() => _vault.ListAsync(new CaseQuery(CaseStatus.Open, "DE")).GetAwaiter().GetResult().Value.Count;

    [Benchmark(Description = "case show: find one by reference and decrypt it")]
    public int OpenOne() => _vault.ShowAsync(_one).GetAwaiter().GetResult().Value.Document.Length;

    [GlobalCleanup]
    public void Cleanup()
    {
        _vault.Dispose();
        SqliteCaseStore.ReleaseConnections();
    }
}
