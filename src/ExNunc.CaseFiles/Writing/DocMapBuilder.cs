using System.Globalization;
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Cases;
using NodaTime;
using NodaTime.Text;

namespace ExNunc.CaseFiles.Writing;

/// <summary>Collects the fields of one mapping in the order they are added, leaving out every null.</summary>
internal sealed class DocMapBuilder
{
    private readonly List<KeyValuePair<string, DocNode>> _fields = [];

    public DocMapBuilder Text(string key, string? value) =>
        value is null ? this : Add(key, new DocScalar(value, ScalarKind.Text));

    public DocMapBuilder Number(string key, int? value) =>
        value is null ? this : Add(key, new DocScalar(value.Value.ToString(CultureInfo.InvariantCulture), ScalarKind.Number));

    public DocMapBuilder Bool(string key, bool? value) =>
        value is null ? this : Add(key, new DocScalar(value.Value ? "true" : "false", ScalarKind.Boolean));

    public DocMapBuilder Date(string key, LocalDate? value) =>
        value is null ? this : Add(key, new DocScalar(LocalDatePattern.Iso.Format(value.Value), ScalarKind.Date));

    public DocMapBuilder Date(string key, PartialDate? value) =>
        value is null ? this : Add(key, new DocScalar(value.Value.ToString(), ScalarKind.Date));

    public DocMapBuilder Texts(string key, ValueList<string>? values) =>
        values is null ? this : Add(key, new DocList([.. values.Select(v => new DocScalar(v, ScalarKind.Text))], Flow: true));

    public DocMapBuilder Map<T>(string key, T? value, Func<T, DocMap> layout) where T : class =>
        value is null ? this : Add(key, layout(value));

    public DocMapBuilder Items<T>(string key, ValueList<T>? values, Func<T, DocMap> layout) =>
        values is null ? this : Add(key, new DocList([.. values.Select(v => layout(v))], Flow: false));

    public DocMap Build() => new(_fields.ToArray());

    private DocMapBuilder Add(string key, DocNode node)
    {
        _fields.Add(new(key, node));
        return this;
    }
}
