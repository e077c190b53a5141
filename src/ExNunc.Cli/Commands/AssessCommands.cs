using System.CommandLine;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Knowledge;
using ExNunc.KnowledgeBase.Loading;
using ExNunc.Reports;
using NodaTime;

namespace ExNunc.Cli.Commands;

/// <summary><c>exnunc assess</c>, <c>exnunc diff</c> and <c>exnunc timeline</c>.</summary>
internal static class AssessCommands
{
    public static Command Assess(CliEnvironment env)
    {
        var @case = CaseArgument();
        var kbOption = Options.Kb();
        var asOf = Options.Date("--as-of", "Assess as of this date (default: today).");
        var to = Options.Countries("--to");
        var format = Options.Format();
        var lang = Options.Lang();
        var explain = new Option<string?>("--explain") { Description = "Print the derivation tree of one finding (a pathway, ground, element, objection, gap or article id)." };
        var cmd = new Command("assess", "Assess a case as of a date for destinations, best prospects first.") { @case, kbOption, asOf, to, format, lang, explain };
        cmd.SetAction(p =>
        {
            if (!Prepare(env, p.GetValue(kbOption), p.GetValue(@case)!, Some(p.GetValue(to)), out var load, out var file, out var code)) return code;
            var engine = new AssessmentEngine(load!.Rules!);
            var result = engine.Assess(file!, p.GetValue(asOf) ?? env.Today, Some(p.GetValue(to)));
            var language = p.GetValue(lang);
            if (p.GetValue(explain) is { } id) return Explain(env, result, id, language);
            env.Out.Write(p.GetValue(format) == OutputFormat.Json
                ? AssessmentJson.Write(result, language)
                : AssessmentReport.Write(result, load.Knowledge!, p.GetValue(format).ToReport(), language));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static Command Diff(CliEnvironment env)
    {
        var @case = CaseArgument();
        var kbOption = Options.Kb();
        var from = Options.Date("--from", "The earlier date.");
        from.Required = true;
        var to = Options.Date("--to", "The later date.");
        to.Required = true;
        var countries = Options.Countries("--countries");
        var lang = Options.Lang();
        var cmd = new Command("diff", "What changed for this person between two dates, and which entries' validity made it change.") { @case, kbOption, from, to, countries, lang };
        cmd.SetAction(p =>
        {
            if (!Prepare(env, p.GetValue(kbOption), p.GetValue(@case)!, Some(p.GetValue(countries)), out var load, out var file, out var code)) return code;
            var engine = new AssessmentEngine(load!.Rules!);
            var diff = Comparisons.Diff(engine, file!, p.GetValue(from)!.Value, p.GetValue(to)!.Value, Some(p.GetValue(countries)));
            env.Out.Write(ChangeReport.Diff(diff, load.Knowledge!, p.GetValue(lang)));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static Command Timeline(CliEnvironment env)
    {
        var @case = CaseArgument();
        var kbOption = Options.Kb();
        var from = Options.Date("--from", "Start (default: 24 February 2022).");
        var to = Options.Date("--to", "End (default: today).");
        var countries = Options.Countries("--countries");
        var lang = Options.Lang();
        var cmd = new Command("timeline", "The dates at which this person's assessment changes, each with what changed.") { @case, kbOption, from, to, countries, lang };
        cmd.SetAction(p =>
        {
            if (!Prepare(env, p.GetValue(kbOption), p.GetValue(@case)!, Some(p.GetValue(countries)), out var load, out var file, out var code)) return code;
            var start = p.GetValue(from) ?? new LocalDate(2022, 2, 24);
            var end = p.GetValue(to) ?? env.Today;
            if (end < start)
            {
                env.Error.WriteLine("error timeline.dates: --to is before --from.");
                return ExitCodes.InvalidInput;
            }
            var engine = new AssessmentEngine(load!.Rules!);
            var steps = Comparisons.Timeline(engine, file!, start, end, Some(p.GetValue(countries)));
            env.Out.Write(ChangeReport.Timeline(steps, load.Knowledge!, p.GetValue(lang)));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>No countries named means every destination.</summary>
    private static string[]? Some(string[]? countries) => countries is { Length: > 0 } ? countries : null;

    private static Argument<string> CaseArgument() => new("CASE") { Description = "A case file (YAML or JSON, interchange format version 1)." };

    private static bool Prepare(CliEnvironment env, string? kbDir, string casePath, string[]? countries, out KbLoad? load, out CaseFile? file, out int code)
    {
        file = null;
        code = ExitCodes.InvalidInput;
        load = env.LoadKb(kbDir);
        if (load is null) return false;
        foreach (var c in countries ?? [])
            if (load.Knowledge!.FindJurisdiction(c) is not { Role: JurisdictionRole.Destination or JurisdictionRole.Transit })
            {
                env.Error.WriteLine($"error country.unknown: '{c}' is not a country the knowledge base covers ({string.Join(", ", load.Knowledge.Destinations)}).");
                return false;
            }
        file = env.LoadCase(casePath, load.Knowledge!, out code);
        return file is not null;
    }

    private static int Explain(CliEnvironment env, AssessmentResult result, string id, Language lang)
    {
        var found = false;
        foreach (var d in result.Destinations)
            foreach (var f in d.AllFindings().Where(f => f.Id == id || (f is ElementFinding e && $"{e.Ground}/{e.Id}" == id)))
            {
                env.Out.Write(DerivationReport.Write(d.Country, f, lang));
                env.Out.WriteLine();
                found = true;
            }
        if (found) return ExitCodes.Ok;
        env.Error.WriteLine($"error finding.not-found: no finding '{id}' in this assessment.");
        return ExitCodes.NotFound;
    }
}
