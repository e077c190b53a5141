using System.Globalization;

namespace ExNunc.Domain.Rules;

/// <summary>Writes a parsed condition back as text, for derivation trees.</summary>
public static class ConditionPrinter
{
    public static string Print(Expr e) => e switch
    {
        LiteralExpr l => l.Value.Kind switch
        {
            ValueKind.Date => l.Value.DateLow.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            ValueKind.Text => l.Value.AsString.Contains('"', StringComparison.Ordinal) ? $"'{l.Value.AsString}'" : $"\"{l.Value.AsString}\"",
            _ => l.Value.ToString(),
        },
        NameExpr n => n.Name,
        CallExpr c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Print))})",
        CompareExpr c => $"{Operand(c.Left)} {Op(c.Op)} {Operand(c.Right)}",
        InExpr i => $"{Print(i.Left)} in [{string.Join(", ", i.Options.Select(Print))}]",
        ContainsExpr c => $"{Print(c.List)} contains {Print(c.Item)}",
        TestExpr t => $"{Operand(t.Operand)} is {t.Test switch { TestKind.Known => "known", TestKind.Unknown => "unknown", TestKind.Empty => "empty", _ => "not empty" }}",
        AndExpr a => $"{Group(a.Left, a)} and {Group(a.Right, a)}",
        OrExpr o => $"{Group(o.Left, o)} or {Group(o.Right, o)}",
        NotExpr n => $"not {Group(n.Operand, n)}",
        _ => "?",
    };

    /// <summary>A boolean operand of a comparison or test keeps its parentheses.</summary>
    private static string Operand(Expr e) => e is AndExpr or OrExpr or NotExpr or CompareExpr or InExpr or ContainsExpr or TestExpr ? $"({Print(e)})" : Print(e);

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
