using ExNunc.Cli;
using NodaTime;
using NodaTime.Testing;

namespace ExNunc.Vault.Tests;

/// <summary>The exnunc commands of the vault, run in-process: exit codes and messages for the credential errors.</summary>
public class CliTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2024, 5, 1, 10, 0));

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var exit = Program.Run(args, o, e, Clock);
        return (exit, o.ToString(), e.ToString());
    }

    [Fact]
    public void InitThenUse_WithAPassphraseFile_AndAWrongOne_Exits2NamingTheDirectory()
    {
        using var t = new TempDir();
        var data = t["data"];
        var good = t.Write("good.txt", "correct horse battery staple\n");
        var bad = t.Write("bad.txt", "correct horse battery stapler\n");
        Assert.Equal(0, Run("init", "--data", data, "--passphrase-file", good, "--argon2-memory", "19", "--argon2-iterations", "2", "--argon2-parallelism", "1").Exit);
        var list = Run("case", "list", "--data", data, "--passphrase-file", good);
        Assert.Equal((0, "No cases.\n"), (list.Exit, list.Out));
        var before = Snapshot.Of(data);
        var wrong = Run("case", "list", "--data", data, "--passphrase-file", bad);
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("error key.wrong-passphrase", wrong.Err, StringComparison.Ordinal);
        Assert.Contains(data, wrong.Err, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot.Of(data));
        var again = Run("init", "--data", data, "--passphrase-file", good);
        Assert.Equal(2, again.Exit);
        Assert.Contains("store.exists", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingKeyFile_Exits2NamingTheFile_AndAMissingDataDirectoryExits3()
    {
        using var t = new TempDir();
        var data = t["data"];
        Assert.Equal(0, Run("init", "--data", data, "--key-file", t["org.key"]).Exit);
        var missing = Run("case", "list", "--data", data, "--key-file", t["gone.key"]);
        Assert.Equal(2, missing.Exit);
        Assert.Contains($"error key.missing-key-file: The key file '{t["gone.key"]}' does not exist.", missing.Err, StringComparison.Ordinal);
        var none = Run("case", "list", "--data", t["nowhere"], "--key-file", t["org.key"]);
        Assert.Equal(3, none.Exit);
        Assert.Contains("store.not-initialised", none.Err, StringComparison.Ordinal);
        var weak = Run("init", "--data", t["d2"], "--passphrase-file", t.Write("weak.txt", "short\n"));
        Assert.Equal(2, weak.Exit);
        Assert.Contains("key.weak-passphrase", weak.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseCommands_ImportListShowHistoryEraseAndNotFound()
    {
        using var f = new VaultFixture();
        f.Vault.Dispose();
        var path = f.CaseFolder("in", "cli-case", ("e1", "evidence/a.bin", Bytes.Random(1000)));
        string[] key = ["--data", f.Directory.Root, "--key-file", f.KeyFile];
        Assert.Equal(0, Run(["case", "import", path, .. key, "--actor", "anna"]).Exit);
        var list = Run(["case", "list", "--format", "json", "--destination", "DE", .. key]);
        Assert.Contains("\"id\": \"cli-case\"", list.Out, StringComparison.Ordinal);
        var patch = f.Temp.Write("p.yaml", "exit_ban: yes\n");
        var edit = Run(["case", "edit", "cli-case", "--patch", patch, .. key, "--actor", "boris"]);
        Assert.Equal(0, edit.Exit);
        Assert.Contains("changed: exit_ban", edit.Out, StringComparison.Ordinal);
        var history = Run(["case", "history", "cli-case", .. key]);
        Assert.Contains("by anna  import", history.Out, StringComparison.Ordinal);
        Assert.Contains("by boris  edit: exit_ban", history.Out, StringComparison.Ordinal);
        Assert.Equal(3, Run(["case", "show", "nobody", .. key]).Exit);
        Assert.Equal(0, Run(["evidence", "verify", .. key]).Exit);
        Assert.Equal(2, Run(["case", "erase", "cli-case", .. key]).Exit);
        Assert.Equal(0, Run(["case", "erase", "cli-case", "--yes", .. key]).Exit);
        Assert.Equal(3, Run(["case", "show", "cli-case", .. key]).Exit);
        f.Reopen();
    }

    [Fact]
    public async Task Edit_InTheEditor_WorksOnAPrivateMemoryBackedFile_ThatIsGoneAfterwards()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/dev/shm")) return;
        using var f = new VaultFixture();
        await f.Vault.ImportAsync(f.CaseFolder("in", "edited"), VaultFixture.Catalog, f.Act());
        f.Vault.Dispose();
        Storage.Sqlite.SqliteCaseStore.ReleaseConnections();
        var seen = f.Temp["seen.txt"];
        var editor = f.Temp.Write("editor.sh", $"#!/bin/sh\nstat -c '%a' \"$1\" \"$(dirname \"$1\")\" > {seen}\nsed -i 's/^exit_ban: unknown/exit_ban: yes/' \"$1\"\n");
        File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var p = System.Diagnostics.Process.Start(Cli.Start(["case", "edit", "edited", "--data", f.Directory.Root, "--key-file", f.KeyFile], new Dictionary<string, string> { ["EDITOR"] = editor, ["VISUAL"] = "" }))!;
        var stdout = await p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, stderr);
        Assert.Contains("changed: exit_ban", stdout, StringComparison.Ordinal);
        Assert.Equal(["600", "700"], File.ReadAllLines(seen));
        var path = System.Text.RegularExpressions.Regex.Match(stderr, @"(/dev/shm/exnunc-[0-9a-f]+)/").Groups[1].Value;
        Assert.StartsWith("/dev/shm/exnunc-", path, StringComparison.Ordinal);
        Assert.False(Directory.Exists(path), "the decrypted case must be erased after the editor exits");
        Assert.Equal("yes", (await f.Reopen().ShowAsync("edited")).Value.Case.ExitBan);
    }
}
