using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Knowledge;

namespace ExNunc.Reports;

/// <summary>
/// Writes the assessment result, version 1 (docs/assessment-json.md). Field names and order are the
/// contract; output is byte-identical for the same result. Texts are in the requested language.
/// </summary>
public static class AssessmentJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Write(AssessmentResult result, Language language)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("asOf", Iso(result.AsOf));
            w.WriteString("case", result.CaseId);
            w.WriteStartObject("kb");
            w.WriteString("version", result.KbVersion);
            w.WriteNumber("entries", result.KbEntries);
            w.WriteEndObject();
            w.WriteStartArray("destinations");
            var rank = 0;
            foreach (var d in result.Destinations) WriteDestination(w, d, ++rank, language);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteDestination(Utf8JsonWriter w, DestinationAssessment d, int rank, Language lang)
    {
        w.WriteStartObject();
        w.WriteString("country", d.Country);
        w.WriteNumber("rank", rank);
        w.WriteString("ranking", d.Ranking.In(lang));

        w.WriteStartArray("pathways");
        foreach (var p in d.Pathways)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("state", p.Status);
            w.WriteString("explanation", p.Explanation.In(lang));
            Strings(w, "sources", p.Sources);
            Strings(w, "facts", p.Facts);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("grounds");
        foreach (var g in d.Grounds)
        {
            w.WriteStartObject();
            w.WriteString("id", g.Id);
            w.WriteString("status", g.Status);
            w.WriteStartArray("elements");
            foreach (var e in g.Elements)
            {
                w.WriteStartObject();
                w.WriteString("id", e.Id);
                w.WriteString("status", e.Status);
                if (e.Support is { } s) w.WriteString("support", s.ToString().ToLowerInvariant());
                Strings(w, "facts", e.Facts);
                Strings(w, "sources", e.Sources);
                w.WriteString("explanation", e.Explanation.In(lang));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("explanation", g.Explanation.In(lang));
            Strings(w, "sources", g.Sources);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("practice");
        foreach (var p in d.Practice)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("summary", p.Summary.In(lang));
            Strings(w, "sources", p.Sources);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("objections");
        foreach (var o in d.Objections)
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteString("explanation", o.Explanation.In(lang));
            Strings(w, "sources", o.Sources);
            Strings(w, "facts", o.Facts);
            w.WriteStartArray("rebuttals");
            foreach (var r in o.Rebuttals)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("text", r.Text.In(lang));
                Strings(w, "sources", r.Sources);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("gaps");
        foreach (var g in d.Gaps)
        {
            w.WriteStartObject();
            w.WriteString("id", g.Id);
            w.WriteString("fact", g.Fact);
            w.WriteString("need", g.Need.In(lang));
            w.WriteString("explanation", g.Explanation.In(lang));
            Strings(w, "sources", g.Sources);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("exposure");
        foreach (var x in d.Exposure)
        {
            w.WriteStartObject();
            w.WriteString("article", x.Article);
            w.WriteString("penalty", x.Penalty.In(lang));
            w.WriteString("explanation", x.Explanation.In(lang));
            Strings(w, "sources", x.Sources);
            Strings(w, "facts", x.Facts);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static string Iso(NodaTime.LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
