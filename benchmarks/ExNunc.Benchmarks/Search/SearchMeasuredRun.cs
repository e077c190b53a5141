using System.Diagnostics;
using System.Globalization;

namespace ExNunc.Benchmarks.Search;

/// <summary>
/// The measured run of the search benchmarks (the figures in docs/perf.md, "Search"): builds both
/// engines on the generated corpus (or reuses them) and reports build throughput, then times every query
/// of the fixed set one by one and reports median and 99th percentile per query size, with and without the
/// date filter, for both engines and their ratio.
/// <para>
/// The engines are measured interleaved, query by query (FTS5 then ExNunc, then the other way round on
/// the next pass), so that a burst of load on a shared machine hits both alike; each group is warmed up
/// for two seconds on both, then timed over <see cref="Passes"/> passes. The whole is repeated for a number
/// of rounds, each reported with the load average before and after, and then all rounds pooled.
/// </para>
/// Run: <c>dotnet run -c Release --project benchmarks/ExNunc.Benchmarks --artifacts-path /tmp/art-bench -- --search [PASSAGES] [--reuse] [--rounds N]</c>.
/// </summary>
public static class SearchMeasuredRun
{
    public const int DefaultPassages = 1_000_000;
    private const int Passes = 10;

    /// <summary>The corpus size: $EXNUNC_BENCH_PASSAGES, or a million.</summary>
    public static int CorpusSize() =>
        int.TryParse(Environment.GetEnvironmentVariable("EXNUNC_BENCH_PASSAGES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultPassages;

    public static void Run(string[] args)
    {
        var rest = args.SkipWhile(a => a == "--search").ToList();
        var roundsAt = rest.IndexOf("--rounds");
        var rounds = roundsAt >= 0 && roundsAt + 1 < rest.Count ? int.Parse(rest[roundsAt + 1], CultureInfo.InvariantCulture) : 3;
        if (roundsAt >= 0) rest.RemoveRange(roundsAt, Math.Min(2, rest.Count - roundsAt));
        var passages = rest.Select(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).FirstOrDefault(n => n > 0);
        if (passages == 0) passages = CorpusSize();
        var reuse = rest.Contains("--reuse");
        var corpus = new SearchCorpus(passages);
        var log = Console.Out;
        log.WriteLine($"Search benchmark, {passages:N0} passages, {Environment.ProcessorCount} cores, {RuntimeInformationText()}, load average {LoadAverage()}");
        if (!reuse || !File.Exists(Path.Combine(SearchEngines.Folder(passages), "complete"))) SearchEngines.Build(corpus, log);
        else log.WriteLine("Reusing the engines built in " + SearchEngines.Folder(passages));

        using var engines = SearchEngines.Open(corpus);
        var groups = new List<(int Words, bool Filtered, IReadOnlyList<string> Queries)>();
        foreach (var words in (int[])[1, 2, 5])
        {
            var queries = corpus.Queries(words, SearchQueryBenchmarks.QueriesPerSize);
            foreach (var filtered in (bool[])[false, true]) groups.Add((words, filtered, queries));
        }
        var pooled = groups.Select(_ => (Fts5: new List<double>(), Lucene: new List<double>())).ToArray();
        var hits = new (double Fts5, double Lucene)[groups.Count];
        for (var round = 1; round <= rounds; round++)
        {
            log.WriteLine();
            log.WriteLine($"Round {round} of {rounds}, load average before: {LoadAverage()}");
            Header(log);
            for (var g = 0; g < groups.Count; g++)
            {
                var (words, filtered, queries) = groups[g];
                var (fts5, lucene, fts5Hits, luceneHits) = Time(queries, q => engines.Fts5(q, filtered), q => engines.Lucene(q, filtered));
                pooled[g].Fts5.AddRange(fts5);
                pooled[g].Lucene.AddRange(lucene);
                hits[g] = (fts5Hits, luceneHits);
                Row(log, words, filtered, hits[g], fts5, lucene);
            }
            log.WriteLine($"load average after: {LoadAverage()}");
        }
        log.WriteLine();
        log.WriteLine($"All {rounds} rounds pooled:");
        Header(log);
        for (var g = 0; g < groups.Count; g++) Row(log, groups[g].Words, groups[g].Filtered, hits[g], [.. pooled[g].Fts5], [.. pooled[g].Lucene]);
        log.WriteLine();
        log.WriteLine($"{SearchQueryBenchmarks.QueriesPerSize} queries per size, {Passes} timed passes per round after two seconds of warm-up, engines interleaved query by query; ratio = ExNunc / FTS5 (below 1 is faster).");
    }

    private static void Header(TextWriter log)
    {
        log.WriteLine("| query | filter | hits (FTS5 / ExNunc, mean) | FTS5 median | FTS5 p99 | ExNunc median | ExNunc p99 | median ratio | p99 ratio |");
        log.WriteLine("|---|---|---|---|---|---|---|---|---|");
    }

    private static void Row(TextWriter log, int words, bool filtered, (double Fts5, double Lucene) hits, double[] fts5, double[] lucene)
    {
        double Median(double[] t) => Percentile(t, 0.5);
        double P99(double[] t) => Percentile(t, 0.99);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {words} word{(words > 1 ? "s" : "")} | {(filtered ? "published ≤ " + SearchEngines.FilterDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "none")} | {hits.Fts5:F1} / {hits.Lucene:F1} | {Median(fts5):F2} ms | {P99(fts5):F2} ms | {Median(lucene):F2} ms | {P99(lucene):F2} ms | {Median(lucene) / Median(fts5):F2} | {P99(lucene) / P99(fts5):F2} |"));
    }

    private static (double[] Fts5, double[] Lucene, double Fts5Hits, double LuceneHits) Time(IReadOnlyList<string> queries, Func<string, int> fts5, Func<string, int> lucene)
    {
        long fts5Hits = 0, luceneHits = 0;
        foreach (var q in queries)
        {
            fts5Hits += fts5(q);
            luceneHits += lucene(q);
        }
        // Warm up for at least two seconds, so both engines run JIT-optimised code and cached pages, as a server does.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2))
        {
            foreach (var q in queries)
            {
                fts5(q);
                lucene(q);
            }
        }
        var fts5Times = new double[queries.Count * Passes];
        var luceneTimes = new double[queries.Count * Passes];
        var k = 0;
        for (var pass = 0; pass < Passes; pass++)
        {
            foreach (var q in queries)
            {
                if (pass % 2 == 0)
                {
                    fts5Times[k] = Once(fts5, q);
                    luceneTimes[k] = Once(lucene, q);
                }
                else
                {
                    luceneTimes[k] = Once(lucene, q);
                    fts5Times[k] = Once(fts5, q);
                }
                k++;
            }
        }
        return (fts5Times, luceneTimes, (double)fts5Hits / queries.Count, (double)luceneHits / queries.Count);
    }

    private static double Once(Func<string, int> run, string query)
    {
        var start = Stopwatch.GetTimestamp();
        run(query);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), for the record: the machine is shared.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
}
