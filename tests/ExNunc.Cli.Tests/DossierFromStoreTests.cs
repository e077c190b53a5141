using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using ExNunc.Cli.Tests.TestSupport;
using ExNunc.Testing;

namespace ExNunc.Cli.Tests;

/// <summary>
/// <c>exnunc dossier ID</c>: the case read from the encrypted store of a data directory, its evidence hashes from
/// the vault. A scenario is imported with two evidence files, then the dossier is built by id.
/// </summary>
public sealed class DossierFromStoreTests : IDisposable
{
    private static readonly byte[] Summons = [.. "scanned court summons, page 1 of 1"u8];
    private static readonly byte[] Stream = [.. Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7 % 251))];

    private readonly TempDirectory _temp = new();
    private readonly string _data;
    private readonly string _passphrase;
    private readonly string _caseFile;

    public DossierFromStoreTests()
    {
        _data = Path.Combine(_temp.Path, "data");
        _passphrase = _temp.Write("passphrase.txt", "a long enough passphrase for tests\n");
        _caseFile = _temp.Write(Path.Combine("case", "andrei-k.yaml"), File.ReadAllText(RepoPaths.Scenario("andrei-k"))
            .Replace("    translated: false\n    proves: [proceedings]\n", "    translated: false\n    file: evidence/summons.pdf\n    proves: [proceedings]\n", StringComparison.Ordinal)
            .Replace("    translated: false\n    proves: [activity]\n", "    translated: false\n    file: evidence/stream.mp4\n    proves: [activity]\n", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(_temp.Path, "case", "evidence"));
        File.WriteAllBytes(Path.Combine(_temp.Path, "case", "evidence", "summons.pdf"), Summons);
        File.WriteAllBytes(Path.Combine(_temp.Path, "case", "evidence", "stream.mp4"), Stream);
        var init = Exnunc.Run(["init", .. Store(), "--argon2-memory", "19", "--argon2-iterations", "2", "--argon2-parallelism", "1"]);
        Assert.True(init.Code == 0, init.ToString());
        var import = Exnunc.Run(["case", "import", _caseFile, .. Store()]);
        Assert.True(import.Code == 0, import.ToString());
    }

    public void Dispose() => _temp.Dispose();

    private string[] Store(string? passphrase = null) => ["--data", _data, "--passphrase-file", passphrase ?? _passphrase];

    private string Out => Path.Combine(_temp.Path, "out");

    private string[] OutputFiles() => Directory.Exists(Out) ? Directory.GetFiles(Out) : [];

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string DocxText(string path)
    {
        using var word = WordprocessingDocument.Open(path, false);
        return word.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Fact]
    public void Dossier_ByStoredId_IndexesTheHashesTheVaultRecorded()
    {
        var r = Exnunc.Run(["dossier", "andrei-k", "--to", "DE", "--as-of", "2023-08-01", "--format", "docx", "-o", Out, .. Store()]);
        Assert.True(r.Code == 0, r.ToString());
        var docx = Assert.Single(OutputFiles());
        Assert.Equal("andrei-k_DE_2023-08-01_en.docx", Path.GetFileName(docx));
        Assert.Equal(docx, r.Out.Trim());
        Assert.DoesNotContain("evidence.file-missing", r.Err, StringComparison.Ordinal);
        var text = DocxText(docx);
        // The annex list gives each full hash, the evidence index its first 12 digits; items without a file say so.
        foreach (var content in new[] { Summons, Stream })
        {
            Assert.Contains(Sha256(content), text, StringComparison.Ordinal);
            Assert.Contains(Sha256(content)[..12], text, StringComparison.Ordinal);
        }
        Assert.Contains("summons.pdf", text, StringComparison.Ordinal);
        Assert.Contains("stream.mp4", text, StringComparison.Ordinal);
        Assert.Contains("no file", text, StringComparison.Ordinal);
        // What the vault lists is what the dossier shows.
        var list = Exnunc.Run(["evidence", "list", "andrei-k", .. Store()]);
        Assert.Contains($"sha256 {Sha256(Summons)}", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Dossier_ByStoredId_IsTheDossierOfTheCaseFileItWasImportedFrom()
    {
        var byId = Exnunc.Run(["dossier", "andrei-k", "--to", "DE", "--as-of", "2023-08-01", "--lang", "ru", "--format", "docx", "-o", Path.Combine(Out, "id"), .. Store()]);
        Assert.True(byId.Code == 0, byId.ToString());
        var byFile = Exnunc.Run("dossier", _caseFile, "--to", "DE", "--as-of", "2023-08-01", "--lang", "ru", "--format", "docx", "-o", Path.Combine(Out, "file"));
        Assert.True(byFile.Code == 0, byFile.ToString());
        Assert.Equal(File.ReadAllBytes(byFile.Out.Trim()), File.ReadAllBytes(byId.Out.Trim()));
    }

    [Fact]
    public void Dossier_UnknownId_Exit3_NoFile()
    {
        var r = Exnunc.Run(["dossier", "nobody", "--to", "DE", "--format", "docx", "-o", Out, .. Store()]);
        Assert.Equal(ExitCodes.NotFound, r.Code);
        Assert.Contains("error case.not-found: There is no case 'nobody' in the store.", r.Err, StringComparison.Ordinal);
        Assert.Empty(OutputFiles());
    }

    [Fact]
    public void Dossier_WrongPassphrase_Exit2_NoFile()
    {
        var wrong = _temp.Write("wrong.txt", "not the passphrase of this store\n");
        var r = Exnunc.Run(["dossier", "andrei-k", "--to", "DE", "--format", "docx", "-o", Out, .. Store(wrong)]);
        Assert.Equal(ExitCodes.InvalidInput, r.Code);
        Assert.Contains("error key.wrong-passphrase", r.Err, StringComparison.Ordinal);
        Assert.Empty(OutputFiles());
    }

    [Fact]
    public void Dossier_NoDataDirectory_Exit3_NamesIt()
    {
        var nowhere = Path.Combine(_temp.Path, "nowhere");
        var r = Exnunc.Run("dossier", "andrei-k", "--to", "DE", "--format", "docx", "-o", Out, "--data", nowhere, "--passphrase-file", _passphrase);
        Assert.Equal(ExitCodes.NotFound, r.Code);
        Assert.Contains("store.not-initialised", r.Err, StringComparison.Ordinal);
        Assert.Contains(nowhere, r.Err, StringComparison.Ordinal);
        Assert.Empty(OutputFiles());
    }

    [Fact]
    public void Dossier_APathThatDoesNotExist_IsAMissingFile_NotAStoredId()
    {
        var missing = Path.Combine(_temp.Path, "andrei-k.yaml");
        var r = Exnunc.Run(["dossier", missing, "--to", "DE", "--format", "docx", "-o", Out, .. Store()]);
        Assert.Equal(ExitCodes.NotFound, r.Code);
        Assert.Contains($"error case.not-found: the case file '{missing}' does not exist.", r.Err, StringComparison.Ordinal);
        Assert.Empty(OutputFiles());
    }

    [Fact]
    public void Dossier_ByStoredId_TakesTheRecordedHashes_WithoutReadingTheEncryptedFiles()
    {
        // With the encrypted files gone the vault can no longer give the evidence back, but it still knows the hashes.
        var blobs = Directory.GetFiles(Path.Combine(_data, "blobs"), "*", SearchOption.AllDirectories);
        Assert.Equal(2, blobs.Length);
        foreach (var blob in blobs) File.Delete(blob);
        var r = Exnunc.Run(["dossier", "andrei-k", "--to", "DE", "--as-of", "2023-08-01", "--format", "docx", "-o", Out, .. Store()]);
        Assert.True(r.Code == 0, r.ToString());
        var text = DocxText(Assert.Single(OutputFiles()));
        Assert.Contains(Sha256(Summons), text, StringComparison.Ordinal);
        Assert.Contains(Sha256(Stream), text, StringComparison.Ordinal);
    }
}
