using BenchmarkDotNet.Attributes;
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
}
