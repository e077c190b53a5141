using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using ExNunc.Search;
using ExNunc.Search.Importing;
using ExNunc.Search.Indexing;
using ExNunc.Search.Searching;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ExNunc.Benchmarks.Search;

/// <summary>
/// The two engines on the same corpus: ExNunc's research index (Lucene.NET, built and searched through
/// the production code: the same schema, analysers, query building, filter and highlighting) and its peer,
/// SQLite FTS5, built with the same passages and asked the same queries for the same work: the 10 best
/// passages by BM25 with a snippet and their metadata, optionally only those published on or before a date.
/// <para>
/// What each side does per query. ExNunc: parses the text once per language (three analysers: stemming,
/// stop words), every word required; BM25 over the passage; the date as a filter that does not score;
/// counts all matches; for each of the 10 best reads its document's metadata, position and text (one binary
/// doc value) and highlights one or two fragments of about 220 characters (Lucene's Highlighter, which
/// re-analyses the passage), giving the highlights as offsets. FTS5: the words quoted and juxtaposed (every
/// word required, exact forms: FTS5's unicode61 tokenizer has no stemming), <c>ORDER BY rank</c> (BM25),
/// <c>published &lt;= day</c> on the row, <c>LIMIT 10</c>; for each hit reads the text and every metadata
/// column it has (title, published, country, kind, language) and makes FTS5's snippet (one fragment of up
/// to 24 tokens, matches marked). It does not count all matches. Neither side caches results between queries.
/// </para>
/// <para>
/// Both are built once into a cache folder ($EXNUNC_BENCH_DIR, or the temp folder) and reused by later
/// runs; <see cref="Build"/> measures the builds when they happen.
/// </para>
/// </summary>
public sealed class SearchEngines : IDisposable
{
    /// <summary>The date of the filtered queries: roughly the middle of the corpus's publication years.</summary>
    public static readonly LocalDate FilterDate = new(2019, 12, 31);
    public const int Limit = 10;

    private readonly SqliteConnection _sqlite;
    private readonly SqliteCommand _fts;
    private readonly SqliteCommand _ftsFiltered;

    private SearchEngines(string folder)
    {
        Index = ResearchIndex.Open(Path.Combine(folder, "lucene"));
        _sqlite = new SqliteConnection($"Data Source={Path.Combine(folder, "fts5.db")};Mode=ReadOnly");
        _sqlite.Open();
        Exec(_sqlite, "PRAGMA mmap_size = 4294967296; PRAGMA cache_size = -262144;");
        const string select = "SELECT rowid, text, title, published, country, kind, lang, snippet(passages, 0, '[', ']', '…', 24) FROM passages WHERE passages MATCH $q";
        _fts = Command(select + " ORDER BY rank LIMIT " + Limit);
        _ftsFiltered = Command(select + " AND published <= $d ORDER BY rank LIMIT " + Limit);
        _ftsFiltered.Parameters.AddWithValue("$d", Schema.Day(FilterDate));
    }

    public ResearchIndex Index { get; }

