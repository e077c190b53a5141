using ExNunc.Domain.Diagnostics;
using NodaTime;

namespace ExNunc.Domain.Cases;

/// <summary>
/// The rules of a case file that span fields or refer outside a single value: evidence references,
/// knowledge-base ids, the order of dates, and evidence paths. Pure. Each diagnostic names the field
/// path in the format's own terms (<c>summonses[0].evidence[1]</c>) and has no location; a reader
/// that knows where the field was written adds it. Unknown values (null) never fail a check.
/// </summary>
public static class CaseChecks
{
    public static IReadOnlyList<Diagnostic> Check(CaseFile c, ICaseCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(c);
        var found = new List<Diagnostic>();
        CheckEvidenceItems(c.Evidence, found);
        CheckEvidenceReferences(c, found);
        if (catalog is not null) CheckCatalogReferences(c, catalog, found);
        CheckChronology(c, found);
        CheckDesertion(c, found);
        return found;
    }

    private static void CheckEvidenceItems(ValueList<EvidenceItem>? evidence, List<Diagnostic> found)
    {
        if (evidence is null) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < evidence.Count; i++)
        {
            var item = evidence[i];
            var at = $"evidence[{i}]";
            if (string.IsNullOrWhiteSpace(item.Id))
                found.Add(new("field.required", "An evidence item needs an id.", Field: at + ".id"));
            else if (!seen.Add(item.Id))
                found.Add(new("case.evidence-duplicate", $"The evidence id '{item.Id}' is used twice.", Field: at + ".id"));
            if (item.File is { } file && PathProblem(file) is { } problem)
                found.Add(new("case.evidence-path", $"The evidence file '{file}' {problem}; evidence stays inside the case folder.", Field: at + ".file"));
            for (var j = 0; j < (item.Proves?.Count ?? 0); j++)
            {
                var section = item.Proves![j];
                if (!CaseVocabulary.Sections.Contains(section))
                    found.Add(new("value.enum",
                        $"'{section}' is not a section of the case; expected one of: {string.Join(", ", CaseVocabulary.Sections.Order(StringComparer.Ordinal))}.",
                        Field: $"{at}.proves[{j}]"));
            }
        }
    }

    /// <summary>Why a path could reach outside the case folder, or null when it is a plain relative path.</summary>
    private static string? PathProblem(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return "is empty";
        if (path.Any(char.IsControl)) return "contains control characters";
        // A backslash is a separator on Windows, so 'a\..\..\b' would climb out there while looking harmless here.
        if (path.Contains('\\', StringComparison.Ordinal)) return "contains a backslash; use forward slashes";
        if (path[0] is '/' or '~') return "is absolute";
        // A colon names a drive ('C:/x', 'C:x') or an alternate data stream on Windows, or a URI scheme.
        if (path.Contains(':', StringComparison.Ordinal)) return "contains a colon (a drive, a stream or a URI)";
        if (path.Split('/').Any(segment => segment == "..")) return "contains a '..' segment";
        return null;
    }

    private static void CheckEvidenceReferences(CaseFile c, List<Diagnostic> found)
    {
        var listed = (c.Evidence ?? ValueList<EvidenceItem>.Empty).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        void Refs(ValueList<string>? refs, string at)
        {
            for (var j = 0; j < (refs?.Count ?? 0); j++)
                if (!listed.Contains(refs![j]))
                    found.Add(new("case.evidence-missing", $"The evidence '{refs[j]}' is referred to but not listed under 'evidence'.", Field: $"{at}.evidence[{j}]"));
        }
        ForEach(c.Summonses, "summonses", (s, at) => Refs(s.Evidence, at));
        ForEach(c.Proceedings, "proceedings", (p, at) => Refs(p.Evidence, at));
        ForEach(c.Activity, "activity", (a, at) => Refs(a.Evidence, at));
    }

    private static void CheckCatalogReferences(CaseFile c, ICaseCatalog catalog, List<Diagnostic> found)
    {
        ForEach(c.Proceedings, "proceedings", (p, at) =>
        {
            if (p.Article is { } article && !catalog.IsArticle(article))
                found.Add(new("case.unknown-article", $"'{article}' is not an article in the knowledge base.", Field: at + ".article"));
        });
        ForEach(c.Applications, "applications", (a, at) =>
        {
            for (var j = 0; j < (a.Reasons?.Count ?? 0); j++)
                if (!catalog.IsObjection(a.Reasons![j]))
                    found.Add(new("case.unknown-objection", $"'{a.Reasons[j]}' is not an objection in the knowledge base.", Field: $"{at}.reasons[{j}]"));
        });
    }

    private static void CheckChronology(CaseFile c, List<Diagnostic> found)
    {
        // A birth known only to the year is certainly after a date only when the date precedes 1 January.
        if (c.Departure?.Date is { } left && c.Person?.Born is { } born && left < born.Earliest)
            found.Add(new("case.departure-before-birth", $"The departure ({left}) is before the birth ({born}).", Field: "departure.date"));
        ForEach(c.Military?.Service, "military.service", (s, at) => Period(s.From, s.To, at, found));
        ForEach(c.Activity, "activity", (a, at) => Period(a.From, a.To, at, found));
        ForEach(c.Applications, "applications", (a, at) =>
        {
            if (a.Date is { } applied && a.DecisionDate is { } decided && decided < applied)
                found.Add(new("case.decision-before-application", $"The decision ({decided}) is before the application ({applied}).", Field: at + ".decision_date"));
        });
    }

    private static void Period(LocalDate? from, LocalDate? to, string at, List<Diagnostic> found)
    {
        if (from is { } f && to is { } t && t < f)
            found.Add(new("case.period-order", $"The period ends ({t}) before it starts ({f}).", Field: at + ".to"));
    }

    private static readonly HashSet<string> DesertionStatuses = new(["deserted", "awol", "surrendered"], StringComparer.Ordinal);

    private static void CheckDesertion(CaseFile c, List<Diagnostic> found)
    {
        if (c.Desertion is not null && c.Military?.Status is { } status && !DesertionStatuses.Contains(status))
            found.Add(new("case.desertion-status",
                $"'desertion' is given but the military status at departure is '{status}'; it applies to deserted, awol or surrendered.",
                Field: "desertion", Severity: Severity.Warning));
    }

    private static void ForEach<T>(ValueList<T>? items, string path, Action<T, string> check)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
            check(items![i], $"{path}[{i}]");
    }
}
