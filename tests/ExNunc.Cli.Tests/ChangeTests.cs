using ExNunc.Cli.Tests.TestSupport;
using ExNunc.Testing;
using NodaTime;
using NodaTime.Testing;

namespace ExNunc.Cli.Tests;

/// <summary>
/// <c>exnunc diff</c> and <c>exnunc timeline</c> on olga-v, whose German humanitarian admission was
/// suspended from 23 July to 22 August 2025 (kb/de/admission.yaml).
/// </summary>
public sealed class ChangeTests
{
    private static readonly string OlgaV = RepoPaths.Scenario("olga-v");

    [Fact]
    public void Diff_AcrossTheSuspension_PrintsThePathwayChangeAndItsCause()
    {
        var r = Exnunc.Run("diff", OlgaV, "--kb", RepoPaths.Kb, "--from", "2025-07-01", "--to", "2025-08-01", "--countries", "DE");

        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        Assert.StartsWith("Changes from 2025-07-01 to 2025-08-01", r.Out, StringComparison.Ordinal);
        Assert.Contains("DE pathway de-humanitarian-admission: open → closed", r.Out, StringComparison.Ordinal);
        Assert.Contains("because of:", r.Out, StringComparison.Ordinal);
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void Diff_SameDateTwice_SaysNothingChanged()
    {
        var r = Exnunc.Run("diff", OlgaV, "--kb", RepoPaths.Kb, "--from", "2025-07-01", "--to", "2025-07-01", "--countries", "DE");

        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Contains("Nothing changed.", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_InRussian_UsesRussianWords()
    {
        var r = Exnunc.Run("diff", OlgaV, "--kb", RepoPaths.Kb, "--from", "2025-07-01", "--to", "2025-07-01", "--countries", "DE", "--lang", "ru");

        Assert.Contains("Ничего не изменилось.", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_WithoutDates_ExitsTwo()
    {
        var r = Exnunc.Run("diff", OlgaV, "--kb", RepoPaths.Kb, "--from", "2025-07-01");

        Assert.Equal(ExitCodes.InvalidInput, r.Code);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Timeline_Over2025_PrintsTheSuspensionAndTheResumption()
    {
        var r = Exnunc.Run("timeline", OlgaV, "--kb", RepoPaths.Kb, "--from", "2025-01-01", "--to", "2025-12-31", "--countries", "DE");

        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        var lines = r.Out.Split('\n');
        var suspended = Array.IndexOf(lines, "2025-07-23");
        var resumed = Array.IndexOf(lines, "2025-08-23");
        Assert.True(suspended >= 0 && resumed > suspended, r.Out);
        Assert.Contains("de-humanitarian-admission: open → closed", lines[suspended + 1], StringComparison.Ordinal);
        Assert.Contains(lines[(resumed + 1)..], l => l.Contains("de-humanitarian-admission: closed → ", StringComparison.Ordinal));
    }

    [Fact]
    public void Timeline_Dates_AreInOrderAndWithinTheRange()
    {
        var r = Exnunc.Run("timeline", OlgaV, "--kb", RepoPaths.Kb, "--from", "2022-02-24", "--to", "2025-12-31", "--countries", "DE");

        var dates = r.Out.Split('\n').Where(l => l.Length == 10 && l[4] == '-' && l[7] == '-').ToList();
        Assert.NotEmpty(dates);
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(dates, d => Assert.InRange(d, "2022-02-24", "2025-12-31"));
    }

    [Fact]
    public void Timeline_WithoutTo_EndsOnTheClocksDate()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 8, 1, 12, 0));

        var r = Exnunc.Run(clock, "timeline", OlgaV, "--kb", RepoPaths.Kb, "--from", "2025-07-01", "--countries", "DE");

        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Contains("\n2025-07-23\n", "\n" + r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-08-23", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_ToBeforeFrom_ExitsTwo()
    {
        var r = Exnunc.Run("timeline", OlgaV, "--kb", RepoPaths.Kb, "--from", "2025-07-01", "--to", "2025-06-30");

        Assert.Equal(ExitCodes.InvalidInput, r.Code);
        Assert.Contains("timeline.dates", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }
}
