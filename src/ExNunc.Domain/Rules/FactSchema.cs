using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using ExNunc.Domain.Cases;

namespace ExNunc.Domain.Rules;

public enum FactType { Bool, Number, Date, Symbol, Text, List, Record, Collection }

/// <summary>A named field of a record in the case: a scalar, a nested record or a list of records.</summary>
public sealed record FactMember(
    string Name,
    FactType Type,
    IReadOnlySet<string>? Symbols = null,
    Func<object, Value>? Get = null,
    Func<object, object?>? Nested = null,
    Func<object, IReadOnlyList<object>?>? Items = null,
    FactRecord? Record = null);

/// <summary>The fields a condition can name at one level of the case file.</summary>
public sealed class FactRecord(string name, IEnumerable<FactMember> members)
{
    public string Name { get; } = name;
    public FrozenDictionary<string, FactMember> Members { get; } = members.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
}

/// <summary>
/// The case file as conditions see it: field names as in the interchange format (snake_case), each
/// with its type and, for enumerated fields, its allowed symbols. This is the single place where the
/// format meets the rule language; a new field in the format is one line here.
/// </summary>
public static class FactSchema
{
    public static FactRecord Service { get; } = Rec("service",
        Sym<ServicePeriod>("kind", s => s.Kind, CaseVocabulary.ServiceKind),
        Dt<ServicePeriod>("from", s => s.From),
        Dt<ServicePeriod>("to", s => s.To));

    public static FactRecord SummonsRecord { get; } = Rec("summons",
        Dt<Summons>("date", s => s.Date),
        Sym<Summons>("kind", s => s.Kind, CaseVocabulary.SummonsKind),
        Sym<Summons>("purpose", s => s.Purpose, CaseVocabulary.SummonsPurpose),
        Sym<Summons>("served", s => s.Served, CaseVocabulary.SummonsServed),
        Lst<Summons>("evidence", s => s.Evidence));

    public static FactRecord ProceedingRecord { get; } = Rec("proceeding",
        Sym<Proceeding>("country", p => p.Country, null),
        Sym<Proceeding>("kind", p => p.Kind, CaseVocabulary.ProceedingKind),
        Sym<Proceeding>("article", p => p.Article, null),
        Sym<Proceeding>("status", p => p.Status, CaseVocabulary.ProceedingStatus),
        Dt<Proceeding>("date", p => p.Date),
        Lst<Proceeding>("evidence", p => p.Evidence));

    public static FactRecord ActivityRecord { get; } = Rec("activity",
        Sym<Activity>("kind", a => a.Kind, CaseVocabulary.ActivityKind),
        Dt<Activity>("from", a => a.From),
        Dt<Activity>("to", a => a.To),
        new FactMember("audience", FactType.Number, Get: o => Value.OfNumber(((Activity)o).Audience)),
        Bl<Activity>("anti_war", a => a.AntiWar),
        Dt<Activity>("blocked", a => a.Blocked),
        Lst<Activity>("evidence", a => a.Evidence));

    public static FactRecord ApplicationRecord { get; } = Rec("application",
        Sym<Application>("country", a => a.Country, null),
        Sym<Application>("kind", a => a.Kind, CaseVocabulary.ApplicationKind),
        Dt<Application>("date", a => a.Date),
        Sym<Application>("decision", a => a.Decision, CaseVocabulary.ApplicationDecision),
        Dt<Application>("decision_date", a => a.DecisionDate),
        Lst<Application>("reasons", a => a.Reasons));

    public static FactRecord EvidenceRecord { get; } = Rec("evidence",
        Sym<EvidenceItem>("id", e => e.Id, null),
        Txt<EvidenceItem>("title", e => e.Title),
        Sym<EvidenceItem>("kind", e => e.Kind, CaseVocabulary.EvidenceKind),
        Dt<EvidenceItem>("date", e => e.Date),
        Sym<EvidenceItem>("language", e => e.Language, null),
        Bl<EvidenceItem>("translated", e => e.Translated),
        Txt<EvidenceItem>("file", e => e.File),
        Lst<EvidenceItem>("proves", e => e.Proves));

