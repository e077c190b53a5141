using ExNunc.Domain.Rules;
using ExNunc.Domain.Tests.TestSupport;
using FsCheck.Xunit;

namespace ExNunc.Domain.Tests.Rules;

/// <summary>The parser and compiler report problems as values, whatever text they are given.</summary>
public sealed class ConditionFuzzTests
{
    [Property(MaxTest = 1000)]
    public void Parse_AnyString_NeverThrows_AndAnErrorPointsIntoTheText(string? text)
    {
        text ??= "";

        var (expr, error) = ConditionParser.Parse(text);

        Assert.True(expr is null != error is null);
        if (error is not null)
        {
            Assert.Equal("condition.syntax", error.Code);
            Assert.InRange(error.Position, 0, text.Length);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1000)]
    public void Parse_AnyTokenSequence_NeverThrows_AndAnErrorPointsIntoTheText(TokenSoup soup)
    {
        var (expr, error) = ConditionParser.Parse(soup.Text);

        Assert.True(expr is null != error is null);
        if (error is not null) Assert.InRange(error.Position, 0, soup.Text.Length);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1000)]
    public void Compile_AnyTokenSequence_NeverThrows_AndGivesAConditionOrErrors(TokenSoup soup)
    {
        var (condition, errors) = ConditionCompiler.Compile(soup.Text, FakeKbFacts.Resolve);

        Assert.True(condition is null == errors.Count > 0);
        Assert.All(errors, e => Assert.InRange(e.Position, 0, soup.Text.Length));
        Assert.All(errors, e => Assert.StartsWith("condition.", e.Code, StringComparison.Ordinal));
        if (condition is not null)
        {
            condition.Evaluate(Conditions.Context(TestCases.Empty));
            condition.Evaluate(Conditions.Context(TestCases.Deserter));
            condition.Explain(Conditions.Context(TestCases.Deserter));
        }
    }

    [Fact]
    public void Compile_EveryAtomOfTheGenerators_Compiles()
    {
        foreach (var atom in Generators.Atoms) Conditions.Compile(atom);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void Print_OfAParsedCondition_ParsesBackToTheSameTree_UpToGroupingOfAndOrChains(LogicCase c)
    {
        var (expr, _) = ConditionParser.Parse(c.A);

        var (reparsed, error) = ConditionParser.Parse(ConditionPrinter.Print(expr!));

        Assert.Null(error);
        Assert.Equal(Shape.Flat(expr!), Shape.Flat(reparsed!));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void Print_OfAParsedCondition_MeansTheSame(LogicCase c)
    {
        var (expr, _) = ConditionParser.Parse(c.A);
        var ctx = Conditions.Context(c.Case, c.AsOf, c.Destination);

        Assert.Equal(Conditions.Compile(c.A).Evaluate(ctx), Conditions.Compile(ConditionPrinter.Print(expr!)).Evaluate(ctx));
    }
}
