using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ExNunc.Domain.Store;
using ExNunc.Vault.Cases;
using ExNunc.Vault.Crypto;
using ExNunc.Vault.Keys;
using NodaTime;
using NodaTime.Text;

namespace ExNunc.Vault.Custody;

/// <summary>
/// The chain of custody of a case. Entry n is sealed under the case's records key with associated data
/// (store, case, n, hash of entry n−1), and its hash is
/// <c>SHA-256("custody-link" ‖ hash(n−1) ‖ n ‖ case id ‖ sealed entry n)</c>, starting from 32 zero bytes.
/// The hashes are in clear, so the chain can be checked without the key; the sealed head (length and last
/// hash, under the case key) catches entries cut from the end.
/// </summary>
internal static class CustodyChain
{
    public static readonly ImmutableArray<byte> Genesis = [.. new byte[32]];

    public static ImmutableArray<byte> Link(ImmutableArray<byte> previous, long sequence, string caseId, ImmutableArray<byte> sealedEntry) =>
        ImmutableCollectionsMarshal.AsImmutableArray(SHA256.HashData(
            Context.For("custody-link").Add(previous.AsSpan()).Add(sequence).Add(caseId).Add(sealedEntry.AsSpan()).ToArray()));

    public static CustodyRecord Append(CaseKeys keys, ImmutableArray<byte> previous, CustodyEntry entry)
    {
        var payload = new CustodyPayload(entry.Sequence, InstantPattern.ExtendedIso.Format(entry.At), entry.Actor, Name(entry.Action), entry.Evidence, entry.Sha256, entry.Detail);
        var sealedEntry = keys.Seal("custody", PayloadJson.Encode(payload), c => c.Add(entry.Sequence).Add(previous.AsSpan()));
        return new CustodyRecord(keys.CaseId, entry.Sequence, sealedEntry, Link(previous, entry.Sequence, keys.CaseId, sealedEntry));
    }

    public static CustodyEntry? Open(CaseKeys keys, ImmutableArray<byte> previous, CustodyRecord record)
    {
        var p = PayloadJson.Decode<CustodyPayload>(keys.Open("custody", record.Sealed, c => c.Add(record.Sequence).Add(previous.AsSpan())));
        if (p is null || p.Sequence != record.Sequence || ParseAction(p.Action) is not { } action) return null;
        var at = InstantPattern.ExtendedIso.Parse(p.At);
        return at.Success ? new CustodyEntry(p.Sequence, at.Value, p.Actor, action, p.Evidence, p.Sha256, p.Detail) : null;
    }

    public static ImmutableArray<byte> SealHead(CaseKeys keys, long length, ImmutableArray<byte> hash) =>
        keys.Seal("custody-head", PayloadJson.Encode(new HeadPayload(length, Convert.ToHexStringLower(hash.AsSpan()))), c => c.Add(length));

    public static HeadPayload? OpenHead(CaseKeys keys, StoredCase stored) =>
        PayloadJson.Decode<HeadPayload>(keys.Open("custody-head", stored.SealedCustodyHead, c => c.Add(stored.CustodyLength)));

    public static string Name(CustodyAction a) => a.ToString().ToLowerInvariant();

    public static CustodyAction? ParseAction(string s) =>
        Enum.TryParse<CustodyAction>(s, ignoreCase: true, out var a) && Name(a) == s ? a : null;

    /// <summary>The checks of <c>evidence verify</c> on one chain; each problem names the entry.</summary>
    public static IEnumerable<string> Verify(CaseKeys keys, StoredCase stored, IReadOnlyList<CustodyRecord> records, List<CustodyEntry> opened)
    {
        var previous = Genesis;
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var expected = i + 1;
            if (r.Sequence != expected)
            {
                yield return $"custody entry {expected} is missing (found entry {r.Sequence} in its place)";
                yield break;
            }
            var link = Link(previous, r.Sequence, keys.CaseId, r.Sealed);
            if (!link.AsSpan().SequenceEqual(r.Hash.AsSpan()))
                yield return $"custody entry {r.Sequence}: its hash does not match its content and the entry before it (altered)";
            var entry = Open(keys, previous, r);
            if (entry is null) yield return $"custody entry {r.Sequence} does not open under the case key (altered or moved)";
            else opened.Add(entry);
            // Go on from the stored hash, so that one altered entry is reported once, not with every entry after it.
            previous = r.Hash;
        }
        if (records.Count != stored.CustodyLength)
            yield return $"the chain of custody has {records.Count} entries but the case records {stored.CustodyLength} (entries removed or added)";
        var head = OpenHead(keys, stored);
        if (head is null) yield return "the head of the chain of custody does not open under the case key (altered)";
        else if (head.Length != records.Count || head.Hash != Convert.ToHexStringLower(previous.AsSpan()))
            yield return $"the chain of custody does not end where its sealed head says (entry {head.Length.ToString(CultureInfo.InvariantCulture)}); entries were removed or replaced";
    }
}
