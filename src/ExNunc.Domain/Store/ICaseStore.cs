using System.Collections.Immutable;
using ExNunc.Domain.Diagnostics;

namespace ExNunc.Domain.Store;

/// <summary>
/// Where cases, their versions, evidence records and chain of custody are kept. The store sees sealed
/// (encrypted) bytes and only the few fields that must be queried without a key: opaque ids, the workflow
/// status, destination codes and the instants of change. It never holds a key or a plaintext. SQLite is
/// the embedded implementation; a PostgreSQL one implements the same contract.
/// </summary>
/// <remarks>
/// Every write is atomic: it happens whole or not at all. Writes that could race carry what the writer
/// last read (<see cref="CaseChange.ExpectedVersion"/>, <see cref="CaseChange.ExpectedCustodyLength"/>,
/// the keyring generation) and fail with <c>store.conflict</c> when the store moved on. Expected failures
/// are <see cref="Result{T}"/> values; an unreachable or corrupt database throws.
/// </remarks>
public interface ICaseStore
{
    /// <summary>The keyring, or null when the store has not been initialised.</summary>
    Task<Keyring?> GetKeyringAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the keyring of a new store; fails with <c>store.exists</c> when there is one.</summary>
    Task<Result<Keyring>> CreateKeyringAsync(Keyring keyring, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the keyring by <paramref name="next"/> (whose generation is one more than the current one)
    /// and every case key by its re-wrapped form, in one transaction. Fails with <c>store.conflict</c>
    /// unless <paramref name="rewrapped"/> covers exactly the case keys in the store.
    /// </summary>
    Task<Result<Keyring>> RotateAsync(Keyring next, IReadOnlyList<CaseKey> rewrapped, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredCase>> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken = default);

    /// <summary>The case whose blind index of the case reference is <paramref name="referenceIndex"/>, or null.</summary>
    Task<StoredCase?> FindCaseAsync(ImmutableArray<byte> referenceIndex, CancellationToken cancellationToken = default);

    Task<StoredCase?> GetCaseAsync(string caseId, CancellationToken cancellationToken = default);

    Task<CaseKey?> GetCaseKeyAsync(string caseId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CaseKey>> ListCaseKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Every version of a case, oldest first.</summary>
    Task<IReadOnlyList<CaseVersion>> ListVersionsAsync(string caseId, CancellationToken cancellationToken = default);

    Task<CaseVersion?> GetVersionAsync(string caseId, int version, CancellationToken cancellationToken = default);

    /// <summary>The evidence records of a case in the order they were added.</summary>
    Task<IReadOnlyList<StoredEvidence>> ListEvidenceAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>The chain of custody of a case, by sequence number.</summary>
    Task<IReadOnlyList<CustodyRecord>> ListCustodyAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>The blob ids of every evidence record (to find blobs that no committed record names).</summary>
    Task<IReadOnlySet<string>> ListBlobIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies one change to one case atomically: creates or updates the case, adds its key, a version, evidence and custody entries.</summary>
    Task<Result<StoredCase>> CommitAsync(CaseChange change, CancellationToken cancellationToken = default);

    /// <summary>
    /// The first, irreversible step of erasing a case: destroys its wrapped key and its case row and records
    /// a pending erasure, in one transaction, and makes sure no copy of the destroyed rows stays in the
    /// database files. After it nothing that was sealed under the case key can be opened.
    /// </summary>
    Task<Result<Erasure>> DestroyCaseKeyAsync(Erasure erasure, CancellationToken cancellationToken = default);

    /// <summary>The second step: removes the (now unreadable) versions, evidence records and custody of an erased case and marks its erasure complete.</summary>
    Task CompleteErasureAsync(string caseId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Erasure>> ListErasuresAsync(bool pendingOnly, CancellationToken cancellationToken = default);
}
