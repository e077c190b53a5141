using Microsoft.Data.Sqlite;

namespace ExNunc.Storage.Sqlite;

/// <summary>
/// The SQLite schema and its migrations, numbered by <c>PRAGMA user_version</c>. See README.md beside this
/// file before adding a migration: the PostgreSQL store must get the same change.
/// </summary>
internal static class Schema
{
    /// <summary>Migration n brings the schema from version n to n + 1.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE keyring (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            store_id BLOB NOT NULL,
            generation INTEGER NOT NULL,
            source TEXT NOT NULL,
            kdf TEXT NOT NULL,
            salt BLOB NOT NULL,
            sealed_keys BLOB NOT NULL,
            created INTEGER NOT NULL,
            rotated INTEGER NOT NULL);
        CREATE TABLE cases (
            id TEXT PRIMARY KEY,
            reference_index BLOB NOT NULL UNIQUE,
            status TEXT NOT NULL,
            destinations TEXT NOT NULL,
            created INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            version INTEGER NOT NULL,
            custody_length INTEGER NOT NULL,
            sealed_label BLOB NOT NULL,
            sealed_custody_head BLOB NOT NULL);
        CREATE INDEX cases_updated ON cases (updated);
        CREATE TABLE case_destinations (
            case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
            country TEXT NOT NULL,
            PRIMARY KEY (case_id, country)) WITHOUT ROWID;
        CREATE INDEX case_destinations_country ON case_destinations (country, case_id);
        CREATE TABLE case_keys (
            case_id TEXT PRIMARY KEY,
            generation INTEGER NOT NULL,
            wrapped BLOB NOT NULL);
        CREATE TABLE case_versions (
            case_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            at INTEGER NOT NULL,
            sealed BLOB NOT NULL,
            PRIMARY KEY (case_id, version));
        CREATE TABLE evidence (
            blob_id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL,
            content_index BLOB NOT NULL,
            added INTEGER NOT NULL,
            sealed BLOB NOT NULL,
            UNIQUE (case_id, content_index));
        CREATE INDEX evidence_case ON evidence (case_id, added);
        CREATE TABLE custody (
            case_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            sealed BLOB NOT NULL,
            hash BLOB NOT NULL,
            PRIMARY KEY (case_id, seq));
        CREATE TABLE erasures (
            case_id TEXT PRIMARY KEY,
            at INTEGER NOT NULL,
            sealed BLOB NOT NULL,
            completed INTEGER NOT NULL);
        """,
    ];

    public static int Current => Migrations.Length;

    /// <summary>Brings the database to the current schema, each migration in its own transaction.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Current)
            throw new CaseStoreException($"The database was written by a newer ExNunc (schema {version}; this one knows up to {Current}).");
        for (var v = version; v < Current; v++)
        {
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Migrations[v] + $"\nPRAGMA user_version = {v + 1};";
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
