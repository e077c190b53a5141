using ExNunc.Domain.Rules;

namespace ExNunc.Domain.Assessment;

/// <summary>Fills <c>{field}</c> placeholders of a conclusion from the item a <c>for_each</c> rule is looking at.</summary>
internal static class Template
{
    public static string Fill(string text, FactRecord? record, object? item) =>
        item is null || !text.Contains('{', StringComparison.Ordinal) ? text
        : new Knowledge.Bilingual(text, text).Fill(n => Field(record, item, n)).En;

    /// <summary>The item's field as text, or null when the item has no such field or it is unknown.</summary>
    public static string? Field(FactRecord? record, object? item, string name)
    {
        if (item is null || record is null || !record.Members.TryGetValue(name, out var m) || m.Get is null) return null;
        var v = m.Get(item);
        return v.IsUnknown ? null : v.Kind is ValueKind.Text or ValueKind.Symbol ? v.AsString : v.ToString();
    }
}
