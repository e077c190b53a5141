using ExNunc.Domain.Cases;
using ExNunc.Dossier.Evidence;
using ExNunc.Vault.Cases;

namespace ExNunc.Cli.Commands;

/// <summary>
/// The evidence hashes of a case in the store, for the dossier: the SHA-256 the vault recorded when it
/// encrypted each file (kept in the item's sealed record), so nothing is decrypted or re-read. The file
/// name shown is the one the case gives, as for a case file on disk.
/// </summary>
internal sealed class VaultEvidenceDigests : IEvidenceDigests
{
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);

    public VaultEvidenceDigests(IEnumerable<EvidenceView> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        foreach (var view in evidence)
            if (view.File is { } file) _files[view.Item.Id] = file;
    }

    public EvidenceDigest Of(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.File is not { } path) return EvidenceDigest.None;
        var name = Path.GetFileName(path);
        return _files.TryGetValue(item.Id, out var file)
            ? new EvidenceDigest(DigestState.Computed, file.Sha256, name)
            : new EvidenceDigest(DigestState.FileMissing, null, name);
    }
}
