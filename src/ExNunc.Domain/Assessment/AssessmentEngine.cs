using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;
using NodaTime;

namespace ExNunc.Domain.Assessment;

/// <summary>
/// Assesses a case as of a date for destinations, from the compiled knowledge base alone. Pure and
/// deterministic: the same case, date and knowledge base give the same result, in the same order.
/// One engine may serve many threads.
/// </summary>
public sealed partial class AssessmentEngine(RuleBook book)
{
    // Plans depend on the date only; a timeline over many dates must not make them grow without bound.
    private const int PlanDatesKept = 256;

    private readonly KnowledgeBase _kb = book.Knowledge;
    private readonly ConcurrentDictionary<LocalDate, PlanSet> _plans = new();

    public RuleBook Book { get; } = book;

    /// <summary>Assesses <paramref name="destinations"/> (default: every destination in the KB), best prospects first.</summary>
    public AssessmentResult Assess(CaseFile @case, LocalDate asOf, IEnumerable<string>? destinations = null)
    {
        var targets = (destinations ?? _kb.Destinations).Distinct().ToList();
        var (plans, slots) = PlansOn(asOf).For(targets);
        var run = new CaseRun(Book, @case, asOf, slots);
        var results = new DestinationAssessment[plans.Length];
        for (var i = 0; i < plans.Length; i++) results[i] = AssessDestination(run, plans[i]);
        var ranked = results
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Country, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AssessmentResult(asOf, @case.Id, _kb.Version, _kb.Entries.Length, ranked);
    }

    /// <summary>
    /// The cited entries that can be relied on as of the date for the destination: they apply on the
    /// date, and law of a group (EU, COE) is cited only for its members.
    /// </summary>
    public ImmutableArray<string> Cite(IEnumerable<string> ids, string destination, LocalDate asOf) => PlanSet.Cite(_kb, ids, destination, asOf);

    private PlanSet PlansOn(LocalDate asOf)
    {
        if (_plans.TryGetValue(asOf, out var plans)) return plans;
        if (_plans.Count >= PlanDatesKept) _plans.Clear();
        return _plans.GetOrAdd(asOf, date => new PlanSet(Book, date));
    }

    private DestinationAssessment AssessDestination(CaseRun run, DestinationPlan plan)
    {
        run.Context.Destination = plan.Country;
        var grounds = ImmutableArray.CreateBuilder<GroundFinding>(plan.Grounds.Length);
        foreach (var g in plan.Grounds) grounds.Add(Ground(run, g, plan.Country));
        var objections = ImmutableArray.CreateBuilder<ObjectionFinding>();
        foreach (var o in plan.Objections)
            if (Objection(run, o, plan.Country) is { } raised) objections.Add(raised);
        var (exposure, ruleGaps) = Conclusions(run, plan.Conclusions, plan.Country);
        var pathways = Pathways(run, plan);
        var practice = Practice(run, plan);
        var groundFindings = grounds.MoveToImmutable();
        var gaps = ruleGaps.Concat(UnknownFactGaps(groundFindings)).DistinctBy(g => g.Id).ToArray();
        Array.Sort(gaps, (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var objectionFindings = objections.ToImmutable();
        var (score, ranking) = Rank(plan.Country, groundFindings, pathways, practice, objectionFindings);
        return new DestinationAssessment(plan.Country, score, ranking, pathways, groundFindings, practice, objectionFindings,
            ImmutableCollectionsMarshal.AsImmutableArray(gaps), ImmutableCollectionsMarshal.AsImmutableArray(exposure));
    }

    /// <summary>How a rule that held (or was unknown) contributes to a derivation; its tree is traced when asked for.</summary>
    private static Derivation Derive(CaseRun run, PlannedRule rule, Tri outcome, string destination, int item = -1) =>
        new(rule.Rule.Entry.Id, rule.Rule.Entry.Title, Vocabulary.Of(outcome), rule.Cites, [])
        { ConditionSource = new ConditionSource(run.Trees, rule.Rule, destination, item) };
}
