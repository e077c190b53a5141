using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ExNunc.Domain.Knowledge;

namespace ExNunc.Cli.Commands;

/// <summary>Renders <c>exnunc kb coverage</c> as a table or as JSON.</summary>
internal static class CoverageReport
{
    private static readonly string[] Kinds = ["pathway", "policy", "practice", "case-law", "statistic", "coi-fact", "rule", "rebuttal"];

    public static string Text(IReadOnlyList<CountryCoverage> rows)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"country",-8}{"role",-12}");
        foreach (var k in Kinds) sb.Append(CultureInfo.InvariantCulture, $"{Short(k),7}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"other",6}{"worked",7}  {"verified",-11}{"newest src",-11}missing");
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Country,-8}{r.Role.ToString().ToLowerInvariant(),-12}");
            foreach (var k in Kinds) sb.Append(CultureInfo.InvariantCulture, $"{r.EntriesByKind.GetValueOrDefault(k),7}");
            var other = r.EntriesByKind.Where(kv => !Kinds.Contains(kv.Key)).Sum(kv => kv.Value);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{other,6}{r.WorkedCases,7}  {Date(r.OldestVerified),-11}{Date(r.NewestSource),-11}{(r.Missing.IsEmpty ? "-" : string.Join("; ", r.Missing))}");
        }
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{rows.Count} countries; {rows.Count(r => r.Missing.IsEmpty)} complete; gaps are listed under 'missing'.");
        return sb.ToString();
    }

    public static string Json(IReadOnlyList<CountryCoverage> rows)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            w.WriteStartArray();
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("country", r.Country);
                w.WriteString("role", r.Role.ToString().ToLowerInvariant());
                w.WriteStartObject("entries");
                foreach (var (k, n) in r.EntriesByKind) w.WriteNumber(k, n);
                w.WriteEndObject();
                if (r.OldestVerified is { } v) w.WriteString("oldestVerified", Date(v));
                if (r.NewestSource is { } s) w.WriteString("newestSource", Date(s));
                w.WriteNumber("workedCases", r.WorkedCases);
                w.WriteStartArray("missing");
                foreach (var m in r.Missing) w.WriteStringValue(m);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Short(string kind) => kind switch
    {
        "case-law" => "cases",
        "statistic" => "stats",
        "coi-fact" => "coi",
        "rebuttal" => "rebut",
        "practice" => "pract",
        "pathway" => "paths",
        _ => kind,
    };

    private static string Date(NodaTime.LocalDate? d) => d?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
