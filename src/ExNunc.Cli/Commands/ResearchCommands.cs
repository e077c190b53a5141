using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Diagnostics;
using ExNunc.Search;
using ExNunc.Search.Importing;
using ExNunc.Search.Searching;

namespace ExNunc.Cli.Commands;

/// <summary><c>exnunc research import | search | reindex</c>: the research index under the data directory (docs/research.md).</summary>
internal static class ResearchCommands
{
    public static Command Create(CliEnvironment env)
    {
        var research = new Command("research", "Full-text search over the knowledge base and imported reports and decisions, as of a date.");
        research.Subcommands.Add(Import(env));
        research.Subcommands.Add(Search(env));
        research.Subcommands.Add(Reindex(env));
        return research;
    }

    private static Command Import(CliEnvironment env)
    {
        var paths = new Argument<string[]>("FILE|DIR") { Description = "Files (pdf, html, txt, md) or directories to import; directories are read recursively.", Arity = ArgumentArity.OneOrMore };
        var title = new Option<string?>("--title") { Description = "Title (default: from the sidecar or the document)." };
        var publisher = new Option<string?>("--publisher") { Description = "Who published it." };
        var published = new Option<PartialDate?>("--published") { Description = "When it was published: YYYY-MM-DD, YYYY-MM or YYYY.", CustomParser = ParsePartialDate };
        var country = Countries("Countries it is about or from, comma-separated (RU, DE…).");
        var kind = new Option<ResearchKind?>("--kind") { Description = "coi, decision, law, news or ngo-report.", CustomParser = r => ParseKind(r, importOnly: true) };
        var lang = new Option<ResearchLanguage?>("--lang") { Description = "ru, en or de for the whole document (default: detected per passage).", CustomParser = ParseLanguage };
        var url = new Option<string?>("--url") { Description = "Where it was published." };
        var data = DataOption();
        var kbOption = Options.Kb();
        var cmd = new Command("import", "Import documents into the research index. Metadata comes from the options and from a sidecar FILE.yaml beside each file; "
            + "a file whose content is already indexed is not indexed twice. Every file that fails is reported, the others are imported, and the exit code is 2 if any failed.")
        { paths, title, publisher, published, country, kind, lang, url, data, kbOption };
        cmd.SetAction(p =>
        {
            var metadata = new DocumentMetadata
            {
                Title = p.GetValue(title),
                Publisher = p.GetValue(publisher),
                Published = p.GetValue(published),
                Countries = p.GetValue(country) ?? [],
                Kind = p.GetValue(kind),
                Language = p.GetValue(lang),
                Url = p.GetValue(url),
            };
            return WithIndex(env, p.GetValue(data), index =>
            {
                SyncKnowledgeBase(env, index, p.GetValue(kbOption));
                var report = index.Import(p.GetValue(paths)!, metadata, o => WriteOutcome(env, o));
                return Summarise(env, report, "imported");
            });
        });
        return cmd;
    }

