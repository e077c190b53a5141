using System.Globalization;
using System.Text.RegularExpressions;
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Knowledge;
using ExNunc.Dossier.Phrasing;
using NodaTime;

namespace ExNunc.Dossier.Building;

/// <summary>A statement of a case fact in the dossier's language, with the annex numbers of the evidence that proves it.</summary>
internal sealed record FactStatement(string Text, IReadOnlyList<int> Annexes);

/// <summary>A line of the chronology.</summary>
internal sealed record ChronologyEvent(LocalDate SortKey, int Order, string Date, string Text, IReadOnlyList<int> Annexes);

/// <summary>
/// Turns the case file into sentences: the facts a finding relied on (given as case paths such as
/// <c>summonses[0].served</c>) and the chronology. Evidence is referred to by annex number: item
/// <c>i</c> of the case's evidence list is annex <c>i + 1</c>.
/// </summary>
internal sealed partial class CaseFacts
{
    private readonly CaseFile _case;
    private readonly KnowledgeBase _kb;
    private readonly DossierLanguage _lang;
    private readonly Dictionary<string, int> _annex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _provingSection = new(StringComparer.Ordinal);

    public CaseFacts(CaseFile @case, KnowledgeBase kb, DossierLanguage language)
    {
        _case = @case;
        _kb = kb;
        _lang = language;
        var evidence = @case.Evidence ?? ValueList<EvidenceItem>.Empty;
        for (var i = 0; i < evidence.Count; i++)
        {
            _annex.TryAdd(evidence[i].Id, i + 1);
            foreach (var section in evidence[i].Proves ?? ValueList<string>.Empty)
            {
                if (!_provingSection.TryGetValue(section, out var list)) _provingSection[section] = list = [];
                list.Add(i + 1);
            }
        }
    }

    [GeneratedRegex(@"^(?<root>[a-z_]+)(\[(?<index>\d+)\])?")]
    private static partial Regex PathRoot();

    public int? AnnexOf(string evidenceId) => _annex.TryGetValue(evidenceId, out var n) ? n : null;

