using ExNunc.Domain.Rules;
using ExNunc.Domain.Tests.TestSupport;
using NodaTime;

namespace ExNunc.Domain.Tests.Rules;

public sealed class ConditionParserTests
{
    // ---- precedence ------------------------------------------------------------------------

    [Fact]
    public void Parse_OrBindsLooserThanAnd() =>
        Assert.Equal("(or (= a x) (and (= b y) (= c z)))", Shape.Of("a = x or b = y and c = z"));

    [Fact]
    public void Parse_AndBeforeOr_GroupsTheAndFirst() =>
        Assert.Equal("(or (and a b) c)", Shape.Of("a and b or c"));

    [Fact]
    public void Parse_AndAndOr_AreLeftAssociative()
    {
        Assert.Equal("(and (and a b) c)", Shape.Of("a and b and c"));
        Assert.Equal("(or (or a b) c)", Shape.Of("a or b or c"));
    }

    [Fact]
    public void Parse_NotBindsTighterThanAnd() =>
        Assert.Equal("(and (not a) b)", Shape.Of("not a and b"));

    [Fact]
    public void Parse_NotBindsLooserThanComparison() =>
        Assert.Equal("(not (= military.status deserted))", Shape.Of("not military.status = deserted"));

    [Fact]
    public void Parse_NotNot_NestsTwice() =>
        Assert.Equal("(not (not a))", Shape.Of("not not a"));

    [Fact]
    public void Parse_ParenthesesOverridePrecedence()
    {
        Assert.Equal("(and (or a b) c)", Shape.Of("(a or b) and c"));
        Assert.Equal("(not (or a b))", Shape.Of("not (a or b)"));
    }

    [Fact]
    public void Parse_ComparisonOperators_AreAllRecognised() =>
        Assert.Equal(
            "(and (and (and (and (and (= a #1) (!= b #2)) (< c #3)) (<= d #4)) (> e #5)) (>= f #6))",
            Shape.Of("a = 1 and b != 2 and c < 3 and d <= 4 and e > 5 and f >= 6"));

    [Fact]
    public void Parse_OperatorsWithoutSpaces_AreSplitCorrectly() =>
        Assert.Equal("(and (<= a #1) (!= b c))", Shape.Of("a<=1 and b!=c"));

    // ---- lists, tests, calls ---------------------------------------------------------------

    [Fact]
    public void Parse_InList_KeepsEveryOptionInOrder() =>
        Assert.Equal("(in military.status [deserted awol surrendered])", Shape.Of("military.status in [deserted, awol, surrendered]"));

    [Fact]
    public void Parse_InEmptyList_HasNoOptions() =>
        Assert.Equal("(in x [])", Shape.Of("x in []"));

    [Fact]
    public void Parse_InListOfMixedValues_KeepsTheirTypes() =>
        Assert.Equal("(in x [#27 @2022-09-21 'a b' true])", Shape.Of("x in [27, 2022-09-21, \"a b\", true]"));

    [Fact]
    public void Parse_Contains_TakesListAndItem() =>
        Assert.Equal("(contains departure.route KZ)", Shape.Of("departure.route contains KZ"));

    [Theory]
    [InlineData("x is known", "(known x)")]
    [InlineData("x is unknown", "(unknown x)")]
    [InlineData("x is not known", "(unknown x)")]
    [InlineData("x is not unknown", "(known x)")]
    [InlineData("x is empty", "(empty x)")]
    [InlineData("x is not empty", "(notempty x)")]
    public void Parse_IsTests_MapToTheirKind(string text, string shape) =>
        Assert.Equal(shape, Shape.Of(text));

    [Fact]
    public void Parse_Quantifier_TakesAListAndAWholeCondition() =>
        Assert.Equal(
            "(any summonses (and (= purpose mobilisation) (!= served not-served)))",
            Shape.Of("any(summonses, purpose = mobilisation and served != not-served)"));

    [Fact]
    public void Parse_CallWithoutArguments_HasNone() =>
        Assert.Equal("(f)", Shape.Of("f()"));

    [Fact]
    public void Parse_CallsNest() =>
        Assert.Equal("(>= (count summonses (any evidence (= it e1))) #2)", Shape.Of("count(summonses, any(evidence, it = e1)) >= 2"));

    [Fact]
    public void Parse_ParamInComparison() =>
        Assert.Equal("(and (<= age (param ru-conscription-age-limit)) (= objection.basis religious))",
            Shape.Of("age <= param(ru-conscription-age-limit) and objection.basis = religious"));

    // ---- literals ----------------------------------------------------------------------------

    [Fact]
    public void Parse_DashedAndDottedNames_AreOneName() =>
        Assert.Equal("(= activity.kind telegram-channel)", Shape.Of("activity.kind = telegram-channel"));

    [Fact]
    public void Parse_TrueAndFalse_AreBooleans()
    {
        var (expr, _) = ConditionParser.Parse("true");
        Assert.Equal(Value.Bool(true), Assert.IsType<LiteralExpr>(expr).Value);
        (expr, _) = ConditionParser.Parse("false");
        Assert.Equal(Value.Bool(false), Assert.IsType<LiteralExpr>(expr).Value);
    }

    [Fact]
    public void Parse_IsoDate_IsADate()
    {
        var (expr, _) = ConditionParser.Parse("2022-09-21");
        Assert.Equal(Value.Date(new LocalDate(2022, 9, 21)), Assert.IsType<LiteralExpr>(expr).Value);
    }

