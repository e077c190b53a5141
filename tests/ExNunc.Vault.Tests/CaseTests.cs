using System.Text;
using ExNunc.CaseFiles;
using ExNunc.Domain.Store;
using ExNunc.Storage.Sqlite;
using ExNunc.Testing;
using ExNunc.Vault.Cases;
using ExNunc.Vault.Files;
using ExNunc.Vault.Keys;

namespace ExNunc.Vault.Tests;

/// <summary>Cases in the store: import, export, list, show, edit, history and erase, on real files.</summary>
public class CaseTests
{
    [Fact]
    public async Task ImportThenExport_GivesTheSameCaseAndTheSameFiles_AndAgainByteForByte()
    {
        using var f = new VaultFixture();
        var pdf = Bytes.Random(150_000);
        var photo = Bytes.Random(70_000);
        var path = f.CaseFolder("in", "andrei-k", ("e1", "evidence/summons.pdf", pdf), ("e4", "evidence/deep/photo.jpg", photo), ("e5", "evidence/same.pdf", pdf));
        var imported = await f.Vault.ImportAsync(path, VaultFixture.Catalog, f.Act());
        Assert.True(imported.IsSuccess, string.Join("\n", imported.Diagnostics));
        Assert.Equal(3, imported.Value.Files.Count);
        Assert.Contains(imported.Value.Warnings, w => w.Code == "evidence.duplicate");
        Assert.Equal(2, Directory.EnumerateFiles(f.Directory.Blobs, "*", SearchOption.AllDirectories).Count());

        var out1 = f.Temp["out1"];
        var exported = await f.Vault.ExportAsync("andrei-k", out1, null, f.Act());
        Assert.True(exported.IsSuccess, string.Join("\n", exported.Diagnostics));
        var original = CaseFileReader.Read(path, File.ReadAllText(path), VaultFixture.Catalog).Value;
        var back = CaseFileReader.Read("x", File.ReadAllText(Path.Combine(out1, "andrei-k.yaml")), VaultFixture.Catalog).Value;
        Assert.Equal(original, back);
        Assert.Equal(CaseFileWriter.WriteYaml(original), File.ReadAllText(Path.Combine(out1, "andrei-k.yaml")));
        Assert.Equal(pdf, File.ReadAllBytes(Path.Combine(out1, "evidence/summons.pdf")));
        Assert.Equal(pdf, File.ReadAllBytes(Path.Combine(out1, "evidence/same.pdf")));
        Assert.Equal(photo, File.ReadAllBytes(Path.Combine(out1, "evidence/deep/photo.jpg")));

        using var g = new VaultFixture();
        Assert.True((await g.Vault.ImportAsync(Path.Combine(out1, "andrei-k.yaml"), VaultFixture.Catalog, g.Act())).IsSuccess);
        var out2 = g.Temp["out2"];
        Assert.True((await g.Vault.ExportAsync("andrei-k", out2, null, g.Act())).IsSuccess);
        Assert.Equal(Bytes.HashTree(out1), Bytes.HashTree(out2));
    }

    [Fact]
    public async Task Export_AsJson_RoundTrips_AndIntoANonEmptyDirectory_IsRefused()
    {
        using var f = new VaultFixture();
        await f.Vault.ImportAsync(f.CaseFolder("in", "olga-v"), VaultFixture.Catalog, f.Act());
        var json = await f.Vault.ExportAsync("olga-v", f.Temp["j"], CaseFormat.Json, f.Act());
        Assert.True(json.IsSuccess);
        var text = File.ReadAllText(json.Value.CaseFile!);
        Assert.StartsWith("{", text, StringComparison.Ordinal);
        Assert.True(CaseFileReader.Read("j", text, VaultFixture.Catalog).IsSuccess);
        f.Temp.Write("busy/x.txt", "x");
        Assert.Equal("export.not-empty", (await f.Vault.ExportAsync("olga-v", f.Temp["busy"], null, f.Act())).Errors.Single().Code);
    }

