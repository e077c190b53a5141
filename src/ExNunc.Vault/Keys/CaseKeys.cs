using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ExNunc.Vault.Crypto;

namespace ExNunc.Vault.Keys;

/// <summary>
/// One case's data key and the subkeys derived from it (HKDF-SHA256): the records key seals versions,
/// labels, evidence records and custody entries; the content-index key makes the keyed index that detects
/// duplicate files without storing their hash in clear; blob keys are derived per blob by <see cref="BlobCipher"/>.
/// </summary>
internal sealed class CaseKeys : IDisposable
{
    private readonly Secret _records;
    private Secret? _contentIndex;

    public CaseKeys(string caseId, ReadOnlyMemory<byte> storeId, Secret dataKey)
    {
        CaseId = caseId;
        StoreId = storeId;
        DataKey = dataKey;
        _records = dataKey.Derive(32, storeId.Span, Context.For("records-key").Add(caseId).ToArray());
    }

    public string CaseId { get; }
    public ReadOnlyMemory<byte> StoreId { get; }
    public Secret DataKey { get; }

    public BlobContext Blob(string blobId) => new(StoreId, CaseId, blobId);

    private byte[] Ad(string purpose, Action<Context>? more)
    {
        var c = Context.For(purpose).Add(StoreId.Span).Add(CaseId);
        more?.Invoke(c);
        return c.ToArray();
    }

    public ImmutableArray<byte> Seal(string purpose, ReadOnlySpan<byte> plaintext, Action<Context>? bind = null) =>
        ImmutableCollectionsMarshal.AsImmutableArray(Aead.Seal(_records, plaintext, Ad(purpose, bind)));

    public byte[]? Open(string purpose, ImmutableArray<byte> sealedItem, Action<Context>? bind = null) =>
        Aead.Open(_records, sealedItem.AsSpan(), Ad(purpose, bind));

    public ImmutableArray<byte> ContentIndex(ReadOnlySpan<byte> sha256)
    {
        // Derived when first needed: listing cases opens thousands of case keys and never needs it.
        _contentIndex ??= DataKey.Derive(32, StoreId.Span, Context.For("content-index-key").Add(CaseId).ToArray());
        return ImmutableCollectionsMarshal.AsImmutableArray(HMACSHA256.HashData(_contentIndex.Span, sha256));
    }

    public void Dispose()
    {
        _records.Dispose();
        _contentIndex?.Dispose();
        DataKey.Dispose();
    }
}
