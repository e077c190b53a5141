using ExNunc.Domain.Store;
using ExNunc.Vault.Cases;
using ExNunc.Vault.Metadata;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace ExNunc.Vault.Tests;

/// <summary>Evidence: adding, duplicates, metadata and its dangerous parts, redacted export, custody.</summary>
public class EvidenceTests
{
    private static async Task<VaultFixture> WithCase()
    {
        var f = new VaultFixture();
        Assert.True((await f.Vault.ImportAsync(f.CaseFolder("in", "andrei-k"), VaultFixture.Catalog, f.Act())).IsSuccess);
        return f;
    }

    [Fact]
    public async Task Add_NumbersItemsAfterTheLast_RecordsTheirHash_AndDetectsDuplicates()
    {
        using var f = await WithCase();
        var a = f.Temp.Write("files/a.pdf", Bytes.Random(1000));
        var b = f.Temp.Write("files/b b.pdf", Bytes.Random(2000));
        var added = await f.Vault.AddEvidenceAsync("andrei-k", [new(a, "court-document", "Summons", null, ["proceedings"]), new(b)], f.Act());
        Assert.True(added.IsSuccess, string.Join("\n", added.Diagnostics));
        Assert.Equal(["e6", "e7"], added.Value.Added.Select(x => x.EvidenceId));
        Assert.Equal("evidence/b-b.pdf", added.Value.Added[1].File);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(a))), added.Value.Added[0].Sha256);

        var copy = f.Temp.Write("files/copy-of-a.pdf", File.ReadAllBytes(a));
        var before = Snapshot.Of(f.Directory.Root);
        var dup = await f.Vault.AddEvidenceAsync("andrei-k", [new(copy)], f.Act());
        Assert.True(dup.IsSuccess);
        Assert.Empty(dup.Value.Added);
        Assert.Contains("e6", dup.Value.Warnings.Single(w => w.Code == "evidence.duplicate").Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot.Of(f.Directory.Root));

        var list = (await f.Vault.ListEvidenceAsync("andrei-k")).Value;
        var e6 = list.Single(e => e.Item.Id == "e6");
        Assert.Equal(("Summons", "court-document"), (e6.Item.Title, e6.Item.Kind));
        Assert.Equal(1000, e6.File!.Length);
        Assert.Null(list.Single(e => e.Item.Id == "e1").File);
    }

    [Fact]
    public async Task Add_WithAnUnknownKindOrSection_IsRefusedBeforeAnythingIsRead()
    {
        using var f = await WithCase();
        var before = Snapshot.Of(f.Directory.Root);
        var r = await f.Vault.AddEvidenceAsync("andrei-k", [new(f.Temp.Write("x.bin", [1]), Kind: "selfie", Proves: ["everything"])], f.Act());
        Assert.Equal(2, r.Errors.Count());
        Assert.Equal(before, Snapshot.Of(f.Directory.Root));
    }

    [Fact]
    public async Task Add_APhoto_RecordsItsMetadata_AndFlagsGpsSerialAndNames()
    {
        using var f = await WithCase();
        var photo = f.Temp.Write("files/photo.jpg", SampleFiles.JpegWithGps(out _));
        var added = (await f.Vault.AddEvidenceAsync("andrei-k", [new(photo, "screenshot")], f.Act())).Value.Added.Single();
        var danger = added.Metadata.Where(m => m.Dangerous).ToList();
        Assert.Contains(danger, m => m.Category == MetadataCategory.Location && m.Name.Contains("Latitude", StringComparison.Ordinal));
        Assert.Contains(danger, m => m.Category == MetadataCategory.Serial && m.Value == "SN-4815162342");
        Assert.Contains(danger, m => m.Category == MetadataCategory.Person && m.Value.Contains("Ivan Petrov", StringComparison.Ordinal));
        Assert.Contains(added.Metadata, m => m.Name == "Make" && m.Value == "Samsung" && !m.Dangerous);
        Assert.Contains(added.Metadata, m => m.Category == MetadataCategory.Date);

        var stored = (await f.Vault.ListEvidenceAsync("andrei-k")).Value.Single(e => e.Item.Id == added.EvidenceId).File!;
        Assert.Equal("image/jpeg", stored.MediaType);
        Assert.Equal(added.Metadata.Count, stored.Metadata.Count);
    }

    [Fact]
    public async Task Add_APdf_RecordsItsAuthorAsDangerous()
    {
        using var f = await WithCase();
        var pdf = f.Temp.Write("files/letter.pdf", SampleFiles.PdfWithAuthor());
        var added = (await f.Vault.AddEvidenceAsync("andrei-k", [new(pdf)], f.Act())).Value.Added.Single();
        Assert.Contains(added.Metadata, m => m is { Name: "Author", Value: "Ivan Petrov", Dangerous: true });
        Assert.Contains(added.Metadata, m => m is { Name: "Producer", Dangerous: false });
        Assert.Empty(added.Notes);
    }

    [Fact]
    public async Task ExportRedacted_StripsJpegAndPngMetadata_KeepsThePictureExact_AndSaysWhatItRemoved()
    {
        using var f = await WithCase();
        var jpeg = SampleFiles.JpegWithGps(out var scan);
        var png = SampleFiles.PngWithAuthor(out var idat);
        var pdf = SampleFiles.PdfWithAuthor();
        await f.Vault.AddEvidenceAsync("andrei-k", [new(f.Temp.Write("f/photo.jpg", jpeg)), new(f.Temp.Write("f/shot.png", png)), new(f.Temp.Write("f/letter.pdf", pdf))], f.Act());

        var result = await f.Vault.ExportEvidenceAsync("andrei-k", f.Temp["out"], redact: true, f.Act());
        Assert.True(result.IsSuccess, string.Join("\n", result.Diagnostics));
        var photo = result.Value.Files.Single(x => x.Path.EndsWith("photo.jpg", StringComparison.Ordinal));
        Assert.Contains(photo.Removed, r => r.StartsWith("Exif metadata", StringComparison.Ordinal));
        Assert.Contains(photo.Removed, r => r.StartsWith("XMP metadata", StringComparison.Ordinal));
        Assert.Contains(photo.Removed, r => r.StartsWith("comment", StringComparison.Ordinal));
        var redacted = File.ReadAllBytes(photo.Path);
        Assert.True(redacted.AsSpan().EndsWith(scan), "the image data must be copied byte for byte");
        var dirs = ImageMetadataReader.ReadMetadata(new MemoryStream(redacted));
        Assert.Empty(dirs.OfType<GpsDirectory>());
        Assert.Empty(dirs.OfType<ExifIfd0Directory>());
        Assert.DoesNotContain("Ivan", System.Text.Encoding.Latin1.GetString(redacted), StringComparison.Ordinal);

        var shot = result.Value.Files.Single(x => x.Path.EndsWith("shot.png", StringComparison.Ordinal));
        Assert.Contains(shot.Removed, r => r.StartsWith("text metadata", StringComparison.Ordinal));
        Assert.Contains(shot.Removed, r => r.StartsWith("modification time", StringComparison.Ordinal));
        var pngOut = File.ReadAllBytes(shot.Path);
        Assert.True(pngOut.AsSpan().IndexOf(idat) > 0);
        Assert.DoesNotContain("Ivan", System.Text.Encoding.Latin1.GetString(pngOut), StringComparison.Ordinal);

        // A PDF naming its author cannot be redacted here: it is held back, with a warning saying why.
        Assert.DoesNotContain(result.Value.Files, x => x.Path.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Contains("a person's name", result.Value.Warnings.Single(w => w.Code == "redact.unsupported").Message, StringComparison.Ordinal);

        var custody = (await f.Vault.CustodyAsync("andrei-k")).Value;
        Assert.Equal(2, custody.Count(c => c.Action == CustodyAction.Exported && c.Detail!.StartsWith("exported redacted: removed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Export_WithoutRedaction_GivesTheOriginalBytes_AndShowRecordsAView()
    {
        using var f = await WithCase();
        var jpeg = SampleFiles.JpegWithGps(out _);
        await f.Vault.AddEvidenceAsync("andrei-k", [new(f.Temp.Write("f/photo.jpg", jpeg))], f.Act());
        var result = (await f.Vault.ExportEvidenceAsync("andrei-k", f.Temp["out"], redact: false, f.Act())).Value;
        Assert.Equal(jpeg, File.ReadAllBytes(result.Files.Single().Path));
        Assert.Empty(System.IO.Directory.EnumerateFiles(f.Temp["out"], "*.exnunc-part", SearchOption.AllDirectories));
        var shown = await f.Vault.ShowEvidenceAsync("andrei-k", "e6", f.Act("lawyer"));
        Assert.True(shown.IsSuccess);
        var custody = (await f.Vault.CustodyAsync("andrei-k")).Value;
        Assert.Equal([CustodyAction.Added, CustodyAction.Exported, CustodyAction.Viewed], custody.Select(c => c.Action));
        Assert.Equal("lawyer", custody[^1].Actor);
        Assert.Equal([1L, 2L, 3L], custody.Select(c => c.Sequence));
    }

    [Fact]
    public void Redactor_RefusesAFileThatIsNotWhatItClaims()
    {
        Assert.Throws<RedactionException>(() => Redactor.Strip(new MemoryStream([1, 2, 3]), new MemoryStream(), "image/jpeg"));
        var truncated = SampleFiles.JpegWithGps(out _)[..^40];
        Assert.Throws<RedactionException>(() => Redactor.Strip(new MemoryStream(truncated), new MemoryStream(), "image/jpeg"));
    }
}
