using System.Security.Cryptography;
using ExNunc.Cli;
using ExNunc.Domain.Cases;
using ExNunc.Dossier.Evidence;
using ExNunc.Dossier.Output;
using ExNunc.Dossier.Pdf;
using ExNunc.Testing;
using NodaTime;
using NodaTime.Testing;

namespace ExNunc.Dossier.Tests;

/// <summary><c>exnunc dossier</c> end to end through <see cref="Program.Run"/>, on real files.</summary>
[Collection(PdfGroup.Name)]
public sealed class CommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("exnunc-dossier-test-");
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 27, 12, 0));

    public void Dispose() => _dir.Delete(recursive: true);

    private string Out => Path.Combine(_dir.FullName, "out");

    private (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr, _clock);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string[] OutputFiles() => Directory.Exists(Out) ? Directory.GetFiles(Out) : [];

    [Fact]
    public void Dossier_Both_WritesDocxAndPdf_AndNothingElse()
    {
        var (code, stdout, stderr) = Run("dossier", RepoPaths.Scenario("andrei-k"), "--to", "DE", "--as-of", "2023-08-01", "--lang", "ru", "-o", Out);
        Assert.True(code == 0, stderr);
        var files = OutputFiles().Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["andrei-k_DE_2023-08-01_ru.docx", "andrei-k_DE_2023-08-01_ru.pdf"], files);
        Assert.Contains("andrei-k_DE_2023-08-01_ru.pdf", stdout, StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", File.ReadAllText(Path.Combine(Out, files[1]))[..5], StringComparison.Ordinal);
    }

    [Fact]
    public void Dossier_DocxOnly_IsReproducible()
    {
        Assert.Equal(0, Run("dossier", RepoPaths.Scenario("olga-v"), "--to", "DE", "--as-of", "2024-01-01", "--format", "docx", "-o", Out).Code);
        var first = File.ReadAllBytes(OutputFiles().Single());
        Assert.Equal(0, Run("dossier", RepoPaths.Scenario("olga-v"), "--to", "DE", "--as-of", "2024-01-01", "--format", "docx", "-o", Out).Code);
        Assert.Equal(first, File.ReadAllBytes(OutputFiles().Single()));
    }

    [Fact]
    public void Dossier_UnknownCountry_Exit2_NoFile()
    {
        var (code, _, stderr) = Run("dossier", RepoPaths.Scenario("andrei-k"), "--to", "XX", "-o", Out);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("country.unknown", stderr, StringComparison.Ordinal);
        Assert.Empty(OutputFiles());
    }

    [Fact]
    public void Dossier_LanguageWithoutTemplates_Exit2_NamesTheLanguagesThatExist()
    {
        var (code, _, stderr) = Run("dossier", RepoPaths.Scenario("andrei-k"), "--to", "FR", "--lang", "fr", "-o", Out);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("no dossier templates for 'fr'", stderr, StringComparison.Ordinal);
        Assert.Contains("en, de, ru", stderr, StringComparison.Ordinal);
        Assert.Empty(OutputFiles());
    }

    [Fact]
    public void Dossier_CaseThatDoesNotValidate_Exit2_WithPlace_NoFile()
    {
        var bad = Path.Combine(_dir.FullName, "bad.yaml");
        File.WriteAllText(bad, File.ReadAllText(RepoPaths.Scenario("andrei-k")).Replace("  sex: male", "  sex: male\n  colour: blue", StringComparison.Ordinal));
        var (code, _, stderr) = Run("dossier", bad, "--to", "DE", "-o", Out);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("bad.yaml:", stderr, StringComparison.Ordinal);
        Assert.Contains("colour", stderr, StringComparison.Ordinal);
        Assert.Empty(OutputFiles());
    }

    [Fact]
    public void Dossier_ChromiumMissing_Exit2_NamesThePackage_NoFile()
    {
        var before = Environment.GetEnvironmentVariable(ChromiumPdfRenderer.ExecutableVariable);
        Environment.SetEnvironmentVariable(ChromiumPdfRenderer.ExecutableVariable, Path.Combine(_dir.FullName, "no-such-chromium"));
        try
        {
            var (code, _, stderr) = Run("dossier", RepoPaths.Scenario("andrei-k"), "--to", "DE", "--format", "both", "-o", Out);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains("Debian package 'chromium'", stderr, StringComparison.Ordinal);
            Assert.Empty(OutputFiles());
            Assert.Equal(0, Run("dossier", RepoPaths.Scenario("andrei-k"), "--to", "DE", "--format", "docx", "-o", Out).Code);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumPdfRenderer.ExecutableVariable, before);
        }
    }

    [Fact]
    public void FindExecutable_LooksOnThePath()
    {
        Assert.Null(ChromiumPdfRenderer.FindExecutable(null, _dir.FullName));
        var fake = Path.Combine(_dir.FullName, "chromium");
        File.WriteAllText(fake, "");
        Assert.Equal(fake, ChromiumPdfRenderer.FindExecutable(null, _dir.FullName));
        Assert.Null(ChromiumPdfRenderer.FindExecutable(Path.Combine(_dir.FullName, "missing"), _dir.FullName));
    }

    [Fact]
    public void Dossier_EvidenceFilesBesideTheCase_AreHashed_MissingOnesSaidSo()
    {
        var caseDir = Directory.CreateDirectory(Path.Combine(_dir.FullName, "case"));
        Directory.CreateDirectory(Path.Combine(caseDir.FullName, "evidence"));
        var content = "court summons, scanned"u8.ToArray();
        File.WriteAllBytes(Path.Combine(caseDir.FullName, "evidence", "summons.pdf"), content);
        var yaml = File.ReadAllText(RepoPaths.Scenario("andrei-k"))
            .Replace("    translated: false\n    proves: [proceedings]\n", "    translated: false\n    file: evidence/summons.pdf\n    proves: [proceedings]\n", StringComparison.Ordinal)
            .Replace("    translated: true\n    proves: [activity]\n", "    translated: true\n    file: evidence/lost.pdf\n    proves: [activity]\n", StringComparison.Ordinal);
        var path = Path.Combine(caseDir.FullName, "andrei-k.yaml");
        File.WriteAllText(path, yaml);
        var (code, _, stderr) = Run("dossier", path, "--to", "DE", "--as-of", "2023-08-01", "--format", "docx", "-o", Out);
        Assert.True(code == 0, stderr);
        Assert.Contains("evidence.file-missing [e4]", stderr, StringComparison.Ordinal);
        using var word = DocxTests.Open(File.ReadAllBytes(OutputFiles().Single()));
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(content)), text, StringComparison.Ordinal);
        Assert.Contains("file not found", text, StringComparison.Ordinal);
        Assert.Contains("no file", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseFolderDigests_StreamsTheFile_AndNeverLeavesTheFolder()
    {
        var file = Path.Combine(_dir.FullName, "a.bin");
        File.WriteAllBytes(file, [1, 2, 3]);
        var digests = new CaseFolderDigests(_dir.FullName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(new byte[] { 1, 2, 3 })), digests.Of(new EvidenceItem { Id = "e1", File = "a.bin" }).Sha256);
        Assert.Equal(DigestState.NoFile, digests.Of(new EvidenceItem { Id = "e2" }).State);
        Assert.Equal(DigestState.FileMissing, digests.Of(new EvidenceItem { Id = "e3", File = "../" + Path.GetFileName(_dir.FullName) + "-x/a.bin" }).State);
    }

    [Fact]
    public void AtomicFiles_AFailureLeavesNoFileBehind()
    {
        Assert.ThrowsAny<ArgumentException>(() => AtomicFiles.Write(Out, [("good.docx", [1]), ("bad/name.pdf", [2])]));
        Assert.Empty(OutputFiles());
        AtomicFiles.Write(Out, [("good.docx", [1]), ("good.pdf", [2])]);
        Assert.Equal(2, OutputFiles().Length);
    }
}