    public static string Folder(int passages) =>
        Path.Combine(Environment.GetEnvironmentVariable("EXNUNC_BENCH_DIR") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "exnunc-bench"),
            $"search-{passages}-v2");

    /// <summary>Opens the engines for a corpus of this size, building them first if the cache has none.</summary>
    public static SearchEngines Open(SearchCorpus corpus, TextWriter? log = null)
    {
        var folder = Folder(corpus.Passages);
        if (!File.Exists(Path.Combine(folder, "complete"))) Build(corpus, log ?? TextWriter.Null);
        return new SearchEngines(folder);
    }

    /// <summary>Builds both engines from scratch, one after the other, and reports each build's time and throughput.</summary>
    public static BuildFigures Build(SearchCorpus corpus, TextWriter log)
    {
        var folder = Folder(corpus.Passages);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);

        log.WriteLine($"Generating {corpus.Passages:N0} passages in {corpus.Documents:N0} documents…");
        var sw = Stopwatch.StartNew();
        var texts = new string[corpus.Passages];
        Parallel.For(0, corpus.Passages, i => texts[i] = corpus.Text(i));
        var documents = Enumerable.Range(0, corpus.Documents).Select(corpus.Document).ToArray();
        var bytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        log.WriteLine($"  generated in {sw.Elapsed.TotalSeconds:F1} s, {bytes / 1e6:F0} MB of UTF-8 text, {texts.Sum(t => (long)t.Count(c => c == ' ') + 1) / 1e6:F1} M words");

        GC.Collect();
        sw.Restart();
        int segments;
        using (var index = ResearchIndex.Open(Path.Combine(folder, "lucene")))
        {
            index.AddInOneCommit(LuceneDocuments(corpus, documents, texts));
            segments = index.SegmentCount();
        }
        var lucene = sw.Elapsed;
        log.WriteLine($"  Lucene (ExNunc research index, merged to {segments} segment(s) as reindex does): {lucene.TotalSeconds:F1} s, {corpus.Passages / lucene.TotalSeconds:N0} passages/s, {bytes / 1e6 / lucene.TotalSeconds:F1} MB/s, {SizeOf(Path.Combine(folder, "lucene")) / 1e6:F0} MB on disk");

        GC.Collect();
        sw.Restart();
        BuildFts5(Path.Combine(folder, "fts5.db"), corpus, documents, texts);
        var fts5 = sw.Elapsed;
        log.WriteLine($"  SQLite FTS5 (with its 'optimize' merge): {fts5.TotalSeconds:F1} s, {corpus.Passages / fts5.TotalSeconds:N0} passages/s, {bytes / 1e6 / fts5.TotalSeconds:F1} MB/s, {new FileInfo(Path.Combine(folder, "fts5.db")).Length / 1e6:F0} MB on disk");

        File.WriteAllText(Path.Combine(folder, "complete"), string.Create(CultureInfo.InvariantCulture, $"lucene {lucene.TotalSeconds:F1} s, fts5 {fts5.TotalSeconds:F1} s\n"));
        return new BuildFigures(corpus.Passages, bytes, lucene, fts5);
    }

    public sealed record BuildFigures(int Passages, long Bytes, TimeSpan Lucene, TimeSpan Fts5);

    private static IEnumerable<(IndexedDocument, IReadOnlyList<Passage>)> LuceneDocuments(SearchCorpus corpus, SearchCorpus.DocumentInfo[] documents, string[] texts)
    {
        foreach (var d in documents)
        {
            var first = d.Number * SearchCorpus.PassagesPerDocument;
            var count = Math.Min(SearchCorpus.PassagesPerDocument, corpus.Passages - first);
            var language = (ResearchLanguage)d.Language; // 0 ru, 1 en, 2 de in both
            var published = LocalDate.FromDateOnly(d.Published);
            var document = new IndexedDocument($"sha256:bench{d.Number:D8}", PassageSource.Import, $"Report {d.Number}", "txt", "Benchmark publisher", null,
                published.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), Schema.Day(published), [d.Country], ResearchCodes.ParseKind(d.Kind), $"report-{d.Number}.txt", null, "bench", count);
            var passages = new Passage[count];
            for (var i = 0; i < count; i++) passages[i] = new Passage(i + 1, texts[first + i], language, null, null, null);
            yield return (document, passages);
        }
    }

    private static void BuildFts5(string path, SearchCorpus corpus, SearchCorpus.DocumentInfo[] documents, string[] texts)
    {
        using var db = new SqliteConnection($"Data Source={path}");
        db.Open();
        Exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;");
        if (!Fts5Available(db)) throw new InvalidOperationException("This SQLite build has no FTS5.");
        Exec(db, "CREATE VIRTUAL TABLE passages USING fts5(text, title UNINDEXED, published UNINDEXED, country UNINDEXED, kind UNINDEXED, lang UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');");
        using var tx = db.BeginTransaction();
        using var insert = db.CreateCommand();
        insert.CommandText = "INSERT INTO passages(rowid, text, title, published, country, kind, lang) VALUES ($id, $text, $title, $published, $country, $kind, $lang)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var published = insert.Parameters.Add("$published", SqliteType.Integer);
        var country = insert.Parameters.Add("$country", SqliteType.Text);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var lang = insert.Parameters.Add("$lang", SqliteType.Text);
        insert.Prepare();
        for (var p = 0; p < corpus.Passages; p++)
        {
            var d = documents[p / SearchCorpus.PassagesPerDocument];
            id.Value = p + 1;
            text.Value = texts[p];
            title.Value = $"Report {d.Number}";
            published.Value = Schema.Day(LocalDate.FromDateOnly(d.Published));
            country.Value = d.Country;
            kind.Value = d.Kind;
            lang.Value = SearchCorpus.LanguageCode(d.Language);
            insert.ExecuteNonQuery();
        }
        tx.Commit();
        Exec(db, "INSERT INTO passages(passages) VALUES('optimize');");
    }

    public static bool Fts5Available(SqliteConnection db)
    {
        using var c = db.CreateCommand();
        c.CommandText = "SELECT sqlite_compileoption_used('ENABLE_FTS5')";
        return Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>One query through ExNunc's search: ranked passages with highlighted snippets and metadata.</summary>
    public int Lucene(string query, bool filtered)
    {
        var result = Index.Search(new ResearchQuery { Text = query, Limit = Limit, PublishedOnOrBefore = filtered ? FilterDate : null });
        return result.Value.Hits.Length;
    }

    /// <summary>The same query through FTS5: every word required, BM25 rank, the 10 best with their text, metadata and a snippet.</summary>
    public int Fts5(string query, bool filtered)
    {
        var command = filtered ? _ftsFiltered : _fts;
        command.Parameters["$q"].Value = Fts5Query(query);
        using var reader = command.ExecuteReader();
        var n = 0;
        while (reader.Read())
        {
            _ = reader.GetInt64(0);
            _ = reader.GetString(1);
            _ = reader.GetString(2);
            _ = reader.GetInt64(3);
            _ = reader.GetString(4);
            _ = reader.GetString(5);
            _ = reader.GetString(6);
            _ = reader.GetString(7);
            n++;
        }
        return n;
    }

    /// <summary>Each word quoted, so FTS5 reads it as a word and not as syntax; juxtaposed words are all required.</summary>
    public static string Fts5Query(string query) => string.Join(' ', query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    private SqliteCommand Command(string sql)
    {
        var c = _sqlite.CreateCommand();
        c.CommandText = sql;
        c.Parameters.Add("$q", SqliteType.Text);
        return c;
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    private static long SizeOf(string folder) => new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    public void Dispose()
    {
        _fts.Dispose();
        _ftsFiltered.Dispose();
        _sqlite.Dispose();
        Index.Dispose();
    }
}
