using ExNunc.Domain.Calendar;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Rules;
using ExNunc.Domain.Tests.TestSupport;
using NodaTime;
using static ExNunc.Domain.Tests.TestSupport.Conditions;

namespace ExNunc.Domain.Tests.Rules;

public sealed class EvaluationTests
{
    private static readonly CaseFile Deserter = TestCases.Deserter;
    private static readonly CaseFile Empty = TestCases.Empty;

    // ---- missing facts are unknown, never false ------------------------------------------------

    [Theory]
    [InlineData("military.status = deserted")]
    [InlineData("military.status != deserted")]
    [InlineData("military.registered")]
    [InlineData("not military.registered")]
    [InlineData("desertion.date >= 2022-09-21")]
    [InlineData("military.status in [deserted, awol]")]
    [InlineData("departure.route contains KZ")]
    [InlineData("person.name = \"Test D.\"")]
    [InlineData("age >= 18")]
    public void Evaluate_MissingField_IsUnknown(string text) =>
        Assert.Equal(Tri.Unknown, Eval(text, Empty));

    [Fact]
    public void Evaluate_FieldOfMissingRecord_IsUnknownNotAnError() =>
        Assert.Equal(Tri.Unknown, Eval("objection.basis = religious", Deserter));

    [Theory]
    [InlineData("exit_ban = yes")]
    [InlineData("exit_ban != yes")]
    [InlineData("exit_ban in [yes, no]")]
    public void Evaluate_EnumeratedValueUnknown_CountsAsUnknown(string text) =>
        Assert.Equal(Tri.Unknown, Eval(text, Deserter));

    [Fact]
    public void Evaluate_EnumeratedValueUnknown_IsUnknownForIsTests()
    {
        Assert.Equal(Tri.True, Eval("exit_ban is unknown", Deserter));
        Assert.Equal(Tri.False, Eval("exit_ban is known", Deserter));
    }

    [Fact]
    public void Evaluate_KnownFacts_GiveDefiniteAnswers()
    {
        Assert.Equal(Tri.True, Eval("military.status = deserted", Deserter));
        Assert.Equal(Tri.False, Eval("military.status = awol", Deserter));
        Assert.Equal(Tri.True, Eval("military.registered", Deserter));
        Assert.Equal(Tri.False, Eval("departure.legal_exit", Deserter));
        Assert.Equal(Tri.True, Eval("desertion.date >= 2022-09-21", Deserter));
        Assert.Equal(Tri.True, Eval("person.name = \"Test D.\"", Deserter));
        Assert.Equal(Tri.True, Eval("whereabouts.country = DE and whereabouts.status = asylum-pending", Deserter));
    }

    // ---- Kleene connectives ----------------------------------------------------------------------

    [Theory]
    [InlineData("military.status = deserted and destination = FR", Tri.False)]
    [InlineData("destination = FR and military.status = deserted", Tri.False)]
    [InlineData("military.status = deserted and destination = DE", Tri.Unknown)]
    [InlineData("military.status = deserted or destination = DE", Tri.True)]
    [InlineData("destination = DE or military.status = deserted", Tri.True)]
    [InlineData("military.status = deserted or destination = FR", Tri.Unknown)]
    [InlineData("not military.status = deserted", Tri.Unknown)]
    [InlineData("not (military.status = deserted and destination = FR)", Tri.True)]
    [InlineData("military.status = deserted or not military.status = deserted", Tri.Unknown)]
    public void Evaluate_UnknownCombined_FollowsKleeneLogic(string text, Tri expected) =>
        Assert.Equal(expected, Eval(text, Empty));

    [Fact]
    public void TriLogic_TruthTables_AreKleenes()
    {
        Tri[] all = [Tri.False, Tri.Unknown, Tri.True];
        foreach (var a in all)
        {
            Assert.Equal(a, TriLogic.Not(TriLogic.Not(a)));
            Assert.Equal(Tri.False, TriLogic.And(a, Tri.False));
            Assert.Equal(Tri.True, TriLogic.Or(a, Tri.True));
            Assert.Equal(a, TriLogic.And(a, Tri.True));
            Assert.Equal(a, TriLogic.Or(a, Tri.False));
        }
        Assert.Equal(Tri.Unknown, TriLogic.Not(Tri.Unknown));
        Assert.Equal(Tri.Unknown, TriLogic.And(Tri.Unknown, Tri.Unknown));
        Assert.Equal(Tri.Unknown, TriLogic.Or(Tri.Unknown, Tri.Unknown));
    }

