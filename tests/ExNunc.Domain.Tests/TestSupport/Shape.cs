using System.Globalization;
using ExNunc.Domain.Rules;

namespace ExNunc.Domain.Tests.TestSupport;

/// <summary>A parsed condition as an S-expression, ignoring positions, so tests can state the tree they expect in one line.</summary>
internal static class Shape
{
    public static string Of(string text)
    {
        var (expr, error) = ConditionParser.Parse(text);
        Assert.True(expr is not null, $"'{text}' does not parse: {error}");
        return Of(expr);
    }

    /// <summary>Like <see cref="Of(Expr)"/>, but chains of 'and' (or of 'or') are flattened, since their grouping does not change the meaning.</summary>
    public static string Flat(Expr e) => e switch
    {
        AndExpr or OrExpr => $"({(e is AndExpr ? "and" : "or")}{string.Concat(Chain(e).Select(x => " " + Flat(x)))})",
        NotExpr n => $"(not {Flat(n.Operand)})",
        CallExpr c => $"({c.Function}{string.Concat(c.Arguments.Select(a => " " + Flat(a)))})",
        _ => Of(e),
    };

    private static IEnumerable<Expr> Chain(Expr e) => e switch
    {
        AndExpr a => Part(a.Left, e).Concat(Part(a.Right, e)),
        OrExpr o => Part(o.Left, e).Concat(Part(o.Right, e)),
        _ => [e],
    };

    private static IEnumerable<Expr> Part(Expr child, Expr parent) => child.GetType() == parent.GetType() ? Chain(child) : [child];

    public static string Of(Expr e) => e switch
    {
        LiteralExpr { Value.Kind: ValueKind.Number } l => "#" + l.Value.Low.ToString(CultureInfo.InvariantCulture),
        LiteralExpr { Value.Kind: ValueKind.Date } l => "@" + l.Value.DateLow.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        LiteralExpr { Value.Kind: ValueKind.Text } l => "'" + l.Value.AsString + "'",
        LiteralExpr l => l.Value.ToString(),
        NameExpr n => n.Name,
        CallExpr c => $"({c.Function}{string.Concat(c.Arguments.Select(a => " " + Of(a)))})",
        CompareExpr c => $"({Op(c.Op)} {Of(c.Left)} {Of(c.Right)})",
        InExpr i => $"(in {Of(i.Left)} [{string.Join(" ", i.Options.Select(Of))}])",
        ContainsExpr c => $"(contains {Of(c.List)} {Of(c.Item)})",
        TestExpr t => $"({t.Test.ToString().ToLowerInvariant()} {Of(t.Operand)})",
        AndExpr a => $"(and {Of(a.Left)} {Of(a.Right)})",
        OrExpr o => $"(or {Of(o.Left)} {Of(o.Right)})",
        NotExpr n => $"(not {Of(n.Operand)})",
        _ => "?",
    };

    private static string Op(CompareOp op) => op switch
    {
        CompareOp.Eq => "=",
        CompareOp.Ne => "!=",
        CompareOp.Lt => "<",
        CompareOp.Le => "<=",
        CompareOp.Gt => ">",
        _ => ">=",
    };
}
