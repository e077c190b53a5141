using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ExNunc.CaseFiles;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Store;
using ExNunc.Dossier;
using ExNunc.Dossier.Building;
using ExNunc.Dossier.Docx;
using ExNunc.Dossier.Evidence;
using ExNunc.Dossier.Output;
using ExNunc.Dossier.Pdf;
using ExNunc.Vault.Cases;

namespace ExNunc.Cli.Commands;

/// <summary><c>exnunc dossier</c>: the DOCX and PDF a lawyer files, for one case, destination, date and language.</summary>
internal static partial class DossierCommand
{
    private static readonly string[] Formats = ["docx", "pdf", "both"];

    /// <summary>What a case id may look like (the case format's rule); anything else can only be a file.</summary>
    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CaseId();

    public static Command Create(CliEnvironment env)
    {
        var @case = new Argument<string>("CASE")
        {
            Description = "A case file (YAML or JSON, interchange format version 1; evidence files are read beside it), "
                + "or the id of a case in the store of the data directory (evidence hashes are those the vault recorded; "
                + "the dossier is recorded in the case's chain of custody).",
        };
        var to = new Option<string>("--to") { Description = "The country the dossier is for (one ISO code, e.g. DE).", Required = true };
        var asOf = Options.Date("--as-of", "Facts and law as of this date (default: today).");
        var lang = new Option<string>("--lang") { Description = "Language of headings and fixed phrases: en, de or ru.", DefaultValueFactory = _ => "en" };
        var format = new Option<string>("--format") { Description = "docx, pdf or both.", DefaultValueFactory = _ => "both" };
        var output = new Option<string?>("--output", "-o") { Description = "Folder to write to (default: the current folder); created if missing." };
        var notes = new Option<bool>("--lawyer-notes") { Description = "Add the lawyer's checklist of gaps and the internal assessment. Never file this version." };
        var kbOption = Options.Kb();
        var cmd = new Command("dossier", "Write the dossier for an authority or court: an editable DOCX and a PDF.")
        {
            @case, to, asOf, lang, format, output, notes, kbOption,
        };
        var access = new StoreAccess();
        access.AddTo(cmd);
        cmd.SetAction((p, ct) => Run(env, access, p, p.GetValue(@case)!, p.GetValue(to)!, p.GetValue(asOf), p.GetValue(lang)!, p.GetValue(format)!,
            p.GetValue(output), p.GetValue(notes), p.GetValue(kbOption), ct));
        return cmd;
    }

