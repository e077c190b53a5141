using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;

namespace ExNunc.Benchmarks.Search;

/// <summary>
/// Query latency on 1,000,000 passages: the fixed query set of one size (one, two or five words), with
/// and without the published-on-or-before filter, through ExNunc's research index against SQLite FTS5
/// (the baseline) on the same corpus. One operation is one query (the mean over the set). The percentiles
/// over the set come from <see cref="SearchMeasuredRun"/>.
/// </summary>
public class SearchQueryBenchmarks
{
    public const int QueriesPerSize = 60;
    private SearchEngines _engines = null!;
    private ImmutableArray<string> _queries;

    [Params(1, 2, 5)]
    public int Words { get; set; }

    [Params(false, true)]
    public bool DateFilter { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new SearchCorpus(SearchMeasuredRun.CorpusSize());
        _engines = SearchEngines.Open(corpus, Console.Out);
        _queries = corpus.Queries(Words, QueriesPerSize);
    }

    [GlobalCleanup]
    public void Cleanup() => _engines.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = QueriesPerSize, Description = "SQLite FTS5")]
    public int Fts5()
    {
        var n = 0;
        foreach (var q in _queries) n += _engines.Fts5(q, DateFilter);
        return n;
    }

    [Benchmark(OperationsPerInvoke = QueriesPerSize, Description = "ExNunc (Lucene.NET)")]
    public int Lucene()
    {
        var n = 0;
        foreach (var q in _queries) n += _engines.Lucene(q, DateFilter);
        return n;
    }
}
