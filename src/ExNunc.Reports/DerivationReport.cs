using System.Text;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;

namespace ExNunc.Reports;

/// <summary>Prints the derivation tree of one finding (<c>exnunc assess --explain ID</c>).</summary>
public static class DerivationReport
{
    public static string Write(string country, Finding finding, Language lang)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{finding.Kind} {finding.Id} ({country}){(finding.Status is { } s ? " = " + s : "")}");
        sb.AppendLine($"  {finding.Explanation.In(lang)}");
        if (!finding.Sources.IsEmpty) sb.AppendLine($"  {Labels.Sources.In(lang)}: {string.Join(", ", finding.Sources)}");
        Derivation(sb, finding.Derivation, 1, lang);
        return sb.ToString();
    }

    private static void Derivation(StringBuilder sb, Derivation d, int depth, Language lang)
    {
        var pad = new string(' ', depth * 2);
        sb.AppendLine($"{pad}└ {d.Source}: {d.Title.In(lang)} → {d.Outcome}");
        if (d.Condition is { } c) Condition(sb, c, depth + 1);
        if (!d.Entries.IsEmpty) sb.AppendLine($"{pad}  relies on: {string.Join(", ", d.Entries)}");
        foreach (var child in d.Children) Derivation(sb, child, depth + 1, lang);
    }

    private static void Condition(StringBuilder sb, ConditionNode node, int depth)
    {
        var pad = new string(' ', depth * 2);
        sb.AppendLine($"{pad}{node.Text}  ⇒ {Vocabulary.Of(node.Outcome)}");
        foreach (var f in node.Facts) sb.AppendLine($"{pad}  · {f.Path} = {f.Value}");
        foreach (var child in node.Children) Condition(sb, child, depth + 1);
    }
}