    [Fact]
    public async Task Import_TheSameReferenceTwice_IsRefusedAndChangesNothing()
    {
        using var f = new VaultFixture();
        var path = f.CaseFolder("in", "twice");
        Assert.True((await f.Vault.ImportAsync(path, VaultFixture.Catalog, f.Act())).IsSuccess);
        var before = Snapshot.Of(f.Directory.Root);
        var again = await f.Vault.ImportAsync(path, VaultFixture.Catalog, f.Act());
        Assert.Equal("case.exists", again.Errors.Single().Code);
        Assert.Equal(before, Snapshot.Of(f.Directory.Root));
    }

    [Fact]
    public async Task Import_AnInvalidCase_ReportsEveryErrorAndStoresNothing()
    {
        using var f = new VaultFixture();
        var path = f.Temp.Write("bad/bad.yaml", "exnunc: 1\nid: bad\nperson:\n  sex: robot\nexit_ban: maybe\n");
        var before = Snapshot.Of(f.Directory.Root);
        var r = await f.Vault.ImportAsync(path, VaultFixture.Catalog, f.Act());
        Assert.Equal(2, r.Errors.Count());
        Assert.All(r.Errors, e => Assert.Equal(path, e.Location!.File));
        Assert.Equal(before, Snapshot.Of(f.Directory.Root));
    }

    [Fact]
    public async Task List_FiltersByStatusDestinationAndDate()
    {
        using var f = new VaultFixture();
        foreach (var name in new[] { "andrei-k", "olga-v", "ivan-p" })
        {
            var text = File.ReadAllText(RepoPaths.Scenario(name));
            Assert.True((await f.Vault.ImportAsync(f.Temp.Write($"{name}/{name}.yaml", text), VaultFixture.Catalog, f.Act())).IsSuccess);
        }
        Assert.True((await f.Vault.EditAsync("olga-v", null, CaseStatus.Closed, null, f.Act())).IsSuccess);
        var all = (await f.Vault.ListAsync(new CaseQuery())).Value;
        Assert.Equal(3, all.Count);
        var open = (await f.Vault.ListAsync(new CaseQuery(Status: CaseStatus.Open))).Value;
        Assert.DoesNotContain(open, c => c.Reference == "olga-v");
        var recent = (await f.Vault.ListAsync(new CaseQuery(UpdatedSince: all.Single(c => c.Reference == "olga-v").Updated))).Value;
        Assert.Equal("olga-v", recent.Single().Reference);
        var andrei = all.Single(c => c.Reference == "andrei-k");
        Assert.Contains("DE", andrei.Destinations);
        Assert.Contains((await f.Vault.ListAsync(new CaseQuery(Destination: "DE"))).Value, c => c.Reference == "andrei-k");
    }

