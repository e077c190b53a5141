using System.CommandLine;
using System.Diagnostics;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Knowledge;
using ExNunc.Dossier;
using ExNunc.Dossier.Building;
using ExNunc.Dossier.Docx;
using ExNunc.Dossier.Evidence;
using ExNunc.Dossier.Output;
using ExNunc.Dossier.Pdf;

namespace ExNunc.Cli.Commands;

/// <summary><c>exnunc dossier</c>: the DOCX and PDF a lawyer files, for one case, destination, date and language.</summary>
internal static class DossierCommand
{
    private static readonly string[] Formats = ["docx", "pdf", "both"];

    public static Command Create(CliEnvironment env)
    {
        var @case = new Argument<string>("CASE") { Description = "A case file (YAML or JSON, interchange format version 1); evidence files are read beside it." };
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
        cmd.SetAction(p => Run(env, p.GetValue(@case)!, p.GetValue(to)!, p.GetValue(asOf), p.GetValue(lang)!, p.GetValue(format)!,
            p.GetValue(output), p.GetValue(notes), p.GetValue(kbOption)));
        return cmd;
    }

    private static int Run(CliEnvironment env, string casePath, string country, NodaTime.LocalDate? asOf, string langCode, string format,
        string? outputDir, bool lawyerNotes, string? kbDir)
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
        var file = env.LoadCase(casePath, kb, out var exit);
        if (file is null) return exit;

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

        var date = asOf ?? env.Today;
        var result = new AssessmentEngine(load.Rules!).Assess(file, date, [code]);
        var digests = new CaseFolderDigests(Path.GetDirectoryName(Path.GetFullPath(casePath))!);
        foreach (var item in file.Evidence ?? Domain.Cases.ValueList<Domain.Cases.EvidenceItem>.Empty)
            if (digests.Of(item).State == DigestState.FileMissing)
                env.Error.WriteLine($"warning evidence.file-missing [{item.Id}]: '{item.File}' is not beside the case file; the index says so.");
        var document = DossierBuilder.Build(new DossierRequest(file, result, code, kb, language, env.Today, lawyerNotes, digests));

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
                files.Add((AtomicFiles.FileName(document.Meta, "pdf"), RenderPdf(document)));
            }
            catch (RendererUnavailableException ex)
            {
                env.Error.WriteLine($"error renderer.failed: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
            timings.Add($"PDF {watch.ElapsedMilliseconds} ms");
        }
        foreach (var path in AtomicFiles.Write(outputDir ?? Directory.GetCurrentDirectory(), files))
            env.Out.WriteLine(path);
        env.Error.WriteLine($"dossier: {document.Footnotes.Length} notes, {file.Evidence?.Count ?? 0} evidence items; {string.Join(", ", timings)}.");
        return ExitCodes.Ok;
    }

    private static byte[] RenderPdf(Dossier.Model.DossierDocument document) => Task.Run(async () =>
    {
        await using var renderer = await ChromiumPdfRenderer.StartAsync().ConfigureAwait(false);
        return await renderer.RenderAsync(document).ConfigureAwait(false);
    }).GetAwaiter().GetResult();
}