    [Theory]
    [InlineData("27", 27)]
    [InlineData("0", 0)]
    [InlineData("20220921", 20220921)]
    [InlineData("1.5", 1.5)]
    public void Parse_DigitsWithoutDateShape_AreANumber(string text, double expected)
    {
        var (expr, _) = ConditionParser.Parse(text);
        Assert.Equal(Value.Number((decimal)expected), Assert.IsType<LiteralExpr>(expr).Value);
    }

    [Theory]
    [InlineData("x = \"Olga V.\"", "Olga V.")]
    [InlineData("x = 'Olga V.'", "Olga V.")]
    [InlineData("x = 'say \"no\"'", "say \"no\"")]
    [InlineData("x = \"it's\"", "it's")]
    [InlineData("x = \"a and b or not c\"", "a and b or not c")]
    [InlineData("x = \"Андрей К.\"", "Андрей К.")]
    [InlineData("x = \"\"", "")]
    public void Parse_QuotedText_IsOneTextLiteralVerbatim(string text, string expected)
    {
        var (expr, error) = ConditionParser.Parse(text);
        Assert.Null(error);
        var compare = Assert.IsType<CompareExpr>(expr);
        Assert.Equal(Value.Text(expected), Assert.IsType<LiteralExpr>(compare.Right).Value);
    }

    [Fact]
    public void Parse_QuotedDate_IsTextNotADate()
    {
        var (expr, _) = ConditionParser.Parse("x = \"2022-09-21\"");
        Assert.Equal(ValueKind.Text, Assert.IsType<LiteralExpr>(Assert.IsType<CompareExpr>(expr).Right).Value.Kind);
    }

    // ---- positions -----------------------------------------------------------------------------

    [Fact]
    public void Parse_Positions_AreZeroBasedOffsetsOfOperatorsAndOperands()
    {
        var (expr, _) = ConditionParser.Parse("a = b and  not c");
        var and = Assert.IsType<AndExpr>(expr);
        var eq = Assert.IsType<CompareExpr>(and.Left);
        var not = Assert.IsType<NotExpr>(and.Right);
        Assert.Equal((6, 2, 0, 4, 11, 15), (and.Position, eq.Position, eq.Left.Position, eq.Right.Position, not.Position, not.Operand.Position));
    }

    // ---- syntax errors, each with its position ----------------------------------------------------------

    [Theory]
    [InlineData("", 0, "ends too early")]
    [InlineData("   ", 3, "ends too early")]
    [InlineData("a =", 3, "ends too early")]
    [InlineData("a and", 5, "ends too early")]
    [InlineData("not", 3, "ends too early")]
    [InlineData("a = b)", 5, "Unexpected ')'")]
    [InlineData("a b", 2, "Unexpected 'b'")]
    [InlineData("(a = b", 6, "Expected ')'")]
    [InlineData("((a)", 4, "Expected ')'")]
    [InlineData("x in a", 5, "'[' after 'in'")]
    [InlineData("x in [a, b", 10, "']' to close the list")]
    [InlineData("x in [a b]", 8, "']' to close the list")]
    [InlineData("x in [a,]", 8, "Unexpected ']'")]
    [InlineData("any(summonses, x = y", 20, "')' to close the call")]
    [InlineData("any(summonses x = y)", 14, "')' to close the call")]
    [InlineData("x is maybe", 5, "'maybe'")]
    [InlineData("x is", 4, "after 'is'")]
    [InlineData("x is not", 8, "after 'is'")]
    [InlineData("x = 'open", 4, "not closed")]
    [InlineData("x = \"open", 4, "not closed")]
    [InlineData("x = 2022-13-01", 4, "not a valid date")]
    [InlineData("x = 2023-02-29", 4, "not a valid date")]
    [InlineData("x = 1.2.3", 4, "neither a number nor a date")]
    [InlineData("x = 12-5", 4, "neither a number nor a date")]
    [InlineData("x = 2022-9-21", 4, "neither a number nor a date")]
    [InlineData("x = -1", 4, "Unexpected character '-'")]
    [InlineData("x # y", 2, "Unexpected character '#'")]
    [InlineData("x ! y", 2, "Unexpected character '!'")]
    [InlineData("x == y", 3, "Unexpected '='")]
    [InlineData("a and or b", 6, "found 'or'")]
    [InlineData("a or and b", 5, "found 'and'")]
    [InlineData("x = in", 4, "found 'in'")]
    [InlineData("x contains is", 11, "found 'is'")]
    [InlineData("x in [contains]", 6, "found 'contains'")]
    [InlineData("[a]", 0, "Unexpected '['")]
    [InlineData(", a", 0, "Unexpected ','")]
    [InlineData("x = y ]", 6, "Unexpected ']'")]
    public void Parse_SyntaxError_IsReportedWithItsPosition(string text, int position, string message)
    {
        var (expr, error) = ConditionParser.Parse(text);

        Assert.Null(expr);
        Assert.NotNull(error);
        Assert.Equal(("condition.syntax", position), (error.Code, error.Position));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsTheFirst()
    {
        var (_, error) = ConditionParser.Parse("x = # and y = 'open");
        Assert.Equal(4, error!.Position);
    }
}
