using System.Collections.Frozen;

namespace ExNunc.Search.Importing;

/// <summary>
/// Tells Russian, German and English apart, which is all the research index needs. The rules, in order:
/// <list type="number">
/// <item>If at least 30% of the letters are Cyrillic, the text is Russian (Russian COI quotes Latin names and
/// acronyms, but Russian prose is overwhelmingly Cyrillic).</item>
/// <item>Otherwise German and English are scored on their most frequent function words
/// (one point per occurrence), and German gets two points per ä, ö, ü or ß, which English never uses;
/// German wins if it scores higher, English otherwise (ties and texts without signals are English).</item>
/// </list>
/// A text with too few letters to judge (a heading, a table cell) returns null, and the caller falls back
/// to the language of the whole document.
/// </summary>
public static class LanguageDetector
{
    /// <summary>Below this many letters a passage is too short to judge on its own.</summary>
    public const int MinimumLetters = 24;

    private static readonly FrozenSet<string> German = FrozenSet.ToFrozenSet(
    [
        "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "des", "ein", "eine", "einer", "eines",
        "zu", "auf", "für", "sich", "wird", "werden", "wurde", "wurden", "im", "sind", "auch", "nach", "bei", "aus",
        "über", "oder", "dass", "als", "wie", "noch", "nur", "vor", "zum", "zur", "kann", "hat", "haben", "sie", "er",
        "es", "wir", "ihr", "ihre", "seine", "gegen", "durch", "unter", "keine", "kein", "sowie", "bereits", "jedoch",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> English = FrozenSet.ToFrozenSet(
    [
        "the", "and", "of", "to", "is", "that", "for", "with", "are", "on", "by", "be", "not", "from",
        "this", "has", "have", "which", "were", "been", "or", "at", "as", "it", "its", "their", "they", "he",
        "his", "who", "would", "can", "may", "under", "against", "after", "before", "no", "any", "into",
        "than", "such", "these", "those", "had", "but", "if", "there", "about", "between", "when",
    ], StringComparer.Ordinal);

    // Words that are common in both languages ("in", "an", "was", "will", "also") are in neither list.

    /// <summary>The language of <paramref name="text"/>, or null when it has too few letters to tell.</summary>
    public static ResearchLanguage? Detect(ReadOnlySpan<char> text)
    {
        int letters = 0, cyrillic = 0, umlauts = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c is >= '\u0400' and <= '\u04FF') cyrillic++;
            else if (c is 'ä' or 'ö' or 'ü' or 'ß' or 'Ä' or 'Ö' or 'Ü') umlauts++;
        }
        if (letters < MinimumLetters) return null;
        if (cyrillic * 10 >= letters * 3) return ResearchLanguage.Ru;

        int de = umlauts * 2, en = 0;
        var start = -1;
        Span<char> lower = stackalloc char[7];
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && char.IsLetter(text[i]);
            if (isLetter && start < 0) start = i;
            else if (!isLetter && start >= 0)
            {
                var word = text[start..i];
                if (word.Length <= 7)
                {
                    var w = new string(lower[..word.ToLowerInvariant(lower)]);
                    if (German.Contains(w)) de++;
                    if (English.Contains(w)) en++;
                }
                start = -1;
            }
        }
        return de > en ? ResearchLanguage.De : ResearchLanguage.En;
    }
}
