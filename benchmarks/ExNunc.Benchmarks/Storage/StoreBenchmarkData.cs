using ExNunc.Storage.Sqlite;
using ExNunc.Testing;
using ExNunc.Vault.Cases;
using ExNunc.Vault.Files;
using ExNunc.Vault.Keys;
using NodaTime;

namespace ExNunc.Benchmarks.Storage;

/// <summary>Case files and data directories for the store benchmarks: the scenario cases under new ids, a key file.</summary>
internal static class StoreBenchmarkData
{
    public static readonly Instant T0 = Instant.FromUtc(2025, 1, 1, 0, 0);

    /// <summary>Writes <paramref name="count"/> case files (the scenarios in turn, each under its own id) into a folder.</summary>
    public static string[] CaseFiles(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var texts = TestKnowledge.ScenarioNames.Select(n => (Name: n, Text: File.ReadAllText(RepoPaths.Scenario(n)))).ToArray();
        var paths = new string[count];
        for (var i = 0; i < count; i++)
        {
            var (name, text) = texts[i % texts.Length];
            var id = $"{name}-{i}";
            paths[i] = Path.Combine(folder, id + ".yaml");
            File.WriteAllText(paths[i], text.Replace($"id: {name}", $"id: {id}", StringComparison.Ordinal));
        }
        return paths;
    }

    public static CaseVault NewVault(string root, out string keyFile)
    {
        var dir = new DataDirectory(root);
        dir.Create();
        keyFile = Path.Combine(Path.GetDirectoryName(root)!, Path.GetFileName(root) + ".key");
        if (File.Exists(keyFile)) File.Delete(keyFile);
        using var credential = MasterCredential.CreateKeyFile(keyFile).Value;
        return CaseVault.InitialiseAsync(SqliteCaseStore.Open(dir.Database), dir, credential, null, T0).GetAwaiter().GetResult().Value;
    }

    public static CaseVault OpenVault(string root, string keyFile)
    {
        var dir = new DataDirectory(root);
        using var credential = MasterCredential.FromKeyFile(keyFile).Value;
        return CaseVault.UnlockAsync(SqliteCaseStore.Open(dir.Database), dir, credential).GetAwaiter().GetResult().Value;
    }
}
