using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;

namespace ExNunc.Domain.Assessment;

// Grounds and their elements: what the rules in scope conclude about each, and how strong the ground is.
public sealed partial class AssessmentEngine
{
    private static GroundFinding Ground(CaseRun run, GroundPlan plan, string destination)
    {
        if (plan.Shared && run.Grounds[plan.Slot] is { } known) return known;
        var details = plan.Details;
        var elements = new ElementFinding[plan.Elements.Length];
        var derivations = new Derivation[elements.Length];
        for (var i = 0; i < elements.Length; i++) derivations[i] = (elements[i] = Element(run, plan.Elements[i], destination)).Derivation;

        var status = Status(details, elements);
        run.AddSources(plan.SortedCitesOrSelf);
        var metRoutes = new List<Bilingual>();
        GroundElement? unmetRequirement = null;
        for (var i = 0; i < elements.Length; i++)
        {
            if (elements[i].Met == Tri.True) run.AddSources(elements[i].Sources);
            var element = details.Elements[i];
            if (element.Role == ElementRole.Route && elements[i].Met == Tri.True) metRoutes.Add(element.Title);
            if (element.Role == ElementRole.Requirement && elements[i].Met == Tri.False) unmetRequirement ??= element;
        }
        var summary = Phrases.GroundSummary(plan.Ground.Title, status, metRoutes);
        var explanation = unmetRequirement is null ? summary : Phrases.Join([summary, Phrases.RequirementUnmet(unmetRequirement.Title)]);
        var derivation = new Derivation(plan.Ground.Id, plan.Ground.Title, Vocabulary.Of(status), plan.Cites, ImmutableCollectionsMarshal.AsImmutableArray(derivations));
        var finding = new GroundFinding(plan.Ground.Id, status, ImmutableCollectionsMarshal.AsImmutableArray(elements), explanation, run.TakeSources(), derivation);
        if (plan.Shared) run.Grounds[plan.Slot] = finding;
        return finding;
    }

    private static ElementFinding Element(CaseRun run, ElementPlan plan, string destination)
    {
        if (plan.Shared && run.Elements[plan.Slot] is { } known) return known;
        var rules = plan.Rules;
        Span<Tri> outcomes = rules.Length <= 64 ? stackalloc Tri[rules.Length] : new Tri[rules.Length];
        var met = Tri.False;
        for (var i = 0; i < outcomes.Length; i++) met = TriLogic.Or(met, outcomes[i] = run.Outcome(rules[i].Rule));
        var finding = met == Tri.False ? plan.Unmet : Holding(run, plan, outcomes, met, destination);
        if (plan.Shared) run.Elements[plan.Slot] = finding;
        return finding;
    }

    /// <summary>An element met or unknown: the rules with that outcome are its reasons.</summary>
    private static ElementFinding Holding(CaseRun run, ElementPlan plan, ReadOnlySpan<Tri> outcomes, Tri met, string destination)
    {
        var relevant = 0;
        foreach (var outcome in outcomes)
            if (outcome == met) relevant++;
        Support? support = null;
        var derivations = new Derivation[relevant];
        var summaries = new Bilingual[relevant];
        var unknownFacts = new List<string>();
        for (int i = 0, k = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i] != met) continue;
            var rule = plan.Rules[i];
            var conclusion = (ElementConclusion)rule.Rule.Details.Then;
            if (met == Tri.True && (support is null || conclusion.Support > support)) support = conclusion.Support;
            derivations[k] = Derive(run, rule, met, destination);
            summaries[k++] = rule.Rule.Entry.Summary;
            run.AddSources(rule.SortedCitesOrSelf);
            // What is unknown is part of the finding itself (its explanation, the gaps), so it is found out now.
            if (met == Tri.Unknown)
                foreach (var path in rule.Rule.When.UnknownFacts(run.Context))
                    if (!unknownFacts.Contains(path)) unknownFacts.Add(path);
        }
        var title = plan.Element.Title;
        var explanation = met == Tri.True ? Phrases.ElementMet(title, summaries) : Phrases.ElementUnknown(title, unknownFacts);
        return new ElementFinding(plan.Element.Id, plan.Ground.Id, met, support, explanation, run.TakeSources(),
            new Derivation(plan.DerivationId, title, Vocabulary.Of(met), [], ImmutableCollectionsMarshal.AsImmutableArray(derivations)))
        { UnknownFacts = [.. unknownFacts] };
    }

    /// <summary>
    /// A ground is not met when a requirement is not; otherwise it is as strong as the best route met,
    /// weak when no route is met but one is unknown, and at most arguable while a requirement is unknown.
    /// </summary>
    private static GroundStatus Status(GroundDetails details, ElementFinding[] elements)
    {
        Support? best = null;
        bool routeUnknown = false, requirementUnknown = false;
        for (var i = 0; i < elements.Length; i++)
        {
            var e = elements[i];
            if (details.Elements[i].Role == ElementRole.Requirement)
            {
                if (e.Met == Tri.False) return GroundStatus.NotMet;
                requirementUnknown |= e.Met == Tri.Unknown;
            }
            else if (e.Met == Tri.True && (best is null || e.Support > best)) best = e.Support;
            else routeUnknown |= e.Met == Tri.Unknown;
        }
        var status = best switch
        {
            Support.Strong => GroundStatus.Strong,
            Support.Arguable => GroundStatus.Arguable,
            not null => GroundStatus.Weak,
            null => routeUnknown ? GroundStatus.Weak : GroundStatus.NotMet,
        };
        return requirementUnknown && status == GroundStatus.Strong ? GroundStatus.Arguable : status;
    }
}
