using System.Text.Json;
using ExNunc.Cli.Tests.TestSupport;
using ExNunc.KnowledgeBase.Loading;
using ExNunc.Testing;

namespace ExNunc.Cli.Tests;

/// <summary>The kb.version of the assessment JSON: the same for the same files, another after any edit.</summary>
public sealed class KbVersionTests
{
    private static readonly string OlgaV = RepoPaths.Scenario("olga-v");

    [Fact]
    public void Assess_OnACopyOfTheKb_ReportsTheSameVersion()
    {
        using var dir = TempDirectory.WithKbCopy();

        Assert.Equal(KbVersionOf(RepoPaths.Kb), KbVersionOf(dir.Kb));
    }

    /// <summary>
    /// Files of the knowledge base: jurisdictions.yaml, the first and the last in path order and
    /// three between (each case loads the kb twice, so not all ~150). Worked cases are tests of the
    /// kb, not content, and KbLoader leaves them out of the version.
    /// </summary>
    public static TheoryData<string> KbFiles() => [.. SampleFiles()];

    private static List<string> SampleFiles()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Kb, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Kb, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(WorkedCaseReader.Folder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var n = files.Count;
        return [.. new[] { 0, n / 4, n / 2, 3 * n / 4, n - 1 }.Select(i => files[i]).Append(KbLoader.JurisdictionsFile).Distinct(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(KbFiles))]
    public void Assess_AfterACommentIsAppendedToAKbFile_ReportsAnotherVersion(string file)
    {
        using var dir = TempDirectory.WithKbCopy();
        var before = KbVersionOf(dir.Kb);
        File.AppendAllText(Path.Combine(dir.Kb, file), "\n# reviewed\n");

        Assert.NotEqual(before, KbVersionOf(dir.Kb));
    }

    [Fact]
    public void Assess_AfterAKbFileIsRenamed_ReportsAnotherVersion()
    {
        using var dir = TempDirectory.WithKbCopy();
        var before = KbVersionOf(dir.Kb);
        var file = Path.Combine(dir.Kb, SampleFiles().First(f => f != KbLoader.JurisdictionsFile));
        File.Move(file, Path.Combine(Path.GetDirectoryName(file)!, "renamed-" + Path.GetFileName(file)));

        Assert.NotEqual(before, KbVersionOf(dir.Kb));
    }

    private static string KbVersionOf(string kb)
    {
        var r = Exnunc.Run("assess", OlgaV, "--kb", kb, "--as-of", "2024-06-01", "--to", "DE", "--format", "json");
        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("kb").GetProperty("version").GetString()!;
    }
}
