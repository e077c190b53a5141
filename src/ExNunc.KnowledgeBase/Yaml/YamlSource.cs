using ExNunc.Domain.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ExNunc.KnowledgeBase.Yaml;

/// <summary>
/// Parses one YAML or JSON document into a node tree that keeps line and column of every node.
/// JSON is read through the same parser, so both formats report problems the same way.
/// </summary>
public static class YamlSource
{
    public static (YamlNode? Root, Diagnostic? Error) Parse(string file, string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
                return (null, new Diagnostic("yaml.empty", "The document is empty.", new SourceLocation(file, 1, 1)));
            if (stream.Documents.Count > 1)
                return (null, new Diagnostic("yaml.multiple-documents", "Only one document per file is allowed.", At(file, stream.Documents[1].RootNode)));
            return (stream.Documents[0].RootNode, null);
        }
        catch (InvalidOperationException)
        {
            return (null, ParserCrash.Locate(file, text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            // YamlDotNet prefixes messages with the position; keep only the explanation.
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (cut >= 0 && message.StartsWith('(')) message = message[(cut + 3)..];
            return (null, new Diagnostic("yaml.syntax", "Malformed YAML: " + message,
                new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column)));
        }
    }

    public static SourceLocation At(string file, YamlNode node) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column);
}
