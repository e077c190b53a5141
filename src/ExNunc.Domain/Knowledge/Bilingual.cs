namespace ExNunc.Domain.Knowledge;

/// <summary>The languages of the user interface and of knowledge-base summaries.</summary>
public enum Language { En, Ru }

/// <summary>A text in English and Russian. Both are required in the knowledge base.</summary>
public sealed record Bilingual(string En, string Ru)
{
    public string In(Language language) => language == Language.Ru ? Ru : En;

    /// <summary>Replaces <c>{name}</c> placeholders in both languages.</summary>
    public Bilingual Fill(Func<string, string?> lookup) => new(FillOne(En, lookup), FillOne(Ru, lookup));

    private static string FillOne(string text, Func<string, string?> lookup)
    {
        if (!text.Contains('{', StringComparison.Ordinal)) return text;
        var sb = new System.Text.StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0) { sb.Append(text, i, text.Length - i); break; }
            var close = text.IndexOf('}', open + 1);
            if (close < 0) { sb.Append(text, i, text.Length - i); break; }
            sb.Append(text, i, open - i);
            var name = text.Substring(open + 1, close - open - 1);
            sb.Append(lookup(name) ?? "?");
            i = close + 1;
        }
        return sb.ToString();
    }
}
