using System.Collections.Immutable;

namespace ExNunc.Search;

/// <summary>The languages the research index analyses: each has its own stemmer and stop words.</summary>
public enum ResearchLanguage { Ru, En, De }

/// <summary>
/// What a document is. The first five are the kinds a user imports; <see cref="Policy"/> and
/// <see cref="Analysis"/> are only given to knowledge-base entries (national policy and practice;
/// pathways, grounds, objections, rebuttals and the like).
/// </summary>
public enum ResearchKind { Coi, Decision, Law, News, NgoReport, Policy, Analysis }

/// <summary>Where a passage comes from: an imported document or the knowledge base.</summary>
public enum PassageSource { Import, KnowledgeBase }

/// <summary>The written codes of the vocabulary (command line, sidecar files, JSON, the index).</summary>
public static class ResearchCodes
{
    public static ImmutableArray<ResearchLanguage> Languages { get; } = [ResearchLanguage.Ru, ResearchLanguage.En, ResearchLanguage.De];

    /// <summary>The kinds a user may give an imported document.</summary>
    public static ImmutableArray<ResearchKind> ImportKinds { get; } =
        [ResearchKind.Coi, ResearchKind.Decision, ResearchKind.Law, ResearchKind.News, ResearchKind.NgoReport];

    public static string Code(this ResearchLanguage language) => language switch
    {
        ResearchLanguage.Ru => "ru",
        ResearchLanguage.En => "en",
        ResearchLanguage.De => "de",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    public static ResearchLanguage? ParseLanguage(string text) => text.Trim().ToLowerInvariant() switch
    {
        "ru" => ResearchLanguage.Ru,
        "en" => ResearchLanguage.En,
        "de" => ResearchLanguage.De,
        _ => null,
    };

    public static string Code(this ResearchKind kind) => kind switch
    {
        ResearchKind.Coi => "coi",
        ResearchKind.Decision => "decision",
        ResearchKind.Law => "law",
        ResearchKind.News => "news",
        ResearchKind.NgoReport => "ngo-report",
        ResearchKind.Policy => "policy",
        ResearchKind.Analysis => "analysis",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ResearchKind? ParseKind(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        foreach (var k in Enum.GetValues<ResearchKind>())
            if (k.Code() == t) return k;
        return null;
    }

    public static string Code(this PassageSource source) => source == PassageSource.KnowledgeBase ? "kb" : "import";

    /// <summary>The groups a document may be filed under besides countries, as the knowledge base names them.</summary>
    public static ImmutableArray<string> Groups { get; } = ["EU", "EEA", "SCHENGEN", "COE", "INT", "EU-QD"];

    /// <summary>
    /// A country or group code as the knowledge base writes them: ISO 3166-1 alpha-2 (RU, DE), or one of
    /// <see cref="Groups"/>; null for anything else ("Russia" is not a code).
    /// </summary>
    public static string? NormaliseCountry(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        if (Groups.Contains(t)) return t;
        return t.Length == 2 && char.IsAsciiLetterUpper(t[0]) && char.IsAsciiLetterUpper(t[1]) ? t : null;
    }
}
