using ExNunc.Domain.Store;
using ExNunc.Storage.Sqlite;
using ExNunc.Vault.Cases;
using ExNunc.Vault.Keys;

namespace ExNunc.Vault.Tests;

/// <summary>
/// <see cref="CaseVault.RecordAsync"/>: custody entries appended for what was done with a case outside the vault (a
/// dossier), and nothing else changed; all or none; the chain still verifies.
/// </summary>
public class CustodyRecordTests
{
    private static readonly byte[] Summons = Bytes.Random(70_000);
    private static readonly byte[] Stream = Bytes.Random(1000);

    private static async Task<VaultFixture> WithCase()
    {
        var f = new VaultFixture();
        var path = f.CaseFolder("in", "andrei-k", ("e1", "evidence/summons.pdf", Summons), ("e5", "evidence/stream.mp4", Stream));
        Assert.True((await f.Vault.ImportAsync(path, VaultFixture.Catalog, f.Act())).IsSuccess);
        return f;
    }

    private static string Sha(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    /// <summary>Everything but the custody rows and the case row (which carries the custody length and head).</summary>
    private static string AllButCustody(VaultFixture f) =>
        string.Join('\n', Snapshot.Of(f.Directory.Root).Split('\n').Where(l => !l.StartsWith("custody:", StringComparison.Ordinal) && !l.StartsWith("cases:", StringComparison.Ordinal)));

    [Fact]
    public async Task Record_AppendsEntriesAfterTheHead_ChangesNothingElse_AndTheChainVerifies()
    {
        using var f = await WithCase();
        var before = AllButCustody(f);
        var act = f.Act("lawyer");
        var recorded = await f.Vault.RecordAsync("andrei-k",
            [(CustodyAction.Exported, "e1", Sha(Summons), "listed in the dossier for DE"), (CustodyAction.Exported, "e2", null, "listed in the dossier for DE"),
             (CustodyAction.Exported, null, null, "the dossier for DE written")], act);
        Assert.True(recorded.IsSuccess, string.Join("\n", recorded.Diagnostics));
        Assert.Equal([3L, 4L, 5L], recorded.Value.Select(e => e.Sequence));

        Assert.Equal(before, AllButCustody(f));
        var custody = (await f.Reopen().CustodyAsync("andrei-k")).Value;
        Assert.Equal(recorded.Value, custody.Skip(2));
        Assert.Equal(
            [(CustodyAction.Exported, (string?)"e1", (string?)Sha(Summons), "lawyer", act.At), (CustodyAction.Exported, "e2", null, "lawyer", act.At), (CustodyAction.Exported, null, null, "lawyer", act.At)],
            custody.Skip(2).Select(e => (e.Action, e.Evidence, e.Sha256, e.Actor, e.At)));
        Assert.Equal(1, (await f.Vault.ShowAsync("andrei-k")).Value.Version);

        // Appending again continues the same chain.
        Assert.True((await f.Vault.RecordAsync("andrei-k", [(CustodyAction.Viewed, "e5", Sha(Stream), "shown to the court")], f.Act())).IsSuccess);
        var report = (await f.Vault.VerifyAsync("andrei-k")).Value;
        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal(6L, report.CustodyEntries);
    }

    [Fact]
    public async Task Record_NamingAnUnknownItem_OrAHashTheVaultDidNotRecord_RecordsNone()
    {
        using var f = await WithCase();
        var before = Snapshot.Of(f.Directory.Root);
        var r = await f.Vault.RecordAsync("andrei-k",
            [(CustodyAction.Exported, "e1", Sha(Summons), "fine on its own"), (CustodyAction.Exported, "e9", null, "no such item"),
             (CustodyAction.Exported, "e5", Sha(Summons), "the other file's hash"), (CustodyAction.Exported, "e2", Sha(Stream), "an item without a file")], f.Act());
        Assert.Equal(["evidence.not-found", "custody.hash-mismatch", "custody.hash-mismatch"], r.Errors.Select(e => e.Code));
        Assert.Contains("e9", r.Errors.First().Message, StringComparison.Ordinal);
        Assert.Contains(Sha(Stream), r.Errors.ElementAt(1).Message, StringComparison.Ordinal);
        Assert.Equal("case.not-found", (await f.Vault.RecordAsync("nobody", [(CustodyAction.Exported, null, null, "x")], f.Act())).Errors.Single().Code);
        Assert.Equal(before, Snapshot.Of(f.Directory.Root));
    }

    [Fact]
    public async Task Record_UnderAWrongKey_ChangesNothing()
    {
        using var f = await WithCase();
        // Another master key does not even open the data directory.
        using (var other = MasterCredential.CreateKeyFile(f.Temp["other.key"]).Value)
            Assert.Equal("key.wrong-key-file", (await CaseVault.UnlockAsync(SqliteCaseStore.Open(f.Directory.Database), f.Directory, other)).Errors.Single().Code);

        // A case key that no longer unwraps: refused, nothing written.
        var wrapped = Snapshot.Scalar<byte[]>(f.Directory.Root, "SELECT wrapped FROM case_keys;");
        var altered = (byte[])wrapped.Clone();
        altered[^1] ^= 0x01;
        Snapshot.Sql(f.Directory.Root, "UPDATE case_keys SET wrapped = $w;", ("$w", altered));
        SqliteCaseStore.ReleaseConnections();
        var before = Snapshot.Of(f.Directory.Root);
        var r = await f.Vault.RecordAsync("andrei-k", [(CustodyAction.Exported, "e1", Sha(Summons), "listed in the dossier for DE")], f.Act());
        Assert.Equal("case.key-damaged", r.Errors.Single().Code);
        Assert.Equal(before, Snapshot.Of(f.Directory.Root));
        Snapshot.Sql(f.Directory.Root, "UPDATE case_keys SET wrapped = $w;", ("$w", wrapped));

        // A custody head that does not open under the case key: refused, not appended to.
        var head = Snapshot.Scalar<byte[]>(f.Directory.Root, "SELECT sealed_custody_head FROM cases;");
        Snapshot.Sql(f.Directory.Root, "UPDATE cases SET sealed_custody_head = $h;", ("$h", new byte[head.Length]));
        SqliteCaseStore.ReleaseConnections();
        before = Snapshot.Of(f.Directory.Root);
        r = await f.Vault.RecordAsync("andrei-k", [(CustodyAction.Exported, "e1", Sha(Summons), "listed in the dossier for DE")], f.Act());
        Assert.Equal("custody.broken", r.Errors.Single().Code);
        Assert.Equal(before, Snapshot.Of(f.Directory.Root));
        Snapshot.Sql(f.Directory.Root, "UPDATE cases SET sealed_custody_head = $h;", ("$h", head));
        SqliteCaseStore.ReleaseConnections();
        Assert.True((await f.Vault.VerifyAsync("andrei-k")).Value.Ok);
    }

    [Fact]
    public async Task Record_WhatOnlyTheVaultDoes_OrNothing_IsAProgrammingError()
    {
        using var f = await WithCase();
        var before = Snapshot.Of(f.Directory.Root);
        await Assert.ThrowsAsync<ArgumentException>(() => f.Vault.RecordAsync("andrei-k", [(CustodyAction.Added, "e1", Sha(Summons), "added")], f.Act()));
        await Assert.ThrowsAsync<ArgumentException>(() => f.Vault.RecordAsync("andrei-k", [(CustodyAction.Erased, null, null, "erased")], f.Act()));
        await Assert.ThrowsAsync<ArgumentException>(() => f.Vault.RecordAsync("andrei-k", [(CustodyAction.Exported, "e1", null, " ")], f.Act()));
        await Assert.ThrowsAsync<ArgumentException>(() => f.Vault.RecordAsync("andrei-k", [], f.Act()));
        Assert.Equal(before, Snapshot.Of(f.Directory.Root));
    }
}
