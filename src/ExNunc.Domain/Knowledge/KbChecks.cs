using System.Text.RegularExpressions;
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Diagnostics;

namespace ExNunc.Domain.Knowledge;

/// <summary>
/// Validation of the knowledge base as a whole: unique ids, references that resolve, sane and
/// non-overlapping periods, sources on every entry, both languages, and no decisive reasoning that
/// rests on an unconfirmed fact. Conditions are checked when the rules are compiled.
/// </summary>
public static partial class KbChecks
{
    private static readonly EntryKind[] ReasoningKinds =
        [EntryKind.Pathway, EntryKind.Ground, EntryKind.Objection, EntryKind.Rebuttal, EntryKind.Rule, EntryKind.Parameter, EntryKind.Fact];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    public static IEnumerable<Diagnostic> Duplicates(IEnumerable<KbEntry> entries, IEnumerable<Jurisdiction> jurisdictions)
    {
        foreach (var group in entries.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var dup in group.Skip(1))
                yield return new Diagnostic("entry.duplicate-id", $"The id '{dup.Id}' is already used at {first.Location}.", dup.Location, "id");
        }
        foreach (var group in jurisdictions.GroupBy(j => j.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return new Diagnostic("jurisdiction.duplicate", $"The jurisdiction '{group.Key}' is listed more than once.", group.Skip(1).First().Location, "code");
    }

    public static IEnumerable<Diagnostic> Check(KnowledgeBase kb)
    {
        foreach (var j in kb.Jurisdictions)
            foreach (var parent in j.MemberOf)
                if (kb.FindJurisdiction(parent) is null)
                    yield return new Diagnostic("jurisdiction.unknown", $"'{j.Code}' is a member of '{parent}', which is not listed.", j.Location, "member_of");

        foreach (var e in kb.Entries)
            foreach (var d in CheckEntry(kb, e))
                yield return d;

        foreach (var d in Contradictions(kb)) yield return d;
    }

    /// <summary>
    /// Two entries about the same measure whose periods overlap must give it the same state; and a
    /// pathway state must rest on entries that apply at least at the start of that state.
    /// </summary>
    private static IEnumerable<Diagnostic> Contradictions(KnowledgeBase kb)
    {
        var measures = kb.Entries
            .Where(e => e.Details is PracticeDetails { Measure: not null })
            .GroupBy(e => ((PracticeDetails)e.Details!).Measure!, StringComparer.Ordinal);
        foreach (var group in measures)
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    var (sa, sb) = (((PracticeDetails)a.Details!).State, ((PracticeDetails)b.Details!).State);
                    if (sa == sb) continue;
                    foreach (var pa in a.Periods)
                        foreach (var pb in b.Periods)
                            if (pa.IsSane && pb.IsSane && pa.Overlaps(pb))
                                yield return new Diagnostic("measure.contradiction",
                                    $"{a.Id} says measure '{group.Key}' is {sa ?? "unstated"} during {pa}, but {b.Id} ({b.Location}) says {sb ?? "unstated"} during {pb}.",
                                    a.Location, "measure");
                }
        }