    private static Command Search(CliEnvironment env)
    {
        var query = new Argument<string>("QUERY") { Description = "Words (all must occur, in any grammatical form), \"a phrase\", OR, -excluded, prefix*." };
        var country = Countries("Only documents about or from these countries, comma-separated.");
        var kind = new Option<ResearchKind[]?>("--kind")
        {
            Description = "Only these kinds, comma-separated: coi, decision, law, news, ngo-report (and policy, analysis for knowledge-base entries).",
            CustomParser = ParseKinds,
        };
        var before = Options.Date("--published-before", "Only what was published on or before this date (inclusive): the information that stood on that day.");
        var lang = new Option<ResearchLanguage?>("--lang") { Description = "Only passages in ru, en or de.", CustomParser = ParseLanguage };
        var source = new Option<PassageSource?>("--source")
        {
            Description = "Only kb (the knowledge base) or import (imported documents).",
            CustomParser = r => r.Tokens.Single().Value switch
            {
                "kb" => PassageSource.KnowledgeBase,
                "import" => PassageSource.Import,
                var other => Fail<PassageSource?>(r, $"'{other}' is not a source; use kb or import."),
            },
        };
        var limit = new Option<int>("--limit") { Description = "How many passages to show (1–1000).", DefaultValueFactory = _ => 10 };
        var format = new Option<OutputFormat>("--format")
        {
            Description = "Output format: text or json.",
            DefaultValueFactory = _ => OutputFormat.Text,
            CustomParser = r => r.Tokens.Single().Value switch
            {
                "text" => OutputFormat.Text,
                "json" => OutputFormat.Json,
                var other => Fail<OutputFormat>(r, $"'{other}' is not a format; use text or json."),
            },
        };
        var data = DataOption();
        var kbOption = Options.Kb();
        var cmd = new Command("search", "Search passages of the knowledge base and imported documents, best first, with highlighted snippets, metadata and position.")
        { query, country, kind, before, lang, source, limit, format, data, kbOption };
        cmd.SetAction(p => WithIndex(env, p.GetValue(data), index =>
        {
            SyncKnowledgeBase(env, index, p.GetValue(kbOption));
            var q = new ResearchQuery
            {
                Text = p.GetValue(query)!,
                Countries = p.GetValue(country) ?? [],
                Kinds = [.. p.GetValue(kind) ?? []],
                PublishedOnOrBefore = p.GetValue(before),
                Language = p.GetValue(lang),
                Source = p.GetValue(source),
                Limit = p.GetValue(limit),
            };
            var result = index.Search(q);
            if (!result.IsSuccess)
            {
                env.Report(result.Diagnostics);
                return ExitCodes.InvalidInput;
            }
            var warnings = result.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
            if (p.GetValue(format) == OutputFormat.Json) env.Out.Write(ResultWriters.Json(result.Value, warnings));
            else
            {
                foreach (var w in warnings) env.Error.WriteLine(w.ToString());
                env.Out.Write(ResultWriters.Text(result.Value));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Reindex(CliEnvironment env)
    {
        var data = DataOption();
        var kbOption = Options.Kb();
        var cmd = new Command("reindex", "Rebuild the research index from the knowledge base and the stored originals of every imported document, in one commit.") { data, kbOption };
        cmd.SetAction(p => WithIndex(env, p.GetValue(data), index =>
        {
            if (env.LoadKb(p.GetValue(kbOption)) is not { } load) return ExitCodes.InvalidInput;
            var report = index.Reindex(load.Knowledge!, o => WriteOutcome(env, o));
            var stats = index.Statistics();
            env.Out.WriteLine($"Knowledge base {load.Knowledge!.Version}: {stats.KnowledgeBaseDocuments} documents ({load.Knowledge.Entries.Length} entries in English and Russian).");
            return Summarise(env, report, "reindexed");
        }));
        return cmd;
    }

    // ---------------------------------------------------------------- the data directory

    private static Option<string?> DataOption() => new("--data")
    {
        Description = "The data directory (default: $EXNUNC_DATA, else $XDG_DATA_HOME/exnunc or ~/.local/share/exnunc); the index is in its search/ folder.",
    };

    /// <summary>
    /// The data directory: the option, else EXNUNC_DATA, else the per-user data folder
    /// ($XDG_DATA_HOME/exnunc, or ~/.local/share/exnunc; %LOCALAPPDATA%\ExNunc on Windows), resolved the
    /// way the rest of exnunc resolves it. The research index lives in its <c>search/</c> folder.
    /// </summary>
    internal static string DataDirectory(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return option;
        if (Environment.GetEnvironmentVariable("EXNUNC_DATA") is { Length: > 0 } fromEnv) return fromEnv;
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "ExNunc");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDir = xdg is { Length: > 0 } ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(baseDir, "exnunc");
    }

    private static int WithIndex(CliEnvironment env, string? data, Func<ResearchIndex, int> action)
    {
        try
        {
            using var index = ResearchIndex.Open(Path.Combine(DataDirectory(data), "search"));
            return action(index);
        }
        catch (ResearchIndexBusyException ex)
        {
            env.Error.WriteLine($"error research.busy: {ex.Message}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Keeps the knowledge-base documents in step with the KB in use. If the KB does not load or another process is writing, the search goes on with what the index has.</summary>
    private static void SyncKnowledgeBase(CliEnvironment env, ResearchIndex index, string? kbDirectory)
    {
        var load = ExNunc.KnowledgeBase.Loading.KbLoader.Load(kbDirectory ?? CliEnvironment.DefaultKb);
        if (!load.IsSuccess)
        {
            env.Error.WriteLine($"warning research.kb: the knowledge base does not validate (run exnunc kb validate); the index keeps the entries of version {index.KbVersion ?? "none"}.");
            return;
        }
        try
        {
            index.SyncKnowledgeBase(load.Knowledge!);
        }
        catch (ResearchIndexBusyException)
        {
            env.Error.WriteLine("warning research.kb: another process is writing the index; the knowledge-base entries were not refreshed.");
        }
    }

    private static void WriteOutcome(CliEnvironment env, ImportOutcome o)
    {
        var name = o.Path;
        switch (o.Status)
        {
            case ImportStatus.Failed:
                foreach (var d in o.Problems) env.Error.WriteLine(d.ToString());
                return;
            case ImportStatus.Unchanged:
                env.Out.WriteLine($"unchanged  {name}  (already indexed as {Short(o.DocumentId)})");
                break;
            default:
                var langs = o.Languages.IsDefaultOrEmpty ? "" : ", " + string.Join("/", o.Languages.Select(l => l.Code()));
                env.Out.WriteLine($"{(o.Status == ImportStatus.Updated ? "updated " : "imported")}  {name}  ({o.Passages} passages{langs}, published {o.Published ?? "undated"}, {Short(o.DocumentId)})");
                break;
        }
        foreach (var w in o.Problems) env.Error.WriteLine(w.ToString());
    }

    private static int Summarise(CliEnvironment env, ImportReport report, string verb)
    {
        env.Out.WriteLine($"{report.Count(ImportStatus.Imported)} {verb}, {report.Count(ImportStatus.Updated)} updated, {report.Count(ImportStatus.Unchanged)} unchanged, {report.Count(ImportStatus.Failed)} failed.");
        if (!report.HasFailures) return ExitCodes.Ok;
        env.Error.WriteLine($"{report.Count(ImportStatus.Failed)} file(s) failed:");
        foreach (var f in report.Failures)
            env.Error.WriteLine($"  {f.Path}: {string.Join("; ", f.Problems.Where(d => d.Severity == Severity.Error).Select(d => d.Message))}");
        return ExitCodes.InvalidInput;
    }

    private static string Short(string? id) => id is null ? "?" : id.Length > 19 ? id[..19] + "…" : id;

    // ---------------------------------------------------------------- option parsing

    private static Option<ImmutableArray<string>?> Countries(string description) => new("--country")
    {
        Description = description,
        CustomParser = r =>
        {
            var codes = ImmutableArray.CreateBuilder<string>();
            foreach (var raw in r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (ResearchCodes.NormaliseCountry(raw) is { } code) codes.Add(code);
                else return Fail<ImmutableArray<string>?>(r, $"'{raw}' is not a country code (RU, DE, EU…).");
            }
            return codes.ToImmutable();
        },
    };

    private static PartialDate? ParsePartialDate(ArgumentResult r)
    {
        var text = r.Tokens.Single().Value;
        return PartialDate.TryParse(text) is { } d ? d : Fail<PartialDate?>(r, $"'{text}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY.");
    }

    private static ResearchLanguage? ParseLanguage(ArgumentResult r)
    {
        var text = r.Tokens.Single().Value;
        return ResearchCodes.ParseLanguage(text) is { } l ? l : Fail<ResearchLanguage?>(r, $"'{text}' is not a language; use ru, en or de.");
    }

    private static ResearchKind? ParseKind(ArgumentResult r, bool importOnly)
    {
        var text = r.Tokens.Single().Value;
        var kind = ResearchCodes.ParseKind(text);
        if (kind is { } k && (!importOnly || ResearchCodes.ImportKinds.Contains(k))) return k;
        return Fail<ResearchKind?>(r, $"'{text}' is not a kind; use {string.Join(", ", ResearchCodes.ImportKinds.Select(x => x.Code()))}.");
    }

    private static ResearchKind[]? ParseKinds(ArgumentResult r)
    {
        var kinds = new List<ResearchKind>();
        foreach (var raw in r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (ResearchCodes.ParseKind(raw) is { } k) kinds.Add(k);
            else return Fail<ResearchKind[]?>(r, $"'{raw}' is not a kind; use coi, decision, law, news, ngo-report, policy or analysis.");
        }
        return [.. kinds];
    }

    private static T Fail<T>(ArgumentResult r, string message)
    {
        r.AddError(message);
        return default!;
    }
}
