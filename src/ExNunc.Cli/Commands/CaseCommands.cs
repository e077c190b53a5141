using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExNunc.CaseFiles;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Store;
using ExNunc.Vault.Cases;
using NodaTime;
using NodaTime.Text;

namespace ExNunc.Cli.Commands;

/// <summary><c>exnunc case import | export | list | show | edit | history | erase</c>: cases in the encrypted store.</summary>
internal static class CaseCommands
{
    public static Command Create(CliEnvironment env)
    {
        var c = new Command("case", "Cases in the encrypted store of the data directory.");
        c.Subcommands.Add(Import(env));
        c.Subcommands.Add(Export(env));
        c.Subcommands.Add(List(env));
        c.Subcommands.Add(Show(env));
        c.Subcommands.Add(Edit(env));
        c.Subcommands.Add(History(env));
        c.Subcommands.Add(Erase(env));
        return c;
    }

    private static Argument<string> CaseId() => new("ID") { Description = "The case id (its reference in the case file, e.g. andrei-k)." };

    private static Command Import(CliEnvironment env)
    {
        var access = new StoreAccess();
        var file = new Argument<string>("FILE") { Description = "A case file (YAML or JSON, interchange format version 1); the evidence files it names are beside it." };
        var kb = Options.Kb();
        var cmd = new Command("import", "Import a case file and the evidence files it names into the store; everything is checked first, then encrypted.") { file, kb };
        access.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            if (env.LoadKb(p.GetValue(kb)) is not { } load) return ExitCodes.InvalidInput;
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var result = await v.ImportAsync(p.GetValue(file)!, load.Knowledge, access.Act(env, p), ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            var r = result.Value;
            foreach (var w in r.Warnings) env.Error.WriteLine(w.ToString());
            EvidenceCommands.WarnMetadata(env, r.Files);
            env.Out.WriteLine($"Imported case '{r.Summary.Reference}': version 1, {r.Files.Count} evidence file(s) encrypted into the vault.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Export(CliEnvironment env)
    {
        var access = new StoreAccess();
        var id = CaseId();
        var dir = new Argument<string>("DIR") { Description = "A new or empty directory." };
        var format = new Option<string?>("--format") { Description = "yaml or json (default: the format the case was imported in)." };
        format.AcceptOnlyFromAmong("yaml", "json");
        var cmd = new Command("export", "Write the case back in the interchange format with its evidence files decrypted beside it (in clear: keep the directory safe).") { id, dir, format };
        access.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            CaseFormat? f = p.GetValue(format) switch { "json" => CaseFormat.Json, "yaml" => CaseFormat.Yaml, _ => null };
            var result = await v.ExportAsync(p.GetValue(id)!, p.GetValue(dir)!, f, access.Act(env, p), ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            env.Out.WriteLine($"Exported '{p.GetValue(id)}' to {result.Value.CaseFile} with {result.Value.Files.Count} evidence file(s).");
            env.Error.WriteLine($"warning export.clear: the files in '{result.Value.Directory}' are not encrypted; delete them when done.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command List(CliEnvironment env)
    {
        var access = new StoreAccess();
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var status = new Option<string?>("--status") { Description = "Only cases with this status: open or closed." };
        status.AcceptOnlyFromAmong("open", "closed");
        var destination = new Option<string?>("--destination") { Description = "Only cases with this destination country (ISO code, e.g. DE)." };
        var since = Options.Date("--updated-since", "Only cases changed on or after this date (UTC).");
        var cmd = new Command("list", "List the cases: reference, status, destinations, last change, versions.") { format, status, destination, since };
        access.AddTo(cmd, actor: false);
        cmd.SetAction(async (p, ct) =>
        {
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var query = new CaseQuery(
                p.GetValue(status) switch { "open" => CaseStatus.Open, "closed" => CaseStatus.Closed, _ => null },
                p.GetValue(destination)?.ToUpperInvariant(),
                p.GetValue(since)?.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
            var result = await v.ListAsync(query, ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            foreach (var w in result.Diagnostics) env.Error.WriteLine(w.ToString());
            var cases = result.Value.OrderBy(c => c.Reference, StringComparer.Ordinal).ToList();
            if (p.GetValue(format) == "json")
            {
                env.Out.WriteLine(Json(w =>
                {
                    w.WriteStartArray();
                    foreach (var c in cases) WriteSummary(w, c);
                    w.WriteEndArray();
                }));
                return ExitCodes.Ok;
            }
            if (cases.Count == 0) env.Out.WriteLine("No cases.");
            foreach (var c in cases)
                env.Out.WriteLine($"{c.Reference,-24} {CaseVault.StatusNameOf(c.Status),-7} {Date(c.Updated)}  v{c.Version,-4} {string.Join(",", c.Destinations)}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Show(CliEnvironment env)
    {
        var access = new StoreAccess();
        var id = CaseId();
        var version = new Option<int?>("--version") { Description = "Show this version (default: the current one)." };
        var format = new Option<string>("--format") { Description = "yaml or json.", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "json");
        var cmd = new Command("show", "Print a case (decrypted) in the interchange format.") { id, version, format };
        access.AddTo(cmd, actor: false);
        cmd.SetAction(async (p, ct) =>
        {
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var result = await v.ShowAsync(p.GetValue(id)!, p.GetValue(version), ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            var o = result.Value;
            if (p.GetValue(format) == "json")
            {
                env.Out.Write(CaseFileWriter.WriteJson(o.Case));
                return ExitCodes.Ok;
            }
            env.Out.WriteLine($"# {o.Summary.Reference}: version {o.Version} of {o.Summary.Version}, {CaseVault.StatusNameOf(o.Summary.Status)}, last changed {InstantPattern.General.Format(o.Summary.Updated)}");
            env.Out.Write(o.Document);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Edit(CliEnvironment env)
    {
        var access = new StoreAccess();
        var id = CaseId();
        var patch = new Option<string?>("--patch") { Description = "Apply this YAML merge patch (RFC 7386: mappings merge, null removes a field, lists replace)." };
        var status = new Option<string?>("--status") { Description = "Set the workflow status: open or closed." };
        status.AcceptOnlyFromAmong("open", "closed");
        var kb = Options.Kb();
        var cmd = new Command("edit",
            "Change a case by a merge patch or in $EDITOR (the decrypted case is put only in memory-backed /dev/shm, mode 0600, and erased after); "
            + "the result is validated like an import before it is saved as a new version.") { id, patch, status, kb };
        access.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            if (env.LoadKb(p.GetValue(kb)) is not { } load) return ExitCodes.InvalidInput;
            var patchFile = p.GetValue(patch);
            string? patchText = null;
            if (patchFile is not null)
            {
                if (!File.Exists(patchFile))
                {
                    env.Error.WriteLine($"error patch.not-found: the patch file '{patchFile}' does not exist.");
                    return ExitCodes.NotFound;
                }
                patchText = await File.ReadAllTextAsync(patchFile, ct).ConfigureAwait(false);
            }
            var newStatus = p.GetValue(status) switch { "open" => CaseStatus.Open, "closed" => CaseStatus.Closed, _ => (CaseStatus?)null };
            Func<string, Result<string>>? edit = patchText is not null
                ? current => YamlPatch.Apply(current, patchText, patchFile!)
                : newStatus is null ? current => InEditor(env, p.GetValue(id)!, current) : null;
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var result = await v.EditAsync(p.GetValue(id)!, edit, newStatus, load.Knowledge, access.Act(env, p), ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            var r = result.Value;
            env.Out.WriteLine(r.Unchanged
                ? $"No change to '{r.Summary.Reference}'; no new version."
                : $"Saved '{r.Summary.Reference}' as version {r.Summary.Version}; changed: {string.Join(", ", r.Changed)}.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>
    /// Lets the user edit the case in $EDITOR. The plaintext goes only to a memory-backed file system (/dev/shm or
    /// $XDG_RUNTIME_DIR), in a private directory, mode 0600, and is overwritten and removed when the editor exits.
    /// </summary>
    private static Result<string> InEditor(CliEnvironment env, string reference, string document)
    {
        var editor = Environment.GetEnvironmentVariable("VISUAL") is { Length: > 0 } visual ? visual : Environment.GetEnvironmentVariable("EDITOR");
        if (string.IsNullOrWhiteSpace(editor))
            return Fail("edit.no-editor", "Set $EDITOR (or $VISUAL), or give --patch FILE.");
        var memory = new[] { "/dev/shm", Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") }
            .FirstOrDefault(d => !string.IsNullOrEmpty(d) && Directory.Exists(d));
        if (OperatingSystem.IsWindows() || memory is null)
            return Fail("edit.no-memory-directory", "There is no memory-backed directory (/dev/shm or $XDG_RUNTIME_DIR) to put the decrypted case in; it is never written to disk. Use --patch FILE.");
        var dir = Path.Combine(memory, "exnunc-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        var file = Path.Combine(dir, reference + ".yaml");
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            using (var f = new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
            using (var w = new StreamWriter(f, new UTF8Encoding(false)))
                w.Write(document);
            env.Error.WriteLine($"Editing '{reference}' in {editor}. The decrypted case is in {file}: memory-backed (tmpfs), mode 0600, never on disk; it is erased when the editor exits.");
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(editor + " \"$1\"");
            start.ArgumentList.Add("exnunc-edit");
            start.ArgumentList.Add(file);
            using (var process = Process.Start(start)!)
            {
                process.WaitForExit();
                if (process.ExitCode != 0)
                    return Fail("edit.editor-failed", $"The editor exited with code {process.ExitCode}; nothing was saved.");
            }
            return Result<string>.Success(File.ReadAllText(file));
        }
        finally
        {
            foreach (var f in Directory.EnumerateFiles(dir))
            {
                var length = new FileInfo(f).Length;
                using (var s = new FileStream(f, FileMode.Open, FileAccess.Write)) s.Write(new byte[length]);
                File.Delete(f);
            }
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Result<string> Fail(string code, string message) => Result<string>.Failure([new Diagnostic(code, message)]);

    private static Command History(CliEnvironment env)
    {
        var access = new StoreAccess();
        var id = CaseId();
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var cmd = new Command("history", "Every version of a case: when, by whom, why, and which fields changed.") { id, format };
        access.AddTo(cmd, actor: false);
        cmd.SetAction(async (p, ct) =>
        {
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var result = await v.HistoryAsync(p.GetValue(id)!, ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            if (p.GetValue(format) == "json")
            {
                env.Out.WriteLine(Json(w =>
                {
                    w.WriteStartArray();
                    foreach (var h in result.Value)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("version", h.Version);
                        w.WriteString("at", InstantPattern.ExtendedIso.Format(h.At));
                        w.WriteString("by", h.Actor);
                        w.WriteString("reason", h.Reason);
                        w.WriteString("status", CaseVault.StatusNameOf(h.Status));
                        w.WriteStartArray("changed");
                        foreach (var f in h.Changed) w.WriteStringValue(f);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }));
                return ExitCodes.Ok;
            }
            foreach (var h in result.Value)
                env.Out.WriteLine($"v{h.Version,-4} {InstantPattern.General.Format(h.At)}  by {h.Actor}  {h.Reason}{(h.Changed.Count > 0 ? ": " + string.Join(", ", h.Changed) : "")}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Erase(CliEnvironment env)
    {
        var access = new StoreAccess();
        var id = CaseId();
        var yes = new Option<bool>("--yes") { Description = "Confirm: the case and its evidence are destroyed for good." };
        var cmd = new Command("erase",
            "Erase a case for good: its key is destroyed first (crypto-shredding), then its evidence and rows are removed; nothing of it can be recovered afterwards.") { id, yes };
        access.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            var reference = p.GetValue(id)!;
            if (!p.GetValue(yes))
            {
                env.Error.WriteLine($"error erase.unconfirmed: erasing '{reference}' cannot be undone; add --yes to confirm.");
                return ExitCodes.InvalidInput;
            }
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var result = await v.EraseAsync(reference, access.Act(env, p), ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            env.Out.WriteLine($"Erased '{reference}': its key is destroyed; {result.Value.Versions} version(s) and {result.Value.Files} file(s) can no longer be opened by anyone and were removed.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static void WriteSummary(Utf8JsonWriter w, CaseSummary c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Reference);
        w.WriteString("status", CaseVault.StatusNameOf(c.Status));
        w.WriteStartArray("destinations");
        foreach (var d in c.Destinations) w.WriteStringValue(d);
        w.WriteEndArray();
        w.WriteString("created", InstantPattern.ExtendedIso.Format(c.Created));
        w.WriteString("updated", InstantPattern.ExtendedIso.Format(c.Updated));
        w.WriteNumber("version", c.Version);
        w.WriteEndObject();
    }

    internal static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static string Date(Instant i) => i.InUtc().Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
