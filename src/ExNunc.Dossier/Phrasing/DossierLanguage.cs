using ExNunc.Domain.Knowledge;

namespace ExNunc.Dossier;

/// <summary>
/// The languages a dossier's headings and fixed phrases exist in. English and Russian cover every
/// destination; German is for German-speaking authorities. Knowledge-base texts exist in English and
/// Russian only, so a German dossier quotes them in English (<see cref="DossierLanguages.KbLanguage"/>).
/// </summary>
public enum DossierLanguage { En, De, Ru }

public static class DossierLanguages
{
    /// <summary>The codes accepted on the command line, in the order they are listed.</summary>
    public static readonly IReadOnlyList<string> Codes = ["en", "de", "ru"];

    public static bool TryParse(string? code, out DossierLanguage language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "en": language = DossierLanguage.En; return true;
            case "de": language = DossierLanguage.De; return true;
            case "ru": language = DossierLanguage.Ru; return true;
            default: language = default; return false;
        }
    }

    public static string Code(this DossierLanguage language) => language switch
    {
        DossierLanguage.De => "de",
        DossierLanguage.Ru => "ru",
        _ => "en",
    };

    /// <summary>The BCP 47 tag written into the documents (spell-checking, hyphenation, screen readers).</summary>
    public static string Tag(this DossierLanguage language) => language switch
    {
        DossierLanguage.De => "de-DE",
        DossierLanguage.Ru => "ru-RU",
        _ => "en-GB",
    };

    /// <summary>The language of knowledge-base summaries quoted in the dossier: Russian for Russian, English otherwise.</summary>
    public static Language KbLanguage(this DossierLanguage language) => language == DossierLanguage.Ru ? Language.Ru : Language.En;
}

/// <summary>A fixed phrase of the dossier in each of its languages.</summary>
public sealed record Phrase(string En, string De, string Ru)
{
    public string In(DossierLanguage language) => language switch
    {
        DossierLanguage.De => De,
        DossierLanguage.Ru => Ru,
        _ => En,
    };

    /// <summary>Fills <c>{0}</c>, <c>{1}</c>… in the chosen language.</summary>
    public string Format(DossierLanguage language, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, In(language), args);
}
