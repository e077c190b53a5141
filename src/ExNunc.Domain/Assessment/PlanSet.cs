using System.Collections.Immutable;
using ExNunc.Domain.Knowledge;
using NodaTime;

namespace ExNunc.Domain.Assessment;

/// <summary>
/// The destination plans of one date, built the first time a destination is asked for and kept.
/// Element, ground, objection and conclusion plans that come out alike for several destinations
/// are interned: one instance, one slot in a case's memo.
/// </summary>
internal sealed class PlanSet(RuleBook book, LocalDate asOf)
{
    private readonly KnowledgeBase _kb = book.Knowledge;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DestinationPlan> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ElementPlan> _elements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroundPlan> _grounds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectionPlan> _objections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConclusionPlan> _conclusions = new(StringComparer.Ordinal);

    /// <summary>How many slots each kind of plan uses; a case's memo arrays are this large.</summary>
    internal readonly record struct Slots(int Elements, int Grounds, int Objections, int Conclusions);

    public LocalDate AsOf { get; } = asOf;

    public (DestinationPlan[] Plans, Slots Slots) For(IReadOnlyList<string> destinations)
    {
        lock (_gate)
        {
            var plans = new DestinationPlan[destinations.Count];
            for (var i = 0; i < plans.Length; i++)
                if (!_plans.TryGetValue(destinations[i], out plans[i]!)) _plans[destinations[i]] = plans[i] = Build(destinations[i]);
            return (plans, new Slots(_elements.Count, _grounds.Count, _objections.Count, _conclusions.Count));
        }
    }

    private DestinationPlan Build(string destination)
    {
        var rules = new List<PlannedRule>();
        foreach (var rule in book.Rules)
            if (InScope(rule.Entry, destination))
            {
                var cites = Cite(_kb, rule.Entry.Because, destination, AsOf);
                rules.Add(new PlannedRule(rule, cites, cites.IsEmpty ? [rule.Entry.Id] : cites));
            }

        var grounds = ImmutableArray.CreateBuilder<GroundPlan>();
        foreach (var ground in _kb.Entries)
        {
            if (ground is not { Kind: EntryKind.Ground, Details: GroundDetails details } || !InScope(ground, destination)) continue;
            var elements = details.Elements.Select(element =>
            {
                var concluding = RulesFor(rules, ground.Id, element.Id);
                return Intern(_elements, ElementKey(ground, element, concluding), slot => new ElementPlan(slot, ground, element, $"{ground.Id}/{element.Id}", concluding));
            }).ToImmutableArray();
            var cites = Cite(_kb, ground.Because, destination, AsOf);
            var key = $"{ground.Id}|{string.Join(",", cites)}|{string.Join(",", elements.Select(e => e.Slot))}";
            grounds.Add(Intern(_grounds, key, slot => new GroundPlan(slot, ground, details, elements, cites, cites.IsEmpty ? [ground.Id] : cites)));
        }

        var objections = ImmutableArray.CreateBuilder<ObjectionPlan>();
        var raised = rules.Select(r => r.Rule.Details.Then).OfType<ObjectionConclusion>().Select(o => o.Objection).Distinct().Order(StringComparer.Ordinal);
        foreach (var id in raised)
        {
            var raisers = ById(rules.Where(r => r.Rule.Details.Then is ObjectionConclusion o && o.Objection == id));
            var rebuttals = book.Rebuttals
                .Where(r => r.Details.Answers == id && InScope(r.Entry, destination))
                .Select(r => new PlannedRebuttal(r, Cite(_kb, r.Details.Cites, destination, AsOf)))
                .Where(r => !r.Cites.IsEmpty) // nothing citable on the date: the rebuttal cannot be made
                .OrderBy(r => r.Rebuttal.Entry.Id, StringComparer.Ordinal).ToImmutableArray();
            var key = $"{id}|{RulesKey(raisers)}|{string.Join(";", rebuttals.Select(r => $"{r.Rebuttal.Entry.Id}:{string.Join(",", r.Cites)}"))}";
            var objection = _kb.Find(id) ?? throw new InvalidOperationException($"Objection '{id}' is not in the knowledge base.");
            objections.Add(Intern(_objections, key, slot => new ObjectionPlan(slot, objection, raisers, rebuttals)));
        }

        var concluding = rules.Where(r => r.Rule.Details.Then is ExposureConclusion or GapConclusion).ToImmutableArray();
        var conclusions = Intern(_conclusions, RulesKey(concluding), slot => new ConclusionPlan(slot, concluding));

        return new DestinationPlan(destination, grounds.ToImmutable(), objections.ToImmutable(), conclusions, Pathways(destination), Practice(destination));
    }

