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
public sealed class AssessmentEngine(RuleBook book)
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

    // ---- grounds ------------------------------------------------------------------------

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

    // ---- objections, exposure, gaps ---------------------------------------------------------

    private static ObjectionFinding? Objection(CaseRun run, ObjectionPlan plan, string destination)
    {
        if (plan.Shared && run.Objections[plan.Slot] is (true, var known)) return known;
        List<PlannedRule>? raisers = null;
        foreach (var r in plan.Raisers)
            if (run.Outcome(r.Rule) == Tri.True) (raisers ??= []).Add(r);
        var finding = raisers is null ? null : Raised(run, plan, raisers, destination);
        if (plan.Shared) run.Objections[plan.Slot] = (true, finding);
        return finding;
    }

    private static ObjectionFinding Raised(CaseRun run, ObjectionPlan plan, List<PlannedRule> raisers, string destination)
    {
        var rebuttals = ImmutableArray.CreateBuilder<RebuttalFinding>(plan.Rebuttals.Length);
        foreach (var r in plan.Rebuttals)
            if (r.Rebuttal.When is not { } when || run.Outcome(when) == Tri.True)
                rebuttals.Add(new RebuttalFinding(r.Rebuttal.Entry.Id, r.Rebuttal.Entry.Summary, r.Cites));
        var objection = plan.Objection;
        var derivations = new Derivation[raisers.Count];
        var summaries = new Bilingual[raisers.Count];
        run.AddSource(objection.Id);
        for (var i = 0; i < derivations.Length; i++)
        {
            derivations[i] = Derive(run, raisers[i], Tri.True, destination);
            summaries[i] = raisers[i].Rule.Entry.Summary;
            run.AddSources(raisers[i].SortedCitesOrSelf);
        }
        return new ObjectionFinding(objection.Id, rebuttals.DrainToImmutable(), Phrases.Raised(objection.Title, summaries), run.TakeSources(),
            new Derivation(objection.Id, objection.Title, "raised", [], ImmutableCollectionsMarshal.AsImmutableArray(derivations)));
    }

    /// <summary>The exposures and the gaps that rules conclude, one per matching item for <c>for_each</c> rules.</summary>
    private (ExposureFinding[] Exposure, GapFinding[] Gaps) Conclusions(CaseRun run, ConclusionPlan plan, string destination)
    {
        if (plan.Shared && run.Conclusions[plan.Slot] is { } known) return known;
        var exposures = new SortedDictionary<string, List<(PlannedRule Rule, int Item)>>(StringComparer.Ordinal);
        var gaps = new List<GapFinding>();
        foreach (var rule in plan.Rules)
        {
            if (rule.Rule.ForEach is { } forEach)
            {
                if (forEach(run.Context) is not { } items) continue;
                foreach (var i in run.Matches(rule.Rule, items)) Conclude(rule, items[i], i);
            }
            else if (run.Outcome(rule.Rule) == Tri.True) Conclude(rule, null, -1);
        }

        void Conclude(PlannedRule rule, object? item, int index)
        {
            switch (rule.Rule.Details.Then)
            {
                case ExposureConclusion x:
                    var article = Template.Fill(x.Article, rule.Rule.Item, item);
                    if (!exposures.TryGetValue(article, out var why)) exposures[article] = why = [];
                    if (!why.Exists(w => ReferenceEquals(w.Rule, rule))) why.Add((rule, index));
                    break;
                case GapConclusion g:
                    var itemPath = index < 0 ? null : $"{rule.Rule.Details.ForEach}[{index}]";
                    var suffix = item is EvidenceItem e ? e.Id : index < 0 ? null : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var entry = rule.Rule.Entry;
                    gaps.Add(new GapFinding(suffix is null ? entry.Id : $"{entry.Id}:{suffix}",
                        itemPath is not null && g.Fact == "{item}" ? itemPath : Template.Fill(g.Fact, rule.Rule.Item, item),
                        g.Need.Fill(n => Template.Field(rule.Rule.Item, item, n)), entry.Summary, rule.CitesOrSelf,
                        Derive(run, rule, Tri.True, destination, index)));
                    break;
            }
        }

        var exposure = new List<ExposureFinding>();
        foreach (var (articleId, why) in exposures)
            if (Exposure(run, articleId, why, destination) is { } finding) exposure.Add(finding);
        var result = (exposure.ToArray(), gaps.ToArray());
        if (plan.Shared) run.Conclusions[plan.Slot] = result;
        return result;
    }

    private ExposureFinding? Exposure(CaseRun run, string articleId, List<(PlannedRule Rule, int Item)> why, string destination)
    {
        var article = _kb.Find(articleId);
        var asOf = run.Context.AsOf;
        if (article?.Details is not RussianLawDetails law || !article.AppliesOn(asOf)) return null;
        var penalties = law.Penalties.Where(p => p.Period.Contains(asOf))
            .Select(p => p.Part is { } part ? new Bilingual($"part {part}: {p.Text.En}", $"часть {part}: {p.Text.Ru}") : p.Text).ToList();
        var penalty = penalties.Count > 0 ? Phrases.Join(penalties, "; ") : Phrases.PenaltyNotRecorded;
        var rules = why.OrderBy(w => w.Rule.Rule.Entry.Id, StringComparer.Ordinal).ToList();
        var sources = rules.SelectMany(w => w.Rule.Cites).Prepend(articleId).Distinct().ToImmutableArray();
        return new ExposureFinding(articleId, penalty,
            Phrases.Exposure(article.Title, rules.Select(w => w.Rule.Rule.Entry.Summary)), sources,
            new Derivation(articleId, article.Title, "exposed", [articleId], [.. rules.Select(w => Derive(run, w.Rule, Tri.True, destination, w.Item))]));
    }

    /// <summary>A fact unknown in the case that decides an element is a gap: find it out and prove it.</summary>
    private IEnumerable<GapFinding> UnknownFactGaps(ImmutableArray<GroundFinding> grounds)
    {
        var needs = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var g in grounds)
            foreach (var e in g.Elements)
                foreach (var path in e.Met == Tri.Unknown ? e.UnknownFacts : [])
                {
                    if (!needs.TryGetValue(path, out var list)) needs[path] = list = [];
                    var element = $"{g.Id}/{e.Id}";
                    if (!list.Contains(element)) list.Add(element);
                }
        foreach (var (path, elements) in needs)
        {
            var description = Book.Facts.GetValueOrDefault(WithoutIndexes(path));
            var need = (description?.Details as FactDetails)?.Need ?? Phrases.UnknownFactNeed(path);
            yield return new GapFinding($"unknown:{path}", path, need, Phrases.UnknownFactWhy(elements),
                description is null ? [] : [description.Id],
                new Derivation($"unknown:{path}", new Bilingual(path, path), "unknown", [], []))
            { Facts = [path] };
        }
    }

    /// <summary><c>summonses[0].served</c> is described by the entry for <c>summonses.served</c>.</summary>
    private static string WithoutIndexes(string path)
    {
        if (!path.Contains('[', StringComparison.Ordinal)) return path;
        var sb = new System.Text.StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var close = path[i] == '[' ? path.IndexOf(']', i) : -1;
            if (close > i + 1 && path.AsSpan(i + 1, close - i - 1).ContainsAnyExceptInRange('0', '9') == false) i = close;
            else sb.Append(path[i]);
        }
        return sb.ToString();
    }

    // ---- pathways, practice ------------------------------------------------------------------

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
