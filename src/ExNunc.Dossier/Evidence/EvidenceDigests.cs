using System.Security.Cryptography;
using ExNunc.Domain.Cases;

namespace ExNunc.Dossier.Evidence;

public enum DigestState
{
    /// <summary>The file was found and hashed.</summary>
    Computed,
    /// <summary>The case names no file for the item.</summary>
    NoFile,
    /// <summary>The case names a file that is not there (or lies outside the case folder).</summary>
    FileMissing,
}

/// <summary>The SHA-256 of an evidence item's file, as lower-case hex, or why there is none.</summary>
public sealed record EvidenceDigest(DigestState State, string? Sha256, string? FileName)
{
    public static readonly EvidenceDigest None = new(DigestState.NoFile, null, null);
}

/// <summary>
/// Where the dossier gets evidence hashes from. For a case file on disk the files sit beside it
/// (<see cref="CaseFolderDigests"/>); the case store will answer from the content addresses of the
/// evidence it holds, without decrypting anything, by implementing this interface.
/// </summary>
public interface IEvidenceDigests
{
    EvidenceDigest Of(EvidenceItem item);
}

/// <summary>No files anywhere: every item is shown as "no file". For tests and benchmarks.</summary>
public sealed class NoEvidenceFiles : IEvidenceDigests
{
    public static readonly NoEvidenceFiles Instance = new();

    public EvidenceDigest Of(EvidenceItem item) => item.File is null ? EvidenceDigest.None : new(DigestState.FileMissing, null, Path.GetFileName(item.File));
}

/// <summary>
/// Hashes each item's <c>file:</c>, read relative to the folder of the case file. Files are streamed,
/// never loaded whole, so a video of several gigabytes costs memory for one buffer only. A path that
/// would leave the case folder is treated as missing (the case reader already rejects such paths).
/// </summary>
public sealed class CaseFolderDigests(string caseDirectory) : IEvidenceDigests
{
    private readonly string _root = Path.GetFullPath(caseDirectory);

    public EvidenceDigest Of(EvidenceItem item)
    {
        if (item.File is not { } relative) return EvidenceDigest.None;
        var name = Path.GetFileName(relative);
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        var inside = full.StartsWith(_root.EndsWith(Path.DirectorySeparatorChar) ? _root : _root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!inside || !File.Exists(full)) return new(DigestState.FileMissing, null, name);
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new(DigestState.Computed, Convert.ToHexStringLower(SHA256.HashData(stream)), name);
    }
}
