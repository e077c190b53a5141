using System.Text.RegularExpressions;
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using ExNunc.KnowledgeBase.Yaml;
using YamlDotNet.RepresentationModel;

namespace ExNunc.CaseFiles.Reading;

/// <summary>
/// The value shapes of the case format on top of <see cref="YamlMap"/>. Lists keep one entry per
/// written item, even a bad one (as a placeholder), so that field paths such as
/// <c>summonses[2].evidence[1]</c> computed later from the model still point at what was written.
/// </summary>
internal static partial class FieldReading
{
    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCode();

    public static string? Country(this YamlMap map, string key)
    {
        var value = map.String(key);
        if (value is null || CountryCode().IsMatch(value)) return value;
        map.Error(key, "value.country", $"'{value}' is not a country code; write two capital letters (ISO 3166-1 alpha-2), such as RU.");
        return null;
    }

    public static ValueList<string>? Countries(this YamlMap map, string key)
    {
        var items = map.List(key);
        if (items is null) return null;
        var codes = new List<string>(items.Count);
        foreach (var (node, path) in items)
        {
            var value = Text(map, node, path);
            if (value.Length > 0 && !CountryCode().IsMatch(value))
                map.Report("value.country", $"'{value}' is not a country code; write two capital letters (ISO 3166-1 alpha-2), such as RU.", node, path);
            codes.Add(value);
        }
        return codes.ToValueList();
    }

    public static ValueList<string>? Texts(this YamlMap map, string key)
    {
        var items = map.List(key);
        return items?.Select(item => Text(map, item.Node, item.Path)).ToValueList();
    }

    /// <summary>A year or a full date; the format does not allow a month alone for a birth.</summary>
    public static PartialDate? YearOrDate(this YamlMap map, string key)
    {
        var value = map.PartialDate(key);
        if (value is not { Month: not null, Day: null }) return value;
        map.Error(key, "value.date", $"'{key}' must be a year (YYYY) or a full date (YYYY-MM-DD).");
        return null;
    }

    public static int? Count(this YamlMap map, string key)
    {
        var value = map.Int(key);
        if (value is not < 0) return value;
        map.Error(key, "value.range", $"'{key}' cannot be negative.");
        return null;
    }

    /// <summary>A list of mappings, each read by <paramref name="read"/> and then checked for unknown fields.</summary>
    public static ValueList<T>? Items<T>(this YamlMap map, string key, Func<YamlMap, T> read, T placeholder)
    {
        var items = map.List(key);
        if (items is null) return null;
        var result = new List<T>(items.Count);
        foreach (var (node, path) in items)
        {
            if (ItemMap(map, node, path) is { } item)
            {
                result.Add(read(item));
                item.Finish();
            }
            else result.Add(placeholder);
        }
        return result.ToValueList();
    }

    /// <summary>A nested mapping read by <paramref name="read"/> and then checked for unknown fields.</summary>
    public static T? Section<T>(this YamlMap map, string key, Func<YamlMap, T> read) where T : class
    {
        var section = map.Map(key);
        if (section is null) return null;
        var value = read(section);
        section.Finish();
        return value;
    }

    private static YamlMap? ItemMap(YamlMap parent, YamlNode node, string path)
    {
        if (YamlMap.IsNull(node))
        {
            parent.Report("yaml.type", "Expected a mapping of fields, found nothing.", node, path);
            return null;
        }
        return YamlMap.Of(parent.File, node, path, parent.Sink);
    }

    /// <summary>A text item of a list; a bad item is reported and kept as an empty placeholder.</summary>
    private static string Text(YamlMap map, YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } value } && !YamlMap.IsNull(node)) return value;
        map.Sink.Add(new Diagnostic("yaml.type", "Expected a text value in the list.", YamlSource.At(map.File, node), path));
        return "";
    }
}