        foreach (var e in kb.Entries)
        {
            if (e.Details is not PathwayDetails pathway) continue;
            foreach (var state in pathway.States)
                foreach (var id in state.Because)
                    if (kb.Find(id) is { } basis && state.Period.FirstDay is { } start && !basis.AppliesOn(start) && !basis.Periods.Any(p => p.FirstDay is { } f && state.Period.Contains(f)))
                        yield return new Diagnostic("pathway.basis-out-of-period",
                            $"{e.Id}: the {state.State.ToString().ToLowerInvariant()} state from {state.Period} rests on '{id}', which applies only {string.Join(", ", basis.Periods)}.",
                            state.Location, "states.because", Severity.Warning);
        }
    }

    private static IEnumerable<Diagnostic> CheckEntry(KnowledgeBase kb, KbEntry e)
    {
        Diagnostic Err(string code, string message, string? field = null) => new(code, $"{e.Id}: {message}", e.Location, field);

        if (!IdPattern().IsMatch(e.Id)) yield return Err("entry.id", "ids use lower-case letters, digits and single dashes.", "id");
        foreach (var j in e.Jurisdictions)
            if (kb.FindJurisdiction(j) is null)
                yield return Err("entry.jurisdiction", $"unknown jurisdiction '{j}' (see kb/jurisdictions.yaml).", "jurisdiction");

        foreach (var d in Periods(e.Periods, "from/to", Err)) yield return d;

        var reasoning = ReasoningKinds.Contains(e.Kind);
        var cited = e.Details is RebuttalDetails { Cites.IsEmpty: false };
        if (e.Sources.IsEmpty && (!reasoning || (e.Because.IsEmpty && !cited)))
            yield return Err("entry.source", reasoning ? "needs at least one source, 'because' or 'cites' reference." : "needs at least one source.", "sources");
        foreach (var s in e.Sources)
        {
            if (string.IsNullOrWhiteSpace(s.Title) || string.IsNullOrWhiteSpace(s.Publisher))
                yield return Err("source.incomplete", "every source needs a title and a publisher.", "sources");
            if (s.Url is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
                yield return Err("source.url", $"'{url}' is not an absolute URL.", "sources");
        }

        foreach (var id in e.Because)
            foreach (var d in Reference(kb, e, id, "because", decisive: reasoning)) yield return d;

        switch (e.Details)
        {
            case RussianLawDetails law:
                var expected = law.Code == "other" ? null : $"ru-{law.Code}-{law.Article.Replace('.', '-')}";
                if (expected is not null && e.Id != expected)
                    yield return Err("russian-law.id", $"the id of {law.Code} article {law.Article} must be '{expected}'.", "id");
                if (law.Penalties.IsEmpty) yield return Err("russian-law.penalties", "needs at least one penalty period.", "penalties");
                foreach (var part in law.Penalties.GroupBy(p => p.Part ?? ""))
                    foreach (var d in Periods([.. part.Select(p => p.Period)], "penalties", Err)) yield return d;
                break;
            case PathwayDetails pathway:
                if (pathway.States.IsEmpty) yield return Err("pathway.states", "needs at least one state.", "states");
                foreach (var d in Periods([.. pathway.States.Select(s => s.Period)], "states", Err)) yield return d;
                foreach (var s in pathway.States)
                {
                    if (s.Because.IsEmpty) yield return Err("pathway.because", $"the state from {s.Period} needs a 'because'.", "states");
                    foreach (var id in s.Because)
                        foreach (var d in Reference(kb, e, id, "states.because", decisive: true)) yield return d;
                }
                break;
            case GroundDetails ground:
                foreach (var dup in ground.Elements.GroupBy(x => x.Id).Where(g => g.Count() > 1))
                    yield return Err("ground.element", $"the element '{dup.Key}' is listed twice.", "elements");
                if (!ground.Elements.Any(x => x.Role == ElementRole.Route))
                    yield return Err("ground.element", "needs at least one route element.", "elements");
                break;
            case RebuttalDetails rebuttal:
                if (kb.Find(rebuttal.Answers) is not { Kind: EntryKind.Objection })
                    yield return Err("reference.unresolved", $"answers '{rebuttal.Answers}', which is not an objection.", "answers");
                if (rebuttal.Cites.IsEmpty) yield return Err("rebuttal.cites", "must cite at least one entry.", "cites");
                foreach (var id in rebuttal.Cites)
                    foreach (var d in Reference(kb, e, id, "cites", decisive: true)) yield return d;
                break;
            case RuleDetails rule:
                foreach (var d in Conclusion(kb, e, rule.Then)) yield return d;
                break;
            case ParameterDetails parameter:
                if (parameter.Values.IsEmpty) yield return Err("parameter.values", "needs at least one value.", "values");
                foreach (var d in Periods([.. parameter.Values.Select(v => v.Period)], "values", Err)) yield return d;
                break;
        }
    }

    private static IEnumerable<Diagnostic> Conclusion(KnowledgeBase kb, KbEntry e, RuleConclusion then)
    {
        Diagnostic Err(string message) => new("reference.unresolved", $"{e.Id}: {message}", e.Location, "then");
        switch (then)
        {
            case ElementConclusion el:
                if (kb.Find(el.Ground)?.Details is not GroundDetails g) yield return Err($"'{el.Ground}' is not a ground.");
                else if (!g.Elements.Any(x => x.Id == el.Element)) yield return Err($"the ground '{el.Ground}' has no element '{el.Element}'.");
                break;
            case ObjectionConclusion o when kb.Find(o.Objection) is not { Kind: EntryKind.Objection }:
                yield return Err($"'{o.Objection}' is not an objection.");
                break;
            case ExposureConclusion x when !x.Article.Contains('{', StringComparison.Ordinal) && kb.Find(x.Article) is not { Kind: EntryKind.RussianLaw }:
                yield return Err($"'{x.Article}' is not a Russian article in the knowledge base.");
                break;
        }
    }

    private static IEnumerable<Diagnostic> Reference(KnowledgeBase kb, KbEntry e, string id, string field, bool decisive)
    {
        var target = kb.Find(id);
        if (target is null)
            yield return new Diagnostic("reference.unresolved", $"{e.Id}: '{id}' in '{field}' is not an entry of the knowledge base.", e.Location, field);
        else if (decisive && target.Certainty == Certainty.Unconfirmed)
            yield return new Diagnostic("reference.unconfirmed", $"{e.Id}: relies on '{id}', which is unconfirmed; decisive reasoning may not depend on it.", e.Location, field);
    }

    private static IEnumerable<Diagnostic> Periods(IReadOnlyList<ValidityPeriod> periods, string field, Func<string, string, string?, Diagnostic> err)
    {
        foreach (var p in periods)
            if (!p.IsSane) yield return err("period.inverted", $"the period {p} ends before it starts.", field);
        for (var i = 0; i < periods.Count; i++)
            for (var j = i + 1; j < periods.Count; j++)
                if (periods[i].IsSane && periods[j].IsSane && periods[i].Overlaps(periods[j]))
                    yield return err("period.overlap", $"the periods {periods[i]} and {periods[j]} overlap.", field);
    }
}
