// Regression tests for bugs found in review.
// Put them in tests/ExNunc.Domain.Tests/Rules/ to reproduce; they use the project's TestSupport helpers.
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Rules;
using ExNunc.Domain.Tests.TestSupport;

namespace ExNunc.Domain.Tests.Rules;

public sealed class BugRegressionTests
{
    // B1 — ConditionCompiler.Name(): an unknown field under a known record is reported twice.
    [Theory]
    [InlineData("military.rank = private")]
    [InlineData("desertion.date.year = 2022")]
    [InlineData("exit_ban.since >= 2022-01-01")]
    public void Compile_UnknownFieldOfAKnownRecord_IsReportedOnce(string text) =>
        Assert.Equal("condition.unknown-fact", Conditions.SingleError(text).Code);

    // B2 — ConditionCompiler.Call(): in_group with the wrong arguments compiles, to "always unknown".
    [Theory]
    [InlineData("in_group(destination)")]
    [InlineData("in_group(destination, \"EU\")")]
    [InlineData("in_group()")]
    public void Compile_InGroupWithWrongArguments_ReportsCallError(string text) =>
        Assert.Equal("condition.call", Conditions.SingleError(text).Code);

    // B3 — an undotted name that is not a field silently becomes a symbol.
    [Theory]
    [InlineData("any(summonses, purpse = mobilisation)")]   // always false
    [InlineData("exitban is known")]                         // always true
    [InlineData("it = KZ")]                                  // 'it' outside a list of values: always false
    public void Compile_BareNameThatIsNotAFactAndNotComparedWithOne_IsAnError(string text) =>
        Assert.NotEmpty(Conditions.Errors(text));

    // B4 — <, <=, >, >= on symbols, texts or booleans compile and are always unknown.
    [Theory]
    [InlineData("military.status < deserted")]
    [InlineData("military.registered < true")]
    [InlineData("person.name >= \"M\"")]
    public void Compile_OrderingOfSymbolsTextsOrBooleans_ReportsTypeError(string text) =>
        Assert.Equal("condition.type", Conditions.SingleError(text).Code);

    // B5 — "= unknown" on an enumerated field compiles but can never be true (unknown is a missing fact).
    [Theory]
    [InlineData("exit_ban = unknown")]
    [InlineData("any(summonses, purpose = unknown)")]
    [InlineData("exit_ban in [yes, unknown]")]
    public void Compile_ComparingAnEnumeratedFieldWithUnknown_AsksForIsUnknown(string text) =>
        Assert.NotEmpty(Conditions.Errors(text));

    // B6 — CompiledCondition.Always.Explain gives outcome Unknown and text "" while Evaluate gives True.
    [Fact]
    public void Explain_Always_AgreesWithEvaluate()
    {
        var ctx = Conditions.Context(TestCases.Empty);
        var tree = CompiledCondition.Always.Explain(ctx);
        Assert.Equal((Tri.True, "true"), (tree.Outcome, tree.Text));
    }

    // B7 — ConditionPrinter drops the parentheses around a boolean operand of a comparison/test,
    // so derivation trees print a condition that means something else.
    [Theory]
    [InlineData("(a and b) = true")]
    [InlineData("(a or b) is known")]
    [InlineData("not (a = b) = true")]
    public void Print_BooleanOperandOfAComparison_KeepsItsParentheses(string text)
    {
        var (e, _) = ConditionParser.Parse(text);
        Assert.Equal(Shape.Of(e!), Shape.Of(ConditionPrinter.Print(e!)));
    }

    // B8 — ValidityPeriod.Boundaries overflows for a period ending in 9999 (PartialDate allows it).
    [Fact]
    public void Boundaries_PeriodEndingInTheLastYear_DoesNotThrow()
    {
        var p = new ValidityPeriod(new PartialDate(2022), new PartialDate(9999));
        Assert.Equal([new NodaTime.LocalDate(2022, 1, 1)], p.Boundaries());
    }

    // B9 — ConditionParser recurses without limit: deep nesting overflows the stack and kills the
    // process (cannot be a unit test: a StackOverflowException is not catchable). Reproduce with:
    //   ConditionParser.Parse(new string('(', 50_000) + "a" + new string(')', 50_000));
    //   ConditionParser.Parse(string.Concat(Enumerable.Repeat("not ", 200_000)) + "a");

    // B10 — Parse(null) throws NullReferenceException instead of ArgumentNullException.
    [Fact]
    public void Parse_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => ConditionParser.Parse(null!));

    // B11 — the keyword 'not' is accepted as a value (a symbol named "not").
    [Fact]
    public void Parse_NotInValuePosition_IsASyntaxError() =>
        Assert.NotNull(ConditionParser.Parse("x = not").Error);
}
