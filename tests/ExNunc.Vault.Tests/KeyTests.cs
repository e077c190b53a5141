using ExNunc.Storage.Sqlite;
using ExNunc.Vault.Cases;
using ExNunc.Vault.Files;
using ExNunc.Vault.Keys;

namespace ExNunc.Vault.Tests;

/// <summary>The key hierarchy: passphrase and key file, wrong credentials, and rotation without re-encrypting evidence.</summary>
public class KeyTests
{
    private static readonly Argon2Parameters Fast = Argon2Parameters.Minimum;

    private static async Task<(TempDir Temp, DataDirectory Dir)> WithPassphrase(string passphrase)
    {
        var temp = new TempDir();
        var dir = new DataDirectory(temp["data"]);
        dir.Create();
        using var c = MasterCredential.FromPassphrase(passphrase);
        using var v = (await CaseVault.InitialiseAsync(SqliteCaseStore.Open(dir.Database), dir, c, Fast, VaultFixture.T0)).Value;
        return (temp, dir);
    }

    [Fact]
    public async Task Unlock_WithTheRightPassphrase_Works_AndAWrongOne_SaysSoAndChangesNothing()
    {
        var (temp, dir) = await WithPassphrase("correct horse battery staple");
        using var _ = temp;
        var before = Snapshot.Of(dir.Root);
        using (var wrong = MasterCredential.FromPassphrase("correct horse battery stapler"))
        {
            var r = await CaseVault.UnlockAsync(SqliteCaseStore.Open(dir.Database), dir, wrong);
            Assert.False(r.IsSuccess);
            var e = r.Errors.Single();
            Assert.Equal("key.wrong-passphrase", e.Code);
            Assert.Contains(dir.Root, e.Message, StringComparison.Ordinal);
        }
        Assert.Equal(before, Snapshot.Of(dir.Root));
        using var right = MasterCredential.FromPassphrase("correct horse battery staple");
        using var v = (await CaseVault.UnlockAsync(SqliteCaseStore.Open(dir.Database), dir, right)).Value;
        Assert.Equal("passphrase", v.Keyring.Source);
        Assert.StartsWith("argon2id$v=19$m=19456,t=2,p=1", v.Keyring.Kdf, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFile_Missing_WrongLength_AreNamed()
    {
        using var temp = new TempDir();
        var missing = MasterCredential.FromKeyFile(temp["nope.key"]);
        Assert.Equal("key.missing-key-file", missing.Errors.Single().Code);
        Assert.Contains(temp["nope.key"], missing.Errors.Single().Message, StringComparison.Ordinal);
        var shortKey = MasterCredential.FromKeyFile(temp.Write("short.key", new byte[31]));
        Assert.Equal("key.bad-key-file", shortKey.Errors.Single().Code);
    }

    [Fact]
    public void KeyFile_IsCreatedOwnerOnly_AndNeverOverwritten()
    {
        using var temp = new TempDir();
        using (var created = MasterCredential.CreateKeyFile(temp["k"]).Value) Assert.Equal(32, new FileInfo(temp["k"]).Length);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temp["k"]));
        var bytes = File.ReadAllBytes(temp["k"]);
        Assert.Equal("key.key-file-exists", MasterCredential.CreateKeyFile(temp["k"]).Errors.Single().Code);
        Assert.Equal(bytes, File.ReadAllBytes(temp["k"]));
    }

    [Fact]
    public async Task Unlock_WithAnotherKeyFile_OrAPassphraseInstead_NamesWhatIsWrong()
    {
        using var f = new VaultFixture();
        var other = MasterCredential.CreateKeyFile(f.Temp["other.key"]).Value;
        var wrong = await CaseVault.UnlockAsync(SqliteCaseStore.Open(f.Directory.Database), f.Directory, other);
        Assert.Equal("key.wrong-key-file", wrong.Errors.Single().Code);
        Assert.Contains(f.Temp["other.key"], wrong.Errors.Single().Message, StringComparison.Ordinal);
        using var phrase = MasterCredential.FromPassphrase("a long enough passphrase");
        var kind = await CaseVault.UnlockAsync(SqliteCaseStore.Open(f.Directory.Database), f.Directory, phrase);
        Assert.Equal("key.needs-key-file", kind.Errors.Single().Code);
    }

    [Fact]
    public async Task Rotate_RewrapsKeysOnly_EvidenceBlobsAreUntouched_AndTheOldCredentialStopsWorking()
    {
        using var f = new VaultFixture();
        var path = f.CaseFolder("in", "rotated-case", ("e1", "evidence/a.bin", Bytes.Random(200_000)));
        Assert.True((await f.Vault.ImportAsync(path, VaultFixture.Catalog, f.Act())).IsSuccess);
        var blobsBefore = Bytes.HashTree(f.Directory.Blobs);
        var wrappedBefore = Snapshot.Scalar<byte[]>(f.Directory.Root, "SELECT wrapped FROM case_keys;");

        using (var next = MasterCredential.FromPassphrase("the new passphrase of the org"))
        {
            var rotated = await f.Vault.RotateAsync(next, Fast, f.Act().At);
            Assert.True(rotated.IsSuccess);
            Assert.Equal(2, rotated.Value.Generation);
            Assert.Equal("passphrase", rotated.Value.Source);
        }
        Assert.Equal(blobsBefore, Bytes.HashTree(f.Directory.Blobs));
        Assert.NotEqual(wrappedBefore, Snapshot.Scalar<byte[]>(f.Directory.Root, "SELECT wrapped FROM case_keys;"));
        // The same vault instance goes on working with the new keys.
        Assert.True((await f.Vault.VerifyAsync(null)).Value.Ok);

        SqliteCaseStore.ReleaseConnections();
        using (var old = MasterCredential.FromKeyFile(f.KeyFile).Value)
            Assert.Equal("key.needs-passphrase", (await CaseVault.UnlockAsync(SqliteCaseStore.Open(f.Directory.Database), f.Directory, old)).Errors.Single().Code);
        using var phrase = MasterCredential.FromPassphrase("the new passphrase of the org");
        using var v = (await CaseVault.UnlockAsync(SqliteCaseStore.Open(f.Directory.Database), f.Directory, phrase)).Value;
        var report = (await v.VerifyAsync(null)).Value;
        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal(1, report.Files);
    }

    [Fact]
    public void NewPassphrase_TooShort_IsRefused() =>
        Assert.Equal("key.weak-passphrase", MasterCredential.CheckNewPassphrase("short")!.Code);
}