    /// <summary>One statement per case item the paths touch, in the order of the case file; duplicates merged.</summary>
    public IReadOnlyList<FactStatement> Describe(IEnumerable<string> paths)
    {
        var keys = new SortedDictionary<(int Section, int Index), FactStatement>();
        foreach (var path in paths)
        {
            var m = PathRoot().Match(path);
            if (!m.Success) continue;
            var root = m.Groups["root"].Value;
            var index = m.Groups["index"].Success ? int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) : -1;
            if (root == "evidence" && index < 0 && path.StartsWith("evidence.", StringComparison.Ordinal))
                index = (AnnexOf(path["evidence.".Length..]) ?? 0) - 1;
            var order = SectionOrder(root);
            if (order < 0 || keys.ContainsKey((order, index))) continue;
            if (Statement(root, index) is { } s) keys[(order, index)] = s;
        }
        return [.. keys.Values];
    }

    private static int SectionOrder(string root) => root switch
    {
        "person" or "age" => 0,
        "military" => 1,
        "summonses" => 2,
        "desertion" => 3,
        "proceedings" => 4,
        "activity" => 5,
        "objection" => 6,
        "departure" => 7,
        "exit_ban" => 8,
        "whereabouts" => 9,
        "applications" => 10,
        "evidence" => 11,
        _ => -1,
    };

    private FactStatement? Statement(string root, int index)
    {
        var c = _case;
        switch (root)
        {
            case "person" or "age" when c.Person is { } p:
                return new(Semi(
                    p.Born is { } b ? $"{Templates.Born.In(_lang)}: {Dates.Format(b, _lang)}" : null,
                    p.Citizenship is { Count: > 0 } cz ? $"{Templates.Citizenship.In(_lang)}: {Countries(cz)}" : null,
                    p.Sex is { } sex ? $"{Templates.Sex.In(_lang)}: {Vocab.Value("sex", sex, _lang)}" : null), Proving("person"));
            case "military" when c.Military is { } m:
                return new(Military(m), Proving("military"));
            case "summonses" when Item(c.Summonses, index) is { } s:
                return new(Summons(s), Annexes(s.Evidence));
            case "desertion" when c.Desertion is { } d:
                return new(Semi(Templates.EvDesertion.In(_lang) + (d.Date is { } dd ? " " + Dates.Format(dd, _lang) : ""), d.Circumstances), Proving("desertion"));
            case "proceedings" when Item(c.Proceedings, index) is { } p:
                return new(Proceeding(p), Annexes(p.Evidence));
            case "activity" when Item(c.Activity, index) is { } a:
                return new(Activity(a, withDates: true), Annexes(a.Evidence));
            case "objection" when c.Objection is { } o:
                return new(Objection(o), Proving("objection"));
            case "departure" when c.Departure is { } d:
                return new(Departure(d), Proving("departure"));
            case "exit_ban" when c.ExitBan is { } e:
                return new($"{Templates.ExitBan.In(_lang)}: {Vocab.Value("exit", e, _lang)}", Proving("exit_ban"));
            case "whereabouts" when c.Whereabouts is { } w:
                return new(Whereabouts(w), Proving("whereabouts"));
            case "applications" when Item(c.Applications, index) is { } a:
                return new(Application(a), Proving("applications"));
            case "evidence" when Item(c.Evidence, index) is { } e:
                return new(EvidenceTitle(e), [index + 1]);
            default:
                return null;
        }
    }

    // ---- chronology -----------------------------------------------------------------------------

    public IReadOnlyList<ChronologyEvent> Chronology()
    {
        var c = _case;
        var events = new List<ChronologyEvent>();
        var order = 0;
        void Add(LocalDate? date, string text, IReadOnlyList<int> annexes, string? dateText = null)
        {
            if (date is { } d) events.Add(new(d, order++, dateText ?? Dates.Format(d, _lang), text, annexes));
        }
        if (c.Person?.Born is { } born) Add(born.Earliest, Templates.EvBorn.In(_lang), Proving("person"), Dates.Format(born, _lang));
        foreach (var s in c.Military?.Service ?? ValueList<ServicePeriod>.Empty)
            Add(s.From, s.To is { } to
                ? Templates.EvService.Format(_lang, Vocab.Value("service", s.Kind, _lang), Dates.Format(to, _lang))
                : Templates.EvServiceOpen.Format(_lang, Vocab.Value("service", s.Kind, _lang)), Proving("military"));
        foreach (var s in c.Summonses ?? ValueList<Summons>.Empty)
            Add(s.Date, Templates.EvSummons.Format(_lang, SummonsDetails(s)), Annexes(s.Evidence));
        if (c.Desertion is { } d)
            Add(d.Date, Semi(Templates.EvDesertion.In(_lang), d.Circumstances), Proving("desertion"));
        foreach (var p in c.Proceedings ?? ValueList<Proceeding>.Empty)
            Add(p.Date, Proceeding(p, withDate: false), Annexes(p.Evidence));
        foreach (var a in c.Activity ?? ValueList<Activity>.Empty)
        {
            Add(a.From, Templates.EvActivityStart.Format(_lang, Activity(a, withDates: false)), Annexes(a.Evidence));
            Add(a.Blocked, Templates.EvActivityBlocked.Format(_lang, Vocab.Value("activity", a.Kind, _lang)), Annexes(a.Evidence));
            Add(a.To, Templates.EvActivityEnd.Format(_lang, Vocab.Value("activity", a.Kind, _lang)), Annexes(a.Evidence));
        }
        if (c.Objection is { } o) Add(o.Since, Objection(o, withDate: false), Proving("objection"));
        if (c.Departure is { } dep) Add(dep.Date, JoinWith(" ", Templates.EvDeparture.In(_lang), DepartureDetails(dep)), Proving("departure"));
        if (c.Whereabouts is { } w)
            Add(w.Since, Templates.EvArrival.Format(_lang, Country(w.Country), Vocab.Value("where", w.Status, _lang)), Proving("whereabouts"));
        foreach (var a in c.Applications ?? ValueList<Application>.Empty)
        {
            Add(a.Date, Templates.EvApplication.Format(_lang, Vocab.Value("app", a.Kind, _lang), Country(a.Country)), Proving("applications"));
            if (a.DecisionDate is not null || a.Decision is not null and not "pending")
                Add(a.DecisionDate, Templates.EvDecision.Format(_lang, Vocab.Value("app", a.Kind, _lang), Country(a.Country), DecisionText(a)), Proving("applications"));
        }
        var evidence = c.Evidence ?? ValueList<EvidenceItem>.Empty;
        for (var i = 0; i < evidence.Count; i++)
            Add(evidence[i].Date, Templates.EvEvidence.Format(_lang, i + 1, EvidenceTitle(evidence[i])), [i + 1]);
        return [.. events.OrderBy(e => e.SortKey).ThenBy(e => e.Order)];
    }

    // ---- sentences -------------------------------------------------------------------------------

    public string Military(Military m)
    {
        var service = m.Service is { Count: > 0 } sv
            ? $"{Templates.PastService.In(_lang)}: " + string.Join(", ", sv.Select(s =>
                $"{Vocab.Value("service", s.Kind, _lang)} {Range(s.From, s.To)}"))
            : null;
        return Semi(
            m.Status is { } st ? $"{Templates.MilitaryStatus.In(_lang)}: {Vocab.Value("status", st, _lang)}" : null,
            m.Registered is { } r ? $"{Templates.Registered.In(_lang)}: {Vocab.YesNo(r, _lang)}" : null,
            m.Reserve is { } rs ? $"{Templates.Reserve.In(_lang)}: {Vocab.YesNo(rs, _lang)}" : null,
            m.Fitness is { } f and not CaseVocabulary.Unknown ? $"{Templates.Fitness.In(_lang)}: {f}" : null,
            m.Specialty is { } sp ? $"{Templates.Specialty.In(_lang)}: {sp}" : null,
            service);
    }

    private string Summons(Summons s) =>
        Templates.EvSummons.Format(_lang, (s.Date is { } d ? Dates.Format(d, _lang) + ", " : "") + SummonsDetails(s));

    private string SummonsDetails(Summons s) => JoinWith(", ",
        Vocab.Value("summons-kind", s.Kind, _lang),
        $"{Templates.Purpose.In(_lang)}: {Vocab.Value("purpose", s.Purpose, _lang)}",
        $"{Templates.Served.In(_lang)}: {Vocab.Value("served", s.Served, _lang)}");

    private string Proceeding(Proceeding p, bool withDate = true)
    {
        var under = p.Article is { } a && _kb.Find(a) is { } article
            ? Templates.Under.Format(_lang, article.Title.In(_lang.KbLanguage()))
            : "";
        var text = Templates.EvProceeding.Format(_lang, Country(p.Country), Vocab.Value("proceeding", p.Kind, _lang), under, Vocab.Value("pstatus", p.Status, _lang));
        return withDate && p.Date is { } d ? $"{Dates.Format(d, _lang)}: {text}" : text;
    }

    private string Activity(Activity a, bool withDates)
    {
        var parts = new List<string?> { Vocab.Value("activity", a.Kind, _lang) };
        if (withDates && (a.From is not null || a.To is not null)) parts.Add(Range(a.From, a.To));
        if (a.Audience is { } n) parts.Add(Templates.Audience.Format(_lang, n.ToString("N0", CultureInfo.InvariantCulture)));
        if (a.AntiWar == true) parts.Add(Templates.AntiWar.In(_lang));
        if (withDates && a.Blocked is { } b) parts.Add(Templates.EvActivityBlocked.Format(_lang, Dates.Format(b, _lang)));
        return JoinWith(", ", [.. parts]);
    }

    private string Objection(Objection o, bool withDate = true)
    {
        var detail = JoinWith(", ", Vocab.Value("basis", o.Basis, _lang), o.Religion,
            o.AlternativeServiceRequested == true ? Templates.AlternativeRequested.In(_lang) : null);
        var text = Templates.EvObjection.Format(_lang, detail);
        return withDate && o.Since is { } s ? $"{text}, {Dates.Format(s, _lang)}" : text;
    }

    public string Departure(Departure d) =>
        d.Date is { } date
            ? JoinWith(" ", Templates.LeftRussia.Format(_lang, Dates.Format(date, _lang)), DepartureDetails(d))
            : DepartureDetails(d) ?? Templates.EvDeparture.In(_lang);

    private string? DepartureDetails(Departure d)
    {
        var parts = new List<string?>();
        if (d.Route is { Count: > 0 } r) parts.Add($"{Templates.Route.In(_lang)}: {string.Join(" – ", r.Select(Country))}");
        if (d.Documents is { } doc) parts.Add($"{Templates.TravelDocument.In(_lang)}: {Vocab.Value("documents", doc, _lang)}");
        if (d.LegalExit is { } le) parts.Add($"{Templates.LegalExit.In(_lang)}: {Vocab.YesNo(le, _lang)}");
        return parts.Count == 0 ? null : "(" + string.Join("; ", parts) + ")";
    }

    public string Whereabouts(Whereabouts w) =>
        Templates.InCountrySince.Format(_lang, Country(w.Country), w.Since is { } s ? Dates.Format(s, _lang) : Templates.Unknown.In(_lang),
            Vocab.Value("where", w.Status, _lang));

    public string Application(Application a)
    {
        var when = a.Date is { } d ? Dates.Format(d, _lang) : Templates.Undated.In(_lang);
        var text = Templates.ApplicationLine.Format(_lang, Vocab.Value("app", a.Kind, _lang), Country(a.Country), when);
        return a.Decision is null && a.DecisionDate is null ? text : $"{text}; {Templates.Decision.In(_lang)}: {DecisionText(a)}";
    }

    private string DecisionText(Application a)
    {
        var text = Vocab.Value("decision", a.Decision, _lang);
        if (a.DecisionDate is { } dd) text += $" ({Dates.Format(dd, _lang)})";
        if (a.Reasons is { Count: > 0 } reasons)
            text += $"; {Templates.ReasonsGiven.In(_lang)}: " + string.Join(", ", reasons.Select(r =>
                _kb.Find(r) is { } e ? Vocab.Title(r, e.Title, _lang) : r));
        return text;
    }

    public static string EvidenceTitle(EvidenceItem e) => e.Title ?? e.Id;

    public string Country(string? code) => code is null ? Templates.Unknown.In(_lang) : Vocab.Country(_kb, code, _lang);

    private string Countries(IEnumerable<string> codes) => string.Join(", ", codes.Select(Country));

    private string Range(LocalDate? from, LocalDate? to) =>
        $"{(from is { } f ? Dates.Format(f, _lang) : "…")} – {(to is { } t ? Dates.Format(t, _lang) : "…")}";

    private List<int> Annexes(IEnumerable<string>? ids) =>
        [.. (ids ?? []).Select(AnnexOf).OfType<int>().Distinct().Order()];

    private List<int> Proving(string section) => _provingSection.TryGetValue(section, out var list) ? list : [];

    private static T? Item<T>(ValueList<T>? list, int index) where T : class =>
        list is not null && index >= 0 && index < list.Count ? list[index] : null;

    private static string Semi(params string?[] parts) => JoinWith("; ", parts);

    private static string JoinWith(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    internal static PartialDate? Partial(LocalDate? d) => d is { } x ? PartialDate.FromDate(x) : null;
}
