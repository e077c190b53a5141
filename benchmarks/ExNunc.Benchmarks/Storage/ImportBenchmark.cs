using BenchmarkDotNet.Attributes;
using ExNunc.Storage.Sqlite;
using ExNunc.Testing;
using ExNunc.Vault.Cases;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ExNunc.Benchmarks.Storage;

/// <summary>
/// Importing 10,000 cases, one durable transaction each, into a data directory on disk. The baseline is
/// hand-written ADO.NET: the same number of rows of the same size, one durable transaction each, with the same
/// pragmas — the floor set by SQLite and the disk; the ratio is what validation and encryption add.
/// </summary>
[WarmupCount(1), IterationCount(2), InvocationCount(1)]
public class ImportBenchmark
{
    private const int Cases = 10_000;
    private string _dir = "";
    private string[] _files = [];
    private string _data = "";

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("exnunc-import-").FullName;
        _files = StoreBenchmarkData.CaseFiles(Path.Combine(_dir, "cases"), Cases);
    }

    [IterationSetup]
    public void NewDirectory()
    {
        SqliteCaseStore.ReleaseConnections();
        _data = Path.Combine(_dir, "data-" + Guid.NewGuid().ToString("N"));
    }

    [Benchmark(Baseline = true, Description = "10,000 durable inserts, hand-written ADO.NET")]
    public int RawInserts()
    {
        Directory.CreateDirectory(_data);
        using var c = new SqliteConnection($"Data Source={Path.Combine(_data, "raw.db")}");
        c.Open();
        using (var p = c.CreateCommand())
        {
            p.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; CREATE TABLE t (id TEXT PRIMARY KEY, body BLOB NOT NULL);";
            p.ExecuteNonQuery();
        }
        var body = new byte[2500];
        for (var i = 0; i < Cases; i++)
        {
            using var tx = c.BeginTransaction();
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO t (id, body) VALUES ($id, $body);";
            cmd.Parameters.AddWithValue("$id", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$body", body);
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
        return Cases;
    }

    [Benchmark(Description = "exnunc case import × 10,000 (validate, encrypt, commit)")]
    public int Import()
    {
        using var vault = StoreBenchmarkData.NewVault(_data, out _);
        var catalog = TestKnowledge.Kb;
        var at = StoreBenchmarkData.T0;
        foreach (var f in _files)
        {
            at = at.Plus(Duration.FromSeconds(1));
            var r = vault.ImportAsync(f, catalog, new Act("bench", at)).GetAwaiter().GetResult();
            if (!r.IsSuccess) throw new InvalidOperationException(string.Join("; ", r.Diagnostics));
        }
        return Cases;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteCaseStore.ReleaseConnections();
        Directory.Delete(_dir, recursive: true);
    }
}
