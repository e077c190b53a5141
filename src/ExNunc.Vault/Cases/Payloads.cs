using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExNunc.Vault.Cases;

// What is sealed, as JSON. Field names are part of the stored format: add fields, never rename them.

/// <summary>The case reference and the format it was imported in, sealed in the case row so that lists need no version.</summary>
internal sealed record LabelPayload(string Reference, string Format);

/// <summary>One version: the whole case in canonical YAML, who made it, why, which fields changed, and the workflow status.</summary>
internal sealed record VersionPayload(string Document, string Actor, string Reason, IReadOnlyList<string> Changed, string Status);

/// <summary>A stored file: its identity (SHA-256), length, original name, the evidence ids that use it, and its metadata.</summary>
internal sealed record EvidencePayload(
    IReadOnlyList<string> EvidenceIds,
    string Sha256,
    long Length,
    string OriginalName,
    string? MediaType,
    IReadOnlyList<MetadataFieldPayload> Metadata,
    IReadOnlyList<string> Notes);

internal sealed record MetadataFieldPayload(string Group, string Name, string Value, string Category, bool Dangerous);

/// <summary>One chain-of-custody entry.</summary>
internal sealed record CustodyPayload(long Sequence, string At, string Actor, string Action, string? Evidence, string? Sha256, string? Detail);

/// <summary>The head of the chain of custody: how many entries and the hash of the last.</summary>
internal sealed record HeadPayload(long Length, string Hash);

/// <summary>Who erased a case and what it held, sealed under the audit key.</summary>
internal sealed record ErasurePayload(string Actor, string At, int Versions, int Files);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LabelPayload))]
[JsonSerializable(typeof(VersionPayload))]
[JsonSerializable(typeof(EvidencePayload))]
[JsonSerializable(typeof(CustodyPayload))]
[JsonSerializable(typeof(HeadPayload))]
[JsonSerializable(typeof(ErasurePayload))]
internal sealed partial class PayloadJson : JsonSerializerContext
{
    public static byte[] Encode<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, typeof(T), Default);

    public static T? Decode<T>(byte[]? bytes) where T : class
    {
        if (bytes is null) return null;
        try
        {
            return JsonSerializer.Deserialize(bytes, typeof(T), Default) as T;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
