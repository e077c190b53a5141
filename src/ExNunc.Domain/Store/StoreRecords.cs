using System.Collections.Immutable;
using NodaTime;

namespace ExNunc.Domain.Store;

/// <summary>
/// The workflow status of a case in a store, kept in clear so that open cases can be found without a key
/// (to re-assess them when the law changes). It is not a fact about the person.
/// </summary>
public enum CaseStatus { Open, Closed }

/// <summary>
/// How a store's master key is obtained and the organisation keys it protects. <see cref="SealedKeys"/>
/// holds the blind-index and audit keys, sealed under the master key; opening them proves the credential.
/// </summary>
/// <remarks>
/// <para><c>StoreId</c>: Random bytes naming this store; bound into every sealed item so nothing moves between stores.</para>
/// <para><c>Generation</c>: 1 at initialisation, one more after each rotation of the master key.</para>
/// <para><c>Source</c>: Which credential unlocks the store: <c>passphrase</c> or <c>key-file</c>.</para>
/// <para><c>Kdf</c>: The derivation and its parameters, e.g. <c>argon2id$v=19$m=65536,t=3,p=2</c> or <c>hkdf-sha256</c>.</para>
/// <para><c>Salt</c>: The derivation's random salt.</para>
/// </remarks>
public sealed record Keyring(
    ImmutableArray<byte> StoreId,
    int Generation,
    string Source,
    string Kdf,
    ImmutableArray<byte> Salt,
    ImmutableArray<byte> SealedKeys,
    Instant Created,
    Instant Rotated);

/// <summary>
/// A case as the store keeps it. In clear: the opaque <see cref="Id"/>, a keyed blind index of the case
/// reference (not the reference), the workflow status, destination codes, instants of change and counters.
/// The case reference itself (<see cref="SealedLabel"/>) and the head of the custody chain are sealed under the case key.
/// </summary>
/// <remarks>
/// <para><c>Id</c>: Random, carries nothing about the person; stable for the life of the case.</para>
/// <para><c>Version</c>: The number of the current version; versions are numbered from 1 without gaps.</para>
/// <para><c>CustodyLength</c>: The number of entries in the chain of custody.</para>
/// </remarks>
public sealed record StoredCase(
    string Id,
    ImmutableArray<byte> ReferenceIndex,
    CaseStatus Status,
    ImmutableArray<string> Destinations,
    Instant Created,
    Instant Updated,
    int Version,
    long CustodyLength,
    ImmutableArray<byte> SealedLabel,
    ImmutableArray<byte> SealedCustodyHead);

/// <summary>A case's random data key wrapped under the master key of <see cref="Generation"/>.</summary>
public sealed record CaseKey(string CaseId, int Generation, ImmutableArray<byte> Wrapped);

/// <summary>One version of a case: the whole document, who changed it and which fields, sealed under the case key. Only the instant is in clear.</summary>
public sealed record CaseVersion(string CaseId, int Version, Instant At, ImmutableArray<byte> Sealed);

/// <summary>
/// One stored file of a case. In clear: the random blob id (the file's name in the blob store), a keyed
/// index of its SHA-256 (to detect duplicates within the case without revealing the hash) and when it was
/// added. Its hash, length, name, metadata and the evidence ids that use it are sealed.
/// </summary>
public sealed record StoredEvidence(string CaseId, string BlobId, ImmutableArray<byte> ContentIndex, Instant Added, ImmutableArray<byte> Sealed);

/// <summary>
/// One entry of a case's chain of custody. <see cref="Hash"/> is SHA-256 over the previous entry's hash,
/// the sequence number and the sealed bytes, so the chain can be checked without the key; the sealed entry
/// is bound to its place in the chain as associated data.
/// </summary>
/// <remarks>
/// <para><c>Sequence</c>: From 1, without gaps.</para>
/// </remarks>
public sealed record CustodyRecord(string CaseId, long Sequence, ImmutableArray<byte> Sealed, ImmutableArray<byte> Hash);

/// <summary>The record that a case was erased: its opaque id, when, and who (sealed under the organisation's audit key).</summary>
public sealed record Erasure(string CaseId, Instant At, ImmutableArray<byte> Sealed, bool Completed);

/// <summary>A filter on cases; null means "any".</summary>
/// <remarks>
/// <para><c>UpdatedSince</c>: Cases whose last change is at or after this instant.</para>
/// </remarks>
public sealed record CaseQuery(CaseStatus? Status = null, string? Destination = null, Instant? UpdatedSince = null);

/// <summary>
/// One atomic change to one case. <see cref="Case"/> is the row as it is after the change. The change applies
/// only if the stored case is still at <see cref="ExpectedVersion"/> (0: the case must not exist yet) with
/// <see cref="ExpectedCustodyLength"/> custody entries.
/// </summary>
public sealed record CaseChange(
    StoredCase Case,
    int ExpectedVersion,
    long ExpectedCustodyLength,
    CaseKey? NewKey,
    CaseVersion? NewVersion,
    ImmutableArray<StoredEvidence> NewEvidence,
    ImmutableArray<CustodyRecord> NewCustody);