    // ---- is known / is empty --------------------------------------------------------------------

    [Theory]
    [InlineData("desertion.date is known", Tri.False, Tri.True)]
    [InlineData("desertion.date is unknown", Tri.True, Tri.False)]
    [InlineData("desertion.date is not known", Tri.True, Tri.False)]
    [InlineData("summonses is known", Tri.False, Tri.True)]
    [InlineData("summonses is unknown", Tri.True, Tri.False)]
    [InlineData("departure.route is known", Tri.False, Tri.True)]
    [InlineData("age is known", Tri.False, Tri.True)]
    public void Evaluate_IsKnown_IsNeverUnknown(string text, Tri onEmpty, Tri onDeserter)
    {
        Assert.Equal(onEmpty, Eval(text, Empty));
        Assert.Equal(onDeserter, Eval(text, Deserter));
    }

    [Theory]
    [InlineData("summonses is empty")]
    [InlineData("departure.route is empty")]
    public void Evaluate_IsEmpty_OnEmptyList_IsTrue_OnMissing_IsUnknown(string text)
    {
        var emptyLists = Empty with { Summonses = ValueList<Summons>.Empty, Departure = new Departure { Route = ValueList<string>.Empty } };

        Assert.Equal(Tri.True, Eval(text, emptyLists));
        Assert.Equal(Tri.Unknown, Eval(text, Empty));
        Assert.Equal(Tri.False, Eval(text, Deserter));
        Assert.Equal(Tri.False, Eval(text.Replace("is empty", "is not empty", StringComparison.Ordinal), emptyLists));
        Assert.Equal(Tri.Unknown, Eval(text.Replace("is empty", "is not empty", StringComparison.Ordinal), Empty));
        Assert.Equal(Tri.True, Eval(text.Replace("is empty", "is not empty", StringComparison.Ordinal), Deserter));
    }

    [Fact]
    public void Evaluate_IsEmpty_OnListInsideAnItem()
    {
        Assert.Equal(Tri.True, Eval("any(summonses, evidence is empty)", Deserter));
        Assert.Equal(Tri.False, Eval("all(summonses, evidence is empty)", Deserter));
    }

    // ---- quantifiers ----------------------------------------------------------------------------

    [Theory]
    [InlineData("any(summonses, served = personally)", Tri.False)]
    [InlineData("all(summonses, served = personally)", Tri.True)]
    [InlineData("none(summonses, served = personally)", Tri.True)]
    [InlineData("count(summonses, served = personally) = 0", Tri.True)]
    [InlineData("count(summonses, true) > 0", Tri.False)]
    [InlineData("any(departure.route, it = KZ)", Tri.False)]
    [InlineData("all(departure.route, it = KZ)", Tri.True)]
    [InlineData("none(departure.route, it = KZ)", Tri.True)]
    [InlineData("count(departure.route, true) = 0", Tri.True)]
    public void Evaluate_QuantifierOverEmptyList_IsDefinite(string text, Tri expected)
    {
        var c = Empty with { Summonses = ValueList<Summons>.Empty, Departure = new Departure { Route = ValueList<string>.Empty } };

        Assert.Equal(expected, Eval(text, c));
    }

    [Theory]
    [InlineData("any(summonses, served = personally)")]
    [InlineData("all(summonses, served = personally)")]
    [InlineData("none(summonses, served = personally)")]
    [InlineData("count(summonses, served = personally) >= 0")]
    [InlineData("any(departure.route, it = KZ)")]
    [InlineData("all(departure.route, it = KZ)")]
    [InlineData("none(departure.route, it = KZ)")]
    [InlineData("count(departure.route, true) = 0")]
    public void Evaluate_QuantifierOverUnknownList_IsUnknown(string text) =>
        Assert.Equal(Tri.Unknown, Eval(text, Empty));

    private static readonly CaseFile MixedSummonses = TestCases.WithSummonses(
        new Summons { Kind = "paper", Served = "personally" },
        new Summons { Kind = "electronic", Served = "unknown" },
        new Summons { Kind = "verbal", Served = "not-served" });

