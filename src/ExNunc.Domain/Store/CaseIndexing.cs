using System.Collections.Immutable;
using ExNunc.Domain.Cases;

namespace ExNunc.Domain.Store;

/// <summary>What a store may know about a case without its key, computed from the case.</summary>
public static class CaseIndexing
{
    /// <summary>
    /// The destination codes of a case: every country it applied to, and the country of its whereabouts
    /// unless the person is still in the country of origin or in transit (where being listed could expose
    /// them). Sorted, upper case, without duplicates.
    /// </summary>
    public static ImmutableArray<string> Destinations(CaseFile c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var a in c.Applications ?? ValueList<Application>.Empty)
            if (a.Country is { Length: > 0 } country) codes.Add(country.ToUpperInvariant());
        if (c.Whereabouts is { Country: { Length: > 0 } here, Status: var status } && status is not ("in-origin" or "transit" or null)
            && !(c.Person?.Citizenship?.Contains(here, StringComparer.OrdinalIgnoreCase) ?? false))
            codes.Add(here.ToUpperInvariant());
        return [.. codes];
    }
}
