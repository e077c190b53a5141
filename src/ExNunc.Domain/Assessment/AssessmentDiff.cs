using System.Collections.Immutable;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Knowledge;
using NodaTime;

namespace ExNunc.Domain.Assessment;

/// <summary>One finding that differs between two dates, and the entries whose validity made it differ.</summary>
public sealed record FindingChange(
    string Country,
    string Kind,
    string Id,
    string? Before,
    string? After,
    ImmutableArray<string> SourcesAdded,
    ImmutableArray<string> SourcesRemoved,
    ImmutableArray<string> Causes);

/// <summary>What changed for a person between two dates.</summary>
public sealed record AssessmentDiff(LocalDate From, LocalDate To, ImmutableArray<FindingChange> Changes);

/// <summary>A date on which the person's assessment changes, with what changed.</summary>
public sealed record TimelineStep(LocalDate Date, ImmutableArray<FindingChange> Changes);

/// <summary>Compares assessments of one case at different dates.</summary>
public static class Comparisons
{
    public static AssessmentDiff Diff(AssessmentEngine engine, CaseFile @case, LocalDate from, LocalDate to, IReadOnlyList<string>? destinations = null)
    {
        var before = engine.Assess(@case, from, destinations);
        var after = engine.Assess(@case, to, destinations);
        return new AssessmentDiff(from, to, Changes(engine.Book.Knowledge, before, after));
    }

    /// <summary>
    /// Every date in (from, to] on which the assessment differs from the day before. Candidate dates
    /// are the boundaries of every period in the knowledge base and the person's birthdays; between
    /// them nothing the engine reads can change.
    /// </summary>
    public static ImmutableArray<TimelineStep> Timeline(AssessmentEngine engine, CaseFile @case, LocalDate from, LocalDate to, IReadOnlyList<string>? destinations = null)
    {
        var kb = engine.Book.Knowledge;
        var candidates = new SortedSet<LocalDate>(Boundaries(kb).Concat(Birthdays(@case, from, to)).Where(d => d > from && d <= to));
        var steps = ImmutableArray.CreateBuilder<TimelineStep>();
        var previous = engine.Assess(@case, from, destinations);
        foreach (var date in candidates)
        {
            var current = engine.Assess(@case, date, destinations);
            var changes = Changes(kb, previous, current);
            if (!changes.IsEmpty) steps.Add(new TimelineStep(date, changes));
            previous = current;
        }
        return steps.ToImmutable();
    }

    public static ImmutableArray<FindingChange> Changes(KnowledgeBase kb, AssessmentResult before, AssessmentResult after)
    {
        var result = ImmutableArray.CreateBuilder<FindingChange>();
        var countries = before.Destinations.Select(d => d.Country).Union(after.Destinations.Select(d => d.Country)).Order(StringComparer.Ordinal);
        foreach (var country in countries)
        {
            var b = Index(before.Destinations.FirstOrDefault(d => d.Country == country));
            var a = Index(after.Destinations.FirstOrDefault(d => d.Country == country));
            foreach (var key in b.Keys.Union(a.Keys).Order(StringComparer.Ordinal))
            {
                b.TryGetValue(key, out var old);
                a.TryGetValue(key, out var @new);
                var oldSources = old?.AllSources ?? [];
                var newSources = @new?.AllSources ?? [];
                var added = newSources.Except(oldSources).Order(StringComparer.Ordinal).ToImmutableArray();
                var removed = oldSources.Except(newSources).Order(StringComparer.Ordinal).ToImmutableArray();
                if (old?.Status == @new?.Status && added.IsEmpty && removed.IsEmpty) continue;
                var involved = (old?.Entries ?? []).Union(@new?.Entries ?? []);
                var causes = involved
                    .Where(id => kb.Find(id) is { } e && ChangesBetween(e, before.AsOf, after.AsOf))
                    .Order(StringComparer.Ordinal).ToImmutableArray();
                var (kind, id) = Split(key);
                result.Add(new FindingChange(country, kind, id, old?.Status ?? (old is null ? null : "present"),
                    @new?.Status ?? (@new is null ? null : "present"), added, removed, causes));
            }
        }
        return result.ToImmutable();
    }

    private sealed record Snapshot(string? Status, ImmutableHashSet<string> AllSources, ImmutableHashSet<string> Entries);

    private static Dictionary<string, Snapshot> Index(DestinationAssessment? d)
    {
        var map = new Dictionary<string, Snapshot>(StringComparer.Ordinal);
        if (d is null) return map;
        foreach (var f in d.AllFindings())
        {
            var key = f is ElementFinding el ? $"element|{el.Ground}/{el.Id}" : $"{f.Kind}|{f.Id}";
            var sources = f is ObjectionFinding o ? f.Sources.Concat(o.Rebuttals.SelectMany(r => r.Sources.Select(s => $"{r.Id}:{s}"))) : f.Sources;
            var entries = f.Sources.Concat(Entries(f.Derivation));
            if (f is ObjectionFinding ob) entries = entries.Concat(ob.Rebuttals.SelectMany(r => r.Sources.Append(r.Id)));
            map[key] = new Snapshot(f.Status ?? "present", [.. sources], [.. entries]);
        }
        return map;
    }

    private static IEnumerable<string> Entries(Derivation d) =>
        d.Entries.Append(d.Source).Concat(d.Children.SelectMany(Entries));

    private static (string Kind, string Id) Split(string key)
    {
        var bar = key.IndexOf('|', StringComparison.Ordinal);
        return (key[..bar], key[(bar + 1)..]);
    }

    /// <summary>True when the entry (or one of its dated parts) starts or stops applying in (from, to].</summary>
    private static bool ChangesBetween(KbEntry e, LocalDate from, LocalDate to)
    {
        var (lo, hi) = from <= to ? (from, to) : (to, from);
        return EntryBoundaries(e).Any(d => d > lo && d <= hi);
    }

    private static IEnumerable<LocalDate> Boundaries(KnowledgeBase kb) => kb.Entries.SelectMany(EntryBoundaries);

    private static IEnumerable<LocalDate> EntryBoundaries(KbEntry e)
    {
        var periods = e.Periods.AsEnumerable();
        periods = e.Details switch
        {
            PathwayDetails p => periods.Concat(p.States.Select(s => s.Period)),
            RussianLawDetails r => periods.Concat(r.Penalties.Select(p => p.Period)),
            ParameterDetails v => periods.Concat(v.Values.Select(x => x.Period)),
            _ => periods,
        };
        return periods.SelectMany(p => p.Boundaries());
    }

    private static IEnumerable<LocalDate> Birthdays(CaseFile @case, LocalDate from, LocalDate to)
    {
        if (@case.Person?.Born is not { } born) yield break;
        for (var year = from.Year; year <= to.Year; year++)
        {
            yield return new LocalDate(year, 1, 1);
            if (born.IsFullDate)
            {
                var month = born.Month!.Value;
                var day = Math.Min(born.Day!.Value, CalendarSystem.Iso.GetDaysInMonth(year, month));
                yield return new LocalDate(year, month, day);
            }
        }
    }
}
