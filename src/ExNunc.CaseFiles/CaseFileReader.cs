using ExNunc.CaseFiles.Reading;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using ExNunc.KnowledgeBase.Yaml;
using YamlDotNet.RepresentationModel;

namespace ExNunc.CaseFiles;

/// <summary>
/// Reads one case file in the interchange format, version 1, written as YAML or JSON. Strict: an
/// unknown field, a wrong type, a value outside the format's vocabulary, a malformed date and every
/// failed <see cref="CaseChecks"/> rule is an error naming file, line, column and field path, and all
/// of a file's problems are reported together. A field left out reads as null ("unknown").
/// </summary>
public static class CaseFileReader
{
    /// <param name="file">The name to report problems under; nothing is read from it.</param>
    /// <param name="text">The document, YAML or JSON.</param>
    /// <param name="catalog">The knowledge base to check article and objection ids against; null skips those checks.</param>
    public static Result<CaseFile> Read(string file, string text, ICaseCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);

        var (node, syntax) = Parse(file, text);
        if (syntax is not null) return Result<CaseFile>.Failure([syntax]);

        var found = new List<Diagnostic>();
        var root = YamlMap.Of(file, node, "", found);
        if (root is null)
        {
            if (found.Count == 0)
                found.Add(new Diagnostic("yaml.type", "A case file must be a mapping of fields.", new SourceLocation(file, 1, 1)));
            return Result<CaseFile>.Failure(found);
        }
        if (CaseDocument.UnsupportedVersion(root) is { } unsupported) return Result<CaseFile>.Failure([unsupported]);

        var c = CaseDocument.Read(root);
        var sources = new SourceMap(file, node!);
        // A field already reported while reading (say, a missing id) is not reported again by a check.
        var reported = found.Select(d => d.Field).ToHashSet(StringComparer.Ordinal);
        found.AddRange(CaseChecks.Check(c, catalog)
            .Where(d => !reported.Contains(d.Field))
            .Select(d => d with { Location = sources.Find(d.Field) }));

        var ordered = found
            .OrderBy(d => d.Location?.Line ?? int.MaxValue)
            .ThenBy(d => d.Location?.Column ?? int.MaxValue);
        return Result<CaseFile>.From(c, ordered);
    }

    private static (YamlNode? Root, Diagnostic? Error) Parse(string file, string text) => YamlSource.Parse(file, text);
}
