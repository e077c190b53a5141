using System.Collections.Immutable;
using ExNunc.CaseFiles;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Store;
using ExNunc.Vault.Crypto;
using ExNunc.Vault.Custody;
using ExNunc.Vault.Files;
using ExNunc.Vault.Keys;
using NodaTime;

namespace ExNunc.Vault.Cases;

/// <summary>
/// An unlocked data directory: the case store, the blob store and the key hierarchy together, offering the
/// operations of <c>exnunc case</c>, <c>evidence</c> and <c>key</c>. Everything personal is sealed under the
/// case's key before it reaches the store or the disk.
/// </summary>
/// <remarks>
/// Every write takes the data directory's writer lock and first finishes any erasure left pending. A write that
/// stores blobs before its commit marks the directory as being written and clears the mark when done; a writer
/// that finds the mark left by one that crashed first removes what that one left half-done (partial blobs,
/// blobs no committed record names): see <see cref="RecoverAsync"/>.
/// </remarks>
public sealed partial class CaseVault : IDisposable
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);
    private readonly ICaseStore _store;
    private readonly DataDirectory _directory;
    private readonly BlobStore _blobs;
    private UnlockedKeyring _keys;

    private CaseVault(ICaseStore store, DataDirectory directory, UnlockedKeyring keys)
    {
        _store = store;
        _directory = directory;
        _blobs = new BlobStore(directory.Blobs);
        _keys = keys;
    }

    public Keyring Keyring => _keys.Record;

    /// <summary>Creates the keyring of a new data directory and returns it unlocked.</summary>
    public static async Task<Result<CaseVault>> InitialiseAsync(ICaseStore store, DataDirectory directory, MasterCredential credential, Argon2Parameters? argon2, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(credential);
        if (argon2 is { IsAtLeastMinimum: false })
            return Result<CaseVault>.Failure([new Diagnostic("key.weak-kdf", $"Argon2id parameters below {Argon2Parameters.Minimum} are not accepted.")]);
        using var writing = directory.LockForWriting(LockWait);
        if (await store.GetKeyringAsync(cancellationToken).ConfigureAwait(false) is not null)
            return Result<CaseVault>.Failure([new Diagnostic("store.exists", $"The data directory '{directory.Root}' is already initialised; nothing was changed.")]);
        var (record, keys) = UnlockedKeyring.Create(credential, argon2, now);
        var created = await store.CreateKeyringAsync(record, cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            keys.Dispose();
            return Result<CaseVault>.Failure(created.Diagnostics);
        }
        return Result<CaseVault>.Success(new CaseVault(store, directory, keys));
    }

    /// <summary>Opens the data directory with a credential; a wrong one is a diagnostic that names what to give, and changes nothing.</summary>
    public static async Task<Result<CaseVault>> UnlockAsync(ICaseStore store, DataDirectory directory, MasterCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(credential);
        var record = await store.GetKeyringAsync(cancellationToken).ConfigureAwait(false);
        if (record is null)
            return Result<CaseVault>.Failure([new Diagnostic("store.not-initialised", $"The data directory '{directory.Root}' is not initialised; run 'exnunc init' first.")]);
        var keys = UnlockedKeyring.Unlock(record, credential, directory.Root);
        return keys.IsSuccess
            ? Result<CaseVault>.Success(new CaseVault(store, directory, keys.Value))
            : Result<CaseVault>.Failure(keys.Diagnostics);
    }

    /// <summary>
    /// Replaces the credential (and the master key derived from it) and re-wraps every case key and the
    /// organisation keys under it, in one transaction. No evidence is re-encrypted. The old credential stops working.
    /// </summary>
    public async Task<Result<Keyring>> RotateAsync(MasterCredential next, Argon2Parameters? argon2, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (argon2 is { IsAtLeastMinimum: false })
            return Result<Keyring>.Failure([new Diagnostic("key.weak-kdf", $"Argon2id parameters below {Argon2Parameters.Minimum} are not accepted.")]);
        return await Write(async () =>
        {
            var keys = await _store.ListCaseKeysAsync(cancellationToken).ConfigureAwait(false);
            var (record, rotated) = _keys.Rotate(next, argon2, now);
            var rewrapped = new List<CaseKey>(keys.Count);
            var problems = new List<Diagnostic>();
            foreach (var k in keys)
            {
                using var dataKey = _keys.Unwrap(k);
                if (dataKey is null) problems.Add(new Diagnostic("case.key-damaged", $"The key of case {k.CaseId} does not open; the rotation was not done."));
                else rewrapped.Add(rotated.Wrap(k.CaseId, dataKey));
            }
            if (problems.Count > 0)
            {
                rotated.Dispose();
                return Result<Keyring>.Failure(problems);
            }
            var result = await _store.RotateAsync(record, rewrapped, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                rotated.Dispose();
                return result;
            }
            _keys.Dispose();
            _keys = rotated;
            return result;
        }, cancellationToken).ConfigureAwait(false);
    }

    private Task<T> Write<T>(Func<Task<T>> work, CancellationToken cancellationToken) => Write(work, writesBlobs: false, cancellationToken);

    /// <summary>
    /// Runs a write under the writer lock, recovering first from a writer that crashed. A write that puts blobs
    /// on disk before its commit (<paramref name="writesBlobs"/>) leaves a durable mark while it works, so that
    /// orphans of a crash are found; an erasure is recorded as pending in the database itself.
    /// </summary>
    private async Task<T> Write<T>(Func<Task<T>> work, bool writesBlobs, CancellationToken cancellationToken)
    {
        using var writing = _directory.LockForWriting(LockWait);
        var mark = Path.Combine(_directory.Root, "writing");
        if (File.Exists(mark)) await RecoverAsync(_store, _directory, cancellationToken).ConfigureAwait(false);
        else await FinishErasures(_store, new BlobStore(_directory.Blobs), cancellationToken).ConfigureAwait(false);
        if (writesBlobs)
        {
            using (var m = new FileStream(mark, FileMode.Create, FileAccess.Write, FileShare.None)) m.Flush(flushToDisk: true);
            Native.SyncDirectory(_directory.Root);
        }
        var result = await work().ConfigureAwait(false);
        if (writesBlobs) File.Delete(mark);
        return result;
    }

    private static async Task<int> FinishErasures(ICaseStore store, BlobStore blobs, CancellationToken cancellationToken)
    {
        var n = 0;
        foreach (var e in await store.ListErasuresAsync(pendingOnly: true, cancellationToken).ConfigureAwait(false))
        {
            blobs.DeleteCase(e.CaseId);
            await store.CompleteErasureAsync(e.CaseId, cancellationToken).ConfigureAwait(false);
            n++;
        }
        return n;
    }

    /// <summary>
    /// Finishes what a crashed writer left: completes pending erasures, deletes partial blobs and blobs that no
    /// committed record names. Only ciphertext is ever removed here. Call only under the writer lock.
    /// </summary>
    public static async Task<int> RecoverAsync(ICaseStore store, DataDirectory directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(directory);
        var blobs = new BlobStore(directory.Blobs);
        var removed = await FinishErasures(store, blobs, cancellationToken).ConfigureAwait(false);
        var known = await store.ListBlobIdsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (_, name, path) in blobs.Files().ToList())
        {
            if (BlobStore.IsPart(name) || !known.Contains(name))
            {
                File.Delete(path);
                removed++;
            }
        }
        if (Directory.Exists(directory.Blobs))
            foreach (var dir in Directory.EnumerateDirectories(directory.Blobs).ToList())
                if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        File.Delete(Path.Combine(directory.Root, "writing"));
        return removed;
    }

    /// <summary>A case opened with its key: the row, the keys, the current version and the case read from it.</summary>
    private sealed class OpenCase(StoredCase stored, CaseKeys keys, LabelPayload label, VersionPayload version, CaseFile file) : IDisposable
    {
        public StoredCase Stored { get; } = stored;
        public CaseKeys Keys { get; } = keys;
        public LabelPayload Label { get; } = label;
        public VersionPayload Version { get; } = version;
        public CaseFile File { get; } = file;

        public void Dispose() => Keys.Dispose();
    }

    private static Result<T> NotFound<T>(string reference) =>
        Result<T>.Failure([new Diagnostic("case.not-found", $"There is no case '{reference}' in the store.")]);

    private async Task<Result<OpenCase>> Open(string reference, int? version, CancellationToken cancellationToken)
    {
        var stored = await _store.FindCaseAsync(_keys.ReferenceIndex(reference), cancellationToken).ConfigureAwait(false);
        if (stored is null) return NotFound<OpenCase>(reference);
        var keys = await KeysOf(stored, reference, cancellationToken).ConfigureAwait(false);
        if (!keys.IsSuccess) return Result<OpenCase>.Failure(keys.Diagnostics);
        var k = keys.Value;
        var label = OpenLabel(k, stored);
        var number = version ?? stored.Version;
        var row = await _store.GetVersionAsync(stored.Id, number, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            k.Dispose();
            return Result<OpenCase>.Failure([new Diagnostic("case.version-not-found", $"The case '{reference}' has no version {number} (it has 1 to {stored.Version}).")]);
        }
        var payload = OpenVersion(k, row);
        var file = payload is null ? null : CaseFileReader.Read($"case {reference}", payload.Document, null);
        if (label is null || label.Reference != reference || payload is null || file is not { IsSuccess: true })
        {
            k.Dispose();
            return Result<OpenCase>.Failure([new Diagnostic("case.damaged", $"The case '{reference}' (version {number}) does not open under its key: it was altered. Run 'exnunc evidence verify {reference}'.")]);
        }
        return Result<OpenCase>.Success(new OpenCase(stored, k, label, payload, file.Value));
    }

    private async Task<Result<CaseKeys>> KeysOf(StoredCase stored, string name, CancellationToken cancellationToken)
    {
        var wrapped = await _store.GetCaseKeyAsync(stored.Id, cancellationToken).ConfigureAwait(false);
        var dataKey = wrapped is null ? null : _keys.Unwrap(wrapped);
        return dataKey is null
            ? Result<CaseKeys>.Failure([new Diagnostic("case.key-damaged", $"The key of case '{name}' is missing or altered; its data cannot be opened.")])
            : Result<CaseKeys>.Success(new CaseKeys(stored.Id, _keys.StoreId, dataKey));
    }

    private static LabelPayload? OpenLabel(CaseKeys keys, StoredCase stored) =>
        PayloadJson.Decode<LabelPayload>(keys.Open("label", stored.SealedLabel));

    private static ImmutableArray<byte> SealLabel(CaseKeys keys, LabelPayload label) =>
        keys.Seal("label", PayloadJson.Encode(label));

    private static VersionPayload? OpenVersion(CaseKeys keys, CaseVersion row) =>
        PayloadJson.Decode<VersionPayload>(keys.Open("version", row.Sealed, c => c.Add(row.Version)));

    private static CaseVersion SealVersion(CaseKeys keys, int version, Instant at, VersionPayload payload) =>
        new(keys.CaseId, version, at, keys.Seal("version", PayloadJson.Encode(payload), c => c.Add(version)));

    private static EvidencePayload? OpenEvidence(CaseKeys keys, StoredEvidence row) =>
        PayloadJson.Decode<EvidencePayload>(keys.Open("evidence", row.Sealed, c => c.Add(row.BlobId)));

    private static ImmutableArray<byte> SealEvidence(CaseKeys keys, string blobId, EvidencePayload payload) =>
        keys.Seal("evidence", PayloadJson.Encode(payload), c => c.Add(blobId));

    private static CaseSummary Summary(StoredCase s, LabelPayload label) =>
        new(label.Reference, s.Id, s.Status, s.Destinations, s.Created, s.Updated, s.Version, label.Format == "json" ? CaseFormat.Json : CaseFormat.Yaml);

    public static string StatusNameOf(CaseStatus s) => StatusName(s);

    internal static string StatusName(CaseStatus s) => s == CaseStatus.Open ? "open" : "closed";

    /// <summary>Custody entries appended after the current head of a case, and the new sealed head.</summary>
    private static (ImmutableArray<CustodyRecord> Records, ImmutableArray<byte> Head, long Length) AppendCustody(
        CaseKeys keys, long length, ImmutableArray<byte> previous, Act act, IEnumerable<(CustodyAction Action, string? Evidence, string? Sha256, string? Detail)> events)
    {
        var records = ImmutableArray.CreateBuilder<CustodyRecord>();
        foreach (var (action, evidence, sha, detail) in events)
        {
            length++;
            var record = CustodyChain.Append(keys, previous, new CustodyEntry(length, act.At, act.Actor, action, evidence, sha, detail));
            records.Add(record);
            previous = record.Hash;
        }
        return (records.ToImmutable(), CustodyChain.SealHead(keys, length, previous), length);
    }

    private static ImmutableArray<byte> HeadHash(CaseKeys keys, StoredCase stored)
    {
        if (stored.CustodyLength == 0) return CustodyChain.Genesis;
        var head = CustodyChain.OpenHead(keys, stored) ?? throw new InvalidDataException("The custody head of the case does not open; run 'exnunc evidence verify'.");
        return [.. Convert.FromHexString(head.Hash)];
    }

    public void Dispose() => _keys.Dispose();
}
