using ExNunc.Domain.Calendar;
using NodaTime;

namespace ExNunc.Domain.Tests.Calendar;

public sealed class ValidityPeriodTests
{
    private static ValidityPeriod P(string? from, string? to) =>
        new(from is null ? null : PartialDate.TryParse(from)!.Value, to is null ? null : PartialDate.TryParse(to)!.Value);

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Contains_BothEndsAreInclusive()
    {
        var p = P("2023-02-24", "2025-07-22");

        Assert.False(p.Contains(D(2023, 2, 23)));
        Assert.True(p.Contains(D(2023, 2, 24)));
        Assert.True(p.Contains(D(2025, 7, 22)));
        Assert.False(p.Contains(D(2025, 7, 23)));
    }

    [Fact]
    public void Contains_MonthPrecision_StartsOnTheFirst_EndsOnTheLast()
    {
        var p = P("2022-05", "2024-02");

        Assert.False(p.Contains(D(2022, 4, 30)));
        Assert.True(p.Contains(D(2022, 5, 1)));
        Assert.True(p.Contains(D(2024, 2, 29)));
        Assert.False(p.Contains(D(2024, 3, 1)));
    }

    [Fact]
    public void Contains_YearPrecision_CoversTheWholeYear()
    {
        var p = P("2022", "2022");

        Assert.False(p.Contains(D(2021, 12, 31)));
        Assert.True(p.Contains(D(2022, 1, 1)));
        Assert.True(p.Contains(D(2022, 12, 31)));
        Assert.False(p.Contains(D(2023, 1, 1)));
    }

    [Fact]
    public void Contains_OpenEnds_AreUnbounded()
    {
        Assert.True(P(null, "2022-02-23").Contains(D(1, 1, 1)));
        Assert.True(P("2022-02-24", null).Contains(D(9999, 12, 31)));
        Assert.True(ValidityPeriod.Always.Contains(D(2022, 2, 24)));
        Assert.Equal((null, null), (ValidityPeriod.Always.FirstDay, ValidityPeriod.Always.LastDay));
    }

    [Theory]
    [InlineData("2022-05-01", "2022-05-01", true)]
    [InlineData("2022-05", "2022-05-01", true)]
    [InlineData("2022-05-02", "2022-05", true)]
    [InlineData("2022-05-31", "2022-05-01", false)]
    [InlineData("2023", "2022", false)]
    [InlineData(null, "2022", true)]
    [InlineData("2022", null, true)]
    public void IsSane_WhenTheStartIsNotAfterTheEnd(string? from, string? to, bool sane) =>
        Assert.Equal(sane, P(from, to).IsSane);

    [Theory]
    [InlineData("2022-05", "2025-07-22", "2025-07-23", null, false)]
    [InlineData("2022-05", "2025-07-22", "2025-07-22", null, true)]
    [InlineData("2022-05", "2025-07", "2025-07-15", null, true)]
    [InlineData("2022-05", "2025-07", "2025-08", null, false)]
    [InlineData("2022", "2022", "2022-12-31", "2023-01-10", true)]
    [InlineData("2022", "2022", "2023", "2023", false)]
    [InlineData(null, "2022-02-23", "2022-02-24", null, false)]
    [InlineData(null, "2022-02-24", "2022-02-24", null, true)]
    [InlineData(null, null, "2030", "2030", true)]
    [InlineData(null, "2020", null, "2019", true)]
    [InlineData("2020", null, "2030", null, true)]
    public void Overlaps_WhenTheyShareADay_AndIsSymmetric(string? f1, string? t1, string? f2, string? t2, bool overlap)
    {
        var (a, b) = (P(f1, t1), P(f2, t2));

        Assert.Equal(overlap, a.Overlaps(b));
        Assert.Equal(overlap, b.Overlaps(a));
    }

    [Fact]
    public void Overlaps_AgreesWithContainsDayByDay()
    {
        string?[] ends = [null, "2022", "2022-05", "2022-05-31", "2022-06-01", "2022-12", "2023-01-01"];
        var days = Enumerable.Range(0, 800).Select(i => D(2021, 12, 1).PlusDays(i)).ToList();
        foreach (var f1 in ends)
            foreach (var t1 in ends)
                foreach (var f2 in ends)
                    foreach (var t2 in ends)
                    {
                        var (a, b) = (P(f1, t1), P(f2, t2));
                        if (!a.IsSane || !b.IsSane) continue;
                        var shareADay = days.Any(d => a.Contains(d) && b.Contains(d));
                        // Unbounded ends reach beyond the sampled days; those pairs always overlap in the sample or beyond it.
                        if (shareADay || (a.FirstDay is null && b.FirstDay is null) || (a.LastDay is null && b.LastDay is null))
                            Assert.True(a.Overlaps(b), $"{a} and {b}");
                        else
                            Assert.False(a.Overlaps(b), $"{a} and {b}");
                    }
    }

    [Fact]
    public void Boundaries_AreTheFirstDayAndTheDayAfterTheLast()
    {
        Assert.Equal([D(2022, 5, 1), D(2025, 8, 1)], P("2022-05", "2025-07").Boundaries());
        Assert.Equal([D(2022, 1, 1), D(2023, 1, 1)], P("2022", "2022").Boundaries());
        Assert.Equal([D(2022, 9, 21)], P("2022-09-21", null).Boundaries());
        Assert.Equal([D(2022, 2, 24)], P(null, "2022-02-23").Boundaries());
        Assert.Empty(ValidityPeriod.Always.Boundaries());
    }

    [Fact]
    public void Boundaries_ChangeWhetherThePeriodContainsTheDay()
    {
        var p = P("2022-05", "2025-07-22");
        foreach (var b in p.Boundaries())
            Assert.NotEqual(p.Contains(b.PlusDays(-1)), p.Contains(b));
    }

    [Fact]
    public void ToString_ShowsOpenEndsAsEllipsis()
    {
        Assert.Equal("2022-05 – …", P("2022-05", null).ToString());
        Assert.Equal("… – 2025-07-22", P(null, "2025-07-22").ToString());
    }
}
