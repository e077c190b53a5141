using ExNunc.Domain.Rules;

namespace ExNunc.Domain.Assessment;

/// <summary>Fills <c>{field}</c> placeholders of a conclusion from the item a <c>for_each</c> rule is looking at.</summary>
internal static class Template
{
    public static string Fill(string text, object? item) =>
        item is null || !text.Contains('{', StringComparison.Ordinal) ? text
        : new Knowledge.Bilingual(text, text).Fill(n => Field(item, n)).En;

    public static string? Field(object? item, string name)
    {
        if (item is null) return null;
        var record = item switch
        {
            Cases.EvidenceItem => FactSchema.EvidenceRecord,
            Cases.Summons => FactSchema.SummonsRecord,
            Cases.Proceeding => FactSchema.ProceedingRecord,
            Cases.Activity => FactSchema.ActivityRecord,
            Cases.Application => FactSchema.ApplicationRecord,
            Cases.ServicePeriod => FactSchema.Service,
            _ => null,
        };
        if (record is null || !record.Members.TryGetValue(name, out var m) || m.Get is null) return null;
        var v = m.Get(item);
        return v.IsUnknown ? null : v.Kind is ValueKind.Text or ValueKind.Symbol ? v.AsString : v.ToString();
    }
}
