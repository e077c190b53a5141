using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ExNunc.Vault.Tests;

/// <summary>
/// Everything a data directory holds, logically: every row of every table and the hash of every blob. Comparing
/// two snapshots tells whether anything changed (the bytes of the database files may move between the WAL and
/// the main file without any change of content).
/// </summary>
internal static class Snapshot
{
    private static readonly string[] Tables = ["keyring", "cases", "case_destinations", "case_keys", "case_versions", "evidence", "custody", "erasures"];

    public static string Of(string dataDirectory)
    {
        var sb = new StringBuilder();
        using (var c = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "exnunc.db")};Mode=ReadOnly;Pooling=False"))
        {
            c.Open();
            foreach (var table in Tables)
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2;";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    sb.Append(table).Append(':');
                    for (var i = 0; i < r.FieldCount; i++)
                        sb.Append(r.GetValue(i) is byte[] b ? Convert.ToHexString(b) : r.GetValue(i).ToString()).Append('|');
                    sb.Append('\n');
                }
            }
        }
        var blobs = Path.Combine(dataDirectory, "blobs");
        foreach (var f in Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            sb.Append(Path.GetRelativePath(blobs, f)).Append('=').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))).Append('\n');
        return sb.ToString();
    }

    public static void Sql(string dataDirectory, string sql, params (string, object)[] parameters)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "exnunc.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in parameters) cmd.Parameters.AddWithValue(n, v);
        cmd.ExecuteNonQuery();
    }

    public static T Scalar<T>(string dataDirectory, string sql)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "exnunc.db")};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (T)cmd.ExecuteScalar()!;
    }
}
