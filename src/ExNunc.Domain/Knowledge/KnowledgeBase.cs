using System.Collections.Frozen;
using System.Collections.Immutable;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Rules;
using NodaTime;

namespace ExNunc.Domain.Knowledge;

/// <summary>
/// The loaded knowledge base: entries by id, jurisdictions, and a version that is the hash of
/// every file's content, so that any edit changes it. Immutable; safe to share between threads.
/// </summary>
public sealed class KnowledgeBase : ICaseCatalog, IKbFacts
{
    private readonly FrozenDictionary<string, KbEntry> _byId;
    private readonly FrozenDictionary<string, Jurisdiction> _jurisdictions;
    private readonly FrozenDictionary<string, FrozenSet<string>> _groupsOf;

    public KnowledgeBase(IEnumerable<KbEntry> entries, IEnumerable<Jurisdiction> jurisdictions, string version)
    {
        Entries = [.. entries.OrderBy(e => e.Id, StringComparer.Ordinal)];
        _byId = Entries.DistinctBy(e => e.Id).ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        _jurisdictions = jurisdictions.DistinctBy(j => j.Code).ToFrozenDictionary(j => j.Code, StringComparer.Ordinal);
        _groupsOf = _jurisdictions.Keys.ToFrozenDictionary(c => c, Closure, StringComparer.Ordinal);
        Version = version;
    }

    public ImmutableArray<KbEntry> Entries { get; }
    public string Version { get; }
    public IEnumerable<Jurisdiction> Jurisdictions => _jurisdictions.Values.OrderBy(j => j.Code, StringComparer.Ordinal);

    public KbEntry? Find(string id) => _byId.GetValueOrDefault(id);
    public Jurisdiction? FindJurisdiction(string code) => _jurisdictions.GetValueOrDefault(code);

    public IEnumerable<KbEntry> OfKind(EntryKind kind) => Entries.Where(e => e.Kind == kind);

    /// <summary>Destination countries, in code order.</summary>
    public IEnumerable<string> Destinations =>
        Jurisdictions.Where(j => j.Role == JurisdictionRole.Destination).Select(j => j.Code);

    /// <summary>True when <paramref name="jurisdiction"/> is the country itself or a group it belongs to.</summary>
    public bool Covers(string jurisdiction, string country) =>
        _groupsOf.TryGetValue(country, out var groups) ? groups.Contains(jurisdiction) : jurisdiction == country;

    public bool Covers(KbEntry entry, string country)
    {
        foreach (var j in entry.Jurisdictions)
            if (Covers(j, country)) return true;
        return false;
    }

    public bool IsArticle(string id) => Find(id) is { Kind: EntryKind.RussianLaw, Details: RussianLawDetails };
    public bool IsObjection(string id) => Find(id) is { Kind: EntryKind.Objection };

    public decimal? Parameter(string id, LocalDate date)
    {
        if (Find(id)?.Details is not ParameterDetails p) return null;
        foreach (var v in p.Values)
            if (v.Period.Contains(date)) return v.Value;
        return null;
    }

    public bool Applies(string id, LocalDate date) => Find(id)?.AppliesOn(date) == true;

    public bool InGroup(string code, string group) => _groupsOf.TryGetValue(code, out var g) && g.Contains(group) && code != group;

    private FrozenSet<string> Closure(string code)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        var todo = new Stack<string>([code]);
        while (todo.TryPop(out var c))
            if (_jurisdictions.TryGetValue(c, out var j))
                foreach (var parent in j.MemberOf)
                    if (seen.Add(parent)) todo.Push(parent);
        return seen.ToFrozenSet(StringComparer.Ordinal);
    }
}