    private ImmutableArray<PathwayPlan> Pathways(string destination)
    {
        var result = new List<PathwayPlan>();
        foreach (var p in book.Pathways)
        {
            if (!p.Entry.Jurisdictions.Contains(destination) || !p.Entry.AppliesOn(AsOf)) continue;
            var period = p.Details.States.FirstOrDefault(s => s.Period.Contains(AsOf));
            if (period is null) continue;
            var sources = new[] { p.Entry.Id }.Concat(period.Because).Concat(Cite(_kb, p.Entry.Because, destination, AsOf)).Distinct().ToImmutableArray();
            var from = period.Period.From?.ToString() ?? "…";
            var word = Phrases.StateWord(period.State);
            var explanation = period.State == PathwayState.NotApplicable
                ? Phrases.NotApplicable(p.Entry.Title)
                : Phrases.Join([new($"{p.Entry.Title.En}: {word.En} (from {from}).", $"{p.Entry.Title.Ru}: {word.Ru} (с {from})."), period.Note ?? p.Entry.Summary]);
            result.Add(new PathwayPlan(p, period, sources, explanation, Phrases.NotApplicable(p.Entry.Title)));
        }
        return [.. result.OrderBy(p => p.Pathway.Entry.Id, StringComparer.Ordinal)];
    }

    private ImmutableArray<PracticePlan> Practice(string destination) =>
    [
        .. book.Practice
            .Where(p => p.Entry.Jurisdictions.Contains(destination) && p.Entry.AppliesOn(AsOf))
            .Select(p => new PracticePlan(p, new[] { p.Entry.Id }.Concat(Cite(_kb, p.Entry.Because, destination, AsOf)).Distinct().ToImmutableArray()))
            .OrderBy(p => p.Practice.Entry.Id, StringComparer.Ordinal),
    ];

    private static ImmutableArray<PlannedRule> RulesFor(List<PlannedRule> rules, string ground, string element) =>
        ById(rules.Where(r => r.Rule.Details.Then is ElementConclusion el && el.Ground == ground && el.Element == element));

    private static ImmutableArray<PlannedRule> ById(IEnumerable<PlannedRule> rules) =>
        [.. rules.OrderBy(r => r.Rule.Entry.Id, StringComparer.Ordinal)];

    private static string ElementKey(KbEntry ground, GroundElement element, ImmutableArray<PlannedRule> rules) =>
        $"{ground.Id}/{element.Id}|{RulesKey(rules)}";

    private static string RulesKey(IEnumerable<PlannedRule> rules) =>
        string.Join(";", rules.Select(r => $"{r.Rule.Entry.Id}:{string.Join(",", r.Cites)}"));

    private static T Intern<T>(Dictionary<string, T> plans, string key, Func<int, T> create)
    {
        if (!plans.TryGetValue(key, out var plan)) plans[key] = plan = create(plans.Count);
        return plan;
    }

    /// <summary>A rule, ground or rebuttal is used for a destination inside its jurisdiction (origin-country rules everywhere), on its dates.</summary>
    private bool InScope(KbEntry entry, string destination)
    {
        if (!entry.AppliesOn(AsOf)) return false;
        foreach (var j in entry.Jurisdictions)
            if (_kb.Covers(j, destination) || _kb.FindJurisdiction(j)?.Role == JurisdictionRole.Origin) return true;
        return false;
    }

    /// <summary>
    /// The cited entries that can be relied on as of the date for the destination: they apply on the
    /// date, and law of a group (EU, COE) is cited only for its members.
    /// </summary>
    public static ImmutableArray<string> Cite(KnowledgeBase kb, IEnumerable<string> ids, string destination, LocalDate asOf)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var id in ids)
        {
            var e = kb.Find(id);
            if (e is null || !e.AppliesOn(asOf)) continue;
            var usable = false;
            foreach (var j in e.Jurisdictions)
                if (kb.FindJurisdiction(j)?.Role != JurisdictionRole.Group || kb.Covers(j, destination)) { usable = true; break; }
            if (usable && !result.Contains(id)) result.Add(id);
        }
        return result.ToImmutable();
    }
}
