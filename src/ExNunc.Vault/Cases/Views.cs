using System.Collections.Immutable;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Store;
using ExNunc.Vault.Metadata;
using NodaTime;

namespace ExNunc.Vault.Cases;

/// <summary>Who does something and when: the actor is the operating-system user or a name given with <c>--actor</c>.</summary>
public sealed record Act(string Actor, Instant At);

public enum CaseFormat { Yaml, Json }

/// <summary>A case as listed: its reference (opened with the case key) and what the store keeps in clear.</summary>
public sealed record CaseSummary(string Reference, string StoreId, CaseStatus Status, ImmutableArray<string> Destinations, Instant Created, Instant Updated, int Version, CaseFormat Format);

/// <summary>One version of a case, opened.</summary>
public sealed record OpenedCase(CaseSummary Summary, int Version, CaseFile Case, string Document);

/// <summary>One entry of <c>case history</c>.</summary>
public sealed record VersionInfo(int Version, Instant At, string Actor, string Reason, IReadOnlyList<string> Changed, CaseStatus Status);

/// <summary>A stored file of a case, opened: identity, size, name it came with, the evidence ids that use it, and metadata.</summary>
public sealed record StoredFile(string BlobId, IReadOnlyList<string> EvidenceIds, string Sha256, long Length, string OriginalName, string? MediaType,
    IReadOnlyList<MetadataField> Metadata, IReadOnlyList<string> Notes, Instant Added);

/// <summary>An evidence item of the case with its stored file, if it has one.</summary>
public sealed record EvidenceView(EvidenceItem Item, StoredFile? File);

/// <summary>A file to add to a case with what the caller says about it; null means unknown.</summary>
public sealed record NewEvidence(string Path, string? Kind = null, string? Title = null, LocalDate? Date = null, IReadOnlyList<string>? Proves = null);

/// <summary>One evidence item added, with its metadata findings.</summary>
public sealed record AddedItem(string EvidenceId, string File, string Sha256, long Length, IReadOnlyList<MetadataField> Metadata, IReadOnlyList<string> Notes);

public sealed record AddedEvidence(string Reference, int Version, IReadOnlyList<AddedItem> Added, IReadOnlyList<Diagnostic> Warnings);

public sealed record ImportedCase(CaseSummary Summary, IReadOnlyList<AddedItem> Files, IReadOnlyList<Diagnostic> Warnings);

/// <summary>A file written by an export: the evidence id, where, and (for a redacted export) what was removed.</summary>
public sealed record ExportedFile(string EvidenceId, string Path, string Sha256, IReadOnlyList<string> Removed, IReadOnlyList<MetadataField> LeftDangerous);

public sealed record ExportResult(string Directory, string? CaseFile, IReadOnlyList<ExportedFile> Files, IReadOnlyList<Diagnostic> Warnings);

public sealed record EditResult(CaseSummary Summary, IReadOnlyList<string> Changed, bool Unchanged);

public sealed record EraseResult(string Reference, string StoreId, int Versions, int Files);

/// <summary>What <c>evidence verify</c> checked and every problem it found, each naming the case and the item or entry.</summary>
public sealed record VerifyReport(int Cases, int Files, long Bytes, long CustodyEntries, IReadOnlyList<Diagnostic> Problems, IReadOnlyList<(string Reference, long Length, string Head)> Heads)
{
    public bool Ok => Problems.Count == 0;
}
