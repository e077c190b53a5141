using ExNunc.Cli.Tests.TestSupport;
using ExNunc.Domain.Knowledge;
using ExNunc.KnowledgeBase.Loading;
using ExNunc.Testing;
using NodaTime;

namespace ExNunc.Cli.Tests;

public sealed class KbShowAndStatsTests
{
    /// <summary>An entry of the real kb/ with a start date and sources carrying addresses.</summary>
    private static readonly KbEntry Sourced = TestKnowledge.Kb.Entries.First(e =>
        e.Sources.Length >= 1 && e.Sources.All(s => s.Url is not null) && e.Periods.Length == 1 && e.Periods[0].FirstDay is not null);

    private static string D(LocalDate d) => d.ToString("uuuu-MM-dd", null);

    [Fact]
    public void Show_WithAsOf_PrintsWhetherItAppliesAndItsSources()
    {
        var start = Sourced.Periods[0].FirstDay!.Value;

        var r = Exnunc.Run("kb", "show", Sourced.Id, "--kb", RepoPaths.Kb, "--as-of", D(start));

        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        Assert.StartsWith(Sourced.Id + "  [", r.Out, StringComparison.Ordinal);
        Assert.Contains($"on {D(start)}: applies", r.Out, StringComparison.Ordinal);
        Assert.Contains("  sources:", r.Out, StringComparison.Ordinal);
        Assert.All(Sourced.Sources, s =>
        {
            Assert.Contains(s.Title, r.Out, StringComparison.Ordinal);
            Assert.Contains(s.Url!, r.Out, StringComparison.Ordinal);
        });
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void Show_AsOfTheDayBeforeItStarts_SaysItDoesNotApply()
    {
        var before = Sourced.Periods[0].FirstDay!.Value.PlusDays(-1);

        var r = Exnunc.Run("kb", "show", Sourced.Id, "--kb", RepoPaths.Kb, "--as-of", D(before));

        Assert.Contains($"on {D(before)}: does not apply", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_PathwayAsOfADate_MarksTheStateOnThatDate()
    {
        var r = Exnunc.Run("kb", "show", "de-humanitarian-admission", "--kb", RepoPaths.Kb, "--as-of", "2025-08-01");

        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Contains(r.Out.Split('\n'), l => l.Contains("closed", StringComparison.Ordinal) && l.Contains("← on the date", StringComparison.Ordinal));
    }

    [Fact]
    public void Show_InRussian_PrintsTheRussianTitle()
    {
        var r = Exnunc.Run("kb", "show", Sourced.Id, "--kb", RepoPaths.Kb, "--lang", "ru");

        Assert.Contains(Sourced.Title.Ru, r.Out, StringComparison.Ordinal);
        Assert.Contains(Sourced.Summary.Ru, r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_UnknownId_ExitsThree()
    {
        var r = Exnunc.Run("kb", "show", "no-such-entry", "--kb", RepoPaths.Kb);

        Assert.Equal(ExitCodes.NotFound, r.Code);
        Assert.Contains("entry.not-found", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Stats_ExitsZeroAndCountsEveryEntry()
    {
        var kb = KbLoader.Load(RepoPaths.Kb).Knowledge!;
        var r = Exnunc.Run("kb", "stats", "--kb", RepoPaths.Kb);

        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        Assert.StartsWith($"Version {kb.Version}: {kb.Entries.Length} entries", r.Out, StringComparison.Ordinal);
        Assert.Contains("By kind:", r.Out, StringComparison.Ordinal);
        Assert.Contains("By jurisdiction:", r.Out, StringComparison.Ordinal);
        Assert.Contains("By certainty:", r.Out, StringComparison.Ordinal);
        var byKind = r.Out.Split("By kind:")[1].Split("By jurisdiction:")[0]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Sum(l => int.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(kb.Entries.Length, byKind);
    }
}
