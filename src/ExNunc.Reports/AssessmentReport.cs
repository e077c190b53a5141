using System.Globalization;
using System.Text;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Knowledge;

namespace ExNunc.Reports;

public enum ReportFormat { Text, Markdown }

/// <summary>
/// The report a caseworker reads: destinations best first, each with one line saying why it ranks
/// there, then every finding with its reasons and the sources under it.
/// </summary>
public static class AssessmentReport
{
    public static string Write(AssessmentResult result, KnowledgeBase kb, ReportFormat format, Language lang)
    {
        var md = format == ReportFormat.Markdown;
        var sb = new StringBuilder();
        string L(Bilingual b) => b.In(lang);
        void Heading(int level, string text)
        {
            if (md) sb.Append('#', level).Append(' ').AppendLine(text).AppendLine();
            else
            {
                sb.AppendLine(text);
                sb.AppendLine(new string(level == 1 ? '=' : level == 2 ? '-' : '·', Math.Min(text.Length, 78)));
            }
        }
        void Item(int depth, string text) =>
            sb.Append(' ', depth * 2).Append(md ? "- " : "• ").AppendLine(text);
        void Sources(int depth, IEnumerable<string> ids)
        {
            var list = ids.ToList();
            if (list.Count > 0) sb.Append(' ', depth * 2).Append(md ? "  " : "  ").Append(L(Labels.Sources)).Append(": ").AppendLine(string.Join(", ", list.Select(i => md ? $"`{i}`" : i)));
        }

        Heading(1, $"{L(Labels.Assessment)}: {result.CaseId} — {L(Labels.AsOf)} {Iso(result.AsOf)}");
        sb.AppendLine($"{L(Labels.KnowledgeBase)}: {result.KbVersion} ({result.KbEntries} {L(Labels.Entries)})");
        sb.AppendLine();
        Heading(2, L(Labels.Rank));
        var rank = 0;
        foreach (var d in result.Destinations)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{++rank}. {Labels.Country(kb, d.Country, lang)} — {L(d.Ranking)}");
        sb.AppendLine();

        rank = 0;
        foreach (var d in result.Destinations)
        {
            Heading(2, $"{++rank}. {Labels.Country(kb, d.Country, lang)}");

            Heading(3, L(Labels.Pathways));
            if (d.Pathways.IsEmpty) Item(0, L(Labels.None));
            foreach (var p in d.Pathways)
            {
                Item(0, $"{p.Id}: {Word(p.Status, lang)} — {L(p.Explanation)}");
                Sources(1, p.Sources);
            }
            sb.AppendLine();

            Heading(3, L(Labels.Grounds));
            foreach (var g in d.Grounds)
            {
                Item(0, $"{g.Id}: {Word(g.Status, lang)} — {L(g.Explanation)}");
                foreach (var e in g.Elements.Where(e => e.Status != "unmet"))
                {
                    Item(1, $"{e.Id}: {Word(e.Status, lang)}{(e.Support is { } s ? $" ({Word(s.ToString().ToLowerInvariant(), lang)})" : "")} — {L(e.Explanation)}");
                    if (!e.Facts.IsEmpty) sb.Append(' ', 4).Append(L(Labels.Facts)).Append(": ").AppendLine(string.Join(", ", e.Facts));
                    Sources(2, e.Sources);
                }
            }
            sb.AppendLine();

            Heading(3, L(Labels.Practice));
            if (d.Practice.IsEmpty) Item(0, L(Labels.None));
            foreach (var p in d.Practice)
            {
                Item(0, $"{p.Id}: {L(p.Summary)}");
            }
            sb.AppendLine();

            Heading(3, L(Labels.Objections));
            if (d.Objections.IsEmpty) Item(0, L(Labels.None));
            foreach (var o in d.Objections)
            {
                Item(0, $"{o.Id} — {L(o.Explanation)}");
                if (o.Rebuttals.IsEmpty) Item(1, L(Labels.NoRebuttal));
                foreach (var r in o.Rebuttals)
                {
                    Item(1, $"{L(Labels.Rebuttal)} ({r.Id}): {L(r.Text)}");
                    Sources(2, r.Sources);
                }
            }
            sb.AppendLine();

            Heading(3, L(Labels.Exposure));
            if (d.Exposure.IsEmpty) Item(0, L(Labels.None));
            foreach (var x in d.Exposure)
            {
                Item(0, $"{x.Article}: {L(x.Penalty)}");
                Item(1, L(x.Explanation));
                Sources(1, x.Sources);
            }
            sb.AppendLine();

            Heading(3, L(Labels.Gaps));
            if (d.Gaps.IsEmpty) Item(0, L(Labels.None));
            foreach (var g in d.Gaps)
            {
                Item(0, $"{g.Fact}: {L(g.Need)}");
                Item(1, $"{L(Labels.Why)}: {L(g.Explanation)}");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>The contract's status words, in the report's language.</summary>
    internal static string Word(string? status, Language lang) => lang == Language.En ? status ?? "" : status switch
    {
        "open" => "открыт",
        "restricted" => "ограничен",
        "closed" => "закрыт",
        "not-applicable" => "неприменим",
        "strong" => "сильное",
        "arguable" => "обоснованное",
        "weak" => "слабое",
        "not-met" => "не выполнено",
        "met" => "выполнено",
        "unmet" => "не выполнено",
        "unknown" => "не установлено",
        _ => status ?? "",
    };

    internal static string Iso(NodaTime.LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
