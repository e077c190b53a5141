using System.Diagnostics;
using System.Text.RegularExpressions;
using ExNunc.Storage.Sqlite;
using Xunit.Abstractions;

namespace ExNunc.Vault.Tests;

/// <summary>
/// Crash safety: the real exnunc command adds evidence, changes case status, imports and erases cases in a child
/// process that is killed with SIGKILL at random points — at a random delay after it starts, or a few milliseconds
/// after it begins writing — or left to finish. After every kill, the next writer recovers and the
/// test checks that every item the child reported as committed is there, intact and verifiable, and that nothing
/// half-written is visible (no partial or orphan blob, no version or custody gap, no item without its file).
/// </summary>
public partial class CrashTests(ITestOutputHelper output)
{
    private const int RequiredKills = 200;
    // A safety cap for slow machines; on the 2-core reference machine the test takes about two minutes.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(240);

    [Fact]
    public async Task KilledAtRandomPoints_EveryReportedItemSurvives_AndNothingHalfWrittenIsVisible()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var f = new VaultFixture(Directory.Exists("/dev/shm") ? "/dev/shm" : null);
        Assert.True((await f.Vault.ImportAsync(f.CaseFolder("in", "crash-a"), VaultFixture.Catalog, f.Act())).IsSuccess);
        var doomed = new Queue<string>();
        for (var i = 1; i <= 8; i++)
        {
            var name = $"doomed-{i}";
            Assert.True((await f.Vault.ImportAsync(f.CaseFolder("in-" + name, name, ("e1", "evidence/x.bin", Bytes.Random(300_000))), VaultFixture.Catalog, f.Act())).IsSuccess);
            doomed.Enqueue(name);
        }
        f.Vault.Dispose();
        SqliteCaseStore.ReleaseConnections();

