using ExNunc.Vault.Crypto;

namespace ExNunc.Vault.Tests;

/// <summary>Every kind of damage to the data directory is found by <c>evidence verify</c>, named exactly, and nothing is changed.</summary>
public class TamperTests
{
    private static async Task<(VaultFixture F, string CaseId, string[] Blobs)> TwoFiles()
    {
        var f = new VaultFixture();
        var path = f.CaseFolder("in", "andrei-k", ("e1", "evidence/summons.pdf", Bytes.Random(5 * BlobCipher.ChunkSize + 100)), ("e2", "evidence/blocked.png", Bytes.Random(5 * BlobCipher.ChunkSize + 100)));
        Assert.True((await f.Vault.ImportAsync(path, VaultFixture.Catalog, f.Act())).IsSuccess);
        await f.Vault.ExportEvidenceAsync("andrei-k", f.Temp["out"], false, f.Act());
        var caseId = Snapshot.Scalar<string>(f.Directory.Root, "SELECT id FROM cases;");
        var blobs = Directory.EnumerateFiles(Path.Combine(f.Directory.Blobs, caseId)).Order(StringComparer.Ordinal).ToArray();
        return (f, caseId, blobs);
    }

    private static async Task<IReadOnlyList<string>> VerifyUnchanged(VaultFixture f)
    {
        var before = Snapshot.Of(f.Directory.Root);
        var report = (await f.Vault.VerifyAsync(null)).Value;
        Assert.Equal(before, Snapshot.Of(f.Directory.Root));
        Assert.False(report.Ok);
        return [.. report.Problems.Select(p => p.Code + " " + p.Message)];
    }

    private static string ItemOf(VaultFixture f, string blobPath) =>
        Snapshot.Scalar<string>(f.Directory.Root, "SELECT blob_id FROM evidence WHERE blob_id = '" + Path.GetFileName(blobPath) + "';");

    [Fact]
    public async Task Verify_AnIntactVault_FindsNothing()
    {
        var (f, _, _) = await TwoFiles();
        using var _f = f;
        var report = (await f.Vault.VerifyAsync("andrei-k")).Value;
        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal((1, 2, 4L), (report.Cases, report.Files, report.CustodyEntries));
        Assert.Equal(64, report.Heads.Single().Head.Length);
    }

