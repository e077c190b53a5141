using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using ExNunc.Cli.Tests.TestSupport;
using ExNunc.Testing;

namespace ExNunc.Cli.Tests;

/// <summary>
/// <c>exnunc dossier ID</c>: the case read from the encrypted store of a data directory, its evidence hashes from
/// the vault. A scenario is imported with two evidence files, then the dossier is built by id. The dossier hands the
/// case's evidence index to an authority, so it is recorded in the case's chain of custody before its files appear.
/// </summary>
public sealed partial class DossierFromStoreTests : IDisposable
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

    /// <summary>One line of <c>evidence custody</c>: sequence, instant, actor, action, evidence id or "-", detail, hash.</summary>
    [GeneratedRegex(@"^\s*(?<seq>\d+)\s+(?<at>\S+)\s+(?<actor>\S+)\s+(?<action>\S+)\s+(?<evidence>\S+)\s+(?<detail>.*?)(?:\s+sha256 (?<sha>[0-9a-f]{64}))?$")]
    private static partial Regex CustodyLine();

    private sealed record Custody(long Sequence, string At, string Actor, string Action, string Evidence, string Detail, string? Sha256);

    private IReadOnlyList<Custody> CustodyOf(string reference)
    {
        var r = Exnunc.Run(["evidence", "custody", reference, .. Store()]);
        Assert.True(r.Code == 0, r.ToString());
        return [.. r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var m = CustodyLine().Match(line);
            Assert.True(m.Success, line);
            return new Custody(long.Parse(m.Groups["seq"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["at"].Value, m.Groups["actor"].Value,
                m.Groups["action"].Value, m.Groups["evidence"].Value, m.Groups["detail"].Value, m.Groups["sha"].Success ? m.Groups["sha"].Value : null);
        })];
    }

    private void AssertVerifies(string reference)
    {
        var verify = Exnunc.Run(["evidence", "verify", reference, .. Store()]);
        Assert.True(verify.Code == 0, verify.ToString());
        Assert.Contains("all intact", verify.Out, StringComparison.Ordinal);
    }

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

    [Fact]
    public void Dossier_ByStoredId_RecordsEachItemOfItsEvidenceIndex_InTheChainOfCustody()
    {
        var before = CustodyOf("andrei-k");
        Assert.Equal(["added", "added"], before.Select(c => c.Action));
        var r = Exnunc.Run(["dossier", "andrei-k", "--to", "de", "--as-of", "2023-08-01", "--lang", "ru", "--format", "docx", "-o", Out, "--actor", "lawyer", .. Store()]);
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("chain-of-custody entries 3–7", r.Err, StringComparison.Ordinal);
        Assert.Single(OutputFiles());
        Assert.Empty(Directory.GetDirectories(Out));

        var custody = CustodyOf("andrei-k");
        Assert.Equal(before, custody.Take(2));
        var dossier = custody.Skip(2).ToList();
        // Every item the index lists, in its order; the hash where the vault holds the item's file, none where it holds none.
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], dossier.Select(c => c.Evidence));
        Assert.Equal([3L, 4L, 5L, 6L, 7L], dossier.Select(c => c.Sequence));
        Assert.Equal([Sha256(Summons), null, null, null, Sha256(Stream)], dossier.Select(c => c.Sha256));
        Assert.All(dossier, c =>
        {
            Assert.Equal("exported", c.Action);
            Assert.Equal("lawyer", c.Actor);
            Assert.Equal("listed in the dossier for DE as of 2023-08-01 in ru (docx)", c.Detail);
            Assert.Equal(NodaTime.Text.InstantPattern.General.Format(Exnunc.Now), c.At);
        });
        AssertVerifies("andrei-k");
    }

    [Fact]
    public void Dossier_ByStoredId_BothFormats_LawyersVersion_SaysSo()
    {
        var r = Exnunc.Run(["dossier", "andrei-k", "--to", "DE", "--as-of", "2023-08-01", "--format", "both", "--lawyer-notes", "-o", Out, .. Store()]);
        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal(2, OutputFiles().Length);
        var last = CustodyOf("andrei-k")[^1];
        Assert.Equal(("e5", "listed in the lawyer's version of the dossier for DE as of 2023-08-01 in en (docx, pdf)"), (last.Evidence, last.Detail));
        Assert.Equal(Environment.UserName, last.Actor);
        AssertVerifies("andrei-k");
    }

    [Fact]
    public void Dossier_ByStoredId_OfACaseWithoutEvidence_RecordsOneEntryForTheCase()
    {
        var text = File.ReadAllText(RepoPaths.Scenario("andrei-k")).Replace("id: andrei-k", "id: bare", StringComparison.Ordinal);
        text = Regex.Replace(text[..(text.IndexOf("\nevidence:\n", StringComparison.Ordinal) + 1)], @"^ +evidence: \[.*\]\n", "", RegexOptions.Multiline);
        var import = Exnunc.Run(["case", "import", _temp.Write("bare.yaml", text), .. Store()]);
        Assert.True(import.Code == 0, import.ToString());
        Assert.Empty(CustodyOf("bare"));

        var r = Exnunc.Run(["dossier", "bare", "--to", "DE", "--as-of", "2023-08-01", "--format", "docx", "-o", Out, .. Store()]);
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("chain-of-custody entry 1", r.Err, StringComparison.Ordinal);
        var entry = Assert.Single(CustodyOf("bare"));
        Assert.Equal((1L, "exported", "-", null), (entry.Sequence, entry.Action, entry.Evidence, entry.Sha256));
        Assert.Equal("the dossier for DE as of 2023-08-01 in en (docx) written, listing no evidence", entry.Detail);
        Assert.Equal(2, CustodyOf("andrei-k").Count);
        AssertVerifies("bare");
    }

    [Fact]
    public void Dossier_FromACaseFile_RecordsNothing()
    {
        var r = Exnunc.Run(["dossier", _caseFile, "--to", "DE", "--as-of", "2023-08-01", "--format", "docx", "-o", Out, .. Store()]);
        Assert.True(r.Code == 0, r.ToString());
        Assert.Single(OutputFiles());
        Assert.DoesNotContain("custody", r.Err, StringComparison.Ordinal);
        Assert.Equal(2, CustodyOf("andrei-k").Count);
    }

    [Fact]
    public void Dossier_ThatFails_RecordsNothing()
    {
        var unknownCountry = Exnunc.Run(["dossier", "andrei-k", "--to", "XX", "--format", "docx", "-o", Out, .. Store()]);
        Assert.Equal(ExitCodes.InvalidInput, unknownCountry.Code);
        Assert.Contains("error country.unknown", unknownCountry.Err, StringComparison.Ordinal);
        var badLanguage = Exnunc.Run(["dossier", "andrei-k", "--to", "DE", "--lang", "xx", "--format", "docx", "-o", Out, .. Store()]);
        Assert.Equal(ExitCodes.InvalidInput, badLanguage.Code);
        var wrong = _temp.Write("wrong.txt", "not the passphrase of this store\n");
        Assert.Equal(ExitCodes.InvalidInput, Exnunc.Run(["dossier", "andrei-k", "--to", "DE", "--format", "docx", "-o", Out, .. Store(wrong)]).Code);
        Assert.Empty(OutputFiles());
        Assert.Equal(2, CustodyOf("andrei-k").Count);
        AssertVerifies("andrei-k");
    }

    [Fact]
    public void Dossier_WhoseCustodyRecordFails_WritesNoFile()
    {
        // The sealed head of the chain no longer opens: the dossier is rendered, the record refused, and no file appears.
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data, "exnunc.db")};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE cases SET sealed_custody_head = zeroblob(length(sealed_custody_head));";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var r = Exnunc.Run(["dossier", "andrei-k", "--to", "DE", "--as-of", "2023-08-01", "--format", "docx", "-o", Out, .. Store()]);
        Assert.Equal(ExitCodes.InvalidInput, r.Code);
        Assert.Contains("error custody.broken", r.Err, StringComparison.Ordinal);
        Assert.Contains("nothing was recorded", r.Err, StringComparison.Ordinal);
        Assert.Empty(r.Out);
        Assert.True(Directory.Exists(Out));
        Assert.Empty(Directory.GetFileSystemEntries(Out));
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data, "exnunc.db")};Mode=ReadOnly;Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM custody;";
            Assert.Equal(2L, (long)cmd.ExecuteScalar()!);
        }
    }
}
