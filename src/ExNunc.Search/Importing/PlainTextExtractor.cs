using System.Collections.Immutable;

namespace ExNunc.Search.Importing;

/// <summary>
/// Plain text: paragraphs are separated by blank lines. A file with no blank line between its lines of
/// text whose lines are long (over 100 characters on average: paragraphs that were never wrapped) is
/// read as one paragraph per line, the way many exports are written. A short first line is the title.
/// </summary>
internal static class PlainTextExtractor
{
    public static ExtractedDocument Extract(byte[] bytes)
    {
        var lines = TextDecoding.Decode(bytes).ReplaceLineEndings("\n").Split('\n');
        var blocks = ImmutableArray.CreateBuilder<ExtractedBlock>();
        var textLines = lines.Where(l => l.Trim().Length > 0).ToList();
        var perLine = textLines.Count > 1 && !HasBlankLineBetweenText(lines) && textLines.Average(l => l.Length) > 100;
        var current = new List<string>();
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var blank = i == lines.Length || lines[i].Trim().Length == 0;
            if (!blank && current.Count == 0) start = i + 1;
            if (!blank) current.Add(lines[i]);
            if ((blank || perLine) && current.Count > 0)
            {
                var text = Paragraphs.JoinLines(current);
                blocks.Add(new ExtractedBlock(text, null, start, current.Count == 1 && Paragraphs.LooksLikeHeading(text)));
                current.Clear();
            }
        }
        var title = blocks.Count > 0 && blocks[0].IsHeading ? blocks[0].Text : null;
        return new ExtractedDocument(FileFormat.Text, blocks.ToImmutable(), title);
    }

    private static bool HasBlankLineBetweenText(string[] lines)
    {
        var seenText = false;
        var blankAfterText = false;
        foreach (var l in lines)
        {
            if (l.Trim().Length == 0) { blankAfterText = seenText; continue; }
            if (blankAfterText) return true;
            seenText = true;
        }
        return false;
    }
}
