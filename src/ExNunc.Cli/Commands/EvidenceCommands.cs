using System.CommandLine;
using System.Globalization;
using ExNunc.Vault.Cases;
using NodaTime.Text;

namespace ExNunc.Cli.Commands;

/// <summary><c>exnunc evidence add | list | show | custody | verify | export</c>: the encrypted evidence vault.</summary>
internal static class EvidenceCommands
{
    public static Command Create(CliEnvironment env)
    {
        var e = new Command("evidence", "Evidence files of cases, encrypted in the vault, with metadata and chain of custody.");
        e.Subcommands.Add(Add(env));
        e.Subcommands.Add(List(env));
        e.Subcommands.Add(Show(env));
        e.Subcommands.Add(Custody(env));
        e.Subcommands.Add(Verify(env));
        e.Subcommands.Add(Export(env));
        return e;
    }

    private static Argument<string> CaseId() => new("CASE") { Description = "The case id (e.g. andrei-k)." };

    private static Command Add(CliEnvironment env)
    {
        var access = new StoreAccess();
        var id = CaseId();
        var files = new Argument<string[]>("FILE") { Description = "Files to add (any type, any size: they are streamed, never held whole in memory).", Arity = ArgumentArity.OneOrMore };
        var kind = new Option<string?>("--kind") { Description = "The kind of evidence (summons, court-document, police-document, article, screenshot, video, livestream, chat, medical, identity, other)." };
        var title = new Option<string?>("--title") { Description = "A title (default: the file name)." };
        var date = Options.Date("--date", "The date of the document or event.");
        var proves = new Option<string?>("--proves") { Description = "Sections of the case it supports, comma-separated (e.g. proceedings,activity)." };
        var cmd = new Command("add", "Encrypt files into the vault as new evidence items of a case; metadata that could endanger the person (GPS, serial numbers, names) is flagged.")
        { id, files, kind, title, date, proves };
        access.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var provesList = p.GetValue(proves)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var items = p.GetValue(files)!.Select(f => new NewEvidence(f, p.GetValue(kind), p.GetValue(title), p.GetValue(date), provesList)).ToList();
            var result = await v.AddEvidenceAsync(p.GetValue(id)!, items, access.Act(env, p), ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            var r = result.Value;
            foreach (var w in r.Warnings) env.Error.WriteLine(w.ToString());
            WarnMetadata(env, r.Added);
            foreach (var a in r.Added)
                env.Out.WriteLine($"{a.EvidenceId}  {a.File}  {Size(a.Length)}  sha256 {a.Sha256}");
            env.Out.WriteLine(r.Added.Count == 0
                ? $"Nothing added to '{r.Reference}'."
                : $"Added {r.Added.Count} file(s) to '{r.Reference}' (version {r.Version}).");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static void WarnMetadata(CliEnvironment env, IEnumerable<AddedItem> items)
    {
        foreach (var a in items)
        {
            var danger = a.Metadata.Where(m => m.Dangerous).ToList();
            if (danger.Count > 0)
                env.Error.WriteLine($"warning metadata.dangerous: {a.EvidenceId} ({a.File}) carries {CaseVault.Describe(danger)}: {string.Join("; ", danger.Select(d => d.ToString()))}. "
                    + "Export it with 'evidence export --redact' before giving it to anyone.");
            foreach (var n in a.Notes) env.Error.WriteLine($"warning metadata.unread: {a.EvidenceId} ({a.File}): {n}.");
        }
    }

    private static Command List(CliEnvironment env)
    {
        var access = new StoreAccess();
        var id = CaseId();
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var cmd = new Command("list", "List the evidence items of a case: file, size, SHA-256, and flagged metadata.") { id, format };
        access.AddTo(cmd, actor: false);
        cmd.SetAction(async (p, ct) =>
        {
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var result = await v.ListEvidenceAsync(p.GetValue(id)!, ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            if (p.GetValue(format) == "json")
            {
                env.Out.WriteLine(CaseCommands.Json(w =>
                {
                    w.WriteStartArray();
                    foreach (var e in result.Value)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", e.Item.Id);
                        w.WriteString("title", e.Item.Title);
                        w.WriteString("kind", e.Item.Kind);
                        w.WriteString("file", e.Item.File);
                        if (e.File is { } f)
                        {
                            w.WriteString("sha256", f.Sha256);
                            w.WriteNumber("length", f.Length);
                            w.WriteString("mediaType", f.MediaType);
                            w.WriteStartArray("metadata");
                            foreach (var m in f.Metadata)
                            {
                                w.WriteStartObject();
                                w.WriteString("group", m.Group);
                                w.WriteString("name", m.Name);
                                w.WriteString("value", m.Value);
                                w.WriteString("category", m.Category.ToString().ToLowerInvariant());
                                w.WriteBoolean("dangerous", m.Dangerous);
                                w.WriteEndObject();
                            }
                            w.WriteEndArray();
                        }
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }));
                return ExitCodes.Ok;
            }
            foreach (var e in result.Value)
            {
                var f = e.File;
                var flags = f is null ? "" : string.Join(", ", f.Metadata.Where(m => m.Dangerous).Select(m => m.Category.ToString().ToLowerInvariant()).Distinct());
                env.Out.WriteLine(f is null
                    ? $"{e.Item.Id,-5} {e.Item.Title}  (no file)"
                    : $"{e.Item.Id,-5} {e.Item.File}  {Size(f.Length)}  sha256 {f.Sha256}{(flags.Length > 0 ? "  ⚠ " + flags : "")}  — {e.Item.Title}");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Show(CliEnvironment env)
    {
        var access = new StoreAccess();
        var id = CaseId();
        var item = new Argument<string>("EVIDENCE") { Description = "The evidence id (e.g. e3)." };
        var cmd = new Command("show", "Show one evidence item with all its recorded metadata (recorded as viewed in the chain of custody).") { id, item };
        access.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var result = await v.ShowEvidenceAsync(p.GetValue(id)!, p.GetValue(item)!, access.Act(env, p), ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            var (e, f) = (result.Value.Item, result.Value.File);
            env.Out.WriteLine($"{e.Id}: {e.Title}");
            env.Out.WriteLine($"  kind {e.Kind ?? "unknown"}, date {e.Date?.ToString() ?? "unknown"}, proves {(e.Proves is null ? "unknown" : string.Join(", ", e.Proves))}");
            if (f is null)
            {
                env.Out.WriteLine("  no file in the vault");
                return ExitCodes.Ok;
            }
            env.Out.WriteLine($"  file {e.File} (originally '{f.OriginalName}'), {Size(f.Length)}, {f.MediaType ?? "type not recognised"}");
            env.Out.WriteLine($"  sha256 {f.Sha256}");
            env.Out.WriteLine($"  added {InstantPattern.General.Format(f.Added)}");
            foreach (var m in f.Metadata) env.Out.WriteLine($"  {(m.Dangerous ? "⚠" : " ")} {m}");
            foreach (var n in f.Notes) env.Out.WriteLine($"    note: {n}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Custody(CliEnvironment env)
    {
        var access = new StoreAccess();
        var id = CaseId();
        var cmd = new Command("custody", "Print the chain of custody of a case: who did what to which item, when.") { id };
        access.AddTo(cmd, actor: false);
        cmd.SetAction(async (p, ct) =>
        {
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var result = await v.CustodyAsync(p.GetValue(id)!, ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            foreach (var c in result.Value)
                env.Out.WriteLine($"{c.Sequence,4}  {InstantPattern.General.Format(c.At)}  {c.Actor,-12} {c.Action.ToString().ToLowerInvariant(),-10} {c.Evidence ?? "-",-5} {c.Detail}{(c.Sha256 is null ? "" : "  sha256 " + c.Sha256)}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Verify(CliEnvironment env)
    {
        var access = new StoreAccess();
        var id = new Argument<string?>("CASE") { Description = "Only this case (default: every case).", Arity = ArgumentArity.ZeroOrOne };
        var cmd = new Command("verify", "Re-hash every stored file and re-check every chain-of-custody entry; name exactly which item or entry is wrong. Changes nothing.") { id };
        access.AddTo(cmd, actor: false);
        cmd.SetAction(async (p, ct) =>
        {
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var result = await v.VerifyAsync(p.GetValue(id), ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            var r = result.Value;
            foreach (var (reference, length, head) in r.Heads)
                env.Out.WriteLine($"{reference}: chain of custody of {length} entr{(length == 1 ? "y" : "ies")}{(length > 0 ? ", head " + head : "")}");
            if (r.Ok)
            {
                env.Out.WriteLine($"Verified {r.Cases} case(s), {r.Files} file(s) ({Size(r.Bytes)}) and {r.CustodyEntries} custody entries: all intact.");
                return ExitCodes.Ok;
            }
            env.Report(r.Problems);
            return ExitCodes.InvalidInput;
        });
        return cmd;
    }

    private static Command Export(CliEnvironment env)
    {
        var access = new StoreAccess();
        var id = CaseId();
        var dir = new Argument<string>("DIR") { Description = "A new or empty directory." };
        var redact = new Option<bool>("--redact") { Description = "Remove metadata (GPS, serial numbers, names, dates, comments) from JPEG and PNG files, keeping the picture exactly; say what was removed." };
        var cmd = new Command("export", "Write the evidence files of a case, decrypted, into a directory (recorded in the chain of custody).") { id, dir, redact };
        access.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var result = await v.ExportEvidenceAsync(p.GetValue(id)!, p.GetValue(dir)!, p.GetValue(redact), access.Act(env, p), ct).ConfigureAwait(false);
            if (!result.IsSuccess) return StoreAccess.Finish(env, result);
            foreach (var w in result.Value.Warnings) env.Error.WriteLine(w.ToString());
            foreach (var f in result.Value.Files)
            {
                env.Out.WriteLine($"{f.EvidenceId}  {f.Path}");
                if (p.GetValue(redact))
                    env.Out.WriteLine(f.Removed.Count == 0 ? "      removed: nothing (no metadata found)" : "      removed: " + string.Join("; ", f.Removed));
            }
            env.Out.WriteLine($"Exported {result.Value.Files.Count} file(s) to {result.Value.Directory}.");
            env.Error.WriteLine($"warning export.clear: the files in '{result.Value.Directory}' are not encrypted; delete them when done.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB",
    };
}
