using System.Collections.Immutable;
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ExNunc.Search.Importing;

/// <summary>
/// The metadata file beside an imported document: for <c>report.pdf</c> it is <c>report.pdf.yaml</c>
/// (or <c>.yml</c>). Fields, all optional: <c>title</c>, <c>publisher</c>, <c>url</c>,
/// <c>published</c> (YYYY, YYYY-MM or YYYY-MM-DD), <c>country</c> (a code or a list of codes),
/// <c>kind</c> (coi, decision, law, news, ngo-report) and <c>lang</c> (ru, en, de). Reading is strict:
/// an unknown field or a bad value is an error naming file, line and column.
/// </summary>
public static class Sidecar
{
    private static readonly ImmutableArray<string> Fields = ["title", "publisher", "url", "published", "country", "kind", "lang"];

    /// <summary>The sidecar path of a document, or null when it has none.</summary>
    public static string? Find(string documentPath)
    {
        foreach (var ext in (string[])[".yaml", ".yml"])
            if (File.Exists(documentPath + ext)) return documentPath + ext;
        return null;
    }

    public static Result<DocumentMetadata> Read(string path, string text)
    {
        var errors = new List<Diagnostic>();
        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0) return Result<DocumentMetadata>.Success(DocumentMetadata.Empty);
            root = stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            return Fail(new Diagnostic("sidecar.syntax", "Malformed YAML: " + (ex.InnerException?.Message ?? ex.Message),
                new SourceLocation(path, (int)ex.Start.Line, (int)ex.Start.Column)));
        }
        if (root is not YamlMappingNode map)
            return Fail(new Diagnostic("sidecar.shape", "A sidecar is a mapping of fields (title, publisher, url, published, country, kind, lang).", At(path, root)));

        var meta = DocumentMetadata.Empty;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Fields.Contains(key))
            {
                errors.Add(new Diagnostic("sidecar.unknown-field", $"Unknown field '{key}'; the fields are {string.Join(", ", Fields)}.", At(path, keyNode), key));
                continue;
            }
            if (key == "country")
            {
                var codes = value switch
                {
                    YamlScalarNode s => [s],
                    YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().ToList(),
                    _ => [],
                };
                var normalised = new List<string>();
                foreach (var c in codes)
                {
                    if (ResearchCodes.NormaliseCountry(c.Value ?? "") is { } code) normalised.Add(code);
                    else errors.Add(new Diagnostic("sidecar.country", $"'{c.Value}' is not a country code (RU, DE, EU…).", At(path, c), key));
                }
                if (codes.Count == 0) errors.Add(new Diagnostic("sidecar.country", "country is a code or a list of codes.", At(path, value), key));
                meta = meta with { Countries = [.. normalised.Distinct()] };
                continue;
            }
            if (value is not YamlScalarNode { Value: { } scalar } || scalar.Trim().Length == 0)
            {
                errors.Add(new Diagnostic("sidecar.value", $"'{key}' needs a value.", At(path, value), key));
                continue;
            }
            scalar = scalar.Trim();
            switch (key)
            {
                case "title": meta = meta with { Title = scalar }; break;
                case "publisher": meta = meta with { Publisher = scalar }; break;
                case "url": meta = meta with { Url = scalar }; break;
                case "published":
                    if (PartialDate.TryParse(scalar) is { } date) meta = meta with { Published = date };
                    else errors.Add(new Diagnostic("sidecar.published", $"'{scalar}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY.", At(path, value), key));
                    break;
                case "kind":
                    if (ResearchCodes.ParseKind(scalar) is { } kind && ResearchCodes.ImportKinds.Contains(kind)) meta = meta with { Kind = kind };
                    else errors.Add(new Diagnostic("sidecar.kind", $"'{scalar}' is not a kind; use {string.Join(", ", ResearchCodes.ImportKinds.Select(k => k.Code()))}.", At(path, value), key));
                    break;
                case "lang":
                    if (ResearchCodes.ParseLanguage(scalar) is { } lang) meta = meta with { Language = lang };
                    else errors.Add(new Diagnostic("sidecar.lang", $"'{scalar}' is not a language; use ru, en or de.", At(path, value), key));
                    break;
            }
        }
        return errors.Count > 0 ? Result<DocumentMetadata>.Failure(errors) : Result<DocumentMetadata>.Success(meta);
    }

    /// <summary>
    /// Combines what the command line says with what the sidecar says. Where both give a field they must
    /// agree: a publication date that differs between the two is an error, not a silent choice.
    /// </summary>
    public static Result<DocumentMetadata> Merge(DocumentMetadata commandLine, DocumentMetadata sidecar, string sidecarPath)
    {
        var errors = new List<Diagnostic>();
        T? Pick<T>(T? a, T? b, string field, Func<T, string> show) where T : class
        {
            if (a is not null && b is not null && show(a) != show(b))
                errors.Add(new Diagnostic("import.metadata-conflict", $"the command line says {field} '{show(a)}' but {Path.GetFileName(sidecarPath)} says '{show(b)}'; give it in one place.", new SourceLocation(sidecarPath, 1, 1), field));
            return a ?? b;
        }
        TS? PickValue<TS>(TS? a, TS? b, string field, Func<TS, string> show) where TS : struct
        {
            if (a is { } x && b is { } y && show(x) != show(y))
                errors.Add(new Diagnostic("import.metadata-conflict", $"the command line says {field} '{show(x)}' but {Path.GetFileName(sidecarPath)} says '{show(y)}'; give it in one place.", new SourceLocation(sidecarPath, 1, 1), field));
            return a ?? b;
        }
        var countries = commandLine.Countries.IsEmpty ? sidecar.Countries
            : sidecar.Countries.IsEmpty ? commandLine.Countries
            : Pick<string>(string.Join(",", commandLine.Countries), string.Join(",", sidecar.Countries), "country", s => s)!.Split(',').ToImmutableArray();
        var merged = new DocumentMetadata
        {
            Title = Pick(commandLine.Title, sidecar.Title, "title", s => s),
            Publisher = Pick(commandLine.Publisher, sidecar.Publisher, "publisher", s => s),
            Url = Pick(commandLine.Url, sidecar.Url, "url", s => s),
            Published = PickValue(commandLine.Published, sidecar.Published, "published", d => d.ToString()),
            Kind = PickValue(commandLine.Kind, sidecar.Kind, "kind", k => k.Code()),
            Language = PickValue(commandLine.Language, sidecar.Language, "lang", l => l.Code()),
            Countries = countries,
        };
        return errors.Count > 0 ? Result<DocumentMetadata>.Failure(errors) : Result<DocumentMetadata>.Success(merged);
    }

    private static SourceLocation At(string path, YamlNode node) => new(path, (int)node.Start.Line, (int)node.Start.Column);

    private static Result<DocumentMetadata> Fail(Diagnostic d) => Result<DocumentMetadata>.Failure([d]);
}
