using BenchmarkDotNet.Attributes;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Cases;

namespace ExNunc.Benchmarks.Rules;

/// <summary>
/// 100,000 generated cases (<see cref="CaseGenerator"/>) assessed as of 2026-11-27 on every core with
/// one shared <see cref="AssessmentEngine"/>. Set EXNUNC_BATCH_N for a quicker run with fewer cases.
/// <para>
/// The engine is safe to share between threads: <see cref="AssessmentEngine.Assess"/> makes a new
/// evaluation context and rule memo (the only mutable state: bound items, tracing, remembered
/// outcomes) per call, and the rule book, knowledge base and compiled conditions are immutable.
/// <see cref="GermanyCheck.EngineIsThreadSafe"/> checks it in the set-up, which also checks the
/// hand-written baseline against the engine.
/// </para>
/// </summary>
public abstract class BatchBase
{
    private CaseFile[] _cases = [];
    private ParallelOptions _parallel = null!;

    public static IEnumerable<int> Sizes =>
        [int.TryParse(Environment.GetEnvironmentVariable("EXNUNC_BATCH_N"), out var n) && n > 0 ? n : 100_000];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cases = CaseGenerator.Generate(N);
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var sample = _cases.Take(1_000).ToList();
        GermanyCheck.HandWrittenAgreesWithEngine(Shared.Engine, Shared.HandWritten, sample, Shared.AsOf);
        GermanyCheck.EngineIsThreadSafe(Shared.Engine, sample.Take(100).ToList(), Shared.AsOf, rounds: 2);
    }

    [Benchmark(Baseline = true, Description = "Hand-written, DE")]
    public long HandWrittenGermany() => Sum(static c => Shared.HandWritten.Assess(c, Shared.AsOf).Score);

    /// <summary>Assesses every case on all cores and sums a number from each result, so nothing is optimised away.</summary>
    protected long Sum(Func<CaseFile, int> assess)
    {
        long total = 0;
        var cases = _cases;
        Parallel.For(0, cases.Length, _parallel, () => 0L, (i, _, local) => local + assess(cases[i]), local => Interlocked.Add(ref total, local));
        return total;
    }
}

/// <summary>Germany alone: the engine against the same rules written by hand (goal: within 2x).</summary>
[LongRun]
public class BatchBenchmark : BatchBase
{
    [Benchmark(Description = "Engine, DE")]
    public long EngineGermany() => Sum(static c => Shared.Engine.Assess(c, Shared.AsOf, Shared.Germany).Destinations[0].Score);
}

/// <summary>
/// Every destination in the knowledge base. One measured iteration: at 100,000 cases one operation
/// takes minutes. The baseline is still the hand-written German assessment, so the ratio reads as
/// "German assessments by hand per all-destination assessment".
/// </summary>
[WarmupCount(0), IterationCount(1), InvocationCount(1)]
public class BatchAllDestinationsBenchmark : BatchBase
{
    [Benchmark(Description = "Engine, all destinations")]
    public long EngineAllDestinations() => Sum(static c =>
    {
        var total = 0;
        foreach (var d in Shared.Engine.Assess(c, Shared.AsOf).Destinations) total += d.Score;
        return total;
    });
}