    [Fact]
    public async Task Edit_ByMergePatch_SavesANewVersion_WithWhoAndWhichFields()
    {
        using var f = new VaultFixture();
        await f.Vault.ImportAsync(f.CaseFolder("in", "andrei-k"), VaultFixture.Catalog, f.Act("anna"));
        const string patch = "whereabouts:\n  status: appeal\nexit_ban: yes\nobjection: null\n";
        var edited = await f.Vault.EditAsync("andrei-k", doc => YamlPatch.Apply(doc, patch, "p.yaml"), null, VaultFixture.Catalog, f.Act("boris"));
        Assert.True(edited.IsSuccess, string.Join("\n", edited.Diagnostics));
        Assert.Equal(2, edited.Value.Summary.Version);
        var shown = (await f.Vault.ShowAsync("andrei-k")).Value;
        Assert.Equal("appeal", shown.Case.Whereabouts!.Status);
        Assert.Equal("yes", shown.Case.ExitBan);
        Assert.Null(shown.Case.Objection);
        Assert.NotNull((await f.Vault.ShowAsync("andrei-k", 1)).Value.Case.Objection);

        var history = (await f.Vault.HistoryAsync("andrei-k")).Value;
        Assert.Equal(2, history.Count);
        Assert.Equal(("anna", "import"), (history[0].Actor, history[0].Reason));
        Assert.Equal("boris", history[1].Actor);
        Assert.Contains("whereabouts.status", history[1].Changed);
        Assert.Contains("exit_ban", history[1].Changed);
        Assert.Contains(history[1].Changed, c => c.StartsWith("objection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edit_ThatDoesNotValidate_OrRemovesAStoredFile_IsRefusedAndChangesNothing()
    {
        using var f = new VaultFixture();
        await f.Vault.ImportAsync(f.CaseFolder("in", "andrei-k", ("e1", "evidence/a.pdf", Bytes.Random(100))), VaultFixture.Catalog, f.Act());
        var before = Snapshot.Of(f.Directory.Root);
        var invalid = await f.Vault.EditAsync("andrei-k", d => YamlPatch.Apply(d, "person:\n  sex: robot\n", "p"), null, VaultFixture.Catalog, f.Act());
        Assert.Equal("value.enum", invalid.Errors.Single().Code);
        var removes = await f.Vault.EditAsync("andrei-k", d => YamlPatch.Apply(d, "evidence: []\nproceedings: null\nsummonses: null\nactivity: null\n", "p"), null, VaultFixture.Catalog, f.Act());
        Assert.Contains(removes.Errors, e => e.Code == "case.evidence-stored");
        var syntax = await f.Vault.EditAsync("andrei-k", d => YamlPatch.Apply(d, "person: [unclosed\n", "p.yaml"), null, VaultFixture.Catalog, f.Act());
        Assert.Equal("p.yaml", syntax.Errors.Single().Location!.File);
        Assert.Equal(before, Snapshot.Of(f.Directory.Root));
    }

    [Fact]
    public async Task Edit_MarkingEvidenceTranslated_IsRecordedInTheChainOfCustody()
    {
        using var f = new VaultFixture();
        await f.Vault.ImportAsync(f.CaseFolder("in", "andrei-k"), VaultFixture.Catalog, f.Act());
        var doc = (await f.Vault.ShowAsync("andrei-k")).Value.Document;
        var changed = doc.Replace("    translated: false\n", "    translated: true\n", StringComparison.Ordinal);
        Assert.True((await f.Vault.EditAsync("andrei-k", _ => Domain.Diagnostics.Result<string>.Success(changed), null, VaultFixture.Catalog, f.Act())).IsSuccess);
        var custody = (await f.Vault.CustodyAsync("andrei-k")).Value;
        Assert.Contains(custody, c => c.Action == CustodyAction.Translated);
    }

    [Fact]
    public async Task Erase_DestroysTheKeyFirst_NoByteOfTheCaseCanBeOpenedEvenIfBlobDeletionWasInterrupted()
    {
        using var f = new VaultFixture();
        var content = Bytes.Random(300_000);
        await f.Vault.ImportAsync(f.CaseFolder("in", "erase-me", ("e1", "evidence/a.bin", content)), VaultFixture.Catalog, f.Act());
        await f.Vault.ImportAsync(f.CaseFolder("in2", "keep-me", ("e1", "evidence/b.bin", Bytes.Random(1000))), VaultFixture.Catalog, f.Act());
        var caseId = Snapshot.Scalar<string>(f.Directory.Root, "SELECT case_id FROM evidence ORDER BY added LIMIT 1;");
        var wrapped = Snapshot.Scalar<byte[]>(f.Directory.Root, $"SELECT wrapped FROM case_keys WHERE case_id = '{caseId}';");
        var sealedVersion = Snapshot.Scalar<byte[]>(f.Directory.Root, $"SELECT sealed FROM case_versions WHERE case_id = '{caseId}';");
        // Keep a copy of the blobs, to put back as if their deletion had been interrupted.
        var blobs = Directory.EnumerateFiles(Path.Combine(f.Directory.Blobs, caseId)).ToDictionary(p => p, File.ReadAllBytes);

        var erased = await f.Vault.EraseAsync("erase-me", f.Act());
        Assert.True(erased.IsSuccess);
        Assert.Equal("case.not-found", (await f.Vault.ShowAsync("erase-me")).Errors.Single().Code);
        Assert.Equal(0, Bytes.IndexOf(f.Directory.Root, wrapped));
        Assert.Equal(0, Bytes.IndexOf(f.Directory.Root, sealedVersion));
        Assert.False(Directory.Exists(Path.Combine(f.Directory.Blobs, caseId)));

        // Interrupted deletion: the ciphertext is back on disk, but nothing left can open it.
        foreach (var (p, b) in blobs)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(p)!);
            File.WriteAllBytes(p, b);
        }
        Assert.Equal(0, Bytes.IndexOf(f.Directory.Root, wrapped));
        Assert.Equal(0L, Snapshot.Scalar<long>(f.Directory.Root, $"SELECT count(*) FROM case_keys WHERE case_id = '{caseId}';"));
        Assert.Equal(0L, Snapshot.Scalar<long>(f.Directory.Root, $"SELECT count(*) FROM case_versions WHERE case_id = '{caseId}';"));
        Assert.Equal(1L, Snapshot.Scalar<long>(f.Directory.Root, "SELECT count(*) FROM erasures WHERE completed = 1;"));
        // The next writer removes the orphans; the other case is untouched.
        File.WriteAllText(Path.Combine(f.Directory.Root, "writing"), "");
        var report = (await f.Vault.VerifyAsync(null)).Value;
        Assert.True(report.Ok);
        Assert.Equal(1, report.Cases);
        Assert.False(Directory.Exists(Path.Combine(f.Directory.Blobs, caseId)));
    }

    [Fact]
    public async Task Erase_InterruptedAfterTheKeyWasDestroyed_IsFinishedByTheNextWriter()
    {
        using var f = new VaultFixture();
        await f.Vault.ImportAsync(f.CaseFolder("in", "half", ("e1", "evidence/a.bin", Bytes.Random(5000))), VaultFixture.Catalog, f.Act());
        var caseId = Snapshot.Scalar<string>(f.Directory.Root, "SELECT id FROM cases;");
        // What step one of an erasure leaves when the process dies right after it.
        var store = SqliteCaseStore.Open(f.Directory.Database);
        await store.DestroyCaseKeyAsync(new Domain.Store.Erasure(caseId, VaultFixture.T0, [1, 2, 3], false));
        File.WriteAllText(Path.Combine(f.Directory.Root, "writing"), "");
        Assert.True(Directory.Exists(Path.Combine(f.Directory.Blobs, caseId)));
        Assert.True((await f.Vault.VerifyAsync(null)).Value.Ok);
        Assert.False(Directory.Exists(Path.Combine(f.Directory.Blobs, caseId)));
        Assert.Equal(0L, Snapshot.Scalar<long>(f.Directory.Root, "SELECT count(*) FROM case_versions;"));
        Assert.Empty(await store.ListErasuresAsync(pendingOnly: true));
    }

    [Fact]
    public void Destinations_LeaveOutWhereThePersonIsInOriginOrInTransit()
    {
        var c = TestKnowledge.Scenario("andrei-k");
        Assert.Contains("DE", Domain.Store.CaseIndexing.Destinations(c));
        var inTransit = c with { Applications = null, Whereabouts = c.Whereabouts! with { Country = "GE", Status = "transit" } };
        Assert.Empty(Domain.Store.CaseIndexing.Destinations(inTransit));
        var home = c with { Applications = null, Whereabouts = c.Whereabouts! with { Country = "RU", Status = "in-origin" } };
        Assert.Empty(Domain.Store.CaseIndexing.Destinations(home));
    }
}
