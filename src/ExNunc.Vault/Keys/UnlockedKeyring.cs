using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Store;
using ExNunc.Vault.Crypto;
using NodaTime;

namespace ExNunc.Vault.Keys;

/// <summary>
/// The key hierarchy of a data directory, unlocked:
/// credential → master key (Argon2id or HKDF) → wrapping key (HKDF) → each case's random data key (AES-GCM key wrap);
/// and, sealed under the wrapping key, the organisation keys: the blind-index key (HMAC of case references) and
/// the audit key (erasure records). Rotation changes the credential, salt and wrapping key and re-wraps the case
/// keys and organisation keys; the keys themselves, and so every blob, stay as they are.
/// </summary>
internal sealed class UnlockedKeyring : IDisposable
{
    private const int OrgKeysLength = 64;
    private readonly Secret _wrapKey;
    private readonly Secret _indexKey;
    private readonly Secret _auditKey;

    private UnlockedKeyring(Keyring record, Secret wrapKey, Secret orgKeys)
    {
        Record = record;
        _wrapKey = wrapKey;
        _indexKey = Secret.Copy(orgKeys.Span[..32]);
        _auditKey = Secret.Copy(orgKeys.Span[32..]);
    }

    public Keyring Record { get; }
    public ReadOnlyMemory<byte> StoreId => ImmutableCollectionsMarshal.AsArray(Record.StoreId);

    public static (Keyring Record, UnlockedKeyring Keys) Create(MasterCredential credential, Argon2Parameters? argon2, Instant now)
    {
        var storeId = RandomNumberGenerator.GetBytes(16);
        using var orgKeys = Secret.Random(OrgKeysLength);
        return Seal(ImmutableCollectionsMarshal.AsImmutableArray(storeId), 1, credential, argon2, orgKeys, now, now);
    }

    /// <summary>The same organisation keys under a new credential, salt and generation.</summary>
    public (Keyring Record, UnlockedKeyring Keys) Rotate(MasterCredential next, Argon2Parameters? argon2, Instant now)
    {
        using var orgKeys = Secret.Copy([.. _indexKey.Span, .. _auditKey.Span]);
        return Seal(Record.StoreId, Record.Generation + 1, next, argon2, orgKeys, Record.Created, now);
    }

    private static (Keyring, UnlockedKeyring) Seal(ImmutableArray<byte> storeId, int generation, MasterCredential credential, Argon2Parameters? argon2, Secret orgKeys, Instant created, Instant now)
    {
        var salt = RandomNumberGenerator.GetBytes(32);
        var kdf = credential.Source == MasterCredential.KeyFileSource ? KeyDerivation.KeyFileKdf : (argon2 ?? Argon2Parameters.Default).ToString();
        var wrap = WrapKey(credential, kdf, salt, storeId.AsSpan());
        var sealedKeys = Aead.Seal(wrap, orgKeys.Span, KeyringContext(storeId.AsSpan(), generation));
        var record = new Keyring(storeId, generation, credential.Source, kdf, ImmutableCollectionsMarshal.AsImmutableArray(salt),
            ImmutableCollectionsMarshal.AsImmutableArray(sealedKeys), created, now);
        return (record, new UnlockedKeyring(record, wrap, orgKeys));
    }

    /// <summary>Derives the master key from the credential and opens the organisation keys; a wrong credential is a diagnostic naming what to give.</summary>
    public static Result<UnlockedKeyring> Unlock(Keyring record, MasterCredential credential, string dataDirectory)
    {
        if (record.Source != credential.Source)
        {
            return Result<UnlockedKeyring>.Failure([record.Source == MasterCredential.KeyFileSource
                ? new Diagnostic("key.needs-key-file", $"The data directory '{dataDirectory}' is locked with a key file, not a passphrase: give --key-file or EXNUNC_KEY_FILE.")
                : new Diagnostic("key.needs-passphrase", $"The data directory '{dataDirectory}' is locked with a passphrase, not a key file: give it at the prompt, in EXNUNC_PASSPHRASE or with --passphrase-file.")]);
        }
        var wrap = WrapKey(credential, record.Kdf, record.Salt.AsSpan(), record.StoreId.AsSpan());
        using var orgKeys = Aead.OpenSecret(wrap, record.SealedKeys.AsSpan(), KeyringContext(record.StoreId.AsSpan(), record.Generation));
        if (orgKeys is null || orgKeys.Length != OrgKeysLength)
        {
            wrap.Dispose();
            return Result<UnlockedKeyring>.Failure([credential.Source == MasterCredential.KeyFileSource
                ? new Diagnostic("key.wrong-key-file", $"The key file '{credential.KeyFile}' does not unlock the data directory '{dataDirectory}'. Nothing was changed.")
                : new Diagnostic("key.wrong-passphrase", $"The passphrase does not unlock the data directory '{dataDirectory}'. Nothing was changed.")]);
        }
        return Result<UnlockedKeyring>.Success(new UnlockedKeyring(record, wrap, orgKeys));
    }

    private static Secret WrapKey(MasterCredential credential, string kdf, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> storeId)
    {
        using var master = KeyDerivation.MasterKey(credential, kdf, salt);
        return master.Derive(32, storeId, Context.For("wrap-key").ToArray());
    }

    private static byte[] KeyringContext(ReadOnlySpan<byte> storeId, int generation) => Context.For("keyring").Add(storeId).Add(generation).ToArray();

    private byte[] CaseKeyContext(string caseId) => Context.For("case-key").Add(StoreId.Span).Add(caseId).ToArray();

    public CaseKey Wrap(string caseId, Secret dataKey) =>
        new(caseId, Record.Generation, ImmutableCollectionsMarshal.AsImmutableArray(Aead.Seal(_wrapKey, dataKey.Span, CaseKeyContext(caseId))));

    /// <summary>The case's data key, or null when the wrapped key does not open (tampered, or from another case or store).</summary>
    public Secret? Unwrap(CaseKey key) =>
        key.Generation != Record.Generation ? null : Aead.OpenSecret(_wrapKey, key.Wrapped.AsSpan(), CaseKeyContext(key.CaseId));

    /// <summary>The blind index of a case reference: HMAC-SHA256 under the organisation's index key.</summary>
    public ImmutableArray<byte> ReferenceIndex(string reference) =>
        ImmutableCollectionsMarshal.AsImmutableArray(HMACSHA256.HashData(_indexKey.Span, Context.For("case-reference").Add(reference).ToArray()));

    public byte[] SealAudit(ReadOnlySpan<byte> plaintext, string caseId) =>
        Aead.Seal(_auditKey, plaintext, Context.For("erasure").Add(StoreId.Span).Add(caseId).ToArray());

    public byte[]? OpenAudit(ReadOnlySpan<byte> sealedItem, string caseId) =>
        Aead.Open(_auditKey, sealedItem, Context.For("erasure").Add(StoreId.Span).Add(caseId).ToArray());

    public void Dispose()
    {
        _wrapKey.Dispose();
        _indexKey.Dispose();
        _auditKey.Dispose();
    }
}
