using ExNunc.Domain.Diagnostics;
using YamlDotNet.Core;

namespace ExNunc.KnowledgeBase.Yaml;

/// <summary>
/// YamlDotNet 18 throws <see cref="InvalidOperationException"/> instead of a <see cref="YamlException"/>
/// when a flow list or mapping is left open and a plain scalar runs to the end of the text
/// (<c>a: [b</c> followed by <c>c: {</c>). Malformed input still deserves a located syntax error, so
/// this re-runs the parser event by event and points at the last place it understood.
/// </summary>
internal static class ParserCrash
{
    public static Diagnostic Locate(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = new Mark();
        try
        {
            while (parser.MoveNext()) last = parser.Current!.Start;
        }
        catch (Exception ex) when (ex is InvalidOperationException or YamlException)
        {
            // Expected: this is the failure being located.
        }
        return new Diagnostic("yaml.syntax", "Malformed YAML: a list [..] or mapping {..} opened here is not closed.",
            new SourceLocation(file, (int)last.Line, (int)last.Column));
    }
}
