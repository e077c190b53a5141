using System.Collections.Immutable;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;

namespace ExNunc.Domain.Assessment;

// The destination's pathways and practice, and how the destinations are ranked.
public sealed partial class AssessmentEngine
{
    private static ImmutableArray<PathwayFinding> Pathways(CaseRun run, DestinationPlan plan)
    {
        var result = ImmutableArray.CreateBuilder<PathwayFinding>(plan.Pathways.Length);
        foreach (var p in plan.Pathways)
        {
            var applies = p.Pathway.AppliesWhen;
            var state = applies is not null && run.Outcome(applies) == Tri.False ? PathwayState.NotApplicable : p.Period.State;
            var entry = p.Pathway.Entry;
            result.Add(new PathwayFinding(entry.Id, state, state == PathwayState.NotApplicable ? p.NotApplicable : p.Explanation, p.Sources,
                new Derivation(entry.Id, entry.Title, Vocabulary.Of(state), p.Period.Because, [])
                { ConditionSource = applies is null ? null : new ConditionSource(run.Trees, applies, plan.Country) }));
        }
        return result.MoveToImmutable();
    }

    private static ImmutableArray<PracticeFinding> Practice(CaseRun run, DestinationPlan plan)
    {
        var result = ImmutableArray.CreateBuilder<PracticeFinding>();
        foreach (var p in plan.Practice)
        {
            var relevant = p.Practice.RelevantWhen;
            if (relevant is not null && run.Outcome(relevant) == Tri.False) continue;
            var entry = p.Practice.Entry;
            result.Add(new PracticeFinding(entry.Id, entry.Summary, p.Sources,
                new Derivation(entry.Id, entry.Title, "applies", [entry.Id], [])
                { ConditionSource = relevant is null ? null : new ConditionSource(run.Trees, relevant, plan.Country) }));
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// How good the prospects are: the best ground first; then national practice that supports an
    /// element there (a national rule that held), how many grounds are at least arguable, the
    /// pathways open, and the objections without an answer. The reason is one line per country.
    /// </summary>
    private (int Score, Bilingual Reason) Rank(
        string destination, ImmutableArray<GroundFinding> grounds, ImmutableArray<PathwayFinding> pathways,
        ImmutableArray<PracticeFinding> practice, ImmutableArray<ObjectionFinding> objections)
    {
        GroundFinding? best = null;
        int arguable = 0, national = 0;
        foreach (var g in grounds)
        {
            if (best is null || g.GroundStatus > best.GroundStatus || (g.GroundStatus == best.GroundStatus && string.CompareOrdinal(g.Id, best.Id) < 0)) best = g;
            if (g.GroundStatus >= GroundStatus.Arguable) arguable++;
            foreach (var e in g.Elements)
                if (e.Met == Tri.True)
                    foreach (var d in e.Derivation.Children)
                        if (_kb.Find(d.Source)?.Jurisdictions.Contains(destination) == true) national++;
        }
        var bestStatus = best?.GroundStatus ?? GroundStatus.NotMet;
        var open = pathways.Count(p => p.State == PathwayState.Open);
        var restricted = pathways.Count(p => p.State == PathwayState.Restricted);
        var unanswered = objections.Count(o => o.Rebuttals.IsEmpty);
        var score = (int)bestStatus * 100 + Math.Min(national, 3) * 15 + arguable * 10 + Math.Min(open, 3) * 4
            + Math.Min(restricted, 3) + (practice.IsEmpty ? -5 : 0) - objections.Length * 2 - unanswered * 5;
        return (score, Phrases.Ranking(bestStatus, best?.Id ?? "-", national, practice.Length, open, restricted, objections.Length, unanswered));
    }
}