        var random = new Random(20240501);
        var committed = new Dictionary<string, string>(StringComparer.Ordinal); // evidence id → sha256, as reported
        var erased = new HashSet<string>(StringComparer.Ordinal);
        var imported = new HashSet<string>(StringComparer.Ordinal) { "crash-a" };
        string[] key = ["--data", f.Directory.Root, "--key-file", f.KeyFile];
        int kills = 0, midWrite = 0, completed = 0, iteration = 0, imports = 0;
        var clock = Stopwatch.StartNew();
        while (kills < RequiredKills + 10 && clock.Elapsed < Budget)
        {
            iteration++;
            var roll = random.NextDouble();
            string[] args;
            if (roll < 0.04 && imports < 8)
            {
                var name = $"imported-{++imports}";
                var folder = f.CaseFolder("imp-" + name, name, ("e1", "evidence/a.bin", Bytes.Random(random.Next(0, 3_000_000))), ("e4", "evidence/b.bin", Bytes.Random(random.Next(0, 500_000))));
                args = ["case", "import", folder, .. key];
            }
            else if (roll < 0.12 && doomed.Count > 0) args = ["case", "erase", doomed.Peek(), "--yes", .. key];
            else if (roll < 0.30) args = ["case", "edit", "crash-a", "--status", random.Next(2) == 0 ? "open" : "closed", .. key];
            else
            {
                var files = Enumerable.Range(0, random.Next(1, 4))
                    .Select(i => f.Temp.Write($"files/{iteration}-{i}.bin", Bytes.Random(random.Next(0, 5) > 0 ? random.Next(0, 70_000) : random.Next(0, 1_500_000))))
                    .ToArray();
                args = ["evidence", "add", "crash-a", .. files, .. key];
            }

            using var p = Process.Start(Cli.Start(args))!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            var mark = Path.Combine(f.Directory.Root, "writing");
            var killedMidWrite = false;
            var mode = random.NextDouble();
            // Only ingests and imports put blobs down before committing and so mark the directory as being written.
            var marks = args[0] == "evidence" || args[1] == "import";
            if (!marks && mode >= 0.45) mode = 0.08 + (mode - 0.45) * 0.37 / 0.55;
            if (mode < 0.08)
            {
                await p.WaitForExitAsync();
            }
            else if (mode < 0.45)
            {
                await Task.WhenAny(p.WaitForExitAsync(), Task.Delay(random.Next(20, 600)));
            }
            else
            {
                var started = Stopwatch.StartNew();
                while (!p.HasExited && !File.Exists(mark) && started.ElapsedMilliseconds < 5000) await Task.Delay(1);
                var extra = random.Next(0, 60);
                if (extra > 0) await Task.WhenAny(p.WaitForExitAsync(), Task.Delay(extra));
            }
            if (!p.HasExited)
            {
                killedMidWrite = File.Exists(mark);
                p.Kill(); // SIGKILL
                kills++;
                if (killedMidWrite) midWrite++;
            }
            await p.WaitForExitAsync();
            var text = await stdout;
            var err = await stderr;
            if (p.ExitCode == 0)
            {
                completed++;
                foreach (Match m in AddedLine().Matches(text)) committed[m.Groups[1].Value] = m.Groups[2].Value;
                if (args[1] == "erase") erased.Add(doomed.Dequeue());
                if (args[1] == "import") imported.Add(args[2].Split('/')[^2]["imp-".Length..]);
            }
            else if (!p.HasExited || p.ExitCode != 137)
            {
                // Killed children exit with 137 (128 + SIGKILL); anything else must be a deliberate, reported failure.
                Assert.True(p.ExitCode == 137 || killedMidWrite || err.Length > 0, $"exit {p.ExitCode}: {err}");
                if (p.ExitCode is not 137 and not 0)
                {
                    // An erase of a case whose erasure already committed before an earlier kill is "not found": fine.
                    Assert.True(args[1] == "erase" && p.ExitCode == 3, $"iteration {iteration}: exit {p.ExitCode}: {err}");
                    erased.Add(doomed.Dequeue());
                }
            }
            await Check(f, committed, erased, imported, iteration, everything: iteration % 25 == 0);
        }
        await Check(f, committed, erased, imported, iteration, everything: true);
        output.WriteLine($"{iteration} runs, {kills} killed ({midWrite} while writing), {completed} completed, {committed.Count} evidence items reported, {erased.Count} erasures, {imports} imports, {clock.Elapsed.TotalSeconds:F0} s");
        Assert.True(kills >= RequiredKills, $"only {kills} kills in {Budget.TotalSeconds} s");
        Assert.True(midWrite >= RequiredKills / 4, $"only {midWrite} kills while writing");
        Assert.True(completed >= 20, $"only {completed} runs completed");
    }

    /// <summary>What the next writer sees after a crash: recovery, then a vault that verifies, with everything reported.</summary>
    /// <remarks>Every run re-verifies the case that takes the writes; every 25th and the last re-verify all cases.</remarks>
    private static async Task Check(VaultFixture f, Dictionary<string, string> committed, HashSet<string> erased, HashSet<string> imported, int iteration, bool everything)
    {
        var vault = f.Reopen();
        var report = (await vault.VerifyAsync(everything ? null : "crash-a")).Value;
        Assert.True(report.Ok, $"iteration {iteration}:\n" + string.Join("\n", report.Problems));
        var items = (await vault.ListEvidenceAsync("crash-a")).Value;
        foreach (var (id, sha) in committed)
            Assert.True(items.Any(e => e.Item.Id == id && e.File?.Sha256 == sha), $"iteration {iteration}: reported {id} ({sha}) is missing or different");
        Assert.All(items.Where(e => e.Item.File is not null), e => Assert.NotNull(e.File));
        foreach (var gone in erased)
            Assert.Equal("case.not-found", (await vault.ShowAsync(gone)).Errors.Single().Code);
        foreach (var name in imported)
            Assert.True((await vault.ShowAsync(name)).IsSuccess, $"iteration {iteration}: imported case {name} is missing");
        var history = (await vault.HistoryAsync("crash-a")).Value;
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.Version));
        // No partial blob, and exactly one blob file per evidence record.
        var files = Directory.EnumerateFiles(f.Directory.Blobs, "*", SearchOption.AllDirectories).ToList();
        Assert.DoesNotContain(files, p => p.EndsWith(".part", StringComparison.Ordinal));
        Assert.Equal(Snapshot.Scalar<long>(f.Directory.Root, "SELECT count(*) FROM evidence;"), files.Count);
        Assert.Equal(0L, Snapshot.Scalar<long>(f.Directory.Root, "SELECT count(*) FROM erasures WHERE completed = 0;"));
        Assert.False(File.Exists(Path.Combine(f.Directory.Root, "writing")));
        vault.Dispose();
        SqliteCaseStore.ReleaseConnections();
    }

    [GeneratedRegex(@"^(e\d+)  \S+  .*sha256 ([0-9a-f]{64})$", RegexOptions.Multiline)]
    private static partial Regex AddedLine();
}
