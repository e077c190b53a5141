using System.Text;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Rules;

namespace ExNunc.Testing;

/// <summary>
/// An assessment written out as text with everything in it — every finding, its explanation in both
/// languages, sources, facts, rebuttals, gaps, penalties and derivation trees — for comparing runs.
/// </summary>
public static class AssessmentFingerprint
{
    public static string Of(AssessmentResult result)
    {
        var sb = new StringBuilder();
        foreach (var d in result.Destinations) Write(d, sb);
        return sb.ToString();
    }

    public static string Of(DestinationAssessment destination)
    {
        var sb = new StringBuilder();
        Write(destination, sb);
        return sb.ToString();
    }

    private static void Write(DestinationAssessment d, StringBuilder sb)
    {
        sb.Append(d.Country).Append(' ').Append(d.Score).Append(' ').Append(d.Ranking.En).Append(d.Ranking.Ru).Append('\n');
        foreach (var f in d.AllFindings())
        {
            sb.Append(f.Kind).Append(' ').Append(f.Id).Append(' ').Append(f.Status).Append(' ').Append(f.Explanation.En)
              .Append(" [").AppendJoin(",", f.Sources).Append("] {").AppendJoin(",", f.Facts).Append("}\n")
              .Append(f.Explanation.Ru).Append('\n');
            switch (f)
            {
                case ElementFinding e: sb.Append(e.Support).Append(" unknown: ").AppendJoin(",", e.UnknownFacts).Append('\n'); break;
                case ObjectionFinding o:
                    foreach (var r in o.Rebuttals) sb.Append("rebuttal ").Append(r.Id).Append(' ').Append(r.Text.En).Append(r.Text.Ru).Append(" [").AppendJoin(",", r.Sources).Append("]\n");
                    break;
                case GapFinding g: sb.Append(g.Fact).Append(' ').Append(g.Need.En).Append(g.Need.Ru).Append('\n'); break;
                case ExposureFinding x: sb.Append(x.Penalty.En).Append(x.Penalty.Ru).Append('\n'); break;
            }
            Derivation(f.Derivation, sb);
        }
    }

    private static void Derivation(Derivation d, StringBuilder sb)
    {
        sb.Append("  ").Append(d.Source).Append(' ').Append(d.Title.En).Append('=').Append(d.Outcome).Append(" [").AppendJoin(",", d.Entries).Append(']');
        if (d.Condition is { } c) Condition(c, sb);
        sb.Append('\n');
        foreach (var child in d.Children) Derivation(child, sb);
    }

    private static void Condition(ConditionNode n, StringBuilder sb)
    {
        sb.Append(" (").Append(n.Text).Append('=').Append(n.Outcome);
        foreach (var f in n.Facts) sb.Append(' ').Append(f.Path).Append(':').Append(f.Value);
        foreach (var child in n.Children) Condition(child, sb);
        sb.Append(')');
    }
}
