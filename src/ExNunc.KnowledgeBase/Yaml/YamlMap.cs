using System.Globalization;
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Diagnostics;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ExNunc.KnowledgeBase.Yaml;

/// <summary>
/// Strict reading of one YAML mapping: typed getters that record a diagnostic (file, line, column,
/// field path) for every wrong type or malformed value, and <see cref="Finish"/> that reports every
/// field nobody asked for as unknown. Explicit <c>null</c> and an absent key both read as null.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);

    public YamlMap(string file, YamlMappingNode node, string path, ICollection<Diagnostic> sink)
    {
        File = file;
        _node = node;
        Path = path;
        Sink = sink;
        foreach (var (k, v) in node.Children)
        {
            if (k is not YamlScalarNode key || key.Value is null)
            {
                Report("yaml.key", "Keys must be plain names.", k, path);
                continue;
            }
            if (!_fields.TryAdd(key.Value, (key, v)))
                Report("yaml.duplicate-key", $"The field '{key.Value}' appears twice.", key, Join(key.Value));
        }
    }

    public string File { get; }
    public string Path { get; }
    public ICollection<Diagnostic> Sink { get; }
    public SourceLocation Location => YamlSource.At(File, _node);

    public static YamlMap? Of(string file, YamlNode? node, string path, ICollection<Diagnostic> sink)
    {
        if (node is YamlMappingNode m) return new YamlMap(file, m, path, sink);
        if (node is not null && !IsNull(node))
            sink.Add(new Diagnostic("yaml.type", "Expected a mapping of fields.", YamlSource.At(file, node), path));
        return null;
    }

    public string Join(string key) => Path.Length == 0 ? key : Path + "." + key;

    public bool Has(string key) => _fields.ContainsKey(key);

    /// <summary>The field names, in document order (for maps keyed by id).</summary>
    public IEnumerable<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).Where(k => k is not null);

    /// <summary>The key is present, even with a null value.</summary>
    public bool HasKey(string key)
    {
        if (!_fields.ContainsKey(key)) return false;
        _read.Add(key);
        return true;
    }

    public SourceLocation LocationOf(string key) =>
        _fields.TryGetValue(key, out var f) ? YamlSource.At(File, f.Value) : Location;

    public YamlNode? Raw(string key)
    {
        _read.Add(key);
        return _fields.TryGetValue(key, out var f) && !IsNull(f.Value) ? f.Value : null;
    }

    public void Missing(string key) =>
        Sink.Add(new Diagnostic("field.required", $"The field '{key}' is required.", Location, Join(key)));

    public void Report(string code, string message, YamlNode node, string field) =>
        Sink.Add(new Diagnostic(code, message, YamlSource.At(File, node), field));

    public void Error(string key, string code, string message) =>
        Sink.Add(new Diagnostic(code, message, LocationOf(key), Join(key)));

    public string? String(string key, bool required = false)
    {
        var node = Raw(key);
        if (node is null)
        {
            if (required) Missing(key);
            return null;
        }
        if (node is YamlScalarNode s) return s.Value;
        Report("yaml.type", $"'{key}' must be a text value.", node, Join(key));
        return null;
    }

    public bool? Bool(string key, bool required = false)
    {
        var node = Raw(key);
        if (node is null) { if (required) Missing(key); return null; }
        if (node is YamlScalarNode { Value: "true" or "True" } t && IsPlain(t)) return true;
        if (node is YamlScalarNode { Value: "false" or "False" } f && IsPlain(f)) return false;
        Report("yaml.type", $"'{key}' must be true or false.", node, Join(key));
        return null;
    }

    public int? Int(string key, bool required = false)
    {
        var node = Raw(key);
        if (node is null) { if (required) Missing(key); return null; }
        if (node is YamlScalarNode s && IsPlain(s) && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
        Report("yaml.type", $"'{key}' must be a whole number.", node, Join(key));
        return null;
    }

    public decimal? Decimal(string key, bool required = false)
    {
        var node = Raw(key);
        if (node is null) { if (required) Missing(key); return null; }
        if (node is YamlScalarNode s && IsPlain(s) && decimal.TryParse(s.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) return v;
        Report("yaml.type", $"'{key}' must be a number.", node, Join(key));
        return null;
    }

    public LocalDate? Date(string key, bool required = false)
    {
        var node = Raw(key);
        if (node is null) { if (required) Missing(key); return null; }
        if (node is YamlScalarNode s && s.Value is { } text && LocalDatePattern.Iso.Parse(text) is { Success: true } r) return r.Value;
        Report("value.date", $"'{key}' must be a date written YYYY-MM-DD.", node, Join(key));
        return null;
    }

    public PartialDate? PartialDate(string key, bool required = false)
    {
        var node = Raw(key);
        if (node is null) { if (required) Missing(key); return null; }
        if (node is YamlScalarNode s && s.Value is { } text && Domain.Calendar.PartialDate.TryParse(text) is { } d) return d;
        Report("value.date", $"'{key}' must be a date written YYYY, YYYY-MM or YYYY-MM-DD.", node, Join(key));
        return null;
    }

    /// <summary>A symbol from a closed set; reports an unknown value with the allowed ones.</summary>
    public string? Symbol(string key, IReadOnlySet<string> allowed, bool required = false)
    {
        var value = String(key, required);
        if (value is not null && !allowed.Contains(value))
        {
            Error(key, "value.enum", $"'{value}' is not a valid {key}; expected one of: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
            return null;
        }
        return value;
    }

    public YamlMap? Map(string key, bool required = false)
    {
        var node = Raw(key);
        if (node is null) { if (required) Missing(key); return null; }
        return Of(File, node, Join(key), Sink);
    }

    /// <summary>The items of a list; null when absent. A scalar where a list is expected is an error.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)>? List(string key, bool required = false)
    {
        var node = Raw(key);
        if (node is null) { if (required) Missing(key); return null; }
        if (node is YamlSequenceNode seq)
            return seq.Children.Select((n, i) => (n, $"{Join(key)}[{i}]")).ToList();
        Report("yaml.type", $"'{key}' must be a list.", node, Join(key));
        return null;
    }

    public IReadOnlyList<string>? StringList(string key, bool required = false)
    {
        var items = List(key, required);
        if (items is null) return null;
        var result = new List<string>(items.Count);
        foreach (var (n, p) in items)
        {
            if (n is YamlScalarNode { Value: { } v } && !IsNull(n)) result.Add(v);
            else Sink.Add(new Diagnostic("yaml.type", "Expected a text value in the list.", YamlSource.At(File, n), p));
        }
        return result;
    }

    /// <summary>Reports every field that was never read as unknown.</summary>
    public void Finish()
    {
        foreach (var (name, (key, _)) in _fields)
            if (!_read.Contains(name))
                Report("field.unknown", $"Unknown field '{name}'.", key, Join(name));
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && s.Style == ScalarStyle.Plain && (s.Value is null or "" or "null" or "~" or "Null" or "NULL");

    private static bool IsPlain(YamlScalarNode s) => s.Style is ScalarStyle.Plain or ScalarStyle.Any;
}
