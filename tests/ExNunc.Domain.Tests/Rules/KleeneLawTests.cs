using ExNunc.Domain.Rules;
using ExNunc.Domain.Tests.TestSupport;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ExNunc.Domain.Tests.Rules;

/// <summary>
/// Compiled conditions obey Kleene's three-valued logic on any case: the connectives agree with
/// <see cref="TriLogic"/>, De Morgan, double negation, commutativity and absorption hold, the law of
/// the excluded middle does not (it may be unknown, never false), and Explain agrees with Evaluate.
/// </summary>
public sealed class KleeneLawTests
{
    private const int Runs = 300;

    private static Tri Eval(string text, LogicCase c) =>
        Conditions.Compile(text).Evaluate(Conditions.Context(c.Case, c.AsOf, c.Destination));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void Connectives_AgreeWithTheirTruthTables(LogicCase c)
    {
        var (a, b) = (Eval(c.A, c), Eval(c.B, c));

        Assert.Equal(TriLogic.And(a, b), Eval($"({c.A}) and ({c.B})", c));
        Assert.Equal(TriLogic.Or(a, b), Eval($"({c.A}) or ({c.B})", c));
        Assert.Equal(TriLogic.Not(a), Eval($"not ({c.A})", c));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void DeMorgan_NotAnd_IsOrOfNots(LogicCase c) =>
        Assert.Equal(Eval($"not (({c.A}) and ({c.B}))", c), Eval($"(not ({c.A})) or (not ({c.B}))", c));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void DeMorgan_NotOr_IsAndOfNots(LogicCase c) =>
        Assert.Equal(Eval($"not (({c.A}) or ({c.B}))", c), Eval($"(not ({c.A})) and (not ({c.B}))", c));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void DoubleNegation_GivesTheCondition(LogicCase c) =>
        Assert.Equal(Eval(c.A, c), Eval($"not not ({c.A})", c));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void And_IsCommutative(LogicCase c) =>
        Assert.Equal(Eval($"({c.A}) and ({c.B})", c), Eval($"({c.B}) and ({c.A})", c));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void Or_IsCommutative(LogicCase c) =>
        Assert.Equal(Eval($"({c.A}) or ({c.B})", c), Eval($"({c.B}) or ({c.A})", c));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void Absorption_Holds(LogicCase c)
    {
        var a = Eval(c.A, c);
        Assert.Equal(a, Eval($"({c.A}) or (({c.A}) and ({c.B}))", c));
        Assert.Equal(a, Eval($"({c.A}) and (({c.A}) or ({c.B}))", c));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void ExcludedMiddle_IsNeverFalse_AndUnknownOnlyWhenTheConditionIs(LogicCase c)
    {
        var either = Eval($"({c.A}) or not ({c.A})", c);

        Assert.NotEqual(Tri.False, either);
        Assert.Equal(Eval(c.A, c) == Tri.Unknown, either == Tri.Unknown);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void IsKnown_IsNeverUnknown(LogicCase c)
    {
        foreach (var atom in new[] { "desertion.date", "exit_ban", "age", "military.status", "summonses", "departure.route" })
            Assert.NotEqual(Tri.Unknown, Eval($"{atom} is known", c));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void Explain_GivesTheSameOutcomeAsEvaluate(LogicCase c)
    {
        foreach (var text in new[] { c.A, $"({c.A}) and not ({c.B})", $"any(summonses, ({c.A}) or served = personally)" })
        {
            var condition = Conditions.Compile(text);
            var ctx = Conditions.Context(c.Case, c.AsOf, c.Destination);

            var evaluated = condition.Evaluate(ctx);
            var tree = condition.Explain(ctx);

            Assert.Equal(evaluated, tree.Outcome);
            Assert.Equal(evaluated, condition.Evaluate(ctx));
            Assert.Null(ctx.Trace);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void UnknownFacts_AreThoseOfTheExplainedTree(LogicCase c)
    {
        foreach (var text in new[] { c.A, $"({c.A}) and not ({c.B})", $"({c.A}) or ({c.B})", $"any(summonses, ({c.A}) or served = personally)", $"count(evidence, ({c.B})) >= 1" })
        {
            var condition = Conditions.Compile(text);
            var ctx = Conditions.Context(c.Case, c.AsOf, c.Destination);

            Assert.Equal(condition.Explain(ctx).UnknownFacts(), condition.UnknownFacts(ctx));
            Assert.Null(ctx.Trace);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void Explain_RootIsThePrintedCondition_AndUnknownFactsOnlyWhenUnknown(LogicCase c)
    {
        var (expr, _) = ConditionParser.Parse(c.A);
        var tree = Conditions.Compile(c.A).Explain(Conditions.Context(c.Case, c.AsOf, c.Destination));

        Assert.Equal(ConditionPrinter.Print(expr!), tree.Text);
        if (tree.Outcome != Tri.Unknown) Assert.Empty(tree.UnknownFacts());
        Assert.All(tree.AllFacts(), f => Assert.False(string.IsNullOrEmpty(f.Path)));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Runs)]
    public void Context_ReusedAcrossConditions_GivesTheSameOutcomes(LogicCase c)
    {
        var (a, b) = (Conditions.Compile(c.A), Conditions.Compile(c.B));
        var shared = Conditions.Context(c.Case, c.AsOf, c.Destination);

        var first = a.Evaluate(shared);
        b.Explain(shared);
        b.Evaluate(shared);

        Assert.Equal(first, a.Evaluate(shared));
        Assert.Equal(first, a.Evaluate(Conditions.Context(c.Case, c.AsOf, c.Destination)));
    }

    [Fact]
    public void Generators_MakeEveryOutcomeCommon_SoTheLawsAreNotVacuous()
    {
        var outcomes = Generators.LogicCases().Generator.Sample(1000)
            .Select(c => Eval(c.A, c))
            .GroupBy(t => t)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.All(new[] { Tri.False, Tri.Unknown, Tri.True }, t => Assert.True(outcomes.GetValueOrDefault(t) >= 100, $"{t}: {outcomes.GetValueOrDefault(t)} of 1000"));
    }
}
