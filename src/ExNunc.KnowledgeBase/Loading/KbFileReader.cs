using System.Collections.Frozen;
using System.Collections.Immutable;
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Knowledge;
using ExNunc.KnowledgeBase.Yaml;
using YamlDotNet.RepresentationModel;

namespace ExNunc.KnowledgeBase.Loading;

/// <summary>Reads the entries of one kb/ file (docs/kb-format.md). Collects every problem; returns the entries it could read.</summary>
internal static class KbFileReader
{
    private static readonly FrozenDictionary<string, EntryKind> Kinds = new Dictionary<string, EntryKind>
    {
        ["instrument"] = EntryKind.Instrument,
        ["provision"] = EntryKind.Provision,
        ["guideline"] = EntryKind.Guideline,
        ["case-law"] = EntryKind.CaseLaw,
        ["policy"] = EntryKind.Policy,
        ["practice"] = EntryKind.Practice,
        ["coi-fact"] = EntryKind.CoiFact,
        ["statistic"] = EntryKind.Statistic,
        ["russian-law"] = EntryKind.RussianLaw,
        ["pathway"] = EntryKind.Pathway,
        ["ground"] = EntryKind.Ground,
        ["objection"] = EntryKind.Objection,
        ["rebuttal"] = EntryKind.Rebuttal,
        ["rule"] = EntryKind.Rule,
        ["parameter"] = EntryKind.Parameter,
        ["fact"] = EntryKind.Fact,
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<EntryKind, string> KindNames = Kinds.ToFrozenDictionary(k => k.Value, k => k.Key);

    private static readonly FrozenSet<string> KindSet = Kinds.Keys.ToFrozenSet();
    private static readonly FrozenSet<string> Certainties = new[] { "confirmed", "partly-confirmed", "researcher-knowledge", "unconfirmed" }.ToFrozenSet();
    private static readonly FrozenSet<string> States = new[] { "open", "restricted", "closed" }.ToFrozenSet();
    private static readonly FrozenSet<string> Roles = new[] { "route", "requirement" }.ToFrozenSet();
    private static readonly FrozenSet<string> Supports = new[] { "weak", "arguable", "strong" }.ToFrozenSet();
    private static readonly FrozenSet<string> Codes = new[] { "cc", "coap", "other" }.ToFrozenSet();
    private static readonly FrozenSet<string> MeasureStates = new[] { "open", "restricted", "closed", "in-force", "suspended", "ended" }.ToFrozenSet();
    private static readonly string[] Conclusions = ["element", "raise", "exposure", "gap"];
    private static readonly string[] PeriodKeys = ["from", "to"];
    private static readonly FrozenSet<string> JurisdictionRoles = new[] { "group", "origin", "destination", "transit" }.ToFrozenSet();

    public static List<KbEntry> ReadEntries(string file, YamlNode root, ICollection<Diagnostic> sink)
    {
        var result = new List<KbEntry>();
        var doc = YamlMap.Of(file, root, "", sink);
        if (doc is null) return result;
        foreach (var (node, path) in doc.List("entries", required: true) ?? [])
        {
            var map = YamlMap.Of(file, node, path, sink);
            if (map is null) continue;
            if (ReadEntry(map) is { } entry) result.Add(entry);
        }
        doc.Finish();
        return result;
    }

    public static List<Jurisdiction> ReadJurisdictions(string file, YamlNode root, ICollection<Diagnostic> sink)
    {
        var result = new List<Jurisdiction>();
        var doc = YamlMap.Of(file, root, "", sink);
        if (doc is null) return result;
        foreach (var (node, path) in doc.List("jurisdictions", required: true) ?? [])
        {
            var m = YamlMap.Of(file, node, path, sink);
            if (m is null) continue;
            var code = m.String("code", required: true);
            var role = m.Symbol("role", JurisdictionRoles, required: true);
            var name = Text(m, "name");
            var memberOf = m.StringList("member_of") ?? [];
            m.Finish();
            if (code is null || role is null || name is null) continue;
            result.Add(new Jurisdiction(code, Enum.Parse<JurisdictionRole>(role, ignoreCase: true), name, [.. memberOf], m.Location));
        }
        doc.Finish();
        return result;
    }

    private static KbEntry? ReadEntry(YamlMap m)
    {
        var id = m.String("id", required: true);
        var kindText = m.Symbol("kind", KindSet, required: true);
        var jurisdictions = Jurisdictions(m);
        var periods = Periods(m);
        var title = Text(m, "title");
        var summary = Text(m, "summary");
        var certainty = m.Symbol("certainty", Certainties);
        var note = m.String("note");
        var sources = Sources(m);
        var because = m.StringList("because") ?? [];
        var verified = m.Date("verified", required: true);
        EntryDetails? details = null;
        if (kindText is not null) details = Details(Kinds[kindText], m);
        m.Finish();

        if (id is null || kindText is null || jurisdictions is null || periods is null || title is null || summary is null || verified is null)
            return null;
        return new KbEntry
        {
            Id = id,
            Kind = Kinds[kindText],
            Jurisdictions = jurisdictions.Value,
            Periods = periods.Value,
            Title = title,
            Summary = summary,
            Certainty = certainty switch
            {
                "partly-confirmed" => Certainty.PartlyConfirmed,
                "researcher-knowledge" => Certainty.ResearcherKnowledge,
                "unconfirmed" => Certainty.Unconfirmed,
                _ => Certainty.Confirmed,
            },
            Note = note,
            Sources = sources,
            Because = [.. because],
            Verified = verified.Value,
            Location = m.Location,
            Details = details,
        };
    }

    private static EntryDetails? Details(EntryKind kind, YamlMap m) => kind switch
    {
        EntryKind.CaseLaw or EntryKind.Policy or EntryKind.Practice => new PracticeDetails(Condition(m, "relevant_when"), m.String("measure"), m.Symbol("state", MeasureStates)),
        EntryKind.RussianLaw => RussianLaw(m),
        EntryKind.Pathway => Pathway(m),
        EntryKind.Ground => Ground(m),
        EntryKind.Rebuttal => Rebuttal(m),
        EntryKind.Rule => Rule(m),
        EntryKind.Parameter => Parameter(m),
        EntryKind.Fact => Fact(m),
        _ => null,
    };

    /// <summary>An article has code, article and penalties; a Russian act without an article (a decree, a law as a whole) has none of them.</summary>
    private static RussianLawDetails? RussianLaw(YamlMap m)
    {
        if (!m.Has("article") && !m.Has("code") && !m.Has("penalties")) return null;
        var code = m.Symbol("code", Codes, required: true);
        var article = m.String("article", required: true);
        var penalties = ImmutableArray.CreateBuilder<Penalty>();
        foreach (var (node, path) in m.List("penalties", required: true) ?? [])
        {
            var p = YamlMap.Of(m.File, node, path, m.Sink);
            if (p is null) continue;
            var part = p.String("part");
            var period = Period(p);
            var text = Text(p, "text");
            p.Finish();
            if (period is not null && text is not null) penalties.Add(new Penalty(period, text, part));
        }
        return code is null || article is null ? null : new RussianLawDetails(code, article, penalties.ToImmutable());
    }

    private static PathwayDetails Pathway(YamlMap m)
    {
        var applies = Condition(m, "applies_when");
        var states = ImmutableArray.CreateBuilder<PathwayStatePeriod>();
        foreach (var (node, path) in m.List("states", required: true) ?? [])
        {
            var s = YamlMap.Of(m.File, node, path, m.Sink);
            if (s is null) continue;
            var period = Period(s);
            var state = s.Symbol("state", States, required: true);
            var because = s.StringList("because", required: true) ?? [];
            var note = s.Has("note") ? Text(s, "note") : null;
            s.Finish();
            if (period is null || state is null) continue;
            states.Add(new PathwayStatePeriod(period, Enum.Parse<PathwayState>(state, ignoreCase: true), note, [.. because], s.Location));
        }
        return new PathwayDetails(applies, states.ToImmutable());
    }

    private static GroundDetails Ground(YamlMap m)
    {
        var elements = ImmutableArray.CreateBuilder<GroundElement>();
        foreach (var (node, path) in m.List("elements", required: true) ?? [])
        {
            var e = YamlMap.Of(m.File, node, path, m.Sink);
            if (e is null) continue;
            var id = e.String("id", required: true);
            var role = e.Symbol("role", Roles, required: true);
            var title = Text(e, "title");
            e.Finish();
            if (id is null || role is null || title is null) continue;
            elements.Add(new GroundElement(id, role == "route" ? ElementRole.Route : ElementRole.Requirement, title));
        }
        return new GroundDetails(elements.ToImmutable());
    }

    private static RebuttalDetails? Rebuttal(YamlMap m)
    {
        var answers = m.String("answers", required: true);
        var when = Condition(m, "when");
        var cites = m.StringList("cites", required: true) ?? [];
        return answers is null ? null : new RebuttalDetails(answers, when, [.. cites]);
    }

    private static RuleDetails? Rule(YamlMap m)
    {
        var forEach = m.String("for_each");
        var when = Condition(m, "when");
        if (when is null && !m.Has("when")) m.Missing("when");
        var then = m.Map("then", required: true);
        RuleConclusion? conclusion = null;
        if (then is not null)
        {
            var found = Conclusions.Where(then.Has).ToList();
            if (found.Count != 1)
                m.Error("then", "rule.then", "'then' must give exactly one of: element, raise, exposure, gap.");
            if (then.Map("element") is { } el)
            {
                var ground = el.String("ground", required: true);
                var element = el.String("element", required: true);
                var support = el.Symbol("support", Supports, required: true);
                el.Finish();
                if (ground is not null && element is not null && support is not null)
                    conclusion = new ElementConclusion(ground, element, Enum.Parse<Support>(support, ignoreCase: true));
            }
            if (then.String("raise") is { } raise) conclusion = new ObjectionConclusion(raise);
            if (then.String("exposure") is { } article) conclusion = new ExposureConclusion(article);
            if (then.Map("gap") is { } gap)
            {
                var fact = gap.String("fact", required: true);
                var need = Text(gap, "need");
                gap.Finish();
                if (fact is not null && need is not null) conclusion = new GapConclusion(fact, need);
            }
            then.Finish();
        }
        return when is null || conclusion is null ? null : new RuleDetails(forEach, when, conclusion);
    }

    private static ParameterDetails Parameter(YamlMap m)
    {
        var values = ImmutableArray.CreateBuilder<ParameterValue>();
        foreach (var (node, path) in m.List("values", required: true) ?? [])
        {
            var v = YamlMap.Of(m.File, node, path, m.Sink);
            if (v is null) continue;
            var period = Period(v);
            var value = v.Decimal("value", required: true);
            v.Finish();
            if (period is not null && value is not null) values.Add(new ParameterValue(period, value.Value));
        }
        return new ParameterDetails(values.ToImmutable());
    }

    private static FactDetails? Fact(YamlMap m)
    {
        var path = m.String("path", required: true);
        var need = Text(m, "need");
        return path is null || need is null ? null : new FactDetails(path, need);
    }

    private static ConditionText? Condition(YamlMap m, string key)
    {
        var text = m.String(key);
        return text is null ? null : new ConditionText(text, m.LocationOf(key));
    }

    private static ImmutableArray<string>? Jurisdictions(YamlMap m)
    {
        var raw = m.Raw("jurisdiction");
        if (raw is null) { m.Missing("jurisdiction"); return null; }
        if (raw is YamlScalarNode { Value: { } one }) return [one];
        var list = m.StringList("jurisdiction");
        if (list is null || list.Count == 0)
        {
            m.Error("jurisdiction", "field.required", "'jurisdiction' needs at least one code.");
            return null;
        }
        return [.. list];
    }

    private static ImmutableArray<ValidityPeriod>? Periods(YamlMap m)
    {
        if (m.Has("periods"))
        {
            if (m.Has("from") || m.Has("to"))
                m.Error("periods", "entry.periods", "Give either 'from'/'to' or 'periods', not both.");
            var list = ImmutableArray.CreateBuilder<ValidityPeriod>();
            foreach (var (node, path) in m.List("periods", required: true) ?? [])
            {
                var p = YamlMap.Of(m.File, node, path, m.Sink);
                if (p is null) continue;
                if (Period(p) is { } period) list.Add(period);
                p.Finish();
            }
            if (list.Count == 0) { m.Error("periods", "entry.periods", "'periods' needs at least one period."); return null; }
            return list.ToImmutable();
        }
        return Period(m) is { } single ? [single] : null;
    }

    /// <summary>Reads <c>from</c> and <c>to</c>: both keys are required; null means open on that side.</summary>
    private static ValidityPeriod? Period(YamlMap m)
    {
        var ok = true;
        foreach (var key in PeriodKeys)
            if (!m.HasKey(key)) { m.Missing(key); ok = false; }
        var from = m.PartialDate("from");
        var to = m.PartialDate("to");
        if (!ok) return null;
        if ((m.Raw("from") is not null && from is null) || (m.Raw("to") is not null && to is null)) return null;
        return new ValidityPeriod(from, to);
    }

    private static Bilingual? Text(YamlMap m, string key)
    {
        var t = m.Map(key, required: true);
        if (t is null) return null;
        var en = t.String("en", required: true);
        var ru = t.String("ru", required: true);
        t.Finish();
        if (en is not null && string.IsNullOrWhiteSpace(en)) t.Error("en", "text.empty", $"'{key}.en' is empty.");
        if (ru is not null && string.IsNullOrWhiteSpace(ru)) t.Error("ru", "text.empty", $"'{key}.ru' is empty.");
        return en is null || ru is null ? null : new Bilingual(en.Trim(), ru.Trim());
    }

    private static ImmutableArray<Source> Sources(YamlMap m)
    {
        var list = ImmutableArray.CreateBuilder<Source>();
        foreach (var (node, path) in m.List("sources") ?? [])
        {
            var s = YamlMap.Of(m.File, node, path, m.Sink);
            if (s is null) continue;
            var title = s.String("title", required: true);
            var publisher = s.String("publisher", required: true);
            var url = s.String("url");
            PartialDate? published = null;
            if (s.String("published") is "unknown") { }
            else if (s.Has("published")) published = s.PartialDate("published");
            else s.Missing("published");
            s.Finish();
            if (title is not null && publisher is not null) list.Add(new Source(title, publisher, url, published));
        }
        return list.ToImmutable();
    }
}
