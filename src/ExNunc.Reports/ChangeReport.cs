using System.Text;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Knowledge;

namespace ExNunc.Reports;

/// <summary>Prints diffs and timelines: what changed, per country, and which entries' validity caused it.</summary>
public static class ChangeReport
{
    public static string Diff(AssessmentDiff diff, KnowledgeBase kb, Language lang)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{Labels.Changes.In(lang)} {Labels.From.In(lang)} {AssessmentReport.Iso(diff.From)} {Labels.To.In(lang)} {AssessmentReport.Iso(diff.To)}");
        Changes(sb, diff.Changes, kb, lang, "  ");
        return sb.ToString();
    }

    public static string Timeline(IReadOnlyList<TimelineStep> steps, KnowledgeBase kb, Language lang)
    {
        var sb = new StringBuilder();
        if (steps.Count == 0) sb.AppendLine(Labels.NoChanges.In(lang));
        foreach (var step in steps)
        {
            sb.AppendLine(AssessmentReport.Iso(step.Date));
            Changes(sb, step.Changes, kb, lang, "  ");
        }
        return sb.ToString();
    }

    private static void Changes(StringBuilder sb, IReadOnlyList<FindingChange> changes, KnowledgeBase kb, Language lang, string pad)
    {
        if (changes.Count == 0) { sb.AppendLine(pad + Labels.NoChanges.In(lang)); return; }
        foreach (var c in changes)
        {
            var what = (c.Before, c.After) switch
            {
                (null, var a) => $"+ {a}",
                (var b, null) => $"- {b}",
                var (b, a) when b == a => "sources changed",
                var (b, a) => $"{b} → {a}",
            };
            sb.AppendLine($"{pad}{c.Country} {c.Kind} {c.Id}: {what}");
            if (!c.SourcesAdded.IsEmpty) sb.AppendLine($"{pad}    + {string.Join(", ", c.SourcesAdded)}");
            if (!c.SourcesRemoved.IsEmpty) sb.AppendLine($"{pad}    - {string.Join(", ", c.SourcesRemoved)}");
            var causes = c.Causes.Select(id => kb.Find(id) is { } e ? $"{id} ({Window(e)})" : id).ToList();
            sb.AppendLine($"{pad}    {Labels.Cause.In(lang)}: {(causes.Count > 0 ? string.Join("; ", causes) : Labels.CauseCircumstances.In(lang))}");
        }
    }

    private static string Window(KbEntry e) => string.Join(", ", e.Periods.Select(p => p.ToString()));
}
