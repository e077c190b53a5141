using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ExNunc.Search.Importing;

/// <summary>Writes metadata in the sidecar format (<see cref="Sidecar"/> reads it back), quoting every string.</summary>
internal static class MetadataYaml
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(DocumentMetadata m)
    {
        var sb = new StringBuilder();
        // A JSON string is a valid YAML double-quoted scalar.
        void Line(string key, string? value)
        {
            if (value is not null) sb.Append(key).Append(": ").Append(JsonSerializer.Serialize(value, Quoting)).Append('\n');
        }
        Line("title", m.Title);
        Line("publisher", m.Publisher);
        Line("url", m.Url);
        Line("published", m.Published?.ToString());
        if (!m.Countries.IsEmpty) sb.Append("country: [").Append(string.Join(", ", m.Countries)).Append("]\n");
        Line("kind", m.Kind?.Code());
        Line("lang", m.Language?.Code());
        return sb.ToString();
    }
}
