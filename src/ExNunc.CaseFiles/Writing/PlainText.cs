using System.Collections.Frozen;

namespace ExNunc.CaseFiles.Writing;

/// <summary>
/// Decides whether a text may be written unquoted in YAML without another reader taking it for
/// something else: null, a boolean (YAML 1.1 reads yes, no, on, off), a number or a date. Only a
/// text that starts with a letter and is no such word qualifies; YAML syntax (': ', ' #', flow
/// indicators inside [..]) is left to the emitter, which quotes where the grammar requires.
/// </summary>
internal static class PlainText
{
    private static readonly FrozenSet<string> TypedWords = new[]
    {
        "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsSafe(string text) =>
        text.Length > 0
        && char.IsLetter(text[0])
        && !char.IsWhiteSpace(text[^1])
        && !TypedWords.Contains(text)
        && !text.Any(IsSpecial);

    // Line breaks of every kind (NEL and the Unicode separators count in YAML 1.1), controls, tabs and the byte-order mark.
    private static bool IsSpecial(char c) =>
        char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c);
}
