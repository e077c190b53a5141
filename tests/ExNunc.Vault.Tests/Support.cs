using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using ExNunc.Domain.Cases;
using ExNunc.Storage.Sqlite;
using ExNunc.Testing;
using ExNunc.Vault.Cases;
using ExNunc.Vault.Files;
using ExNunc.Vault.Keys;
using NodaTime;

namespace ExNunc.Vault.Tests;

/// <summary>A temporary directory removed after the test.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string? under = null)
    {
        var parent = under ?? System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(parent, "exnunc-test-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        SqliteCaseStore.ReleaseConnections();
        try
        {
            foreach (var f in Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories))
                if (!OperatingSystem.IsWindows() && !File.GetAttributes(f).HasFlag(FileAttributes.ReparsePoint))
                    File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not a test failure.
        }
    }
}

/// <summary>A data directory initialised with a key file (fast: no Argon2), and helpers to write case folders.</summary>
public sealed class VaultFixture : IDisposable
{
    public static readonly Instant T0 = Instant.FromUtc(2024, 5, 1, 10, 0);
    private int _tick;

    public VaultFixture(string? under = null)
    {
        Temp = new TempDir(under);
        Directory = new DataDirectory(Temp["data"]);
        Directory.Create();
        KeyFile = Temp["master.key"];
        using var credential = MasterCredential.CreateKeyFile(KeyFile).Value;
        Vault = CaseVault.InitialiseAsync(SqliteCaseStore.Open(Directory.Database), Directory, credential, null, T0).GetAwaiter().GetResult().Value;
    }

    public TempDir Temp { get; }
    public DataDirectory Directory { get; }
    public string KeyFile { get; }
    public CaseVault Vault { get; private set; }

    /// <summary>A new act a second after the last, by "caseworker".</summary>
    public Act Act(string actor = "caseworker") => new(actor, T0.Plus(Duration.FromSeconds(++_tick)));

    /// <summary>Re-opens the vault from disk (a new process would do the same).</summary>
    public CaseVault Reopen()
    {
        Vault.Dispose();
        SqliteCaseStore.ReleaseConnections();
        using var credential = MasterCredential.FromKeyFile(KeyFile).Value;
        Vault = CaseVault.UnlockAsync(SqliteCaseStore.Open(Directory.Database), Directory, credential).GetAwaiter().GetResult().Value;
        return Vault;
    }

    public static ICaseCatalog Catalog => TestKnowledge.Kb;

    /// <summary>Writes a case folder: the scenario case with <c>file:</c> fields for the given evidence, and the files beside it.</summary>
    public string CaseFolder(string name, string reference, params (string Id, string File, byte[] Content)[] files)
    {
        var text = File.ReadAllText(RepoPaths.Scenario("andrei-k")).Replace("id: andrei-k", "id: " + reference, StringComparison.Ordinal);
        foreach (var (id, file, content) in files)
        {
            text = text.Replace($"  - id: {id}\n", $"  - id: {id}\n    file: {file}\n", StringComparison.Ordinal);
            Temp.Write(Path.Combine(name, file), content);
        }
        return Temp.Write(Path.Combine(name, reference + ".yaml"), text);
    }

    public void Dispose()
    {
        Vault.Dispose();
        Temp.Dispose();
    }
}

internal static partial class Posix
{
    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEuid();

    public static bool IsRoot => !OperatingSystem.IsWindows() && GetEuid() == 0;
}

internal static class Bytes
{
    public static byte[] Random(int length)
    {
        var b = new byte[length];
        System.Random.Shared.NextBytes(b);
        return b;
    }

    /// <summary>Random bytes with a marker string written into them every 50 KiB.</summary>
    public static byte[] WithMarker(int length, string marker)
    {
        var b = Random(length);
        var m = Encoding.UTF8.GetBytes(marker);
        for (var i = 0; i + m.Length <= length; i += 50_000) m.CopyTo(b, i);
        return b;
    }

    public static int IndexOf(string directory, byte[] needle)
    {
        var found = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            if (File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0) found++;
        return found;
    }

    public static Dictionary<string, string> HashTree(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("lock", StringComparison.Ordinal))
            .ToDictionary(f => System.IO.Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
