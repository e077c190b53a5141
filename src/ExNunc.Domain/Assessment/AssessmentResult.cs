using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;
using NodaTime;

namespace ExNunc.Domain.Assessment;

/// <summary>The assessment of one case as of one date, per destination (contract: docs/assessment-json.md).</summary>
public sealed record AssessmentResult(
    LocalDate AsOf,
    string CaseId,
    string KbVersion,
    int KbEntries,
    ImmutableArray<DestinationAssessment> Destinations);

public sealed record DestinationAssessment(
    string Country,
    int Score,
    Bilingual Ranking,
    ImmutableArray<PathwayFinding> Pathways,
    ImmutableArray<GroundFinding> Grounds,
    ImmutableArray<PracticeFinding> Practice,
    ImmutableArray<ObjectionFinding> Objections,
    ImmutableArray<GapFinding> Gaps,
    ImmutableArray<ExposureFinding> Exposure)
{
    /// <summary>Every finding of this destination, for lookups by id (explain, diff).</summary>
    public IEnumerable<Finding> AllFindings() =>
        Pathways.Cast<Finding>().Concat(Grounds).Concat(Grounds.SelectMany(g => g.Elements)).Concat(Practice)
            .Concat(Objections).Concat(Gaps).Concat(Exposure);
}

/// <summary>
/// Why a finding holds: the rule or entry that produced it, the outcome of its condition with the
/// facts it read, the knowledge-base entries relied on, and the findings it was built from.
/// </summary>
public sealed record Derivation(
    string Source,
    Bilingual Title,
    string Outcome,
    ImmutableArray<string> Entries,
    ImmutableArray<Derivation> Children)
{
    internal ConditionSource? ConditionSource { get; init; }

    /// <summary>The condition's derivation tree with the facts it read; traced when first asked for.</summary>
    public ConditionNode? Condition => ConditionSource?.Node;
}

/// <summary>Common shape of every finding.</summary>
public abstract record Finding(string Id, Bilingual Explanation, ImmutableArray<string> Sources, Derivation Derivation)
{
    private string[]? _facts;

    /// <summary>The kind of finding, as used in diffs and in <c>--explain</c>.</summary>
    public abstract string Kind { get; }
    /// <summary>The status in the contract's words; null where the finding has none.</summary>
    public abstract string? Status { get; }

    /// <summary>Case paths the finding relied on: those its derivation read, worked out when first asked for.</summary>
    public ImmutableArray<string> Facts
    {
        get => ImmutableCollectionsMarshal.AsImmutableArray(_facts ??= FactsOf(Derivation, FactsInPathOrder));
        init => _facts = ImmutableCollectionsMarshal.AsArray(value) ?? [];
    }

    /// <summary>A finding built from several conditions lists their facts in path order; one condition, in reading order.</summary>
    private protected virtual bool FactsInPathOrder => true;

    private static string[] FactsOf(Derivation derivation, bool inPathOrder)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var facts = new List<string>();
        void Walk(Derivation d)
        {
            if (d.Condition is { } condition)
                foreach (var f in condition.AllFacts())
                    if (seen.Add(f.Path)) facts.Add(f.Path);
            foreach (var child in d.Children) Walk(child);
        }
        Walk(derivation);
        if (inPathOrder) facts.Sort(StringComparer.Ordinal);
        return [.. facts];
    }
}

public sealed record PathwayFinding(string Id, PathwayState State, Bilingual Explanation, ImmutableArray<string> Sources, Derivation Derivation)
    : Finding(Id, Explanation, Sources, Derivation)
{
    public override string Kind => "pathway";
    public override string? Status => Vocabulary.Of(State);
    private protected override bool FactsInPathOrder => false;
}

public sealed record ElementFinding(string Id, string Ground, Tri Met, Support? Support, Bilingual Explanation, ImmutableArray<string> Sources, Derivation Derivation)
    : Finding(Id, Explanation, Sources, Derivation)
{
    public override string Kind => "element";
    /// <summary>Case paths that were unknown where the element could not be decided.</summary>
    public ImmutableArray<string> UnknownFacts { get; init; } = [];
    public override string? Status => Met switch { Tri.True => "met", Tri.False => "unmet", _ => "unknown" };
}

public enum GroundStatus { NotMet, Weak, Arguable, Strong }

public sealed record GroundFinding(string Id, GroundStatus GroundStatus, ImmutableArray<ElementFinding> Elements, Bilingual Explanation, ImmutableArray<string> Sources, Derivation Derivation)
    : Finding(Id, Explanation, Sources, Derivation)
{
    public override string Kind => "ground";
    public override string? Status => Vocabulary.Of(GroundStatus);
}

public sealed record PracticeFinding(string Id, Bilingual Summary, ImmutableArray<string> Sources, Derivation Derivation)
    : Finding(Id, Summary, Sources, Derivation)
{
    public override string Kind => "practice";
    public override string? Status => null;
    private protected override bool FactsInPathOrder => false;
}

public sealed record RebuttalFinding(string Id, Bilingual Text, ImmutableArray<string> Sources);

public sealed record ObjectionFinding(string Id, ImmutableArray<RebuttalFinding> Rebuttals, Bilingual Explanation, ImmutableArray<string> Sources, Derivation Derivation)
    : Finding(Id, Explanation, Sources, Derivation)
{
    public override string Kind => "objection";
    public override string? Status => Rebuttals.IsEmpty ? "unanswered" : "rebutted";
}

public sealed record GapFinding(string Id, string Fact, Bilingual Need, Bilingual Explanation, ImmutableArray<string> Sources, Derivation Derivation)
    : Finding(Id, Explanation, Sources, Derivation)
{
    public override string Kind => "gap";
    public override string? Status => null;
    private protected override bool FactsInPathOrder => false;
}

public sealed record ExposureFinding(string Article, Bilingual Penalty, Bilingual Explanation, ImmutableArray<string> Sources, Derivation Derivation)
    : Finding(Article, Explanation, Sources, Derivation)
{
    public override string Kind => "exposure";
    public override string? Status => null;
}

/// <summary>The contract's words for statuses.</summary>
public static class Vocabulary
{
    public static string Of(PathwayState s) => s switch
    {
        PathwayState.Open => "open",
        PathwayState.Restricted => "restricted",
        PathwayState.Closed => "closed",
        _ => "not-applicable",
    };

    public static string Of(GroundStatus s) => s switch
    {
        GroundStatus.Strong => "strong",
        GroundStatus.Arguable => "arguable",
        GroundStatus.Weak => "weak",
        _ => "not-met",
    };

    public static string Of(Tri t) => t switch { Tri.True => "true", Tri.False => "false", _ => "unknown" };
}
