using System.Collections.Immutable;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;
using NodaTime;

namespace ExNunc.Domain.Assessment;

/// <summary>
/// Assesses a case as of a date for destinations, from the compiled knowledge base alone. Pure and
/// deterministic: the same case, date and knowledge base give the same result, in the same order.
/// </summary>
public sealed class AssessmentEngine(RuleBook book)
{
    private readonly KnowledgeBase _kb = book.Knowledge;

    public RuleBook Book { get; } = book;

    /// <summary>Assesses <paramref name="destinations"/> (default: every destination in the KB), best prospects first.</summary>
    public AssessmentResult Assess(CaseFile @case, LocalDate asOf, IEnumerable<string>? destinations = null)
    {
        var targets = (destinations ?? _kb.Destinations).Distinct().ToList();
        var context = new EvalContext(@case, asOf, "", _kb);
        var memo = new RuleMemo();
        var results = targets.Select(d => AssessDestination(context, d, memo)).ToList();
        var ranked = results
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Country, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AssessmentResult(asOf, @case.Id, _kb.Version, _kb.Entries.Length, ranked);
    }

    /// <summary>
    /// Outcomes and derivation trees of rules whose conditions do not mention the destination: the
    /// same for every destination of one assessment, so they are worked out once.
    /// </summary>
    private sealed class RuleMemo
    {
        // Keyed by reference: each compiled rule is one instance, and record equality would hash every text of the entry.
        public readonly Dictionary<CompiledRule, Tri> Outcomes = new(ReferenceEqualityComparer.Instance);
        public readonly Dictionary<CompiledRule, int[]> Matches = new(ReferenceEqualityComparer.Instance);
        public readonly Dictionary<(CompiledRule Rule, int Item), ConditionNode> Trees = new(new RuleItemComparer());
    }

