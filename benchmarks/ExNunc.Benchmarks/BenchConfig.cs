using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ExNunc.Benchmarks;

/// <summary>
/// The one configuration every benchmark runs with: allocations (memory diagnoser), the ratio to the
/// group's baseline, and a short job so that the whole suite runs in minutes. Benchmarks whose one
/// operation takes seconds narrow the job with <see cref="LongRunAttribute"/> or BenchmarkDotNet's mutator attributes
/// (<c>[WarmupCount]</c>, <c>[IterationCount]</c>, <c>[InvocationCount]</c>), which keep it in-process.
/// <para>
/// Benchmarks run in-process: BenchmarkDotNet's default toolchain would generate and build a project
/// next to the sources, which in this repository must only ever be built into its own artifacts path.
/// Results go to a temporary folder, never into the repository; figures are written up in docs/perf.md.
/// </para>
/// </summary>
public static class BenchConfig
{
    // The in-process toolchain gives up after five minutes by default; 100,000 cases for every destination take longer.
    private static readonly InProcessEmitToolchain InProcess = new(TimeSpan.FromHours(2), logOutput: true);

    /// <param name="cpuClock">Measure CPU time instead of elapsed time (<see cref="CpuClock"/>), for a busy machine.</param>
    public static IConfig Create(bool cpuClock = false) =>
        ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(cpuClock
                ? Job.ShortRun.WithToolchain(InProcess).WithClock(CpuClock.Instance).WithId("ShortRun-CPU").AsDefault()
                : Job.ShortRun.WithToolchain(InProcess).WithId("ShortRun").AsDefault())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(BaselineRatioColumn.RatioMean, BaselineRatioColumn.RatioStdDev)
            .WithOption(ConfigOptions.JoinSummary, false)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "exnunc-benchmarks"));
}

/// <summary>
/// For benchmarks whose one operation takes seconds: one invocation per iteration, one warm-up and
/// three measured iterations. A mutator of the shared job, so it stays in-process.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunAttribute : Attribute, IConfigSource
{
    public LongRunAttribute() =>
        Config = ManualConfig.CreateEmpty().AddJob(
            Job.Default.WithStrategy(RunStrategy.Monitoring)
                .WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1)
                .AsMutator());

    public IConfig Config { get; }
}
