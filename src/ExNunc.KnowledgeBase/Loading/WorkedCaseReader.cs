using System.Collections.Immutable;
using System.Text;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Diagnostics;
using ExNunc.KnowledgeBase.Yaml;

namespace ExNunc.KnowledgeBase.Loading;

/// <summary>Reads kb/worked-cases/*.yaml (docs/kb-format.md, "Worked cases").</summary>
public static class WorkedCaseReader
{
    public const string Folder = "worked-cases";

    public static (IReadOnlyList<WorkedCase> Cases, IReadOnlyList<Diagnostic> Diagnostics) ReadAll(string kbDirectory)
    {
        var cases = new List<WorkedCase>();
        var diagnostics = new List<Diagnostic>();
        var dir = Path.Combine(kbDirectory, Folder);
        if (!Directory.Exists(dir)) return (cases, diagnostics);
        foreach (var file in Directory.EnumerateFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
        {
            var display = "kb/" + Folder + "/" + Path.GetFileName(file);
            var (root, error) = YamlSource.Parse(display, File.ReadAllText(file, Encoding.UTF8));
            if (error is not null) { diagnostics.Add(error); continue; }
            var doc = YamlMap.Of(display, root, "", diagnostics);
            if (doc is null) continue;
            foreach (var (node, path) in doc.List("worked_cases", required: true) ?? [])
            {
                var m = YamlMap.Of(display, node, path, diagnostics);
                if (m is null) continue;
                var name = m.String("name", required: true);
                var casePath = m.String("case", required: true);
                var asOf = m.Date("as_of", required: true);
                var destination = m.String("destination", required: true);
                var expect = Expectations(m.Map("expect", required: true));
                m.Finish();
                if (name is null || casePath is null || asOf is null || destination is null || expect is null) continue;
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, casePath));
                cases.Add(new WorkedCase(name, full, asOf.Value, destination, expect, m.Location));
            }
            doc.Finish();
        }
        return (cases, diagnostics);
    }

    private static WorkedCaseExpectations? Expectations(YamlMap? m)
    {
        if (m is null) return null;
        var e = new WorkedCaseExpectations
        {
            Pathways = Dictionary(m, "pathways"),
            Grounds = Dictionary(m, "grounds"),
            Elements = Dictionary(m, "elements"),
            Objections = [.. m.StringList("objections") ?? []],
            NotObjections = [.. m.StringList("not_objections") ?? []],
            Rebuttals = Rebuttals(m),
            Practice = [.. m.StringList("practice") ?? []],
            Exposure = [.. m.StringList("exposure") ?? []],
            NotExposure = [.. m.StringList("not_exposure") ?? []],
        };
        m.Finish();
        return e;
    }

    private static ImmutableDictionary<string, string> Dictionary(YamlMap parent, string key)
    {
        var m = parent.Map(key);
        if (m is null) return ImmutableDictionary<string, string>.Empty;
        var result = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var name in m.Keys) if (m.String(name) is { } v) result[name] = v;
        m.Finish();
        return result.ToImmutable();
    }

    private static ImmutableDictionary<string, ImmutableArray<string>> Rebuttals(YamlMap parent)
    {
        var m = parent.Map("rebuttals");
        if (m is null) return ImmutableDictionary<string, ImmutableArray<string>>.Empty;
        var result = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>();
        foreach (var name in m.Keys) result[name] = [.. m.StringList(name) ?? []];
        m.Finish();
        return result.ToImmutable();
    }
}
