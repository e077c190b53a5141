using System.Collections.Immutable;
using System.Text;

namespace ExNunc.Search.Importing;

/// <summary>
/// A passage: the unit the index finds and shows. It keeps where it stands in its document.
/// </summary>
/// <param name="Ordinal">1-based position of the passage in its document.</param>
/// <param name="Text">The passage; a heading that opens it is its first line.</param>
/// <param name="Language">The language the passage is analysed in.</param>
/// <param name="Page">1-based page, for PDFs.</param>
/// <param name="Line">1-based line where the passage starts, for text, Markdown and HTML.</param>
/// <param name="Section">The heading the passage stands under, if the document has headings.</param>
public sealed record Passage(int Ordinal, string Text, ResearchLanguage Language, int? Page, int? Line, string? Section);

/// <summary>
/// Cuts a document into passages, one per paragraph, as a reader would cite it:
/// <list type="bullet">
/// <item>A heading is not a passage of its own: it opens the next passage (with any headings just above
/// it, such as the document title) and becomes the section of every passage under it.</item>
/// <item>Short blocks on the same page (list items, table rows under 160 characters) are gathered into
/// one passage of up to 600 characters, so that a list is found as a whole.</item>
/// <item>A paragraph longer than <see cref="MaxChars"/> is cut at sentence ends.</item>
/// <item>Each passage's language is the declared language of the document if there is one; otherwise
/// it is detected on the passage (<see cref="LanguageDetector"/>), falling back to the language the file
/// declares (HTML <c>lang</c>), then to the language detected on the whole document.</item>
/// </list>
/// </summary>
public static class PassageSplitter
{
    public const int MaxChars = 1200;
    private const int ShortBlock = 160;
    private const int GatheredMax = 600;

    internal static ImmutableArray<Passage> Split(ExtractedDocument document, ResearchLanguage? declared)
    {
        var whole = new StringBuilder();
        foreach (var b in document.Blocks)
        {
            if (whole.Length > 20_000) break;
            whole.Append(b.Text).Append(' ');
        }
        var fallback = document.Language ?? LanguageDetector.Detect(whole.ToString()) ?? ResearchLanguage.En;

        var pieces = new List<(string Text, int? Page, int? Line, string? Section)>();
        var headings = new List<string>();
        string? section = null;
        (StringBuilder Text, int? Page, int? Line, string? Section)? gathering = null;

        void EndGathering()
        {
            if (gathering is { } g) pieces.Add((g.Text.ToString(), g.Page, g.Line, g.Section));
            gathering = null;
        }

        foreach (var block in document.Blocks)
        {
            if (!block.Text.Any(char.IsLetterOrDigit)) continue;
            if (block.IsHeading)
            {
                EndGathering();
                headings.Add(block.Text);
                section = block.Text;
                continue;
            }
            var text = block.Text;
            if (headings.Count > 0)
            {
                text = string.Join("\n", headings) + "\n" + text;
                headings.Clear();
            }
            if (block.Text.Length < ShortBlock)
            {
                if (gathering is { } g && g.Page == block.Page && g.Text.Length + text.Length < GatheredMax)
                {
                    g.Text.Append('\n').Append(text);
                    continue;
                }
                EndGathering();
                gathering = (new StringBuilder(text), block.Page, block.Line, section);
                continue;
            }
            EndGathering();
            foreach (var chunk in Chunks(text)) pieces.Add((chunk, block.Page, block.Line, section));
        }
        EndGathering();
        if (headings.Count > 0) pieces.Add((string.Join("\n", headings), document.Blocks[^1].Page, document.Blocks[^1].Line, section));

        var passages = ImmutableArray.CreateBuilder<Passage>(pieces.Count);
        foreach (var (text, page, line, sec) in pieces)
        {
            var language = declared ?? LanguageDetector.Detect(text) ?? fallback;
            passages.Add(new Passage(passages.Count + 1, text, language, page, line, sec));
        }
        return passages.ToImmutable();
    }

    /// <summary>Cuts a long paragraph at sentence ends into pieces of at most <see cref="MaxChars"/> (a sentence longer than that is cut at a space).</summary>
    internal static IEnumerable<string> Chunks(string text)
    {
        if (text.Length <= MaxChars)
        {
            yield return text;
            yield break;
        }
        var start = 0;
        while (text.Length - start > MaxChars)
        {
            var cut = -1;
            for (var i = start + MaxChars - 1; i > start + MaxChars / 3; i--)
            {
                if (text[i] == ' ' && text[i - 1] is '.' or '!' or '?' or ';' or '»' or '"')
                {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) cut = text.LastIndexOf(' ', start + MaxChars - 1, MaxChars - 1);
            if (cut <= start) cut = start + MaxChars;
            yield return text[start..cut].Trim();
            start = cut;
        }
        var rest = text[start..].Trim();
        if (rest.Length > 0) yield return rest;
    }
}
