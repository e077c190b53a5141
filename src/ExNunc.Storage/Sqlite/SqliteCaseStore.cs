using System.Collections.Immutable;
using System.Data;
using System.Runtime.InteropServices;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Store;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ExNunc.Storage.Sqlite;

/// <summary>
/// The embedded case store: one SQLite file in WAL mode, every commit durable (<c>synchronous=FULL</c>),
/// deleted content overwritten with zeros (<c>secure_delete</c>). Thread-safe: each call uses its own
/// pooled connection.
/// </summary>
public sealed class SqliteCaseStore : ICaseStore
{
    private readonly string _connectionString;

    private SqliteCaseStore(string connectionString) => _connectionString = connectionString;

    /// <summary>The database file.</summary>
    public required string Path { get; init; }

    /// <summary>Opens (creating if need be) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    public static SqliteCaseStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database until the command timeout (seconds).
            DefaultTimeout = 30,
        }.ToString();
        var store = new SqliteCaseStore(cs) { Path = path };
        try
        {
            using var c = store.Connect();
            Exec(c, "PRAGMA journal_mode = WAL;");
            Schema.Migrate(c);
        }
        catch (SqliteException ex)
        {
            throw new CaseStoreException($"The database '{path}' cannot be opened: {ex.Message}", ex);
        }
        return store;
    }

    /// <summary>Releases pooled connections to the database files (for tests and before removing a data directory).</summary>
    public static void ReleaseConnections() => SqliteConnection.ClearAllPools();

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        // Per connection: durable commits, zeroed deletions (crypto-shredding relies on it), enforced references.
        Exec(c, "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON;");
        return c;
    }

    private async Task<T> Run<T>(Func<SqliteConnection, T> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await Task.CompletedTask.ConfigureAwait(false);
        try
        {
            using var c = Connect();
            return work(c);
        }
        catch (SqliteException ex)
        {
            throw new CaseStoreException($"The database '{Path}' failed: {ex.Message}", ex);
        }
    }

    public Task<Keyring?> GetKeyringAsync(CancellationToken cancellationToken = default) =>
        Run(c => ReadKeyring(c, null), cancellationToken);

    public Task<Result<Keyring>> CreateKeyringAsync(Keyring keyring, CancellationToken cancellationToken = default) =>
        Run(c =>
        {
            using var tx = c.BeginTransaction();
            if (ReadKeyring(c, tx) is not null)
                return Result<Keyring>.Failure([new Diagnostic("store.exists", $"The data directory of '{Path}' is already initialised.")]);
            Exec(c, tx, """
                INSERT INTO keyring (id, store_id, generation, source, kdf, salt, sealed_keys, created, rotated)
                VALUES (1, $store, $gen, $source, $kdf, $salt, $keys, $created, $rotated);
                """,
                ("$store", Bytes(keyring.StoreId)), ("$gen", keyring.Generation), ("$source", keyring.Source), ("$kdf", keyring.Kdf),
                ("$salt", Bytes(keyring.Salt)), ("$keys", Bytes(keyring.SealedKeys)), ("$created", Ticks(keyring.Created)), ("$rotated", Ticks(keyring.Rotated)));
            tx.Commit();
            return Result<Keyring>.Success(keyring);
        }, cancellationToken);

    public Task<Result<Keyring>> RotateAsync(Keyring next, IReadOnlyList<CaseKey> rewrapped, CancellationToken cancellationToken = default) =>
        Run(c =>
        {
            using var tx = c.BeginTransaction();
            var current = ReadKeyring(c, tx);
            if (current is null || current.Generation + 1 != next.Generation || !current.StoreId.AsSpan().SequenceEqual(next.StoreId.AsSpan()))
                return Conflict<Keyring>("the keyring changed since it was read");
            var stored = Convert.ToInt64(Scalar(c, tx, "SELECT count(*) FROM case_keys;"), System.Globalization.CultureInfo.InvariantCulture);
            if (stored != rewrapped.Count || rewrapped.Any(k => k.Generation != next.Generation))
                return Conflict<Keyring>("the case keys changed since they were read");
            foreach (var k in rewrapped)
            {
                var n = Exec(c, tx, "UPDATE case_keys SET generation = $gen, wrapped = $wrapped WHERE case_id = $id;",
                    ("$gen", k.Generation), ("$wrapped", Bytes(k.Wrapped)), ("$id", k.CaseId));
                if (n != 1) return Conflict<Keyring>($"the key of case {k.CaseId} is gone");
            }
            Exec(c, tx, """
                UPDATE keyring SET generation = $gen, source = $source, kdf = $kdf, salt = $salt, sealed_keys = $keys, rotated = $rotated WHERE id = 1;
                """,
                ("$gen", next.Generation), ("$source", next.Source), ("$kdf", next.Kdf), ("$salt", Bytes(next.Salt)),
                ("$keys", Bytes(next.SealedKeys)), ("$rotated", Ticks(next.Rotated)));
            tx.Commit();
            Checkpoint(c);
            return Result<Keyring>.Success(next);
        }, cancellationToken);

    public Task<IReadOnlyList<StoredCase>> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<StoredCase>>(c =>
        {
            using var cmd = c.CreateCommand();
            var where = new List<string>();
            if (query.Status is { } status)
            {
                where.Add("c.status = $status");
                cmd.Parameters.AddWithValue("$status", StatusText(status));
            }
            if (query.Destination is { } dest)
            {
                where.Add("EXISTS (SELECT 1 FROM case_destinations d WHERE d.case_id = c.id AND d.country = $dest)");
                cmd.Parameters.AddWithValue("$dest", dest.ToUpperInvariant());
            }
            if (query.UpdatedSince is { } since)
            {
                where.Add("c.updated >= $since");
                cmd.Parameters.AddWithValue("$since", Ticks(since));
            }
            cmd.CommandText = CaseColumns + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY c.updated DESC, c.id;";
            using var r = cmd.ExecuteReader();
            var list = new List<StoredCase>();
            while (r.Read()) list.Add(ReadCase(r));
            return list;
        }, cancellationToken);

    public Task<StoredCase?> FindCaseAsync(ImmutableArray<byte> referenceIndex, CancellationToken cancellationToken = default) =>
        Run(c => QueryCase(c, null, "reference_index = $p", Bytes(referenceIndex)), cancellationToken);

    public Task<StoredCase?> GetCaseAsync(string caseId, CancellationToken cancellationToken = default) =>
        Run(c => QueryCase(c, null, "id = $p", caseId), cancellationToken);

    public Task<CaseKey?> GetCaseKeyAsync(string caseId, CancellationToken cancellationToken = default) =>
        Run(c => Query(c, "SELECT case_id, generation, wrapped FROM case_keys WHERE case_id = $id;", ReadKey, ("$id", caseId)).SingleOrDefault(), cancellationToken);

    public Task<IReadOnlyList<CaseKey>> ListCaseKeysAsync(CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<CaseKey>>(c => Query(c, "SELECT case_id, generation, wrapped FROM case_keys ORDER BY case_id;", ReadKey), cancellationToken);

    public Task<IReadOnlyList<CaseVersion>> ListVersionsAsync(string caseId, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<CaseVersion>>(c => Query(c, "SELECT case_id, version, at, sealed FROM case_versions WHERE case_id = $id ORDER BY version;", ReadVersion, ("$id", caseId)), cancellationToken);

    public Task<CaseVersion?> GetVersionAsync(string caseId, int version, CancellationToken cancellationToken = default) =>
        Run(c => Query(c, "SELECT case_id, version, at, sealed FROM case_versions WHERE case_id = $id AND version = $v;", ReadVersion, ("$id", caseId), ("$v", version)).SingleOrDefault(), cancellationToken);

    public Task<IReadOnlyList<StoredEvidence>> ListEvidenceAsync(string caseId, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<StoredEvidence>>(c => Query(c, "SELECT case_id, blob_id, content_index, added, sealed FROM evidence WHERE case_id = $id ORDER BY added, rowid;", ReadEvidence, ("$id", caseId)), cancellationToken);

    public Task<IReadOnlyList<CustodyRecord>> ListCustodyAsync(string caseId, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<CustodyRecord>>(c => Query(c, "SELECT case_id, seq, sealed, hash FROM custody WHERE case_id = $id ORDER BY seq;", ReadCustody, ("$id", caseId)), cancellationToken);

    public Task<IReadOnlySet<string>> ListBlobIdsAsync(CancellationToken cancellationToken = default) =>
        Run<IReadOnlySet<string>>(c => Query(c, "SELECT blob_id FROM evidence;", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal), cancellationToken);

    public Task<Result<StoredCase>> CommitAsync(CaseChange change, CancellationToken cancellationToken = default) =>
        Run(c =>
        {
            var k = change.Case;
            using var tx = c.BeginTransaction();
            var current = QueryCase(c, tx, "id = $p", k.Id);
            if (change.ExpectedVersion == 0)
            {
                if (current is not null) return Conflict<StoredCase>($"the case {k.Id} exists already");
                if (QueryCase(c, tx, "reference_index = $p", Bytes(k.ReferenceIndex)) is not null)
                    return Result<StoredCase>.Failure([new Diagnostic("case.exists", "A case with this reference is already in the store.")]);
                if (change.NewKey is null) throw new ArgumentException("A new case needs its key.", nameof(change));
                Exec(c, tx, """
                    INSERT INTO cases (id, reference_index, status, destinations, created, updated, version, custody_length, sealed_label, sealed_custody_head)
                    VALUES ($id, $ref, $status, $dest, $created, $updated, $version, $custody, $label, $head);
                    """, CaseParameters(k));
            }
            else
            {
                if (current is null) return Conflict<StoredCase>($"the case {k.Id} is gone");
                if (current.Version != change.ExpectedVersion || current.CustodyLength != change.ExpectedCustodyLength)
                    return Conflict<StoredCase>($"the case {k.Id} was changed by someone else meanwhile");
                Exec(c, tx, """
                    UPDATE cases SET reference_index = $ref, status = $status, destinations = $dest, created = $created, updated = $updated,
                        version = $version, custody_length = $custody, sealed_label = $label, sealed_custody_head = $head
                    WHERE id = $id;
                    """, CaseParameters(k));
                Exec(c, tx, "DELETE FROM case_destinations WHERE case_id = $id;", ("$id", k.Id));
            }
            foreach (var d in k.Destinations)
                Exec(c, tx, "INSERT INTO case_destinations (case_id, country) VALUES ($id, $country);", ("$id", k.Id), ("$country", d));
            if (change.NewKey is { } key)
                Exec(c, tx, "INSERT INTO case_keys (case_id, generation, wrapped) VALUES ($id, $gen, $wrapped);",
                    ("$id", key.CaseId), ("$gen", key.Generation), ("$wrapped", Bytes(key.Wrapped)));
            if (change.NewVersion is { } v)
                Exec(c, tx, "INSERT INTO case_versions (case_id, version, at, sealed) VALUES ($id, $v, $at, $sealed);",
                    ("$id", v.CaseId), ("$v", v.Version), ("$at", Ticks(v.At)), ("$sealed", Bytes(v.Sealed)));
            foreach (var e in change.NewEvidence)
                Exec(c, tx, "INSERT INTO evidence (blob_id, case_id, content_index, added, sealed) VALUES ($blob, $id, $content, $added, $sealed);",
                    ("$blob", e.BlobId), ("$id", e.CaseId), ("$content", Bytes(e.ContentIndex)), ("$added", Ticks(e.Added)), ("$sealed", Bytes(e.Sealed)));
            foreach (var x in change.NewCustody)
                Exec(c, tx, "INSERT INTO custody (case_id, seq, sealed, hash) VALUES ($id, $seq, $sealed, $hash);",
                    ("$id", x.CaseId), ("$seq", x.Sequence), ("$sealed", Bytes(x.Sealed)), ("$hash", Bytes(x.Hash)));
            tx.Commit();
            return Result<StoredCase>.Success(k);
        }, cancellationToken);

    public Task<Result<Erasure>> DestroyCaseKeyAsync(Erasure erasure, CancellationToken cancellationToken = default) =>
        Run(c =>
        {
            using (var tx = c.BeginTransaction())
            {
                var key = Exec(c, tx, "DELETE FROM case_keys WHERE case_id = $id;", ("$id", erasure.CaseId));
                var row = Exec(c, tx, "DELETE FROM cases WHERE id = $id;", ("$id", erasure.CaseId));
                if (key == 0 && row == 0)
                    return Result<Erasure>.Failure([new Diagnostic("case.not-found", $"No case {erasure.CaseId} to erase.")]);
                Exec(c, tx, "INSERT OR REPLACE INTO erasures (case_id, at, sealed, completed) VALUES ($id, $at, $sealed, 0);",
                    ("$id", erasure.CaseId), ("$at", Ticks(erasure.At)), ("$sealed", Bytes(erasure.Sealed)));
                tx.Commit();
            }
            // The deleted key was zeroed in the database pages; now move those pages out of the WAL and cut it
            // to nothing, so no frame that still held the wrapped key survives in the -wal file either.
            Checkpoint(c);
            return Result<Erasure>.Success(erasure with { Completed = false });
        }, cancellationToken);

    public Task CompleteErasureAsync(string caseId, CancellationToken cancellationToken = default) =>
        Run(c =>
        {
            using (var tx = c.BeginTransaction())
            {
                foreach (var table in CaseTables)
                    Exec(c, tx, $"DELETE FROM {table} WHERE case_id = $id;", ("$id", caseId));
                Exec(c, tx, "DELETE FROM cases WHERE id = $id;", ("$id", caseId));
                Exec(c, tx, "UPDATE erasures SET completed = 1 WHERE case_id = $id;", ("$id", caseId));
                tx.Commit();
            }
            Checkpoint(c);
            return 0;
        }, cancellationToken);

    public Task<IReadOnlyList<Erasure>> ListErasuresAsync(bool pendingOnly, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<Erasure>>(c => Query(c, "SELECT case_id, at, sealed, completed FROM erasures" + (pendingOnly ? " WHERE completed = 0" : "") + " ORDER BY at, case_id;",
            r => new Erasure(r.GetString(0), FromTicks(r.GetInt64(1)), Blob(r, 2), r.GetInt64(3) != 0)), cancellationToken);

    /// <summary>Copies the WAL into the database and truncates it to zero bytes; retried while readers hold old snapshots.</summary>
    private void Checkpoint(SqliteConnection c)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            using var r = cmd.ExecuteReader();
            if (r.Read() && r.GetInt64(0) == 0) return;
            Thread.Sleep(50);
        }
        throw new CaseStoreException($"The database '{Path}' could not be checkpointed: other readers kept it busy. Run the command again when they are done.");
    }

    private static readonly string[] CaseTables = ["case_versions", "evidence", "custody", "case_keys", "case_destinations"];

    private const string CaseColumns =
        "SELECT c.id, c.reference_index, c.status, c.destinations, c.created, c.updated, c.version, c.custody_length, c.sealed_label, c.sealed_custody_head FROM cases c";

    private static StoredCase? QueryCase(SqliteConnection c, SqliteTransaction? tx, string condition, object value)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = CaseColumns + " WHERE c." + condition + ";";
        cmd.Parameters.AddWithValue("$p", value);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadCase(r) : null;
    }

    private static StoredCase ReadCase(SqliteDataReader r) => new(
        r.GetString(0), Blob(r, 1), ParseStatus(r.GetString(2)),
        [.. r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries)],
        FromTicks(r.GetInt64(4)), FromTicks(r.GetInt64(5)), r.GetInt32(6), r.GetInt64(7), Blob(r, 8), Blob(r, 9));

    private static (string, object)[] CaseParameters(StoredCase k) =>
    [
        ("$id", k.Id), ("$ref", Bytes(k.ReferenceIndex)), ("$status", StatusText(k.Status)), ("$dest", string.Join(",", k.Destinations)),
        ("$created", Ticks(k.Created)), ("$updated", Ticks(k.Updated)), ("$version", k.Version), ("$custody", k.CustodyLength),
        ("$label", Bytes(k.SealedLabel)), ("$head", Bytes(k.SealedCustodyHead)),
    ];

    private static CaseKey ReadKey(SqliteDataReader r) => new(r.GetString(0), r.GetInt32(1), Blob(r, 2));
    private static CaseVersion ReadVersion(SqliteDataReader r) => new(r.GetString(0), r.GetInt32(1), FromTicks(r.GetInt64(2)), Blob(r, 3));
    private static StoredEvidence ReadEvidence(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), Blob(r, 2), FromTicks(r.GetInt64(3)), Blob(r, 4));
    private static CustodyRecord ReadCustody(SqliteDataReader r) => new(r.GetString(0), r.GetInt64(1), Blob(r, 2), Blob(r, 3));

    private static Keyring? ReadKeyring(SqliteConnection c, SqliteTransaction? tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT store_id, generation, source, kdf, salt, sealed_keys, created, rotated FROM keyring WHERE id = 1;";
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new Keyring(Blob(r, 0), r.GetInt32(1), r.GetString(2), r.GetString(3), Blob(r, 4), Blob(r, 5), FromTicks(r.GetInt64(6)), FromTicks(r.GetInt64(7)))
            : null;
    }

    private static Result<T> Conflict<T>(string why) =>
        Result<T>.Failure([new Diagnostic("store.conflict", $"The store changed meanwhile: {why}. Nothing was written; run the command again.")]);

    private static string StatusText(CaseStatus s) => s == CaseStatus.Open ? "open" : "closed";

    private static CaseStatus ParseStatus(string s) => s switch
    {
        "open" => CaseStatus.Open,
        "closed" => CaseStatus.Closed,
        _ => throw new CaseStoreException($"Unknown case status '{s}' in the database."),
    };

    private static long Ticks(Instant i) => i.ToUnixTimeTicks();
    private static Instant FromTicks(long t) => Instant.FromUnixTimeTicks(t);
    private static byte[] Bytes(ImmutableArray<byte> b) => ImmutableCollectionsMarshal.AsArray(b) ?? [];

    private static ImmutableArray<byte> Blob(SqliteDataReader r, int i) =>
        ImmutableCollectionsMarshal.AsImmutableArray((byte[])r.GetValue(i));

    private static List<T> Query<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static int Exec(SqliteConnection c, SqliteTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
