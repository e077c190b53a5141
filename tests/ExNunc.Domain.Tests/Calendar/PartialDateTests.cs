using ExNunc.Domain.Calendar;
using ExNunc.Domain.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace ExNunc.Domain.Tests.Calendar;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2022", 2022, null, null)]
    [InlineData("2022-05", 2022, 5, null)]
    [InlineData("2022-05-14", 2022, 5, 14)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    public void TryParse_YearMonthOrDay_KeepsThePrecision(string text, int year, int? month, int? day)
    {
        var d = PartialDate.TryParse(text);

        Assert.Equal(new PartialDate(year, month, day), d);
        Assert.Equal(text, d!.Value.ToString());
        Assert.Equal(day is not null, d.Value.IsFullDate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("22")]
    [InlineData("20222")]
    [InlineData("2022-5")]
    [InlineData("2022-05-1")]
    [InlineData("2022-13")]
    [InlineData("2022-00")]
    [InlineData("2022-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("2022-05-00")]
    [InlineData("0000")]
    [InlineData("+202")]
    [InlineData("-2022")]
    [InlineData("2022-05-14-1")]
    [InlineData("2022-")]
    [InlineData("2022--05")]
    [InlineData(" 2022")]
    [InlineData("２０２２")]
    [InlineData("2022/05/14")]
    public void TryParse_Malformed_IsNull(string text) =>
        Assert.Null(PartialDate.TryParse(text));

    [Theory]
    [InlineData(2022, null, null, "2022-01-01", "2022-12-31")]
    [InlineData(2022, 5, null, "2022-05-01", "2022-05-31")]
    [InlineData(2024, 2, null, "2024-02-01", "2024-02-29")]
    [InlineData(2023, 2, null, "2023-02-01", "2023-02-28")]
    [InlineData(2022, 9, 21, "2022-09-21", "2022-09-21")]
    public void EarliestAndLatest_WidenToTheWholeYearOrMonth(int year, int? month, int? day, string earliest, string latest)
    {
        var d = new PartialDate(year, month, day);

        Assert.Equal((Iso(earliest), Iso(latest)), (d.Earliest, d.Latest));
    }

    [Fact]
    public void Constructor_InvalidParts_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(10000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2022, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2022, 0));
        Assert.Throws<ArgumentException>(() => new PartialDate(2022, null, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2022, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2022, 4, 31));
    }

    [Fact]
    public void Equality_DependsOnPrecision() =>
        Assert.NotEqual(new PartialDate(2022, 5), new PartialDate(2022, 5, 1));

    [Property(MaxTest = 500)]
    public Property FromDate_IsAFullDateOfThatDay() => Prop.ForAll(
        Arb.From(Generators.Date(1, 9999)),
        day =>
        {
            var d = PartialDate.FromDate(day);
            return d.IsFullDate && d.Earliest == day && d.Latest == day && PartialDate.TryParse(d.ToString()) == d;
        });

    [Property(MaxTest = 500)]
    public Property ToStringThenTryParse_GivesTheSameValue_AtEveryPrecision() => Prop.ForAll(
        Arb.From(
            from day in Generators.Date(1, 9999)
            from precision in Gen.Choose(0, 2)
            select precision switch
            {
                0 => new PartialDate(day.Year),
                1 => new PartialDate(day.Year, day.Month),
                _ => PartialDate.FromDate(day),
            }),
        d => PartialDate.TryParse(d.ToString()) == d && d.Earliest <= d.Latest);

    private static LocalDate Iso(string s) => NodaTime.Text.LocalDatePattern.Iso.Parse(s).Value;
}
