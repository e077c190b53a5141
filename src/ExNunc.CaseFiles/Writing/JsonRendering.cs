using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ExNunc.CaseFiles.Writing;

/// <summary>Writes a laid-out case as indented JSON: numbers and booleans bare, dates and texts as strings.</summary>
internal static class JsonRendering
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Keeps Cyrillic and other non-ASCII text readable; quotes, backslashes and controls are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(DocMap document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
            Write(writer, document);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter writer, DocNode node)
    {
        switch (node)
        {
            case DocScalar { Kind: ScalarKind.Number } number:
                writer.WriteRawValue(number.Value);
                break;
            case DocScalar { Kind: ScalarKind.Boolean } flag:
                writer.WriteBooleanValue(flag.Value == "true");
                break;
            case DocScalar text:
                writer.WriteStringValue(text.Value);
                break;
            case DocList list:
                writer.WriteStartArray();
                foreach (var item in list.Items) Write(writer, item);
                writer.WriteEndArray();
                break;
            case DocMap map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Fields)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown document node.");
        }
    }
}
