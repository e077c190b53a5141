using System.Text;
using ExNunc.Domain.Store;
using ExNunc.Vault.Cases;

namespace ExNunc.Vault.Tests;

/// <summary>Nothing personal reaches the data directory in clear: every byte of every file is scanned, WAL and SHM included.</summary>
public class PlaintextAtRestTests
{
    [Fact]
    public async Task EveryByteUnderTheDataDirectory_HoldsNoMarker_NoNameAndNoCaseReference()
    {
        using var f = new VaultFixture();
        const string marker = "ZQX-MARKER-7f3a9c";
        const string reference = "zqx-marker-case";
        var path = f.CaseFolder("in", reference, ("e1", $"evidence/{marker}-summons.pdf", Bytes.WithMarker(400_000, marker)), ("e2", "evidence/small.txt", Encoding.UTF8.GetBytes("text " + marker)));
        var text = File.ReadAllText(path)
            .Replace("name: Andrei K.", $"name: {marker} Ivanov", StringComparison.Ordinal)
            .Replace("    title: Court summons", $"    title: {marker} Court summons", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        Assert.True((await f.Vault.ImportAsync(path, VaultFixture.Catalog, f.Act(marker + "-worker"))).IsSuccess);
        var jpeg = SampleFiles.JpegWithGps(out _);
        await f.Vault.AddEvidenceAsync(reference, [new(f.Temp.Write($"files/{marker}.jpg", jpeg), Title: marker)], f.Act());
        await f.Vault.EditAsync(reference, d => YamlPatch.Apply(d, $"desertion:\n  circumstances: {marker} left the unit\n", "p"), null, VaultFixture.Catalog, f.Act());
        await f.Vault.ExportEvidenceAsync(reference, f.Temp["out"], true, f.Act());
        await f.Vault.EditAsync(reference, null, CaseStatus.Closed, null, f.Act());

        // The WAL still holds recent pages: it is scanned as it is, before and after a checkpoint.
        var walBefore = Path.Combine(f.Directory.Root, "exnunc.db-wal");
        Assert.True(File.Exists(walBefore));
        foreach (var needle in new[] { marker, marker.ToLowerInvariant(), reference, "Ivan Petrov", "Samsung", "SN-4815162342", "summons" })
            Assert.True(Bytes.IndexOf(f.Directory.Root, Encoding.UTF8.GetBytes(needle)) == 0, $"'{needle}' is in clear in the data directory");
        // UTF-16 too, in case anything wrote .NET strings raw.
        Assert.Equal(0, Bytes.IndexOf(f.Directory.Root, Encoding.Unicode.GetBytes(marker)));
        f.Reopen();
        Assert.Equal(0, Bytes.IndexOf(f.Directory.Root, Encoding.UTF8.GetBytes(marker)));
        // And it is all there when opened with the key.
        Assert.Contains(marker, (await f.Vault.ShowAsync(reference)).Value.Document, StringComparison.Ordinal);
    }
}
