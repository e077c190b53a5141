using ExNunc.Domain.Rules;
using NodaTime;

namespace ExNunc.Domain.Tests.Rules;

public sealed class ComparisonTests
{
    private static Value R(int lo, int hi) => Value.NumberRange(lo, hi);
    private static Value N(int n) => Value.Number(n);

    [Theory]
    [InlineData(CompareOp.Lt, 1, 2, 3, 3, Tri.True)]
    [InlineData(CompareOp.Lt, 1, 3, 3, 3, Tri.Unknown)]
    [InlineData(CompareOp.Lt, 3, 4, 3, 3, Tri.False)]
    [InlineData(CompareOp.Le, 1, 3, 3, 3, Tri.True)]
    [InlineData(CompareOp.Le, 3, 4, 3, 3, Tri.Unknown)]
    [InlineData(CompareOp.Le, 4, 5, 3, 3, Tri.False)]
    [InlineData(CompareOp.Gt, 4, 5, 3, 3, Tri.True)]
    [InlineData(CompareOp.Gt, 3, 5, 3, 3, Tri.Unknown)]
    [InlineData(CompareOp.Ge, 3, 5, 3, 3, Tri.True)]
    [InlineData(CompareOp.Ge, 1, 2, 3, 3, Tri.False)]
    [InlineData(CompareOp.Eq, 3, 3, 3, 3, Tri.True)]
    [InlineData(CompareOp.Eq, 2, 4, 3, 3, Tri.Unknown)]
    [InlineData(CompareOp.Eq, 4, 5, 3, 3, Tri.False)]
    [InlineData(CompareOp.Eq, 1, 2, 2, 3, Tri.Unknown)]
    [InlineData(CompareOp.Ne, 2, 4, 3, 3, Tri.Unknown)]
    [InlineData(CompareOp.Ne, 4, 5, 3, 3, Tri.True)]
    [InlineData(CompareOp.Ne, 3, 3, 3, 3, Tri.False)]
    public void Compare_NumberRanges_AreDefiniteOnlyWhenTheWholeRangeAgrees(CompareOp op, int aLo, int aHi, int bLo, int bHi, Tri expected) =>
        Assert.Equal(expected, Comparison.Compare(op, R(aLo, aHi), R(bLo, bHi)));

    [Fact]
    public void Compare_DateRanges_LikeNumberRanges()
    {
        var year1995 = Value.DateRange(new LocalDate(1995, 1, 1), new LocalDate(1995, 12, 31));

        Assert.Equal(Tri.True, Comparison.Compare(CompareOp.Lt, year1995, Value.Date(new LocalDate(1996, 1, 1))));
        Assert.Equal(Tri.Unknown, Comparison.Compare(CompareOp.Lt, year1995, Value.Date(new LocalDate(1995, 12, 31))));
        Assert.Equal(Tri.False, Comparison.Compare(CompareOp.Ge, year1995, Value.Date(new LocalDate(1996, 1, 1))));
    }

    [Theory]
    [InlineData(CompareOp.Eq)]
    [InlineData(CompareOp.Ne)]
    [InlineData(CompareOp.Lt)]
    [InlineData(CompareOp.Ge)]
    public void Compare_WithUnknown_IsUnknown(CompareOp op)
    {
        Assert.Equal(Tri.Unknown, Comparison.Compare(op, Value.Unknown, N(1)));
        Assert.Equal(Tri.Unknown, Comparison.Compare(op, Value.Symbol("a"), Value.Unknown));
        Assert.Equal(Tri.Unknown, Comparison.Compare(op, Value.Unknown, Value.Unknown));
    }

    [Fact]
    public void Compare_SymbolAndTextWithTheSameSpelling_AreEqual()
    {
        Assert.Equal(Tri.True, Comparison.Compare(CompareOp.Eq, Value.Symbol("KZ"), Value.Text("KZ")));
        Assert.Equal(Tri.False, Comparison.Compare(CompareOp.Eq, Value.Symbol("KZ"), Value.Symbol("kz")));
        Assert.Equal(Tri.True, Comparison.Compare(CompareOp.Ne, Value.Text("a"), Value.Text("b")));
    }

    [Fact]
    public void Compare_Booleans_ByEquality()
    {
        Assert.Equal(Tri.True, Comparison.Compare(CompareOp.Eq, Value.Bool(true), Value.Bool(true)));
        Assert.Equal(Tri.True, Comparison.Compare(CompareOp.Ne, Value.Bool(true), Value.Bool(false)));
    }

    [Fact]
    public void Value_EnumeratedUnknown_IsAMissingFact_FreeTextUnknownIsNot()
    {
        Assert.True(Value.Symbol("unknown", enumerated: true).IsUnknown);
        Assert.False(Value.Symbol("unknown", enumerated: false).IsUnknown);
        Assert.True(Value.Symbol(null, enumerated: false).IsUnknown);
        Assert.True(Value.SymbolList(null).IsUnknown);
        Assert.True(Value.SymbolList([]).Items.IsEmpty);
    }

    [Fact]
    public void Value_ToString_ShowsRanges()
    {
        Assert.Equal("34–35", R(34, 35).ToString());
        Assert.Equal("35", N(35).ToString());
        Assert.Equal("1995-01-01…1995-12-31", Value.DateRange(new LocalDate(1995, 1, 1), new LocalDate(1995, 12, 31)).ToString());
        Assert.Equal("[RU, KZ]", Value.SymbolList(["RU", "KZ"]).ToString());
        Assert.Equal("unknown", Value.Unknown.ToString());
    }
}
