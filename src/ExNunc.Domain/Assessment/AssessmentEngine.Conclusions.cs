using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;

namespace ExNunc.Domain.Assessment;

// Objections with their rebuttals, exposure in Russia, and the gaps a lawyer has to fill.
public sealed partial class AssessmentEngine
{
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
}
