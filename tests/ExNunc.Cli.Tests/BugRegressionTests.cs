// Regression tests for bugs found in review.
using System.Text.Json;
using ExNunc.Cli.Tests.TestSupport;
using ExNunc.Testing;

namespace ExNunc.Cli.Tests;

public sealed class BugRegressionTests
{
    // C1 — without --to (assess) or --countries (diff, timeline) nothing is assessed: destinations is [].
    [Fact]
    public void Assess_WithoutTo_AssessesEveryDestination()
    {
        var r = Exnunc.Run("assess", RepoPaths.Scenario("olga-v"), "--kb", RepoPaths.Kb, "--as-of", "2024-06-01", "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(TestKnowledge.Kb.Destinations.Count(), doc.RootElement.GetProperty("destinations").GetArrayLength());
    }

    [Fact]
    public void Timeline_WithoutCountries_FindsTheGermanSuspension()
    {
        var r = Exnunc.Run("timeline", RepoPaths.Scenario("olga-v"), "--kb", RepoPaths.Kb, "--from", "2025-07-01", "--to", "2025-09-01");
        Assert.Contains("2025-07-23", r.Out, StringComparison.Ordinal);
    }

    // C2 — problems of kb/jurisdictions.yaml are printed without file:line:column.
    [Fact]
    public void Validate_DuplicateOrUnknownJurisdiction_NamesFileLineAndColumn()
    {
        using var dir = TempDirectory.WithKbCopy();
        var path = Path.Combine(dir.Kb, "jurisdictions.yaml");
        File.AppendAllText(path, "  - { code: DE, role: transit, name: { en: x, ru: х } }\n  - { code: XY, role: transit, member_of: [NOPE], name: { en: x, ru: х } }\n");

        var r = Exnunc.Run("kb", "validate", "--kb", dir.Kb);

        Assert.Equal(ExitCodes.InvalidInput, r.Code);
        Assert.All(r.ErrLines.SkipLast(1), l => Assert.StartsWith("kb/jurisdictions.yaml:", l, StringComparison.Ordinal));
    }

    // C3 — in-process (Program.Run), the usage line names the host process ("testhost"), not exnunc.
    [Fact]
    public void Help_InProcess_NamesTheProgramExnunc() =>
        Assert.Contains("\n  exnunc [command] [options]", Exnunc.Run("--help").Out, StringComparison.Ordinal);
}
