using System.Collections.Immutable;
using System.Security.Cryptography;
using ExNunc.Domain.Store;
using ExNunc.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ExNunc.Storage.Tests;

/// <summary>
/// The ICaseStore contract, run on SQLite files on disk. A PostgreSQL store will run the same class through a
/// subclass that overrides <see cref="NewStore"/>.
/// </summary>
public class CaseStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("exnunc-store-").FullName;
    private static readonly Instant T0 = Instant.FromUtc(2024, 5, 1, 10, 0);

    protected virtual ICaseStore NewStore() => SqliteCaseStore.Open(Path.Combine(_dir, "exnunc.db"));

    private static ImmutableArray<byte> Bytes(int n) => [.. RandomNumberGenerator.GetBytes(n)];

    private static Keyring Keyring(int generation = 1) =>
        new(Bytes(16), generation, "key-file", "hkdf-sha256", Bytes(32), Bytes(80), T0, T0);

    private static StoredCase Case(string id, CaseStatus status = CaseStatus.Open, string[]? destinations = null, Instant? updated = null, int version = 1) =>
        new(id, Bytes(32), status, [.. destinations ?? ["DE"]], T0, updated ?? T0, version, 0, Bytes(40), Bytes(40));

    private static CaseChange New(StoredCase c) =>
        new(c, 0, 0, new CaseKey(c.Id, 1, Bytes(61)), new CaseVersion(c.Id, 1, c.Updated, Bytes(100)), [], []);

    [Fact]
    public async Task Keyring_IsCreatedOnce_AndASecondInitialisationChangesNothing()
    {
        var store = NewStore();
        Assert.Null(await store.GetKeyringAsync());
        var k = Keyring();
        Assert.True((await store.CreateKeyringAsync(k)).IsSuccess);
        var again = await store.CreateKeyringAsync(Keyring());
        Assert.False(again.IsSuccess);
        Assert.Equal("store.exists", again.Errors.Single().Code);
        var read = await store.GetKeyringAsync();
        Assert.True(read!.SealedKeys.SequenceEqual(k.SealedKeys));
    }

    [Fact]
    public async Task Commit_NewCase_IsReadBackWithVersionKeyAndDestinations()
    {
        var store = NewStore();
        var c = Case("c1", destinations: ["DE", "NL"]);
        Assert.True((await store.CommitAsync(New(c))).IsSuccess);
        var read = await store.GetCaseAsync("c1");
        Assert.NotNull(read);
        Assert.Equal(["DE", "NL"], read.Destinations.ToArray());
        Assert.True(read.ReferenceIndex.SequenceEqual(c.ReferenceIndex));
        Assert.Equal("c1", (await store.FindCaseAsync(c.ReferenceIndex))!.Id);
        Assert.NotNull(await store.GetCaseKeyAsync("c1"));
        Assert.Single(await store.ListVersionsAsync("c1"));
    }

    [Fact]
    public async Task Commit_SecondCaseWithTheSameReference_FailsAndWritesNothing()
    {
        var store = NewStore();
        var c = Case("c1");
        await store.CommitAsync(New(c));
        var twin = Case("c2") with { ReferenceIndex = c.ReferenceIndex };
        var result = await store.CommitAsync(New(twin));
        Assert.Equal("case.exists", result.Errors.Single().Code);
        Assert.Null(await store.GetCaseAsync("c2"));
        Assert.Null(await store.GetCaseKeyAsync("c2"));
    }

    [Fact]
    public async Task Commit_FromAStaleVersion_IsAConflictAndWritesNothing()
    {
        var store = NewStore();
        var c = Case("c1");
        await store.CommitAsync(New(c));
        var v2 = c with { Version = 2 };
        Assert.True((await store.CommitAsync(new CaseChange(v2, 1, 0, null, new CaseVersion("c1", 2, T0, Bytes(10)), [], []))).IsSuccess);
        var stale = await store.CommitAsync(new CaseChange(c with { Version = 2 }, 1, 0, null, new CaseVersion("c1", 2, T0, Bytes(10)), [], []));
        Assert.Equal("store.conflict", stale.Errors.Single().Code);
        Assert.Equal(2, (await store.ListVersionsAsync("c1")).Count);
    }

    [Fact]
    public async Task Commit_IsAtomic_AFailingCustodyInsertLeavesNoVersionOrEvidence()
    {
        var store = NewStore();
        var c = Case("c1");
        await store.CommitAsync(New(c));
        var evidence = new StoredEvidence("c1", "b1", Bytes(32), T0, Bytes(50));
        // Two custody entries with the same sequence number violate the primary key mid-transaction.
        var custody = ImmutableArray.Create(new CustodyRecord("c1", 1, Bytes(10), Bytes(32)), new CustodyRecord("c1", 1, Bytes(10), Bytes(32)));
        await Assert.ThrowsAsync<CaseStoreException>(() =>
            store.CommitAsync(new CaseChange(c with { Version = 2, CustodyLength = 2 }, 1, 0, null, new CaseVersion("c1", 2, T0, Bytes(10)), [evidence], custody)));
        Assert.Equal(1, (await store.GetCaseAsync("c1"))!.Version);
        Assert.Single(await store.ListVersionsAsync("c1"));
        Assert.Empty(await store.ListEvidenceAsync("c1"));
        Assert.Empty(await store.ListCustodyAsync("c1"));
    }

    [Fact]
    public async Task ListCases_FiltersByStatusDestinationAndUpdatedSince()
    {
        var store = NewStore();
        await store.CommitAsync(New(Case("a", CaseStatus.Open, ["DE"], T0)));
        await store.CommitAsync(New(Case("b", CaseStatus.Closed, ["NL"], T0.Plus(Duration.FromDays(10)))));
        await store.CommitAsync(New(Case("c", CaseStatus.Open, ["NL", "FR"], T0.Plus(Duration.FromDays(20)))));
        static string Ids(IEnumerable<StoredCase> cs) => string.Join(",", cs.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal("a,b,c", Ids(await store.ListCasesAsync(new CaseQuery())));
        Assert.Equal("a,c", Ids(await store.ListCasesAsync(new CaseQuery(Status: CaseStatus.Open))));
        Assert.Equal("b,c", Ids(await store.ListCasesAsync(new CaseQuery(Destination: "nl"))));
        Assert.Equal("c", Ids(await store.ListCasesAsync(new CaseQuery(CaseStatus.Open, "NL"))));
        Assert.Equal("b,c", Ids(await store.ListCasesAsync(new CaseQuery(UpdatedSince: T0.Plus(Duration.FromDays(10))))));
    }

    [Fact]
    public async Task Rotate_ReplacesKeyringAndEveryKey_OrNothingWhenAKeyIsLeftOut()
    {
        var store = NewStore();
        var k = Keyring();
        await store.CreateKeyringAsync(k);
        await store.CommitAsync(New(Case("a")));
        await store.CommitAsync(New(Case("b")));
        var next = k with { Generation = 2, Salt = Bytes(32), SealedKeys = Bytes(80) };
        var partial = await store.RotateAsync(next, [new CaseKey("a", 2, Bytes(61))]);
        Assert.Equal("store.conflict", partial.Errors.Single().Code);
        Assert.Equal(1, (await store.GetKeyringAsync())!.Generation);

        var whole = await store.RotateAsync(next, [new CaseKey("a", 2, Bytes(61)), new CaseKey("b", 2, Bytes(61))]);
        Assert.True(whole.IsSuccess);
        Assert.Equal(2, (await store.GetKeyringAsync())!.Generation);
        Assert.All(await store.ListCaseKeysAsync(), key => Assert.Equal(2, key.Generation));
    }

    [Fact]
    public async Task DestroyCaseKey_LeavesNoCopyOfTheWrappedKeyInAnyDatabaseFile()
    {
        var store = NewStore();
        var c = Case("c1");
        var change = New(c);
        await store.CommitAsync(change);
        // More writes so that the key's page went through the WAL and into the database file.
        for (var i = 0; i < 50; i++) await store.CommitAsync(New(Case($"x{i}")));
        var wrapped = change.NewKey!.Wrapped.ToArray();
        var label = c.SealedLabel.ToArray();
        Assert.True(Contains(_dir, wrapped));

        var erased = await store.DestroyCaseKeyAsync(new Erasure("c1", T0, Bytes(30), false));
        Assert.True(erased.IsSuccess);
        Assert.Null(await store.GetCaseKeyAsync("c1"));
        Assert.Null(await store.GetCaseAsync("c1"));
        Assert.Single(await store.ListErasuresAsync(pendingOnly: true));
        Assert.False(Contains(_dir, wrapped), "the wrapped key survives somewhere in the database files");
        Assert.False(Contains(_dir, label), "the sealed label survives somewhere in the database files");
        Assert.Equal(0, new FileInfo(Path.Combine(_dir, "exnunc.db-wal")).Length);

        await store.CompleteErasureAsync("c1");
        Assert.Empty(await store.ListVersionsAsync("c1"));
        Assert.Empty(await store.ListErasuresAsync(pendingOnly: true));
        Assert.Single(await store.ListErasuresAsync(pendingOnly: false));
    }

    [Fact]
    public void Open_SetsWalModeAndTheCurrentSchema()
    {
        _ = NewStore();
        using var c = new SqliteConnection($"Data Source={Path.Combine(_dir, "exnunc.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", cmd.ExecuteScalar());
        cmd.CommandText = "PRAGMA user_version;";
        Assert.Equal(1L, cmd.ExecuteScalar());
    }

    [Fact]
    public void Open_ADatabaseFromANewerExNunc_FailsClearly()
    {
        var path = Path.Combine(_dir, "exnunc.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99;";
            cmd.ExecuteNonQuery();
        }
        var ex = Assert.Throws<CaseStoreException>(() => SqliteCaseStore.Open(path));
        Assert.Contains("newer ExNunc", ex.Message, StringComparison.Ordinal);
    }

    internal static bool Contains(string directory, byte[] needle)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.AsSpan().IndexOf(needle) >= 0) return true;
        }
        return false;
    }

    public void Dispose()
    {
        SqliteCaseStore.ReleaseConnections();
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }
}