    public static FactRecord Case { get; } = Rec("case",
        Sym<CaseFile>("id", c => c.Id, null),
        Nest<CaseFile>("person", c => c.Person, Rec("person",
            Txt<Person>("name", p => p.Name),
            Lst<Person>("citizenship", p => p.Citizenship),
            new FactMember("born", FactType.Date, Get: o => ((Person)o).Born is { } b ? Value.DateRange(b.Earliest, b.Latest) : Value.Unknown),
            Sym<Person>("sex", p => p.Sex, CaseVocabulary.Sex))),
        Nest<CaseFile>("military", c => c.Military, Rec("military",
            Bl<Military>("registered", m => m.Registered),
            Sym<Military>("fitness", m => m.Fitness, CaseVocabulary.Fitness),
            Bl<Military>("reserve", m => m.Reserve),
            Txt<Military>("specialty", m => m.Specialty),
            Coll<Military>("service", m => m.Service, Service),
            Sym<Military>("status", m => m.Status, CaseVocabulary.MilitaryStatus))),
        Coll<CaseFile>("summonses", c => c.Summonses, SummonsRecord),
        Nest<CaseFile>("desertion", c => c.Desertion, Rec("desertion",
            Dt<Desertion>("date", d => d.Date),
            Txt<Desertion>("circumstances", d => d.Circumstances))),
        Coll<CaseFile>("proceedings", c => c.Proceedings, ProceedingRecord),
        Coll<CaseFile>("activity", c => c.Activity, ActivityRecord),
        Nest<CaseFile>("objection", c => c.Objection, Rec("objection",
            Sym<Objection>("basis", o => o.Basis, CaseVocabulary.ObjectionBasis),
            Txt<Objection>("religion", o => o.Religion),
            Dt<Objection>("since", o => o.Since),
            Bl<Objection>("alternative_service_requested", o => o.AlternativeServiceRequested))),
        Nest<CaseFile>("departure", c => c.Departure, Rec("departure",
            Dt<Departure>("date", d => d.Date),
            Lst<Departure>("route", d => d.Route),
            Sym<Departure>("documents", d => d.Documents, CaseVocabulary.Documents),
            Bl<Departure>("legal_exit", d => d.LegalExit))),
        Sym<CaseFile>("exit_ban", c => c.ExitBan, CaseVocabulary.ExitBan),
        Nest<CaseFile>("whereabouts", c => c.Whereabouts, Rec("whereabouts",
            Sym<Whereabouts>("country", w => w.Country, null),
            Dt<Whereabouts>("since", w => w.Since),
            Sym<Whereabouts>("status", w => w.Status, CaseVocabulary.WhereaboutsStatus))),
        Coll<CaseFile>("applications", c => c.Applications, ApplicationRecord),
        Coll<CaseFile>("evidence", c => c.Evidence, EvidenceRecord));

    /// <summary>True when the dotted path names a field, through nested records and lists of records (<c>summonses.served</c>).</summary>
    public static bool PathExists(string path)
    {
        var record = Case;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            if (!record.Members.TryGetValue(parts[i], out var m)) return false;
            if (i == parts.Length - 1) return true;
            if (m.Record is null) return false;
            record = m.Record;
        }
        return false;
    }

    private static FactRecord Rec(string name, params FactMember[] members) => new(name, members);

    private static FactMember Sym<T>(string name, Func<T, string?> get, IReadOnlySet<string>? symbols) =>
        new(name, FactType.Symbol, symbols, o => Value.Symbol(get((T)o), symbols is not null));

    private static FactMember Txt<T>(string name, Func<T, string?> get) =>
        new(name, FactType.Text, Get: o => Value.OfText(get((T)o)));

    private static FactMember Bl<T>(string name, Func<T, bool?> get) =>
        new(name, FactType.Bool, Get: o => Value.OfBool(get((T)o)));

    private static FactMember Dt<T>(string name, Func<T, NodaTime.LocalDate?> get) =>
        new(name, FactType.Date, Get: o => Value.OfDate(get((T)o)));

    // Case lists are immutable, and conditions that read one are evaluated for every destination: convert each once.
    private static readonly ConditionalWeakTable<ValueList<string>, StrongBox<Value>> SymbolLists = new();

    private static FactMember Lst<T>(string name, Func<T, ValueList<string>?> get) =>
        new(name, FactType.List, Get: o => get((T)o) is { } items ? SymbolLists.GetValue(items, i => new(Value.SymbolList(i))).Value! : Value.Unknown);

    private static FactMember Nest<T>(string name, Func<T, object?> get, FactRecord record) =>
        new(name, FactType.Record, Nested: o => get((T)o), Record: record);

    private static FactMember Coll<T>(string name, Func<T, IEnumerable<object>?> get, FactRecord item) =>
        new(name, FactType.Collection, Items: o => get((T)o) is { } items ? items as IReadOnlyList<object> ?? items.ToList() : null, Record: item);
}