    [Fact]
    public async Task Verify_ATamperedBlob_NamesTheItemTheBlobAndTheChunk()
    {
        var (f, _, blobs) = await TwoFiles();
        using var _f = f;
        var bytes = File.ReadAllBytes(blobs[0]);
        bytes[BlobCipher.HeaderSize + 3 * (BlobCipher.ChunkSize + 16) + 5] ^= 0x40;
        File.WriteAllBytes(blobs[0], bytes);
        var problem = (await VerifyUnchanged(f)).Single();
        Assert.StartsWith("evidence.tampered", problem, StringComparison.Ordinal);
        Assert.Contains("Case 'andrei-k', evidence e", problem, StringComparison.Ordinal);
        Assert.Contains(ItemOf(f, blobs[0]), problem, StringComparison.Ordinal);
        Assert.Contains("chunk 4 fails authentication", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ATruncatedBlob_SaysTruncated()
    {
        var (f, _, blobs) = await TwoFiles();
        using var _f = f;
        using (var s = new FileStream(blobs[1], FileMode.Open)) s.SetLength(BlobCipher.HeaderSize + 2 * (BlobCipher.ChunkSize + 16));
        var problem = (await VerifyUnchanged(f)).Single();
        Assert.Contains("ends after chunk 2, which was not its last (truncated)", problem, StringComparison.Ordinal);
        Assert.Contains(ItemOf(f, blobs[1]), problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChunksSwappedBetweenTwoFiles_NamesBoth()
    {
        var (f, _, blobs) = await TwoFiles();
        using var _f = f;
        var a = File.ReadAllBytes(blobs[0]);
        var b = File.ReadAllBytes(blobs[1]);
        var at = BlobCipher.HeaderSize + 2 * (BlobCipher.ChunkSize + 16);
        var chunk = a.AsSpan(at, BlobCipher.ChunkSize + 16).ToArray();
        b.AsSpan(at, BlobCipher.ChunkSize + 16).CopyTo(a.AsSpan(at));
        chunk.CopyTo(b.AsSpan(at));
        File.WriteAllBytes(blobs[0], a);
        File.WriteAllBytes(blobs[1], b);
        var problems = await VerifyUnchanged(f);
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains("chunk 3 fails authentication", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_WholeBlobsSwapped_NamesBoth()
    {
        var (f, _, blobs) = await TwoFiles();
        using var _f = f;
        File.Move(blobs[0], blobs[0] + ".tmp");
        File.Move(blobs[1], blobs[0]);
        File.Move(blobs[0] + ".tmp", blobs[1]);
        var problems = await VerifyUnchanged(f);
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains("chunk 1", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_AMissingBlob_IsNamed()
    {
        var (f, _, blobs) = await TwoFiles();
        using var _f = f;
        File.Delete(blobs[0]);
        var problem = (await VerifyUnchanged(f)).Single();
        Assert.StartsWith("evidence.missing", problem, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(blobs[0]), problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AFlippedByteInTheCustodyLog_NamesTheEntry()
    {
        var (f, caseId, _) = await TwoFiles();
        using var _f = f;
        var sealedEntry = Snapshot.Scalar<byte[]>(f.Directory.Root, $"SELECT sealed FROM custody WHERE case_id = '{caseId}' AND seq = 3;");
        sealedEntry[20] ^= 1;
        Snapshot.Sql(f.Directory.Root, "UPDATE custody SET sealed = $s WHERE seq = 3;", ("$s", sealedEntry));
        var problems = await VerifyUnchanged(f);
        Assert.Contains(problems, p => p.StartsWith("custody.broken", StringComparison.Ordinal) && p.Contains("custody entry 3: its hash does not match", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("custody entry 3 does not open", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("entry 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_AFlippedByteInACustodyHash_IsFound()
    {
        var (f, caseId, _) = await TwoFiles();
        using var _f = f;
        var hash = Snapshot.Scalar<byte[]>(f.Directory.Root, $"SELECT hash FROM custody WHERE case_id = '{caseId}' AND seq = 2;");
        hash[0] ^= 1;
        Snapshot.Sql(f.Directory.Root, "UPDATE custody SET hash = $h WHERE seq = 2;", ("$h", hash));
        var problems = await VerifyUnchanged(f);
        Assert.Contains(problems, p => p.Contains("custody entry 2: its hash does not match", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_TheLastCustodyEntriesRemoved_IsFound()
    {
        var (f, caseId, _) = await TwoFiles();
        using var _f = f;
        Snapshot.Sql(f.Directory.Root, $"DELETE FROM custody WHERE case_id = '{caseId}' AND seq >= 3;");
        var problems = await VerifyUnchanged(f);
        Assert.Contains(problems, p => p.Contains("has 2 entries but the case records 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_AnEntryRemovedFromTheMiddle_IsFound()
    {
        var (f, caseId, _) = await TwoFiles();
        using var _f = f;
        Snapshot.Sql(f.Directory.Root, $"DELETE FROM custody WHERE case_id = '{caseId}' AND seq = 2;");
        Assert.Contains(await VerifyUnchanged(f), p => p.Contains("custody entry 2 is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_AnAlteredVersion_IsNamed_AndTheCaseNoLongerOpens()
    {
        var (f, caseId, _) = await TwoFiles();
        using var _f = f;
        var v = Snapshot.Scalar<byte[]>(f.Directory.Root, $"SELECT sealed FROM case_versions WHERE case_id = '{caseId}' AND version = 1;");
        v[^1] ^= 1;
        Snapshot.Sql(f.Directory.Root, "UPDATE case_versions SET sealed = $s;", ("$s", v));
        Assert.Contains(await VerifyUnchanged(f), p => p.StartsWith("case.version-damaged", StringComparison.Ordinal) && p.Contains("version 1", StringComparison.Ordinal));
        Assert.Equal("case.damaged", (await f.Vault.ShowAsync("andrei-k")).Errors.Single().Code);
    }
}