    private static async Task<int> Run(CliEnvironment env, StoreAccess access, ParseResult parse, string caseArgument, string country,
        NodaTime.LocalDate? asOf, string langCode, string format, string? outputDir, bool lawyerNotes, string? kbDir, CancellationToken ct)
    {
        if (!DossierLanguages.TryParse(langCode, out var language))
        {
            env.Error.WriteLine($"error dossier.language: there are no dossier templates for '{langCode}'; templates exist for {string.Join(", ", DossierLanguages.Codes)}.");
            return ExitCodes.InvalidInput;
        }
        format = format.Trim().ToLowerInvariant();
        if (!Formats.Contains(format))
        {
            env.Error.WriteLine($"error dossier.format: '{format}' is not a format; use docx, pdf or both.");
            return ExitCodes.InvalidInput;
        }
        var wantDocx = format is "docx" or "both";
        var wantPdf = format is "pdf" or "both";

        var load = env.LoadKb(kbDir);
        if (load is null) return ExitCodes.InvalidInput;
        var kb = load.Knowledge!;
        var code = country.Trim().ToUpperInvariant();
        if (kb.FindJurisdiction(code) is not { Role: JurisdictionRole.Destination })
        {
            env.Error.WriteLine($"error country.unknown: '{country}' is not a destination the knowledge base covers ({string.Join(", ", kb.Destinations)}).");
            return ExitCodes.InvalidInput;
        }
        if (wantPdf)
        {
            try
            {
                ChromiumPdfRenderer.RequireExecutable();
            }
            catch (RendererUnavailableException ex)
            {
                env.Error.WriteLine($"error renderer.missing: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
        }

        var source = File.Exists(caseArgument) || !CaseId().IsMatch(caseArgument)
            ? FromFile(env, caseArgument, kb)
            : await FromStore(env, access, parse, caseArgument, kb, ct).ConfigureAwait(false);
        if (source.Case is not { } file) return source.Exit;
        using var vault = source.Vault;

        var date = asOf ?? env.Today;
        var result = new AssessmentEngine(load.Rules!).Assess(file, date, [code]);
        foreach (var item in file.Evidence ?? ValueList<EvidenceItem>.Empty)
            if (source.Digests.Of(item).State == DigestState.FileMissing)
                env.Error.WriteLine($"warning evidence.file-missing [{item.Id}]: '{item.File}' is not {source.Where}; the index says so.");
        var document = DossierBuilder.Build(new DossierRequest(file, result, code, kb, language, env.Today, lawyerNotes, source.Digests));

        var files = new List<(string Name, byte[] Content)>();
        var timings = new List<string>();
        var watch = Stopwatch.StartNew();
        if (wantDocx)
        {
            files.Add((AtomicFiles.FileName(document.Meta, "docx"), DocxRenderer.Render(document)));
            timings.Add($"DOCX {watch.ElapsedMilliseconds} ms");
        }
        if (wantPdf)
        {
            watch.Restart();
            try
            {
                await using var renderer = await ChromiumPdfRenderer.StartAsync(ct).ConfigureAwait(false);
                files.Add((AtomicFiles.FileName(document.Meta, "pdf"), await renderer.RenderAsync(document, ct).ConfigureAwait(false)));
            }
            catch (RendererUnavailableException ex)
            {
                env.Error.WriteLine($"error renderer.failed: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
            timings.Add($"PDF {watch.ElapsedMilliseconds} ms");
        }
        var directory = outputDir ?? Directory.GetCurrentDirectory();
        IReadOnlyList<string> written;
        var recorded = "";
        if (vault is null)
        {
            written = AtomicFiles.Write(directory, files);
        }
        else
        {
            var entries = CustodyEntries(file, source.Digests, code, date, language.Code(), lawyerNotes, files.Select(f => Path.GetExtension(f.Name).TrimStart('.')));
            var (staged, record) = await WriteRecorded(directory, files,
                () => vault.RecordAsync(source.Reference!, entries, access.Act(env, parse), ct)).ConfigureAwait(false);
            if (staged is null) return StoreAccess.Finish(env, record);
            written = staged;
            var (first, last) = (record.Value[0].Sequence, record.Value[^1].Sequence);
            recorded = first == last ? $", chain-of-custody entry {first}" : $", chain-of-custody entries {first}–{last}";
        }
        foreach (var path in written)
            env.Out.WriteLine(path);
        env.Error.WriteLine($"dossier: {document.Footnotes.Length} notes, {file.Evidence?.Count ?? 0} evidence items{recorded}; {string.Join(", ", timings)}.");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// What the chain of custody of a stored case records for a dossier: one <c>exported</c> entry for each evidence
    /// item its index lists (every item of the case), with the SHA-256 the index gives; for a case without evidence,
    /// one entry about the case.
    /// </summary>
    private static IReadOnlyList<(CustodyAction Action, string? EvidenceId, string? Sha256, string Detail)> CustodyEntries(
        CaseFile file, IEvidenceDigests digests, string country, NodaTime.LocalDate asOf, string language, bool lawyerNotes, IEnumerable<string> formats)
    {
        var dossier = $"{(lawyerNotes ? "the lawyer's version of the dossier" : "the dossier")} for {country} as of {asOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} in {language} ({string.Join(", ", formats)})";
        var evidence = file.Evidence ?? ValueList<EvidenceItem>.Empty;
        if (evidence.Count == 0) return [(CustodyAction.Exported, null, null, $"{dossier} written, listing no evidence")];
        return [.. evidence.Select(e => (CustodyAction.Exported, (string?)e.Id, digests.Of(e).Sha256, $"listed in {dossier}"))];
    }

    /// <summary>
    /// Writes the files as <see cref="AtomicFiles"/> does, into a hidden folder inside the output folder; then
    /// <paramref name="record"/> records them, and only if it succeeds are they renamed into the output folder (the
    /// same file system). Otherwise, or on any failure, the hidden folder is removed and no file appears: no record,
    /// no dossier. The paths written are null when the record failed.
    /// </summary>
    private static async Task<(IReadOnlyList<string>? Written, Result<T> Record)> WriteRecorded<T>(string directory,
        IReadOnlyList<(string Name, byte[] Content)> files, Func<Task<Result<T>>> record)
    {
        Directory.CreateDirectory(directory);
        var staging = Path.Combine(directory, $".exnunc-dossier-{Guid.NewGuid():N}.tmp");
        try
        {
            var staged = AtomicFiles.Write(staging, files);
            var recorded = await record().ConfigureAwait(false);
            if (!recorded.IsSuccess) return (null, recorded);
            var written = new List<string>(staged.Count);
            foreach (var path in staged)
            {
                var final = Path.Combine(directory, Path.GetFileName(path));
                File.Move(path, final, overwrite: true);
                written.Add(final);
            }
            return (written, recorded);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// The case to write the dossier for, where its evidence hashes come from, and the exit code when it could not be
    /// had; for a stored case, its reference and the vault (still open, to record the dossier; the caller disposes it).
    /// </summary>
    private sealed record CaseSource(CaseFile? Case, IEvidenceDigests Digests, string Where, int Exit, string? Reference = null, CaseVault? Vault = null);

    /// <summary>A case file; its evidence files are hashed where they lie beside it.</summary>
    private static CaseSource FromFile(CliEnvironment env, string path, ICaseCatalog kb)
    {
        var file = env.LoadCase(path, kb, out var exit);
        return new CaseSource(file, file is null ? NoEvidenceFiles.Instance : new CaseFolderDigests(Path.GetDirectoryName(Path.GetFullPath(path))!),
            "beside the case file", exit);
    }

    /// <summary>
    /// A case in the store, as of its current version, checked against the knowledge base as a case file would be.
    /// The hashes come from the vault's records of the evidence; no evidence file is decrypted. Reading the case and
    /// its evidence list is not recorded in the chain of custody, as with <c>case show</c> and <c>evidence list</c>; the
    /// dossier written is (see <see cref="CustodyEntries"/>).
    /// </summary>
    private static async Task<CaseSource> FromStore(CliEnvironment env, StoreAccess access, ParseResult parse, string id, ICaseCatalog kb, CancellationToken ct)
    {
        var (vault, exit) = await access.Open(env, parse, ct).ConfigureAwait(false);
        if (vault is null) return Failed(exit);
        try
        {
            var source = await Read(env, vault, id, kb, ct).ConfigureAwait(false);
            if (source.Vault is null) vault.Dispose();
            return source;
        }
        catch
        {
            vault.Dispose();
            throw;
        }
    }

    private static async Task<CaseSource> Read(CliEnvironment env, CaseVault v, string id, ICaseCatalog kb, CancellationToken ct)
    {
        var shown = await v.ShowAsync(id, null, ct).ConfigureAwait(false);
        if (!shown.IsSuccess) return Failed(StoreAccess.Finish(env, shown));
        var read = CaseFileReader.Read($"case {id}", shown.Value.Document, kb);
        if (!read.IsSuccess)
        {
            env.Report(read.Diagnostics);
            return Failed(ExitCodes.InvalidInput);
        }
        var evidence = await v.ListEvidenceAsync(id, ct).ConfigureAwait(false);
        if (!evidence.IsSuccess) return Failed(StoreAccess.Finish(env, evidence));
        return new CaseSource(read.Value, new VaultEvidenceDigests(evidence.Value), "in the vault", ExitCodes.Ok, id, v);
    }

    private static CaseSource Failed(int exit) => new(null, NoEvidenceFiles.Instance, "", exit);
}
