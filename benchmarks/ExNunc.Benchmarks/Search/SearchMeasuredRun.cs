using System.Diagnostics;
using System.Globalization;

namespace ExNunc.Benchmarks.Search;

/// <summary>
/// The measured run of the search benchmarks (the figures in docs/perf.md, "Search"): builds both
/// engines on the generated corpus from scratch and reports build throughput, then times every query of
/// the fixed set one by one — two seconds of warm-up, then five timed passes — and reports median and 99th
/// percentile per query size, with and without the date filter, for both engines and their ratio.
/// Run: <c>dotnet run -c Release --project benchmarks/ExNunc.Benchmarks --artifacts-path /tmp/art-bench -- --search [PASSAGES] [--reuse]</c>.
/// </summary>
public static class SearchMeasuredRun
{
    public const int DefaultPassages = 1_000_000;
    private const int Passes = 5;

    /// <summary>The corpus size: $EXNUNC_BENCH_PASSAGES, or a million.</summary>
    public static int CorpusSize() =>
        int.TryParse(Environment.GetEnvironmentVariable("EXNUNC_BENCH_PASSAGES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultPassages;

    public static void Run(string[] args)
    {
        var passages = args.Select(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).FirstOrDefault(n => n > 0);
        if (passages == 0) passages = CorpusSize();
        var reuse = args.Contains("--reuse");
        var corpus = new SearchCorpus(passages);
        var log = Console.Out;
        log.WriteLine($"Search benchmark, {passages:N0} passages, {Environment.ProcessorCount} cores, {RuntimeInformationText()}");
        if (!reuse || !File.Exists(Path.Combine(SearchEngines.Folder(passages), "complete"))) SearchEngines.Build(corpus, log);
        else log.WriteLine("Reusing the engines built in " + SearchEngines.Folder(passages));

        using var engines = SearchEngines.Open(corpus);
        log.WriteLine();
        log.WriteLine("| query | filter | hits (FTS5 / ExNunc, mean) | FTS5 median | FTS5 p99 | ExNunc median | ExNunc p99 | median ratio | p99 ratio |");
        log.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var words in (int[])[1, 2, 5])
        {
            var queries = corpus.Queries(words, SearchQueryBenchmarks.QueriesPerSize);
            foreach (var filtered in (bool[])[false, true])
            {
                var (ftsTimes, ftsHits) = Time(queries, q => engines.Fts5(q, filtered));
                var (luceneTimes, luceneHits) = Time(queries, q => engines.Lucene(q, filtered));
                double Median(double[] t) => Percentile(t, 0.5);
                double P99(double[] t) => Percentile(t, 0.99);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {words} word{(words > 1 ? "s" : "")} | {(filtered ? "published ≤ " + SearchEngines.FilterDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "none")} | {ftsHits:F1} / {luceneHits:F1} | {Median(ftsTimes):F2} ms | {P99(ftsTimes):F2} ms | {Median(luceneTimes):F2} ms | {P99(luceneTimes):F2} ms | {Median(luceneTimes) / Median(ftsTimes):F2} | {P99(luceneTimes) / P99(ftsTimes):F2} |"));
            }
        }
        log.WriteLine();
        log.WriteLine($"{SearchQueryBenchmarks.QueriesPerSize} queries per size, {Passes} timed passes each after two seconds of warm-up; ratio = ExNunc / FTS5 (below 1 is faster).");
    }

    private static (double[] Millis, double MeanHits) Time(IReadOnlyList<string> queries, Func<string, int> run)
    {
        long hits = 0;
        foreach (var q in queries) hits += run(q);
        // Warm up for at least two seconds, so both engines run JIT-optimised code and cached pages, as a server does.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2))
            foreach (var q in queries) run(q);
        var times = new double[queries.Count * Passes];
        var k = 0;
        for (var pass = 0; pass < Passes; pass++)
        {
            foreach (var q in queries)
            {
                var start = Stopwatch.GetTimestamp();
                run(q);
                times[k++] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        return (times, (double)hits / queries.Count);
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
}
