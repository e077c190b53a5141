using System.CommandLine;
using System.Globalization;
using ExNunc.Domain.Knowledge;
using NodaTime;

namespace ExNunc.Cli.Commands;

/// <summary><c>exnunc kb validate | stats | show</c>.</summary>
internal static class KbCommands
{
    public static Command Create(CliEnvironment env)
    {
        var kb = new Command("kb", "Work with the knowledge base.");
        kb.Subcommands.Add(Validate(env));
        kb.Subcommands.Add(Stats(env));
        kb.Subcommands.Add(Show(env));
        kb.Subcommands.Add(Coverage(env));
        kb.Subcommands.Add(Check(env));
        return kb;
    }

    private static Command Coverage(CliEnvironment env)
    {
        var kbOption = Options.Kb();
        var format = Options.Format();
        var cmd = new Command("coverage", "Per country: entries by kind, the oldest verification, the newest source, worked cases, and what is missing.") { kbOption, format };
        cmd.SetAction(p =>
        {
            var dir = p.GetValue(kbOption) ?? CliEnvironment.DefaultKb;
            if (env.LoadKb(dir) is not { } load) return ExitCodes.InvalidInput;
            var (worked, problems) = ExNunc.KnowledgeBase.Loading.WorkedCaseReader.ReadAll(dir);
            if (problems.Count > 0) { env.Report(problems); return ExitCodes.InvalidInput; }
            var rows = ExNunc.Domain.Knowledge.Coverage.Compute(load.Knowledge!, worked.Select(w => w.Destination), env.Today, Kind);
            env.Out.Write(p.GetValue(format) == OutputFormat.Json ? CoverageReport.Json(rows) : CoverageReport.Text(rows));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Check(CliEnvironment env)
    {
        var kbOption = Options.Kb();
        var cmd = new Command("check", "Run the worked cases in kb/worked-cases/ and report every finding that differs from what they expect.") { kbOption };
        cmd.SetAction(p =>
        {
            var dir = p.GetValue(kbOption) ?? CliEnvironment.DefaultKb;
            if (env.LoadKb(dir) is not { } load) return ExitCodes.InvalidInput;
            var (worked, problems) = ExNunc.KnowledgeBase.Loading.WorkedCaseReader.ReadAll(dir);
            var all = problems.ToList();
            var engine = new ExNunc.Domain.Assessment.AssessmentEngine(load.Rules!);
            foreach (var w in worked)
            {
                var references = ExNunc.Domain.Assessment.WorkedCases.CheckReferences(w, load.Knowledge!).ToList();
                all.AddRange(references);
                if (references.Count > 0) continue;
                var file = env.LoadCase(w.CasePath, load.Knowledge!, out var code);
                if (file is null)
                {
                    all.Add(new ExNunc.Domain.Diagnostics.Diagnostic("worked-case.case", $"{w.Name}: the case file '{w.CasePath}' could not be read (exit {code}).", w.Location, "case"));
                    continue;
                }
                var d = engine.Assess(file, w.AsOf, [w.Destination]).Destinations.Single();
                all.AddRange(ExNunc.Domain.Assessment.WorkedCases.Check(w, d));
            }
            env.Report(all);
            if (all.Count > 0) return ExitCodes.InvalidInput;
            env.Out.WriteLine($"All {worked.Count} worked cases hold.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Validate(CliEnvironment env)
    {
        var kbOption = Options.Kb();
        var cmd = new Command("validate", "Check schema, ids, references, periods, sources, both languages and every condition; name file and line of each problem.") { kbOption };
        cmd.SetAction(p =>
        {
            var load = ExNunc.KnowledgeBase.Loading.KbLoader.Load(p.GetValue(kbOption) ?? CliEnvironment.DefaultKb);
            env.Report(load.Diagnostics);
            if (!load.IsSuccess) return ExitCodes.InvalidInput;
            env.Out.WriteLine($"The knowledge base is valid: {load.Knowledge!.Entries.Length} entries, version {load.Knowledge.Version}.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Stats(CliEnvironment env)
    {
        var kbOption = Options.Kb();
        var cmd = new Command("stats", "Count entries by kind and jurisdiction.") { kbOption };
        cmd.SetAction(p =>
        {
            if (env.LoadKb(p.GetValue(kbOption)) is not { } load) return ExitCodes.InvalidInput;
            var kb = load.Knowledge!;
            env.Out.WriteLine($"Version {kb.Version}: {kb.Entries.Length} entries, {kb.Jurisdictions.Count()} jurisdictions.");
            env.Out.WriteLine();
            env.Out.WriteLine("By kind:");
            foreach (var g in kb.Entries.GroupBy(e => e.Kind).OrderBy(g => g.Key))
                env.Out.WriteLine($"  {Kind(g.Key),-14} {g.Count(),5}");
            env.Out.WriteLine();
            env.Out.WriteLine("By jurisdiction:");
            foreach (var g in kb.Entries.SelectMany(e => e.Jurisdictions.Select(j => (j, e))).GroupBy(x => x.j).OrderBy(g => g.Key, StringComparer.Ordinal))
                env.Out.WriteLine($"  {g.Key,-10} {g.Count(),5}   oldest verification {g.Min(x => x.e.Verified).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}");
            env.Out.WriteLine();
            env.Out.WriteLine("By certainty:");
            foreach (var g in kb.Entries.GroupBy(e => e.Certainty).OrderBy(g => g.Key))
                env.Out.WriteLine($"  {g.Key,-20} {g.Count(),5}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Show(CliEnvironment env)
    {
        var kbOption = Options.Kb();
        var id = new Argument<string>("ID") { Description = "The id of an entry." };
        var asOf = Options.Date("--as-of", "Say what applies on this date.");
        var lang = Options.Lang();
        var cmd = new Command("show", "Show one entry with its sources, and what applies on a date.") { id, kbOption, asOf, lang };
        cmd.SetAction(p =>
        {
            if (env.LoadKb(p.GetValue(kbOption)) is not { } load) return ExitCodes.InvalidInput;
            var entry = load.Knowledge!.Find(p.GetValue(id)!);
            if (entry is null)
            {
                env.Error.WriteLine($"error entry.not-found: no entry '{p.GetValue(id)}' in the knowledge base.");
                return ExitCodes.NotFound;
            }
            Write(env.Out, entry, p.GetValue(asOf), p.GetValue(lang));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static string Kind(EntryKind kind) =>
        ExNunc.KnowledgeBase.Loading.KbNames.Of(kind);

    private static void Write(TextWriter o, KbEntry e, LocalDate? asOf, Language lang)
    {
        string D(LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        o.WriteLine($"{e.Id}  [{Kind(e.Kind)}, {string.Join("/", e.Jurisdictions)}]");
        o.WriteLine($"  {e.Title.In(lang)}");
        o.WriteLine($"  valid: {string.Join("; ", e.Periods.Select(p => p.ToString()))}   (ends inclusive)");
        if (asOf is { } date) o.WriteLine($"  on {D(date)}: {(e.AppliesOn(date) ? "applies" : "does not apply")}");
        o.WriteLine($"  certainty: {e.Certainty}{(e.Note is { } n ? " — " + n : "")}");
        o.WriteLine($"  verified: {D(e.Verified)}   defined at {e.Location}");
        o.WriteLine();
        o.WriteLine("  " + e.Summary.In(lang));
        o.WriteLine();
        switch (e.Details)
        {
            case RussianLawDetails law:
                o.WriteLine($"  Article {law.Article} ({law.Code}); penalties:");
                foreach (var pen in law.Penalties)
                    o.WriteLine($"    {pen.Period}{(asOf is { } d1 && pen.Period.Contains(d1) ? "  ← in force" : "")}: {pen.Text.In(lang)}");
                break;
            case PathwayDetails path:
                if (path.AppliesWhen is { } aw) o.WriteLine($"  applies when: {aw.Text}");
                foreach (var s in path.States)
                    o.WriteLine($"    {s.Period}: {s.State.ToString().ToLowerInvariant()}{(asOf is { } d2 && s.Period.Contains(d2) ? "  ← on the date" : "")}  because {string.Join(", ", s.Because)}");
                break;
            case RuleDetails rule:
                o.WriteLine($"  {(rule.ForEach is { } f ? $"for each {f}: " : "")}when {rule.When.Text}");
                o.WriteLine($"  then {rule.Then}");
                break;
            case RebuttalDetails reb:
                o.WriteLine($"  answers {reb.Answers}{(reb.When is { } w ? $" when {w.Text}" : "")}; cites {string.Join(", ", reb.Cites)}");
                break;
            case ParameterDetails par:
                foreach (var v in par.Values) o.WriteLine($"    {v.Period}: {v.Value.ToString(CultureInfo.InvariantCulture)}");
                break;
            case GroundDetails g:
                foreach (var el in g.Elements) o.WriteLine($"    {el.Id} ({el.Role.ToString().ToLowerInvariant()}): {el.Title.In(lang)}");
                break;
            case PracticeDetails { RelevantWhen: { } rw }:
                o.WriteLine($"  relevant when: {rw.Text}");
                break;
            case FactDetails fact:
                o.WriteLine($"  case path {fact.Path}; evidence: {fact.Need.In(lang)}");
                break;
        }
        if (!e.Because.IsEmpty) o.WriteLine($"  because: {string.Join(", ", e.Because)}");
        if (!e.Sources.IsEmpty)
        {
            o.WriteLine("  sources:");
            foreach (var s in e.Sources)
                o.WriteLine($"    - {s.Title}, {s.Publisher}, {s.Published?.ToString() ?? "undated"}{(s.Url is { } u ? " — " + u : "")}");
        }
    }
}