    [Theory]
    [InlineData("any(summonses, served = personally)", Tri.True)]
    [InlineData("any(summonses, served = relative)", Tri.Unknown)]
    [InlineData("any(summonses, served = deemed or kind = verbal)", Tri.True)]
    [InlineData("all(summonses, served != deemed)", Tri.Unknown)]
    [InlineData("all(summonses, served = personally)", Tri.False)]
    [InlineData("all(summonses, kind is known)", Tri.True)]
    [InlineData("none(summonses, served = personally)", Tri.False)]
    [InlineData("none(summonses, served = relative)", Tri.Unknown)]
    [InlineData("none(summonses, kind = electronic and served = personally)", Tri.Unknown)]
    [InlineData("none(summonses, kind = paper and served = not-served)", Tri.True)]
    public void Evaluate_QuantifierWithUnknownItems_FollowsKleeneLogic(string text, Tri expected) =>
        Assert.Equal(expected, Eval(text, MixedSummonses));

    [Theory]
    [InlineData("count(summonses, served = personally) >= 1", Tri.True)]
    [InlineData("count(summonses, served = personally) >= 2", Tri.Unknown)]
    [InlineData("count(summonses, served = personally) >= 3", Tri.False)]
    [InlineData("count(summonses, served = personally) = 1", Tri.Unknown)]
    [InlineData("count(summonses, served = personally) < 3", Tri.True)]
    [InlineData("count(summonses, true) = 3", Tri.True)]
    public void Evaluate_Count_IsARangeFromSureToPossible(string text, Tri expected) =>
        Assert.Equal(expected, Eval(text, MixedSummonses));

    [Fact]
    public void Evaluate_QuantifierOverNestedRecordList_SeesTheItemsFields()
    {
        var c = Empty with { Military = new Military { Service = ValueList.Of(new ServicePeriod { Kind = "conscript", From = new LocalDate(2012, 11, 1) }) } };

        Assert.Equal(Tri.True, Eval("any(military.service, kind = conscript and from < 2013-01-01)", c));
        Assert.Equal(Tri.Unknown, Eval("any(military.service, to < 2014-01-01)", c));
        Assert.Equal(Tri.Unknown, Eval("any(military.service, kind = conscript)", Empty));
    }

    [Fact]
    public void Evaluate_InsideQuantifier_OuterFieldsAndItemFieldsBothResolve() =>
        Assert.Equal(Tri.True, Eval("any(summonses, purpose = mobilisation and military.status = deserted)", Deserter));

    [Fact]
    public void Evaluate_NestedQuantifiers_BindEachLevel()
    {
        Assert.Equal(Tri.True, Eval("any(summonses, any(evidence, it = e1))", Deserter));
        Assert.Equal(Tri.False, Eval("any(summonses, any(evidence, it = e2))", Deserter));
        Assert.Equal(Tri.True, Eval("any(summonses, kind = electronic and all(summonses, date >= 2022-09-01))", Deserter));
    }

    // ---- it, contains and in ---------------------------------------------------------------------

    [Theory]
    [InlineData("any(departure.route, it = KZ)", Tri.True)]
    [InlineData("any(departure.route, it = GE)", Tri.False)]
    [InlineData("all(departure.route, it != DE)", Tri.True)]
    [InlineData("none(departure.route, it in [AM, GE])", Tri.True)]
    [InlineData("count(departure.route, it != RU) = 2", Tri.True)]
    [InlineData("any(departure.route, it = destination)", Tri.False)]
    [InlineData("any(departure.route, in_group(it, EU))", Tri.False)]
    [InlineData("departure.route contains KZ", Tri.True)]
    [InlineData("departure.route contains GE", Tri.False)]
    [InlineData("person.citizenship contains RU", Tri.True)]
    public void Evaluate_ItInScalarLists_IsTheCurrentItem(string text, Tri expected) =>
        Assert.Equal(expected, Eval(text, Deserter));

    [Fact]
    public void Evaluate_ItInScalarList_SeesDestinationGroups() =>
        Assert.Equal(Tri.True, Eval("any(departure.route, it != destination and in_group(it, EU))", TestCases.WithRoute("RU", "FI", "DE"), destination: "DE"));

