using ExNunc.Domain.Diagnostics;
using ExNunc.KnowledgeBase.Yaml;
using YamlDotNet.RepresentationModel;

namespace ExNunc.CaseFiles.Reading;

/// <summary>
/// Where each field path of a document was written (<c>applications[0].decision_date</c> → file,
/// line, column of its value), so that checks run on the model can point back into the text.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    public SourceMap(string file, YamlNode root) => Walk(file, root, "");

    /// <summary>The location of the field, or of its nearest written ancestor when the field itself is absent.</summary>
    public SourceLocation? Find(string? field)
    {
        var path = field ?? "";
        while (true)
        {
            if (_locations.TryGetValue(path, out var location)) return location;
            if (path.Length == 0) return null;
            var cut = path.EndsWith(']') ? path.LastIndexOf('[') : path.LastIndexOf('.');
            path = cut < 0 ? "" : path[..cut];
        }
    }

    private void Walk(string file, YamlNode node, string path)
    {
        _locations.TryAdd(path, YamlSource.At(file, node));
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        var field = path.Length == 0 ? name : path + "." + name;
                        // A section is found by its name: a block mapping or list itself starts on the next line.
                        if (value is not YamlScalarNode) _locations.TryAdd(field, YamlSource.At(file, key));
                        Walk(file, value, field);
                    }
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                    Walk(file, list.Children[i], $"{path}[{i}]");
                break;
        }
    }
}
