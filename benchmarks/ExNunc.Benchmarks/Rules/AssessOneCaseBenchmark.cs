using BenchmarkDotNet.Attributes;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Cases;

namespace ExNunc.Benchmarks.Rules;

/// <summary>
/// One scenario case assessed as of 2026-11-27: for every destination in the knowledge base (the figure with a goal: under
/// 1 ms), and for Germany alone, against the hand-written German assessment as the baseline.
/// </summary>
public class AssessOneCaseBenchmark
{
    private CaseFile _case = null!;

    [Params("andrei-k", "sergei-m")]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _case = Shared.Scenario(Scenario);
        GermanyCheck.HandWrittenAgreesWithEngine(Shared.Engine, Shared.HandWritten, [_case], Shared.AsOf);
    }

    [Benchmark(Baseline = true, Description = "Hand-written, DE")]
    public int HandWrittenGermany() => Shared.HandWritten.Assess(_case, Shared.AsOf).Score;

    [Benchmark(Description = "Engine, DE")]
    public int EngineGermany() => Shared.Engine.Assess(_case, Shared.AsOf, Shared.Germany).Destinations[0].Score;

    [Benchmark(Description = "Engine, all destinations")]
    public int EngineAllDestinations() => Shared.Engine.Assess(_case, Shared.AsOf).Destinations.Length;

    // Derivation trees and fact lists are traced when first read; a report reads them all.
    [Benchmark(Description = "Engine, DE, every derivation read")]
    public int EngineGermanyExplained() => ReadEveryDerivation(Shared.Engine.Assess(_case, Shared.AsOf, Shared.Germany));

    [Benchmark(Description = "Engine, all destinations, every derivation read")]
    public int EngineAllDestinationsExplained() => ReadEveryDerivation(Shared.Engine.Assess(_case, Shared.AsOf));

    internal static int ReadEveryDerivation(AssessmentResult result)
    {
        var n = 0;
        foreach (var d in result.Destinations)
            foreach (var f in d.AllFindings()) n += f.Facts.Length + Read(f.Derivation);
        return n;

        static int Read(Derivation d)
        {
            var n = d.Condition is { } c ? c.Children.Length + 1 : 0;
            foreach (var child in d.Children) n += Read(child);
            return n;
        }
    }
}
