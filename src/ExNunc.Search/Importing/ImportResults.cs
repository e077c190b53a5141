using System.Collections.Immutable;
using ExNunc.Domain.Diagnostics;

namespace ExNunc.Search.Importing;

/// <summary>What happened to one file of an import.</summary>
public enum ImportStatus
{
    /// <summary>Indexed for the first time.</summary>
    Imported,
    /// <summary>Already indexed (same content hash) with other metadata: the metadata was replaced.</summary>
    Updated,
    /// <summary>Already indexed with the same content and metadata: nothing was done.</summary>
    Unchanged,
    /// <summary>Not indexed; <see cref="ImportOutcome.Problems"/> says why.</summary>
    Failed,
}

/// <summary>One file's outcome: its identity, how many passages, and any problems (errors when it failed, warnings otherwise).</summary>
public sealed record ImportOutcome(
    string Path,
    ImportStatus Status,
    string? DocumentId,
    int Passages,
    ImmutableArray<Diagnostic> Problems,
    string? Title = null,
    string? Published = null,
    ImmutableArray<ResearchLanguage> Languages = default);

/// <summary>The outcome of an import or a reindex: every file, in the order they were read.</summary>
public sealed record ImportReport(ImmutableArray<ImportOutcome> Files)
{
    public int Count(ImportStatus status) => Files.Count(f => f.Status == status);
    public IEnumerable<ImportOutcome> Failures => Files.Where(f => f.Status == ImportStatus.Failed);
    public bool HasFailures => Files.Any(f => f.Status == ImportStatus.Failed);
}

/// <summary>The index is being written by another process (an import or reindex is running).</summary>
public sealed class ResearchIndexBusyException(string message, Exception inner) : Exception(message, inner);
