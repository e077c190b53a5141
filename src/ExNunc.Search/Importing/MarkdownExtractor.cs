using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ExNunc.Search.Importing;

/// <summary>
/// Markdown (CommonMark as people write it): ATX (<c># Title</c>) and Setext headings, paragraphs,
/// list items, block quotes, tables (a row becomes a block, cells joined with " · ") and fenced code.
/// Inline markup is removed: emphasis, code spans, links (their text is kept), images (their alt text)
/// and HTML tags. A YAML front matter block at the top is skipped. The first heading is the title.
/// </summary>
internal static partial class MarkdownExtractor
{
    public static ExtractedDocument Extract(byte[] bytes)
    {
        var lines = TextDecoding.Decode(bytes).ReplaceLineEndings("\n").Split('\n');
        var blocks = ImmutableArray.CreateBuilder<ExtractedBlock>();
        var paragraph = new List<string>();
        var start = 0;
        var i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            var end = Array.FindIndex(lines, 1, l => l.Trim() is "---" or "...");
            if (end > 0) i = end + 1;
        }

        void Flush()
        {
            if (paragraph.Count == 0) return;
            var text = Inline(Paragraphs.JoinLines(paragraph));
            if (text.Length > 0) blocks.Add(new ExtractedBlock(text, null, start, false));
            paragraph.Clear();
        }

        var inFence = false;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                Flush();
                inFence = !inFence;
                continue;
            }
            if (inFence)
            {
                if (trimmed.Length > 0) blocks.Add(new ExtractedBlock(Paragraphs.Normalise(trimmed), null, i + 1, false));
                continue;
            }
            if (trimmed.Length == 0) { Flush(); continue; }

            var heading = AtxHeading().Match(trimmed);
            if (heading.Success)
            {
                Flush();
                var text = Inline(heading.Groups[1].Value.TrimEnd('#', ' '));
                if (text.Length > 0) blocks.Add(new ExtractedBlock(text, null, i + 1, true));
                continue;
            }
            if (paragraph.Count == 1 && (SetextRule().IsMatch(trimmed)))
            {
                var text = Inline(Paragraphs.JoinLines(paragraph));
                paragraph.Clear();
                if (text.Length > 0) blocks.Add(new ExtractedBlock(text, null, start, true));
                continue;
            }
            if (ThematicBreak().IsMatch(trimmed)) { Flush(); continue; }
            if (trimmed.StartsWith('|'))
            {
                Flush();
                if (TableDelimiter().IsMatch(trimmed)) continue;
                var cells = trimmed.Trim('|').Split('|').Select(c => Inline(c.Trim())).Where(c => c.Length > 0);
                var row = string.Join(" · ", cells);
                if (row.Length > 0) blocks.Add(new ExtractedBlock(row, null, i + 1, false));
                continue;
            }
            var item = ListItem().Match(line);
            if (item.Success)
            {
                Flush();
                start = i + 1;
                paragraph.Add(item.Groups[1].Value);
                continue;
            }
            if (paragraph.Count == 0) start = i + 1;
            paragraph.Add(trimmed.StartsWith('>') ? trimmed.TrimStart('>', ' ') : trimmed);
        }
        Flush();
        var title = blocks.FirstOrDefault(b => b.IsHeading)?.Text;
        return new ExtractedDocument(FileFormat.Markdown, blocks.ToImmutable(), title);
    }

    /// <summary>Removes inline Markdown, keeping the words a reader sees.</summary>
    internal static string Inline(string text)
    {
        text = Image().Replace(text, "$1");
        text = Link().Replace(text, "$1");
        text = AutoLink().Replace(text, "$1");
        text = HtmlTag().Replace(text, "");
        text = CodeSpan().Replace(text, "$1");
        text = StarEmphasis().Replace(text, "$2");
        text = UnderscoreEmphasis().Replace(text, "$2");
        text = text.Replace("\\", "", StringComparison.Ordinal);
        return Paragraphs.Normalise(text);
    }

    [GeneratedRegex(@"^#{1,6}\s+(.*)$")]
    private static partial Regex AtxHeading();
    [GeneratedRegex(@"^(=+|-+)$")]
    private static partial Regex SetextRule();
    [GeneratedRegex(@"^([-*_])(\s*\1){2,}$")]
    private static partial Regex ThematicBreak();
    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableDelimiter();
    [GeneratedRegex(@"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$")]
    private static partial Regex ListItem();
    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();
    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();
    [GeneratedRegex(@"<((?:https?|mailto):[^>\s]+)>")]
    private static partial Regex AutoLink();
    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex HtmlTag();
    [GeneratedRegex(@"`+([^`]*)`+")]
    private static partial Regex CodeSpan();
    [GeneratedRegex(@"(\*\*|\*)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex StarEmphasis();
    // Underscores inside a word (snake_case, file names) are not emphasis in CommonMark.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(__|_)(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}])")]
    private static partial Regex UnderscoreEmphasis();
}
