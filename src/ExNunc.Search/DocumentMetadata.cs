using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ExNunc.Domain.Calendar;

namespace ExNunc.Search;

/// <summary>
/// What is known about a document before its text is read: from the command line, from its sidecar
/// YAML, or both. Every field may be missing (null or empty); a missing publication date means the
/// document is left out of every search with a published-on-or-before date, since nobody can say it
/// stood on that date.
/// </summary>
public sealed record DocumentMetadata
{
    public string? Title { get; init; }
    public string? Publisher { get; init; }
    public string? Url { get; init; }
    /// <summary>The day, month or year of publication. A date known only to the month counts as published on the last day of that month.</summary>
    public PartialDate? Published { get; init; }
    /// <summary>The countries the document is about or from (ISO alpha-2 or a group such as EU).</summary>
    public ImmutableArray<string> Countries { get; init; } = [];
    public ResearchKind? Kind { get; init; }
    /// <summary>The language declared for the whole document; null means detect it per passage.</summary>
    public ResearchLanguage? Language { get; init; }

    public static DocumentMetadata Empty { get; } = new();

    /// <summary>A stable fingerprint of the metadata, so that a re-import with the same file and the same metadata changes nothing.</summary>
    internal string Fingerprint()
    {
        var text = string.Join("\u001f", Title, Publisher, Url, Published?.ToString(), string.Join(",", Countries), Kind?.Code(), Language?.Code());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
