using System.Text;

namespace ExNunc.Search.Importing;

/// <summary>Shared rules for turning lines into paragraphs and telling headings from prose.</summary>
internal static class Paragraphs
{
    /// <summary>
    /// Joins the lines of one paragraph with spaces, re-joining words hyphenated at a line end
    /// ("mobili-" + "sation") when the next line goes on in lower case.
    /// </summary>
    public static string JoinLines(IReadOnlyList<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (sb.Length > 0)
            {
                var hyphenated = sb.Length > 1 && sb[^1] is '-' or '\u00AD' && char.IsLetter(sb[^2]) && char.IsLower(line[0]);
                if (hyphenated) sb.Length--;
                else sb.Append(' ');
            }
            sb.Append(line);
        }
        return Normalise(sb.ToString());
    }

    /// <summary>Collapses runs of white space (including non-breaking spaces) to one space.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = sb.Length > 0;
                continue;
            }
            if (c == '\u00AD') continue;
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A heading in a format that does not mark headings (plain text, PDF without a larger font):
    /// a short block of one line that does not end like a sentence.
    /// </summary>
    public static bool LooksLikeHeading(string text) =>
        text.Length is > 0 and <= 90 && text[^1] is not ('.' or ',' or ';' or ':' or '!' or '?' or '»' or '"' or ')')
        && text.Any(char.IsLetter);
}
