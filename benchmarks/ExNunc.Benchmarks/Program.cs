using BenchmarkDotNet.Running;
using ExNunc.Benchmarks;
using ExNunc.Benchmarks.Rules;

// dotnet run -c Release --project benchmarks/ExNunc.Benchmarks --artifacts-path /tmp/art-bench -- [--cpu-clock] [--verify [N] | --profile [N] | --loop [p]all|[p]de|[p]hand|fingerprint N | --search [--rounds N] | BenchmarkDotNet arguments]
if (args.Length > 0 && args[0] == "--search")
{
    // Research search against SQLite FTS5, engines interleaved query by query (docs/perf.md, "Search").
    ExNunc.Benchmarks.Search.SearchMeasuredRun.Run(args);
    return;
}
if (args.Length > 0 && args[0] == "--verify")
{
    Checks.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000);
    return;
}
if (args.Length > 2 && args[0] == "--loop")
{
    // For an external sampling profiler (dotnet-trace): assess the first N generated cases, over and over.
    Profile.Loop(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return;
}
if (args.Length > 0 && args[0] == "--profile")
{
    Profile.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
    return;
}
var cpuClock = args.Contains("--cpu-clock");
BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run([.. args.Where(a => a != "--cpu-clock")], BenchConfig.Create(cpuClock));
