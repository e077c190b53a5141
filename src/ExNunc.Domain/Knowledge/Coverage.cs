using System.Collections.Immutable;
using NodaTime;

namespace ExNunc.Domain.Knowledge;

/// <summary>What the knowledge base knows about one country, and what is missing.</summary>
public sealed record CountryCoverage(
    string Country,
    JurisdictionRole Role,
    ImmutableSortedDictionary<string, int> EntriesByKind,
    LocalDate? OldestVerified,
    LocalDate? NewestSource,
    int WorkedCases,
    ImmutableArray<string> Missing);

/// <summary>Computes per-country coverage (<c>exnunc kb coverage</c>).</summary>
public static class Coverage
{
    public const string NoEntryRoute = "no entry route";
    public const string NoProtectionRoute = "no protection route";
    public const string NoPractice = "no practice";
    public const string NoHandBackRisk = "no hand-back risk";
    public const string NoRecentSource = "no source newer than a year";
    public const string NoWorkedCase = "no worked case";

    /// <param name="kb">The knowledge base.</param>
    /// <param name="workedCases">Destination codes of the worked cases.</param>
    /// <param name="today">Sources older than a year before this date count as stale.</param>
    /// <param name="kindName">How kinds are named in kb/ files.</param>
    public static ImmutableArray<CountryCoverage> Compute(KnowledgeBase kb, IEnumerable<string> workedCases, LocalDate today, Func<EntryKind, string> kindName)
    {
        var worked = workedCases.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var rows = ImmutableArray.CreateBuilder<CountryCoverage>();
        foreach (var j in kb.Jurisdictions.Where(j => j.Role is JurisdictionRole.Destination or JurisdictionRole.Transit))
        {
            var own = kb.Entries.Where(e => e.Jurisdictions.Contains(j.Code)).ToList();
            var byKind = own.GroupBy(e => kindName(e.Kind)).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var newest = own.SelectMany(e => e.Sources).Where(s => s.Published is not null).Select(s => (LocalDate?)s.Published!.Value.Latest).Max();
            var pathways = own.Where(e => e.Kind == EntryKind.Pathway).Select(e => e.Id).ToList();
            var missing = new List<string>();
            if (!pathways.Any(id => id.Contains("-entry", StringComparison.Ordinal) || id.Contains("-visa", StringComparison.Ordinal) || id.Contains("-humanitarian", StringComparison.Ordinal))) missing.Add(NoEntryRoute);
            if (j.Role == JurisdictionRole.Destination && !pathways.Any(id => id.Contains("-asylum", StringComparison.Ordinal))) missing.Add(NoProtectionRoute);
            if (!own.Any(e => e.Kind is EntryKind.Practice or EntryKind.Policy or EntryKind.CaseLaw)) missing.Add(NoPractice);
            if (j.Role == JurisdictionRole.Transit && !own.Any(e => e.Kind == EntryKind.CoiFact || e.Id.Contains("extradition", StringComparison.Ordinal)))
                missing.Add(NoHandBackRisk);
            if (newest is null || newest < today.PlusYears(-1)) missing.Add(NoRecentSource);
            if (!worked.ContainsKey(j.Code)) missing.Add(NoWorkedCase);
            rows.Add(new CountryCoverage(j.Code, j.Role, byKind,
                own.Count == 0 ? null : own.Min(e => e.Verified), newest, worked.GetValueOrDefault(j.Code), [.. missing]));
        }
        return rows.ToImmutable();
    }
}
