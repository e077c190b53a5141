using System.Collections.Immutable;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;

namespace ExNunc.Domain.Assessment;

// What the knowledge base brings to bear on one destination on one date, worked out once per date
// rather than per case: which rules, grounds, rebuttals, pathways and practice are in scope, and
// what each of them may cite there. Plans that come out the same for several destinations are one
// instance with one slot, so a case's findings for them are worked out once and reused.

/// <summary>A rule in scope, with the entries it relies on that can be cited for the destination on the date.</summary>
internal sealed record PlannedRule(CompiledRule Rule, ImmutableArray<string> Cites, ImmutableArray<string> CitesOrSelf)
{
    public bool UsesDestination => Rule.When.UsesDestination;
    /// <summary><see cref="CitesOrSelf"/> in ordinal order, once each: as findings list their sources.</summary>
    public ImmutableArray<string> SortedCitesOrSelf { get; } = [.. CitesOrSelf.Distinct().Order(StringComparer.Ordinal)];
}

/// <summary>An element of a ground with the rules in scope that conclude it, by id.</summary>
internal sealed record ElementPlan(int Slot, KbEntry Ground, GroundElement Element, string DerivationId, ImmutableArray<PlannedRule> Rules)
{
    /// <summary>No rule of the element mentions the destination: its finding is the same wherever the plan is.</summary>
    public bool Shared { get; } = Rules.All(r => !r.UsesDestination);

    /// <summary>The finding when no rule holds or is unknown: the same for every case.</summary>
    public ElementFinding Unmet { get; } = new(Element.Id, Ground.Id, Tri.False, null, Phrases.ElementUnmet(Element.Title), [],
        new Derivation(DerivationId, Element.Title, Vocabulary.Of(Tri.False), [], []));
}

internal sealed record GroundPlan(int Slot, KbEntry Ground, GroundDetails Details, ImmutableArray<ElementPlan> Elements, ImmutableArray<string> Cites, ImmutableArray<string> CitesOrSelf)
{
    public bool Shared { get; } = Elements.All(e => e.Shared);
    public ImmutableArray<string> SortedCitesOrSelf { get; } = [.. CitesOrSelf.Distinct().Order(StringComparer.Ordinal)];
}

internal sealed record PlannedRebuttal(CompiledRebuttal Rebuttal, ImmutableArray<string> Cites);

/// <summary>An objection with the rules in scope that raise it and the rebuttals that can answer it there, by id.</summary>
internal sealed record ObjectionPlan(int Slot, KbEntry Objection, ImmutableArray<PlannedRule> Raisers, ImmutableArray<PlannedRebuttal> Rebuttals)
{
    public bool Shared { get; } = Raisers.All(r => !r.UsesDestination) && Rebuttals.All(r => r.Rebuttal.When?.UsesDestination != true);
}

/// <summary>The exposure and gap rules in scope, in the knowledge base's order.</summary>
internal sealed record ConclusionPlan(int Slot, ImmutableArray<PlannedRule> Rules)
{
    public bool Shared { get; } = Rules.All(r => !r.UsesDestination);
}

/// <summary>A pathway of the destination in the state it has on the date, with both ways its finding can read.</summary>
internal sealed record PathwayPlan(CompiledPathway Pathway, PathwayStatePeriod Period, ImmutableArray<string> Sources, Bilingual Explanation, Bilingual NotApplicable);

internal sealed record PracticePlan(CompiledPractice Practice, ImmutableArray<string> Sources);

internal sealed record DestinationPlan(
    string Country,
    ImmutableArray<GroundPlan> Grounds,
    ImmutableArray<ObjectionPlan> Objections,
    ConclusionPlan Conclusions,
    ImmutableArray<PathwayPlan> Pathways,
    ImmutableArray<PracticePlan> Practice);