    [Fact]
    public void Evaluate_In_UnknownValueIsUnknown_KnownValueOutsideIsFalse()
    {
        Assert.Equal(Tri.Unknown, Eval("military.status in [deserted, awol]", Empty));
        Assert.Equal(Tri.False, Eval("military.status in [awol, surrendered]", Deserter));
        Assert.Equal(Tri.True, Eval("military.status in [awol, deserted]", Deserter));
        Assert.Equal(Tri.False, Eval("military.status in []", Empty));
    }

    // ---- age, dates, parameters, applies ---------------------------------------------------------

    [Theory]
    [InlineData("age >= 34", Tri.True)]
    [InlineData("age >= 35", Tri.Unknown)]
    [InlineData("age > 35", Tri.False)]
    [InlineData("age = 34", Tri.Unknown)]
    [InlineData("age = 33", Tri.False)]
    [InlineData("age != 36", Tri.True)]
    [InlineData("age < 36", Tri.True)]
    [InlineData("age <= 34", Tri.Unknown)]
    public void Evaluate_AgeFromBirthYear_IsARange(string text, Tri expected) =>
        Assert.Equal(expected, Eval(text, TestCases.BornIn(new PartialDate(1990)), new LocalDate(2025, 6, 1)));

    [Theory]
    [InlineData("age = 35", Tri.True)]
    [InlineData("age >= 35", Tri.True)]
    [InlineData("age > 35", Tri.False)]
    [InlineData("age != 35", Tri.False)]
    public void Evaluate_AgeFromFullBirthDate_IsExact(string text, Tri expected) =>
        Assert.Equal(expected, Eval(text, TestCases.BornIn(new PartialDate(1990, 3, 15)), new LocalDate(2025, 6, 1)));

    [Fact]
    public void Evaluate_Age_ChangesOnTheBirthday()
    {
        var c = TestCases.BornIn(new PartialDate(1990, 6, 1));

        Assert.Equal(Tri.True, Eval("age = 33", c, new LocalDate(2024, 5, 31)));
        Assert.Equal(Tri.True, Eval("age = 34", c, new LocalDate(2025, 5, 31)));
        Assert.Equal(Tri.True, Eval("age = 35", c, new LocalDate(2025, 6, 1)));
    }

    [Fact]
    public void Evaluate_AgeFromBirthMonth_IsARangeOnlyWithinThatMonth()
    {
        var c = TestCases.BornIn(new PartialDate(1990, 6));

        Assert.Equal(Tri.True, Eval("age = 34", c, new LocalDate(2025, 5, 31)));
        Assert.Equal(Tri.Unknown, Eval("age = 35", c, new LocalDate(2025, 6, 15)));
        Assert.Equal(Tri.True, Eval("age = 35", c, new LocalDate(2025, 7, 1)));
    }

    [Fact]
    public void Evaluate_AgeFromBirthYear_OnLastDayOfYear_IsExact() =>
        Assert.Equal(Tri.True, Eval("age = 35", TestCases.BornIn(new PartialDate(1990)), new LocalDate(2025, 12, 31)));

    [Fact]
    public void Evaluate_AgeAgainstParameter_UsesTheValueOnTheAsOfDate()
    {
        var born1995 = TestCases.BornIn(new PartialDate(1995, 8, 1));
        const string text = "age <= param(" + FakeKbFacts.AgeLimit + ")";

        Assert.Equal(Tri.False, Eval(text, born1995, new LocalDate(2023, 9, 1)));
        Assert.Equal(Tri.True, Eval(text, born1995, new LocalDate(2024, 1, 1)));
    }

    [Fact]
    public void Evaluate_Applies_FollowsTheEntrysValidity()
    {
        const string text = "applies(" + FakeKbFacts.NewLaw + ")";

        Assert.Equal(Tri.False, Eval(text, Empty, new LocalDate(2023, 2, 23)));
        Assert.Equal(Tri.True, Eval(text, Empty, new LocalDate(2023, 2, 24)));
    }

    [Fact]
    public void Evaluate_BirthYearComparedWithADate_IsDefiniteOnlyOutsideTheYear()
    {
        var c = TestCases.BornIn(new PartialDate(1995));

        Assert.Equal(Tri.True, Eval("person.born < 1996-01-01", c));
        Assert.Equal(Tri.False, Eval("person.born < 1995-01-01", c));
        Assert.Equal(Tri.Unknown, Eval("person.born < 1995-06-01", c));
        Assert.Equal(Tri.True, Eval("person.born >= 1995-01-01", c));
    }

