using System.Globalization;
using ExNunc.Domain.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ExNunc.Vault.Cases;

/// <summary>
/// JSON Merge Patch (RFC 7386) applied to YAML documents, and the list of fields that differ between two
/// versions of a case. A patch is a mapping: a key with a mapping merges into the field, a key with
/// <c>null</c> removes it, anything else (a scalar or a list) replaces it.
/// </summary>
public static class YamlPatch
{
    public static Result<string> Apply(string document, string patch, string patchName)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(patch);
        YamlNode target, change;
        try
        {
            target = Parse(document) ?? new YamlMappingNode();
        }
        catch (YamlException ex)
        {
            return Result<string>.Failure([new Diagnostic("patch.case", $"The stored case does not parse: {ex.Message}")]);
        }
        try
        {
            change = Parse(patch) ?? new YamlMappingNode();
        }
        catch (YamlException ex)
        {
            return Result<string>.Failure([new Diagnostic("patch.syntax", ex.Message,
                new SourceLocation(patchName, (int)ex.Start.Line, (int)ex.Start.Column))]);
        }
        if (change is not YamlMappingNode)
            return Result<string>.Failure([new Diagnostic("patch.type", "A merge patch must be a mapping of fields.", new SourceLocation(patchName, 1, 1))]);
        var merged = Merge(target, change);
        var stream = new YamlStream(new YamlDocument(merged));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return Result<string>.Success(writer.ToString());
    }

    private static YamlNode Merge(YamlNode? target, YamlNode patch)
    {
        if (patch is not YamlMappingNode patchMap) return patch;
        var result = new YamlMappingNode();
        if (target is YamlMappingNode targetMap)
            foreach (var (k, v) in targetMap.Children) result.Children[k] = v;
        foreach (var (k, v) in patchMap.Children)
        {
            if (IsNull(v)) result.Children.Remove(k);
            else result.Children[k] = Merge(result.Children.TryGetValue(k, out var existing) ? existing : null, v);
        }
        return result;
    }

    private static bool IsNull(YamlNode n) =>
        n is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>The paths of the fields that differ (<c>whereabouts.status</c>, <c>applications[1]</c>), in document order.</summary>
    public static IReadOnlyList<string> ChangedFields(string before, string after)
    {
        var changed = new List<string>();
        Diff(Parse(before), Parse(after), "", changed);
        return changed;
    }

    private static void Diff(YamlNode? a, YamlNode? b, string path, List<string> changed)
    {
        switch (a, b)
        {
            case (YamlMappingNode ma, YamlMappingNode mb):
                var keys = ma.Children.Keys.Concat(mb.Children.Keys).Select(k => ((YamlScalarNode)k).Value ?? "").Distinct(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    ma.Children.TryGetValue(new YamlScalarNode(key), out var va);
                    mb.Children.TryGetValue(new YamlScalarNode(key), out var vb);
                    Diff(va, vb, path.Length == 0 ? key : path + "." + key, changed);
                }
                break;
            case (YamlSequenceNode sa, YamlSequenceNode sb):
                for (var i = 0; i < Math.Max(sa.Children.Count, sb.Children.Count); i++)
                    Diff(i < sa.Children.Count ? sa.Children[i] : null, i < sb.Children.Count ? sb.Children[i] : null, $"{path}[{i}]", changed);
                break;
            case (YamlScalarNode xa, YamlScalarNode xb):
                if (xa.Value != xb.Value) changed.Add(path);
                break;
            case (null, null):
                break;
            default:
                changed.Add(path);
                break;
        }
    }

    private static YamlNode? Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }
}
