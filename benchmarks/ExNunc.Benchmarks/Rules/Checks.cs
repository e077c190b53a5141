using System.Diagnostics;
using ExNunc.Domain.Cases;

namespace ExNunc.Benchmarks.Rules;

/// <summary>The <c>--verify</c> mode: the correctness checks the batch benchmark relies on, with a report.</summary>
public static class Checks
{
    public static void Run(int count)
    {
        var sw = Stopwatch.StartNew();
        var cases = CaseGenerator.Generate(count);
        Console.WriteLine($"Generated {count} cases in {sw.ElapsedMilliseconds} ms.");
        Describe(cases);

        var invalid = cases.Select(c => (c.Id, Problems: CaseChecks.Check(c, Shared.Kb).Where(d => d.Severity == ExNunc.Domain.Diagnostics.Severity.Error).ToList()))
            .Where(x => x.Problems.Count > 0).ToList();
        if (invalid.Count > 0)
            throw new InvalidOperationException($"{invalid.Count} generated cases do not pass the case checks, e.g. {invalid[0].Id}: {string.Join("; ", invalid[0].Problems)}");
        Console.WriteLine("All generated cases pass the case checks.");

        GermanyCheck.HandWrittenAgreesWithEngine(Shared.Engine, Shared.HandWritten, cases, Shared.AsOf);
        Console.WriteLine($"Hand-written Germany agrees with the engine on all {count} cases (statuses, objections, exposures, and every other field).");
        foreach (var date in new[] { new NodaTime.LocalDate(2022, 9, 30), new NodaTime.LocalDate(2023, 6, 1), new NodaTime.LocalDate(2025, 7, 30) })
        {
            GermanyCheck.HandWrittenAgreesWithEngine(Shared.Engine, Shared.HandWritten, cases, date);
            Console.WriteLine($"  … and as of {date:uuuu-MM-dd}.");
        }

        sw.Restart();
        GermanyCheck.EngineIsThreadSafe(Shared.Engine, cases.Take(Math.Min(count, 1_000)).ToList(), Shared.AsOf);
        Console.WriteLine($"One engine shared by {Environment.ProcessorCount} threads gives the sequential results ({sw.ElapsedMilliseconds} ms).");
    }

    /// <summary>Prints what the generated mix looks like and what the engine makes of it for Germany.</summary>
    private static void Describe(CaseFile[] cases)
    {
        string Share(Func<CaseFile, bool> test) => $"{100.0 * cases.Count(test) / cases.Length:F0}%";
        Console.WriteLine($"  status: {string.Join(", ", cases.GroupBy(c => c.Military?.Status ?? "(unknown)").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {100.0 * g.Count() / cases.Length:F0}%"))}");
        Console.WriteLine($"  with a summons {Share(c => c.Summonses is { Count: > 0 })}, with proceedings {Share(c => c.Proceedings is { Count: > 0 })}, " +
            $"with anti-war activity {Share(c => c.Activity?.Any(a => a.AntiWar == true) == true)}, objectors {Share(c => c.Objection?.Basis is "religious" or "moral" or "political")}, " +
            $"route through KZ {Share(c => c.Departure?.Route?.Contains("KZ") == true)}, untranslated evidence {Share(c => c.Evidence?.Any(e => e.Translated == false) == true)}, " +
            $"evidence items {cases.Average(c => c.Evidence?.Count ?? 0):F1} per case");
        var de = cases.Take(1_000).Select(c => Shared.Engine.Assess(c, Shared.AsOf, Shared.Germany).Destinations[0]).ToList();
        Console.WriteLine($"  Germany, first 1,000: refugee status {string.Join(", ", de.GroupBy(d => d.Grounds.Single(g => g.Id == "refugee-status").GroundStatus).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}; " +
            $"{de.Average(d => d.Objections.Length):F1} objections, {de.Average(d => d.Exposure.Length):F1} exposures, {de.Average(d => d.Gaps.Length):F1} gaps per case");
    }
}