    [Fact]
    public void Evaluate_AsOfAndDestination_AreTheArguments()
    {
        Assert.Equal(Tri.True, Eval("as_of >= 2022-09-21 and destination = FI", Empty, new LocalDate(2022, 9, 21), "FI"));
        Assert.Equal(Tri.False, Eval("as_of >= 2022-09-21", Empty, new LocalDate(2022, 9, 20)));
        Assert.Equal(Tri.True, Eval("in_group(destination, EU)", Empty, destination: "FI"));
        Assert.Equal(Tri.False, Eval("in_group(destination, EU)", Empty, destination: "KZ"));
    }

    // ---- for_each --------------------------------------------------------------------------------

    [Fact]
    public void Evaluate_ForEach_PlainNamesReadTheBoundItem()
    {
        var condition = Compile("served = personally and evidence contains e1", forEach: "summonses");
        var ctx = Context(Deserter);

        ctx.BindItem(Deserter.Summonses![0], "summonses[0]");
        Assert.Equal(Tri.True, condition.Evaluate(ctx));
        ctx.BindItem(Deserter.Summonses[1], "summonses[1]");
        Assert.Equal(Tri.False, condition.Evaluate(ctx));
    }

    [Fact]
    public void Evaluate_ForEach_QuantifierInsideSeesItemAndCase()
    {
        var condition = Compile("purpose = mobilisation and any(summonses, kind = electronic) and military.status = deserted", forEach: "summonses");
        var ctx = Context(Deserter);

        ctx.BindItem(Deserter.Summonses![0], "summonses[0]");
        Assert.Equal(Tri.True, condition.Evaluate(ctx));
        ctx.BindItem(Deserter.Summonses[1], "summonses[1]");
        Assert.Equal(Tri.Unknown, condition.Evaluate(ctx));
    }

    // ---- Explain --------------------------------------------------------------------------------

    [Fact]
    public void Explain_GivesOutcomeFactsAndParts()
    {
        var tree = Compile("military.status = deserted and exit_ban = yes").Explain(Context(Deserter));

        Assert.Equal(Tri.Unknown, tree.Outcome);
        Assert.Equal("military.status = deserted and exit_ban = yes", tree.Text);
        Assert.Equal([Tri.True, Tri.Unknown], tree.Children.Select(c => c.Outcome));
        Assert.Equal([new FactUse("military.status", "deserted"), new FactUse("exit_ban", "unknown")], tree.AllFacts());
        Assert.Equal(["exit_ban"], tree.UnknownFacts());
    }

    [Fact]
    public void Explain_InsideQuantifier_NamesTheItemByIndex()
    {
        var tree = Compile("any(summonses, served = not-served)").Explain(Context(Deserter));

        Assert.Equal(Tri.True, tree.Outcome);
        Assert.Equal(["summonses[0].served", "summonses[1].served"], tree.AllFacts().Select(f => f.Path));
    }

    [Fact]
    public void Explain_ForEach_NamesTheBoundItem()
    {
        var ctx = Context(Deserter);
        ctx.BindItem(Deserter.Summonses![1], "summonses[1]");

        var tree = Compile("served = personally", forEach: "summonses").Explain(ctx);

        Assert.Equal(Tri.False, tree.Outcome);
        Assert.Equal([new FactUse("summonses[1].served", "not-served")], tree.AllFacts());
    }

    [Fact]
    public void Explain_MissingList_IsAnUnknownFact()
    {
        var tree = Compile("any(summonses, served = personally)").Explain(Context(Empty));

        Assert.Equal(Tri.Unknown, tree.Outcome);
        Assert.Equal(["summonses"], tree.UnknownFacts());
    }

    [Fact]
    public void Explain_AgeFromYear_ShowsTheRange()
    {
        var tree = Compile("age >= 35").Explain(Context(TestCases.BornIn(new PartialDate(1990)), new LocalDate(2025, 6, 1)));

        Assert.Equal([new FactUse("age", "34–35")], tree.AllFacts());
    }

    [Fact]
    public void Explain_RestoresTheContextsTrace()
    {
        var ctx = Context(Deserter);
        var condition = Compile("military.status = deserted");

        condition.Explain(ctx);
        Assert.Null(ctx.Trace);

        var outer = new Trace();
        ctx.Trace = outer;
        condition.Explain(ctx);
        Assert.Same(outer, ctx.Trace);
    }
}
