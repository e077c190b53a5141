using ExNunc.Vault.Crypto;
using ExNunc.Vault.Keys;

namespace ExNunc.Vault.Files;

/// <summary>
/// Encrypted evidence files under <c>blobs/CASE/BLOB</c>. A blob is written to <c>BLOB.part</c>, flushed to disk,
/// renamed and its directory flushed, so it is either absent or whole; only ciphertext ever reaches the disk.
/// A blob no committed record names is an orphan of an interrupted write and is removed by <see cref="Cases.CaseVault.RecoverAsync"/>.
/// </summary>
internal sealed class BlobStore(string root)
{
    private const string PartSuffix = ".part";
    private static readonly UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Root { get; } = root;

    public string CaseDirectory(string caseId) => Path.Combine(Root, Check(caseId, 'c'));

    public string PathOf(string caseId, string blobId) => Path.Combine(CaseDirectory(caseId), Check(blobId, 'b'));

    public BlobDigest Write(string caseId, string blobId, Stream plaintext, CaseKeys keys, CancellationToken cancellationToken)
    {
        var dir = CaseDirectory(caseId);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, OwnerOnly | UnixFileMode.UserExecute);
        var final = PathOf(caseId, blobId);
        var part = final + PartSuffix;
        try
        {
            BlobDigest digest;
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
            using (var output = new FileStream(part, options))
            {
                digest = BlobCipher.Encrypt(plaintext, new WritebackStream(output), keys.DataKey, keys.Blob(blobId), cancellationToken);
                output.Flush(flushToDisk: true);
            }
            File.Move(part, final);
            Native.SyncDirectory(dir);
            return digest;
        }
        catch
        {
            TryDelete(part);
            TryDelete(final);
            throw;
        }
    }

    public BlobReadStream OpenRead(string caseId, string blobId, CaseKeys keys)
    {
        var stream = new FileStream(PathOf(caseId, blobId), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            return BlobCipher.OpenRead(stream, keys.DataKey, keys.Blob(blobId));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public bool Exists(string caseId, string blobId) => File.Exists(PathOf(caseId, blobId));

    public void Delete(string caseId, string blobId) => TryDelete(PathOf(caseId, blobId));

    public void DeleteCase(string caseId)
    {
        var dir = CaseDirectory(caseId);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    /// <summary>Every file in the blob store: its case folder name, file name and path.</summary>
    public IEnumerable<(string CaseId, string Name, string Path)> Files()
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var dir in Directory.EnumerateDirectories(Root))
            foreach (var file in Directory.EnumerateFiles(dir))
                yield return (System.IO.Path.GetFileName(dir), System.IO.Path.GetFileName(file), file);
    }

    public static bool IsPart(string name) => name.EndsWith(PartSuffix, StringComparison.Ordinal);

    private static string Check(string id, char prefix) =>
        Ids.IsValid(id, prefix) ? id : throw new ArgumentException($"'{id}' is not a valid id.", nameof(id));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for recovery: an orphan holds only ciphertext.
        }
    }
}
