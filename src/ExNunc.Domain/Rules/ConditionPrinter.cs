using System.Globalization;

namespace ExNunc.Domain.Rules;

/// <summary>Writes a parsed condition back as text, for derivation trees.</summary>
public static class ConditionPrinter
{
    public static string Print(Expr e) => e switch
    {
        LiteralExpr l => l.Value.Kind == ValueKind.Date ? l.Value.DateLow.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : l.Value.ToString(),
        NameExpr n => n.Name,
        CallExpr c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Print))})",
        CompareExpr c => $"{Print(c.Left)} {Op(c.Op)} {Print(c.Right)}",
        InExpr i => $"{Print(i.Left)} in [{string.Join(", ", i.Options.Select(Print))}]",
        ContainsExpr c => $"{Print(c.List)} contains {Print(c.Item)}",
        TestExpr t => $"{Print(t.Operand)} is {t.Test switch { TestKind.Known => "known", TestKind.Unknown => "unknown", TestKind.Empty => "empty", _ => "not empty" }}",
        AndExpr a => $"{Group(a.Left, a)} and {Group(a.Right, a)}",
        OrExpr o => $"{Group(o.Left, o)} or {Group(o.Right, o)}",
        NotExpr n => $"not {Group(n.Operand, n)}",
        _ => "?",
    };

    private static string Group(Expr child, Expr parent) =>
        (child is OrExpr && parent is not OrExpr) || (child is AndExpr && parent is NotExpr) ? $"({Print(child)})" : Print(child);

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
