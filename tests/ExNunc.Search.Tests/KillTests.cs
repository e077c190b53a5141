using System.Diagnostics;
using System.Text;
using ExNunc.Search.Searching;
using ExNunc.Search.Tests.Support;
using ExNunc.Testing;
using Xunit.Abstractions;

namespace ExNunc.Search.Tests;

/// <summary>
/// The real exnunc command, importing in a child process, killed with SIGKILL at random moments, again
/// and again: after every kill the index opens, and every document in it is complete and searchable;
/// none is partial. The import then finishes, and nothing is indexed twice.
/// </summary>
public sealed class KillTests(ITestOutputHelper output) : IDisposable
{
    private const int Documents = 100;
    private const int ParagraphsPerDocument = 12;
    private readonly TempFolder _folder = new();

    [Fact]
    public void Import_KilledMidway_LeavesOnlyCompleteDocuments_AndResumes()
    {
        var corpus = WriteCorpus();
        var data = _folder.Combine("data");
        var random = new Random(20260127);
        var previous = 0;
        var midway = 0;
        // The first round is killed blind, most likely while the knowledge base is being indexed; the
        // others after the child has reported a random number of committed documents, plus a random delay,
        // so that the kill lands anywhere in the next document's extraction, indexing or commit.
        for (var round = 0; round < 6; round++)
        {
            var target = round == 0 ? int.MaxValue : random.Next(1, 11);
            var delay = random.Next(0, 40);
            using var child = StartImport(corpus, data, out var committed);
            var signalled = round == 0 ? child.WaitForExit(random.Next(300, 1500)) && false : WaitFor(committed, target, child);
            if (signalled) Thread.Sleep(delay);
            var exited = child.HasExited;
            if (!exited)
            {
                child.Kill(entireProcessTree: true); // SIGKILL on Unix
                child.WaitForExit();
            }
            var complete = CheckConsistent(data);
            output.WriteLine($"round {round}: {(exited ? "finished" : (round == 0 ? "killed blind" : $"killed {delay} ms after its {target}th report"))}, {complete} documents complete");
            Assert.True(complete >= previous, "a committed document disappeared");
            if (!exited && complete > previous) midway++;
            previous = complete;
        }
        Assert.True(midway >= 3, "too few kills landed in the middle of the import; the test proved little");
        Assert.True(previous < Documents, "the import finished before the last kill");

        using (var final = StartImport(corpus, data, out _))
        {
            Assert.True(final.WaitForExit(180_000));
            Assert.Equal(0, final.ExitCode);
        }
        Assert.Equal(Documents, CheckConsistent(data));
        using var index = ResearchIndex.Open(Path.Combine(data, "search"));
        Assert.Equal(Documents, index.Statistics().ImportedDocuments);
        Assert.Equal(Documents * ParagraphsPerDocument + TestKnowledge.Kb.Entries.Length * 2, index.Statistics().Passages);
    }

    private static bool WaitFor(System.Collections.Concurrent.BlockingCollection<string> committed, int count, Process child)
    {
        var seen = 0;
        while (seen < count)
        {
            if (!committed.TryTake(out _, 60_000)) return false;
            seen++;
        }
        return !child.HasExited;
    }

    /// <summary>Opens the index as a fresh process would and checks every document; returns how many are complete.</summary>
    private static int CheckConsistent(string data)
    {
        using var index = ResearchIndex.Open(Path.Combine(data, "search"));
        var stats = index.Statistics();
        Assert.True(stats.KnowledgeBaseDocuments is 0 || stats.KnowledgeBaseDocuments == TestKnowledge.Kb.Entries.Length * 2,
            $"partial knowledge base: {stats.KnowledgeBaseDocuments}");
        var complete = 0;
        for (var d = 0; d < Documents; d++)
        {
            var hits = index.Search(new ResearchQuery { Text = Marker(d), Limit = 100 }).Value.Hits;
            if (hits.Length == 0) continue;
            Assert.Equal(ParagraphsPerDocument, hits.Length);
            Assert.Single(hits.Select(h => h.DocumentId).Distinct());
            Assert.Equal(Enumerable.Range(1, ParagraphsPerDocument), hits.Select(h => h.Ordinal).Order());
            Assert.All(hits, h => Assert.Equal(ParagraphsPerDocument, h.PassageCount));
            complete++;
        }
        Assert.Equal(complete, stats.ImportedDocuments);
        Assert.Equal(complete * ParagraphsPerDocument + stats.KnowledgeBaseDocuments, stats.Passages);
        return complete;
    }

    private static Process StartImport(string corpus, string data, out System.Collections.Concurrent.BlockingCollection<string> committed)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "exnunc.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { exe, "research", "import", corpus, "--published", "2024-01-15", "--lang", "en", "--kind", "coi", "--kb", RepoPaths.Kb },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The data directory comes from the environment, as it does for a user who sets EXNUNC_DATA.
        info.Environment["EXNUNC_DATA"] = data;
        var process = Process.Start(info)!;
        var lines = new System.Collections.Concurrent.BlockingCollection<string>();
        committed = lines;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("imported", StringComparison.Ordinal) == true) lines.Add(e.Data);
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Marker(int document) => "kmark" + document.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private string WriteCorpus()
    {
        var dir = _folder.Combine("corpus");
        Directory.CreateDirectory(dir);
        for (var d = 0; d < Documents; d++)
        {
            var sb = new StringBuilder();
            for (var p = 0; p < ParagraphsPerDocument; p++)
            {
                sb.Append($"Paragraph {p + 1} of report {d} ({Marker(d)}): the applicant was summoned to the military commissariat, ")
                  .Append("refused to serve in a war of aggression and left the country before the summons was deemed served. ")
                  .Append("The authorities opened a criminal case and put him on the wanted list, which the report documents in detail.\n\n");
            }
            File.WriteAllText(Path.Combine(dir, $"report-{d:D4}.txt"), sb.ToString());
        }
        return dir;
    }

    public void Dispose() => _folder.Dispose();
}