    private sealed class RuleItemComparer : IEqualityComparer<(CompiledRule Rule, int Item)>
    {
        public bool Equals((CompiledRule Rule, int Item) x, (CompiledRule Rule, int Item) y) => ReferenceEquals(x.Rule, y.Rule) && x.Item == y.Item;
        public int GetHashCode((CompiledRule Rule, int Item) key) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Rule), key.Item);
    }

    private static Tri Outcome(EvalContext ctx, CompiledRule rule, RuleMemo memo)
    {
        if (rule.When.UsesDestination) return rule.When.Evaluate(ctx);
        if (!memo.Outcomes.TryGetValue(rule, out var outcome)) memo.Outcomes[rule] = outcome = rule.When.Evaluate(ctx);
        return outcome;
    }

    /// <summary>Indexes of the items for which a for_each rule holds.</summary>
    private static int[] Matches(EvalContext ctx, CompiledRule rule, IReadOnlyList<object> items, RuleMemo memo)
    {
        if (!rule.When.UsesDestination && memo.Matches.TryGetValue(rule, out var cached)) return cached;
        var found = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            ctx.BindItem(items[i], $"{rule.Details.ForEach}[{i}]");
            if (rule.When.Evaluate(ctx) == Tri.True) found.Add(i);
        }
        var result = found.ToArray();
        if (!rule.When.UsesDestination) memo.Matches[rule] = result;
        return result;
    }

    private static ConditionNode Tree(EvalContext ctx, CompiledRule rule, RuleMemo memo, int item = -1)
    {
        if (rule.When.UsesDestination) return rule.When.Explain(ctx);
        if (!memo.Trees.TryGetValue((rule, item), out var tree)) memo.Trees[(rule, item)] = tree = rule.When.Explain(ctx);
        return tree;
    }

    private DestinationAssessment AssessDestination(EvalContext ctx, string destination, RuleMemo memo)
    {
        ctx.Destination = destination;
        var asOf = ctx.AsOf;
        var elementRules = new Dictionary<(string Ground, string Element), List<(CompiledRule Rule, Tri Outcome, Support Support)>>();
        var raised = new Dictionary<string, List<CompiledRule>>(StringComparer.Ordinal);
        var exposures = new Dictionary<string, List<(CompiledRule Rule, ConditionNode Why)>>(StringComparer.Ordinal);
        var gaps = new List<GapFinding>();

        foreach (var rule in Book.Rules)
        {
            if (!InScope(rule.Entry, destination, asOf)) continue;
            if (rule.ForEach is { } forEach)
            {
                var items = forEach(ctx);
                if (items is null) continue;
                foreach (var i in Matches(ctx, rule, items, memo))
                {
                    var itemPath = $"{rule.Details.ForEach}[{i}]";
                    ctx.BindItem(items[i], itemPath);
                    Conclude(ctx, rule, items[i], itemPath, i, memo, elementRules, raised, exposures, gaps);
                }
            }
            else
            {
                var outcome = Outcome(ctx, rule, memo);
                if (rule.Details.Then is ElementConclusion el)
                {
                    var key = (el.Ground, el.Element);
                    if (!elementRules.TryGetValue(key, out var list)) elementRules[key] = list = [];
                    list.Add((rule, outcome, el.Support));
                }
                else if (outcome == Tri.True) Conclude(ctx, rule, null, null, -1, memo, elementRules, raised, exposures, gaps);
            }
        }

        var grounds = Grounds(ctx, destination, elementRules, memo);
        var pathways = Pathways(ctx, destination);
        var practice = Practice(ctx, destination);
        var objections = Objections(ctx, destination, raised, memo);
        var exposure = Exposures(ctx, destination, exposures);
        gaps.AddRange(UnknownFactGaps(grounds));
        var allGaps = gaps.GroupBy(g => g.Id).Select(g => g.First()).OrderBy(g => g.Id, StringComparer.Ordinal).ToImmutableArray();

        var (score, ranking) = Rank(destination, grounds, pathways, practice, objections);
        return new DestinationAssessment(destination, score, ranking, pathways, grounds, practice, objections, allGaps, exposure);
    }

    private void Conclude(
        EvalContext ctx, CompiledRule rule, object? item, string? itemPath, int itemIndex, RuleMemo memo,
        Dictionary<(string, string), List<(CompiledRule, Tri, Support)>> elementRules,
        Dictionary<string, List<CompiledRule>> raised,
        Dictionary<string, List<(CompiledRule, ConditionNode)>> exposures,
        List<GapFinding> gaps)
    {
        switch (rule.Details.Then)
        {
            case ElementConclusion el:
                var key = (el.Ground, el.Element);
                if (!elementRules.TryGetValue(key, out var list)) elementRules[key] = list = [];
                list.Add((rule, Tri.True, el.Support));
                break;
            case ObjectionConclusion o:
                if (!raised.TryGetValue(o.Objection, out var rules)) raised[o.Objection] = rules = [];
                rules.Add(rule);
                break;
            case ExposureConclusion x:
                var article = Template.Fill(x.Article, item);
                if (!exposures.TryGetValue(article, out var why)) exposures[article] = why = [];
                why.Add((rule, Tree(ctx, rule, memo, itemIndex)));
                break;
            case GapConclusion g:
                var tree = Tree(ctx, rule, memo, itemIndex);
                var suffix = item is EvidenceItem e ? e.Id : itemPath is null ? null : itemPath[(itemPath.IndexOf('[', StringComparison.Ordinal) + 1)..^1];
                var id = suffix is null ? rule.Entry.Id : $"{rule.Entry.Id}:{suffix}";
                var fact = itemPath is not null && g.Fact == "{item}" ? itemPath : Template.Fill(g.Fact, item);
                gaps.Add(new GapFinding(id, fact, g.Need.Fill(n => Template.Field(item, n)), rule.Entry.Summary,
                    CiteOrSelf(rule.Entry, ctx),
                    Derive(rule.Entry, tree, ctx))
                { Facts = [.. tree.AllFacts().Select(f => f.Path)] });
                break;
        }
    }

    // ---- grounds ------------------------------------------------------------------------

    private ImmutableArray<GroundFinding> Grounds(
        EvalContext ctx, string destination, Dictionary<(string Ground, string Element), List<(CompiledRule Rule, Tri Outcome, Support Support)>> elementRules, RuleMemo memo)
    {
        var result = ImmutableArray.CreateBuilder<GroundFinding>();
        foreach (var ground in _kb.OfKind(EntryKind.Ground))
        {
            if (!InScope(ground, destination, ctx.AsOf) || ground.Details is not GroundDetails details) continue;
            var elements = ImmutableArray.CreateBuilder<ElementFinding>();
            foreach (var element in details.Elements)
            {
                var rules = elementRules.GetValueOrDefault((ground.Id, element.Id)) ?? [];
                elements.Add(Element(ctx, ground, element, rules, memo));
            }
            var els = elements.ToImmutable();
            var status = Status(details, els);
            var sources = CiteOrSelf(ground, ctx)
                .Concat(els.Where(e => e.Met == Tri.True).SelectMany(e => e.Sources))
                .Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
            var metTitles = details.Elements
                .Where(x => x.Role == ElementRole.Route && els.First(e => e.Id == x.Id).Met == Tri.True)
                .Select(x => x.Title);
            var explanation = details.Elements.Any(x => x.Role == ElementRole.Requirement && els.First(e => e.Id == x.Id).Met == Tri.False)
                ? Phrases.Join([Phrases.GroundSummary(ground.Title, status, metTitles), Phrases.RequirementUnmet(details.Elements.First(x => x.Role == ElementRole.Requirement && els.First(e => e.Id == x.Id).Met == Tri.False).Title)])
                : Phrases.GroundSummary(ground.Title, status, metTitles);
            var derivation = new Derivation(ground.Id, ground.Title, Vocabulary.Of(status), null,
                Cite(ground.Because, destination, ctx.AsOf), [.. els.Select(e => e.Derivation)]);
            result.Add(new GroundFinding(ground.Id, status, els, explanation, sources, derivation)
            { Facts = [.. els.SelectMany(e => e.Facts).Distinct().Order(StringComparer.Ordinal)] });
        }
        return result.ToImmutable();
    }

    private ElementFinding Element(EvalContext ctx, KbEntry ground, GroundElement element, List<(CompiledRule Rule, Tri Outcome, Support Support)> rules, RuleMemo memo)
    {
        var met = rules.Count == 0 ? Tri.False : rules.Select(r => r.Outcome).Aggregate(Tri.False, TriLogic.Or);
        var relevant = rules.Where(r => r.Outcome == met).OrderBy(r => r.Rule.Entry.Id, StringComparer.Ordinal).ToList();
        Support? support = met == Tri.True ? relevant.Max(r => r.Support) : null;
        var derivations = new List<Derivation>();
        var facts = new List<string>();
        var unknownFacts = new List<string>();
        var sources = new List<string>();
        foreach (var (rule, outcome, _) in met == Tri.False ? [] : relevant)
        {
            var tree = Tree(ctx, rule, memo);
            derivations.Add(Derive(rule.Entry, tree, ctx));
            facts.AddRange(tree.AllFacts().Select(f => f.Path));
            if (outcome == Tri.Unknown) unknownFacts.AddRange(tree.UnknownFacts());
            sources.AddRange(CiteOrSelf(rule.Entry, ctx));
        }
        var explanation = met switch
        {
            Tri.True => Phrases.ElementMet(element.Title, relevant.Select(r => r.Rule.Entry.Summary)),
            Tri.Unknown => Phrases.ElementUnknown(element.Title, unknownFacts.Distinct()),
            _ => Phrases.ElementUnmet(element.Title),
        };
        var id = element.Id;
        return new ElementFinding(id, ground.Id, met, support, explanation,
            [.. sources.Distinct().Order(StringComparer.Ordinal)],
            new Derivation($"{ground.Id}/{id}", element.Title, Vocabulary.Of(met), null, [], [.. derivations]))
        { Facts = [.. facts.Distinct().Order(StringComparer.Ordinal)], UnknownFacts = [.. unknownFacts.Distinct()] };
    }

    private static GroundStatus Status(GroundDetails details, ImmutableArray<ElementFinding> elements)
    {
        var byId = elements.ToDictionary(e => e.Id);
        var requirements = details.Elements.Where(e => e.Role == ElementRole.Requirement).Select(e => byId[e.Id]).ToList();
        var routes = details.Elements.Where(e => e.Role == ElementRole.Route).Select(e => byId[e.Id]).ToList();
        if (requirements.Any(r => r.Met == Tri.False)) return GroundStatus.NotMet;
        GroundStatus status;
        var met = routes.Where(r => r.Met == Tri.True).ToList();
        if (met.Count > 0)
            status = met.Max(r => r.Support) switch
            {
                Support.Strong => GroundStatus.Strong,
                Support.Arguable => GroundStatus.Arguable,
                _ => GroundStatus.Weak,
            };
        else status = routes.Any(r => r.Met == Tri.Unknown) ? GroundStatus.Weak : GroundStatus.NotMet;
        if (requirements.Any(r => r.Met == Tri.Unknown) && status == GroundStatus.Strong) status = GroundStatus.Arguable;
        return status;
    }

    // ---- pathways, practice, objections, exposure -----------------------------------------

    private ImmutableArray<PathwayFinding> Pathways(EvalContext ctx, string destination)
    {
        var result = ImmutableArray.CreateBuilder<PathwayFinding>();
        foreach (var p in Book.Pathways)
        {
            if (!p.Entry.Jurisdictions.Contains(destination) || !p.Entry.AppliesOn(ctx.AsOf)) continue;
            var period = p.Details.States.FirstOrDefault(s => s.Period.Contains(ctx.AsOf));
            if (period is null) continue;
            var applies = p.AppliesWhen?.Explain(ctx);
            var state = applies?.Outcome == Tri.False ? PathwayState.NotApplicable : period.State;
            var explanation = state == PathwayState.NotApplicable
                ? Phrases.NotApplicable(p.Entry.Title)
                : Phrases.Join([new($"{p.Entry.Title.En}: {Phrases.StateWord(state).En} (from {period.Period.From?.ToString() ?? "…"}).",
                                    $"{p.Entry.Title.Ru}: {Phrases.StateWord(state).Ru} (с {period.Period.From?.ToString() ?? "…"})."),
                                period.Note ?? p.Entry.Summary]);
            var sources = new[] { p.Entry.Id }.Concat(period.Because).Concat(Cite(p.Entry.Because, destination, ctx.AsOf))
                .Distinct().ToImmutableArray();
            result.Add(new PathwayFinding(p.Entry.Id, state, explanation, sources,
                new Derivation(p.Entry.Id, p.Entry.Title, Vocabulary.Of(state), applies, [.. period.Because], []))
            { Facts = applies is null ? [] : [.. applies.AllFacts().Select(f => f.Path)] });
        }
        return [.. result.OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    private ImmutableArray<PracticeFinding> Practice(EvalContext ctx, string destination)
    {
        var result = ImmutableArray.CreateBuilder<PracticeFinding>();
        foreach (var p in Book.Practice)
        {
            if (!p.Entry.Jurisdictions.Contains(destination) || !p.Entry.AppliesOn(ctx.AsOf)) continue;
            var relevant = p.RelevantWhen?.Explain(ctx);
            if (relevant?.Outcome == Tri.False) continue;
            var sources = new[] { p.Entry.Id }.Concat(Cite(p.Entry.Because, destination, ctx.AsOf)).Distinct().ToImmutableArray();
            result.Add(new PracticeFinding(p.Entry.Id, p.Entry.Summary, sources,
                new Derivation(p.Entry.Id, p.Entry.Title, "applies", relevant, [p.Entry.Id], []))
            { Facts = relevant is null ? [] : [.. relevant.AllFacts().Select(f => f.Path)] });
        }
        return [.. result.OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    private ImmutableArray<ObjectionFinding> Objections(EvalContext ctx, string destination, Dictionary<string, List<CompiledRule>> raised, RuleMemo memo)
    {
        var result = ImmutableArray.CreateBuilder<ObjectionFinding>();
        foreach (var (id, rules) in raised.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var objection = _kb.Find(id)!;
            var rebuttals = ImmutableArray.CreateBuilder<RebuttalFinding>();
            foreach (var r in Book.Rebuttals)
            {
                if (r.Details.Answers != id || !InScope(r.Entry, destination, ctx.AsOf)) continue;
                if (r.When is { } when && when.Evaluate(ctx) != Tri.True) continue;
                var cites = Cite(r.Details.Cites, destination, ctx.AsOf);
                if (cites.IsEmpty) continue;
                rebuttals.Add(new RebuttalFinding(r.Entry.Id, r.Entry.Summary, cites));
            }
            var trees = rules.OrderBy(r => r.Entry.Id, StringComparer.Ordinal).Select(r => (Rule: r, Tree: Tree(ctx, r, memo))).ToList();
            var sources = trees.SelectMany(t => CiteOrSelf(t.Rule.Entry, ctx)).Prepend(id).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
            var derivation = new Derivation(id, objection.Title, "raised", null, [],
                [.. trees.Select(t => Derive(t.Rule.Entry, t.Tree, ctx))]);
            result.Add(new ObjectionFinding(id, [.. rebuttals.OrderBy(r => r.Id, StringComparer.Ordinal)],
                Phrases.Raised(objection.Title, trees.Select(t => t.Rule.Entry.Summary)), sources, derivation)
            { Facts = [.. trees.SelectMany(t => t.Tree.AllFacts().Select(f => f.Path)).Distinct().Order(StringComparer.Ordinal)] });
        }
        return result.ToImmutable();
    }

    private ImmutableArray<ExposureFinding> Exposures(EvalContext ctx, string destination, Dictionary<string, List<(CompiledRule Rule, ConditionNode Why)>> exposures)
    {
        var result = ImmutableArray.CreateBuilder<ExposureFinding>();
        foreach (var (articleId, why) in exposures.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var article = _kb.Find(articleId);
            if (article?.Details is not RussianLawDetails law || !article.AppliesOn(ctx.AsOf)) continue;
            var penalties = law.Penalties.Where(p => p.Period.Contains(ctx.AsOf))
                .Select(p => p.Part is { } part ? new Bilingual($"part {part}: {p.Text.En}", $"часть {part}: {p.Text.Ru}") : p.Text).ToList();
            var penalty = penalties.Count > 0 ? Phrases.Join(penalties, "; ") : Phrases.PenaltyNotRecorded;
            var rules = why.DistinctBy(w => w.Rule.Entry.Id).OrderBy(w => w.Rule.Entry.Id, StringComparer.Ordinal).ToList();
            var sources = new[] { articleId }
                .Concat(rules.SelectMany(w => Cite(w.Rule.Entry.Because, destination, ctx.AsOf)))
                .Distinct().ToImmutableArray();
            result.Add(new ExposureFinding(articleId, penalty,
                Phrases.Exposure(article.Title, rules.Select(w => w.Rule.Entry.Summary)), sources,
                new Derivation(articleId, article.Title, "exposed", null, [articleId], [.. rules.Select(w => Derive(w.Rule.Entry, w.Why, ctx))]))
            { Facts = [.. rules.SelectMany(w => w.Why.AllFacts().Select(f => f.Path)).Distinct().Order(StringComparer.Ordinal)] });
        }
        return result.ToImmutable();
    }

    private IEnumerable<GapFinding> UnknownFactGaps(ImmutableArray<GroundFinding> grounds)
    {
        var needs = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var g in grounds)
            foreach (var e in g.Elements.Where(e => e.Met == Tri.Unknown))
                foreach (var path in e.UnknownFacts)
                {
                    if (!needs.TryGetValue(path, out var list)) needs[path] = list = [];
                    list.Add($"{g.Id}/{e.Id}");
                }
        foreach (var (path, elements) in needs)
        {
            var description = Book.Facts.GetValueOrDefault(NormalisePath(path));
            var need = (description?.Details as FactDetails)?.Need ?? Phrases.UnknownFactNeed(path);
            yield return new GapFinding($"unknown:{path}", path, need, Phrases.UnknownFactWhy(elements.Distinct()),
                description is null ? [] : [description.Id],
                new Derivation($"unknown:{path}", new Bilingual(path, path), "unknown", null, [], []))
            { Facts = [path] };
        }
    }

    /// <summary><c>summonses[0].served</c> is described by the entry for <c>summonses.served</c>.</summary>
    private static string NormalisePath(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "");

    /// <summary>
    /// How good the prospects are: the best ground first; then national practice that supports an
    /// element there (a national rule that held), how many grounds are at least arguable, the
    /// pathways open, and the objections without an answer. The reason is one line per country.
    /// </summary>
    private (int Score, Bilingual Reason) Rank(
        string destination, ImmutableArray<GroundFinding> grounds, ImmutableArray<PathwayFinding> pathways,
        ImmutableArray<PracticeFinding> practice, ImmutableArray<ObjectionFinding> objections)
    {
        var best = grounds.OrderByDescending(g => g.GroundStatus).ThenBy(g => g.Id, StringComparer.Ordinal).FirstOrDefault();
        var bestStatus = best?.GroundStatus ?? GroundStatus.NotMet;
        var open = pathways.Count(p => p.State == PathwayState.Open);
        var restricted = pathways.Count(p => p.State == PathwayState.Restricted);
        var unanswered = objections.Count(o => o.Rebuttals.IsEmpty);
        var arguable = grounds.Count(g => g.GroundStatus >= GroundStatus.Arguable);
        var national = grounds.SelectMany(g => g.Elements).Where(e => e.Met == Tri.True)
            .SelectMany(e => e.Derivation.Children)
            .Count(d => _kb.Find(d.Source)?.Jurisdictions.Contains(destination) == true);
        var score = (int)bestStatus * 100 + Math.Min(national, 3) * 15 + arguable * 10 + Math.Min(open, 3) * 4
            + Math.Min(restricted, 3) + (practice.IsEmpty ? -5 : 0) - objections.Length * 2 - unanswered * 5;
        return (score, Phrases.Ranking(bestStatus, best?.Id ?? "-", national, practice.Length, open, restricted, objections.Length, unanswered));
    }

    // ---- helpers ------------------------------------------------------------------------

    /// <summary>A rule or rebuttal is used for a destination inside its jurisdiction (origin-country rules everywhere), on its dates.</summary>
    private bool InScope(KbEntry entry, string destination, LocalDate asOf)
    {
        if (!entry.AppliesOn(asOf)) return false;
        foreach (var j in entry.Jurisdictions)
            if (_kb.Covers(j, destination) || _kb.FindJurisdiction(j)?.Role == JurisdictionRole.Origin) return true;
        return false;
    }

    /// <summary>
    /// The cited entries that can be relied on as of the date for the destination: they apply on the
    /// date, and law of a group (EU, COE) is cited only for its members.
    /// </summary>
    public ImmutableArray<string> Cite(IEnumerable<string> ids, string destination, LocalDate asOf)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var id in ids)
        {
            var e = _kb.Find(id);
            if (e is null || !e.AppliesOn(asOf)) continue;
            var usable = false;
            foreach (var j in e.Jurisdictions)
                if (_kb.FindJurisdiction(j)?.Role != JurisdictionRole.Group || _kb.Covers(j, destination)) { usable = true; break; }
            if (usable && !result.Contains(id)) result.Add(id);
        }
        return result.ToImmutable();
    }

    /// <summary>What a rule relied on that applies on the date; the rule itself when none of it does yet.</summary>
    private ImmutableArray<string> CiteOrSelf(KbEntry rule, EvalContext ctx)
    {
        var cited = Cite(rule.Because, ctx.Destination, ctx.AsOf);
        return cited.IsEmpty ? [rule.Id] : cited;
    }

    private Derivation Derive(KbEntry rule, ConditionNode tree, EvalContext ctx) =>
        new(rule.Id, rule.Title, Vocabulary.Of(tree.Outcome), tree, Cite(rule.Because, ctx.Destination, ctx.AsOf), []);
}
