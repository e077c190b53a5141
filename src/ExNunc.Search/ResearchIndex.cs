using System.Collections.Immutable;
using System.Security.Cryptography;
using ExNunc.Domain.Diagnostics;
using ExNunc.Search.Importing;
using ExNunc.Search.Indexing;
using ExNunc.Search.Searching;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using BytesRef = Lucene.Net.Util.BytesRef;
using LuceneDirectory = Lucene.Net.Store.Directory;
using ReaderUtil = Lucene.Net.Index.ReaderUtil;

namespace ExNunc.Search;

/// <summary>
/// The research index under one folder (<c>&lt;data dir&gt;/search</c>):
/// <list type="bullet">
/// <item><c>index/</c> — the Lucene index, one document per passage.</item>
/// <item><c>originals/&lt;sha256&gt;/&lt;file&gt;</c> and <c>&lt;file&gt;.yaml</c> — each imported file as it was
/// given, with its resolved metadata in sidecar form, so that <see cref="Reindex"/> can rebuild the index
/// from scratch (after a change of analysis or extraction).</item>
/// </list>
/// <para>
/// Consistency: every imported document is one commit (its passages are added, or replace the old ones,
/// in one atomic update), and a Lucene commit is atomic and durable. A process killed in the middle of an
/// import leaves the index as of its last commit: every document in it complete, none partial. Reindex
/// and the knowledge-base refresh are each a single commit. Only one process writes at a time
/// (<see cref="ResearchIndexBusyException"/> otherwise); any number may search.
/// </para>
/// </summary>
public sealed class ResearchIndex : IDisposable
{
    private static readonly Similarity Ranking = new BM25Similarity();

    private readonly LuceneDirectory _directory;
    private readonly Analysis _analysis = new();
    private readonly System.Threading.Lock _gate = new();
    private readonly int? _maxBufferedDocs;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;

    /// <summary>
    /// How many segments an import leaves at most: after its last commit the smallest segments are merged
    /// into one until no more than this many remain (cheap: the big segments stay as they are). Every
    /// segment costs a search one look-up per word and field, so fewer is faster; <see cref="Reindex"/>
    /// leaves exactly one.
    /// </summary>
    internal const int SegmentsAfterImport = 4;

    private ResearchIndex(string root, int? maxBufferedDocs)
    {
        Root = root;
        _maxBufferedDocs = maxBufferedDocs;
        System.IO.Directory.CreateDirectory(IndexPath);
        System.IO.Directory.CreateDirectory(OriginalsPath);
        _directory = FSDirectory.Open(IndexPath);
    }

    /// <summary>Opens (creating if needed) the research index in <paramref name="root"/>. Opening does not lock: searching never waits for an import.</summary>
    public static ResearchIndex Open(string root) => new(Path.GetFullPath(root), null);

    /// <summary>For tests: an index whose writer flushes a segment every <paramref name="maxBufferedDocs"/> passages, as a large import or reindex does every 64 MB.</summary>
    internal static ResearchIndex Open(string root, int maxBufferedDocs) => new(Path.GetFullPath(root), maxBufferedDocs);

    public string Root { get; }
    public string IndexPath => Path.Combine(Root, "index");
    public string OriginalsPath => Path.Combine(Root, "originals");

    /// <summary>The version of the knowledge base the index holds, or null if it holds none.</summary>
    public string? KbVersion => CommitData().TryGetValue(Schema.KbVersionKey, out var v) ? v : null;

    // ---------------------------------------------------------------- import

    /// <summary>
    /// Imports files and directories (recursively; files of the known formats, in path order). Each file is
    /// identified by the SHA-256 of its bytes and committed on its own; a file that fails is reported and the
    /// import goes on. <paramref name="onEach"/> hears of each file as soon as it is committed.
    /// </summary>
    public ImportReport Import(IEnumerable<string> paths, DocumentMetadata commandLine, Action<ImportOutcome>? onEach = null)
    {
        var outcomes = ImmutableArray.CreateBuilder<ImportOutcome>();
        void Report(ImportOutcome o)
        {
            outcomes.Add(o);
            onEach?.Invoke(o);
        }

        lock (_gate)
        {
            var writer = Writer();
            using var known = new KnownDocuments(writer);
            foreach (var (file, problem) in Expand(paths))
            {
                if (problem is not null)
                {
                    Report(new ImportOutcome(file, ImportStatus.Failed, null, 0, [problem]));
                    continue;
                }
                Report(ImportFile(writer, known, file, commandLine));
            }
            MergeSmallSegments(writer);
        }
        RefreshSearchers();
        return new ImportReport(outcomes.ToImmutable());
    }

    private ImportOutcome ImportFile(IndexWriter writer, KnownDocuments known, string path, DocumentMetadata commandLine)
    {
        var prepared = Prepare(path, commandLine);
        if (prepared.Failure is { } failure) return failure;
        var p = prepared.Value!;
        var existing = known.Fingerprint(p.Id);
        if (existing == p.Fingerprint)
            return new ImportOutcome(path, ImportStatus.Unchanged, p.Id, 0, p.Warnings);

        var built = Build(p);
        if (built.Failure is { } f) return f;
        var (document, passages, warnings) = built.Value;

        StoreOriginal(p);
        writer.UpdateDocuments(Schema.IdTerm(p.Id), passages.Select(x => (IEnumerable<IIndexableField>)Schema.Create(document, x)));
        Commit(writer);
        known.Committed(p.Id, p.Fingerprint);
        return new ImportOutcome(path, existing is null ? ImportStatus.Imported : ImportStatus.Updated, p.Id, passages.Length, warnings,
            document.Title, document.Published, [.. passages.Select(x => x.Language).Distinct().Order()]);
    }

    /// <summary>A file read and identified, with its metadata resolved, before its text is extracted.</summary>
    private sealed record Prepared(string Path, byte[] Bytes, string Id, FileFormat Format, DocumentMetadata Metadata, string Fingerprint, ImmutableArray<Diagnostic> Warnings);

    private readonly record struct Step<T>(T? Value, ImportOutcome? Failure);

    private static Step<Prepared> Prepare(string path, DocumentMetadata commandLine)
    {
        ImportOutcome Fail(params Diagnostic[] d) => new(path, ImportStatus.Failed, null, 0, [.. d]);
        var format = Formats.Of(path);
        if (format is null)
            return new(null, Fail(new Diagnostic("import.format", "not a format the research index reads (pdf, html, htm, txt, md).", new SourceLocation(path, 1, 1))));
        var bytes = File.ReadAllBytes(path);
        var id = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        var metadata = commandLine;
        if (Sidecar.Find(path) is { } sidecarPath)
        {
            var sidecar = Sidecar.Read(sidecarPath, File.ReadAllText(sidecarPath));
            if (!sidecar.IsSuccess) return new(null, Fail([.. sidecar.Errors]));
            var merged = Sidecar.Merge(commandLine, sidecar.Value, sidecarPath);
            if (!merged.IsSuccess) return new(null, Fail([.. merged.Errors]));
            metadata = merged.Value;
        }
        return new(new Prepared(path, bytes, id, format.Value, metadata, metadata.Fingerprint(), []), null);
    }

    private static Step<(IndexedDocument, ImmutableArray<Passage>, ImmutableArray<Diagnostic>)> Build(Prepared p)
    {
        ExtractedDocument extracted;
        try
        {
            extracted = Formats.Extract(p.Format, p.Bytes);
        }
        catch (ExtractionException ex)
        {
            return new(default, new ImportOutcome(p.Path, ImportStatus.Failed, p.Id, 0, [new Diagnostic(ex.Code, ex.Message, new SourceLocation(p.Path, 1, 1))]));
        }
        var passages = PassageSplitter.Split(extracted, p.Metadata.Language);
        if (passages.IsEmpty)
            return new(default, new ImportOutcome(p.Path, ImportStatus.Failed, p.Id, 0, [new Diagnostic("import.no-text", "the file has no text to index.", new SourceLocation(p.Path, 1, 1))]));

        var warnings = p.Warnings.ToBuilder();
        var published = p.Metadata.Published;
        if (published is null && extracted.Published is { } fromFile)
        {
            published = fromFile;
            warnings.Add(new Diagnostic("import.published-from-file", $"publication date {fromFile} taken from the file's own metadata.", new SourceLocation(p.Path, 1, 1), "published", Severity.Warning));
        }
        if (published is null)
            warnings.Add(new Diagnostic("import.undated", "no publication date (give --published or a sidecar): it is left out of every --published-before search.", new SourceLocation(p.Path, 1, 1), "published", Severity.Warning));

        var title = p.Metadata.Title ?? extracted.Title ?? Path.GetFileNameWithoutExtension(p.Path);
        var document = new IndexedDocument(p.Id, PassageSource.Import, title, Formats.Extension(p.Format).TrimStart('.'),
            p.Metadata.Publisher, p.Metadata.Url, published?.ToString(), Schema.FilterDay(published), p.Metadata.Countries,
            p.Metadata.Kind, Path.GetFileName(p.Path), null, p.Fingerprint, passages.Length);
        return new((document, passages, warnings.ToImmutable()), null);
    }

    private static IEnumerable<(string Path, Diagnostic? Problem)> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (System.IO.Directory.Exists(path))
            {
                var files = System.IO.Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Formats.Of(f) is not null)
                    .Order(StringComparer.Ordinal);
                foreach (var f in files) yield return (f, null);
            }
            else if (File.Exists(path)) yield return (path, null);
            else yield return (path, new Diagnostic("import.not-found", "no such file or directory.", new SourceLocation(path, 1, 1)));
        }
    }

    /// <summary>
    /// Keeps the imported file and its resolved metadata, so a reindex can rebuild the index. The folder
    /// is written under a temporary name and renamed into place, so it is either complete or absent.
    /// </summary>
    private void StoreOriginal(Prepared p)
    {
        var folder = Path.Combine(OriginalsPath, p.Id["sha256:".Length..]);
        var yaml = MetadataYaml.Write(p.Metadata);
        if (System.IO.Directory.Exists(folder))
        {
            var original = System.IO.Directory.EnumerateFiles(folder).FirstOrDefault(f => Formats.Of(f) is not null)
                ?? Path.Combine(folder, Path.GetFileName(p.Path));
            if (!File.Exists(original)) File.WriteAllBytes(original, p.Bytes);
            var temp = original + ".yaml.tmp";
            File.WriteAllText(temp, yaml);
            File.Move(temp, original + ".yaml", overwrite: true);
            return;
        }
        var staging = folder + ".tmp-" + Guid.NewGuid().ToString("N");
        System.IO.Directory.CreateDirectory(staging);
        var name = Path.GetFileName(p.Path);
        File.WriteAllBytes(Path.Combine(staging, name), p.Bytes);
        File.WriteAllText(Path.Combine(staging, name + ".yaml"), yaml);
        System.IO.Directory.Move(staging, folder);
    }

    // ---------------------------------------------------------------- knowledge base and reindex

    /// <summary>
    /// Brings the knowledge-base documents up to <paramref name="kb"/>'s version in one commit. Returns
    /// false, doing nothing, when the index already holds that version.
    /// </summary>
    public bool SyncKnowledgeBase(Domain.Knowledge.KnowledgeBase kb)
    {
        lock (_gate)
        {
            if (KbVersion == kb.Version) return false;
            var writer = Writer();
            writer.DeleteDocuments(new Term(Schema.Source, PassageSource.KnowledgeBase.Code()));
            AddKnowledgeBase(writer, kb);
            Commit(writer, kb.Version);
            MergeSmallSegments(writer);
        }
        RefreshSearchers();
        return true;
    }

    /// <summary>
    /// Rebuilds the index from scratch: the knowledge base (if given) and every stored original with its
    /// metadata, in one commit. Until that commit, searches see the old index; if the process dies, the old
    /// index stays.
    /// </summary>
    public ImportReport Reindex(Domain.Knowledge.KnowledgeBase? kb, Action<ImportOutcome>? onEach = null)
    {
        var outcomes = ImmutableArray.CreateBuilder<ImportOutcome>();
        lock (_gate)
        {
            var writer = Writer();
            writer.DeleteAll();
            if (kb is not null) AddKnowledgeBase(writer, kb);
            foreach (var folder in System.IO.Directory.EnumerateDirectories(OriginalsPath).Where(d => !Path.GetFileName(d).Contains(".tmp-", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var file = System.IO.Directory.EnumerateFiles(folder).FirstOrDefault(f => Formats.Of(f) is not null);
                if (file is null) continue;
                var outcome = ReindexFile(writer, file);
                outcomes.Add(outcome);
                onEach?.Invoke(outcome);
            }
            // One segment, merged before the one commit: a search then looks each word up once, not once per
            // segment flushed on the way (a flush every 64 MB of passages).
            writer.ForceMerge(1);
            Commit(writer, kb?.Version);
        }
        RefreshSearchers();
        return new ImportReport(outcomes.ToImmutable());
    }

    private static ImportOutcome ReindexFile(IndexWriter writer, string file)
    {
        var prepared = Prepare(file, DocumentMetadata.Empty);
        if (prepared.Failure is { } failure) return failure;
        var built = Build(prepared.Value!);
        if (built.Failure is { } f) return f;
        var (document, passages, warnings) = built.Value;
        writer.AddDocuments(passages.Select(x => (IEnumerable<IIndexableField>)Schema.Create(document, x)));
        return new ImportOutcome(file, ImportStatus.Imported, document.Id, passages.Length, warnings, document.Title, document.Published,
            [.. passages.Select(x => x.Language).Distinct().Order()]);
    }

    /// <summary>
    /// Adds documents already cut into passages, all in one commit, as <see cref="Reindex"/> does: for bulk
    /// loads and the benchmarks. Analysis runs on every core (the index writer takes documents from several
    /// threads at once).
    /// </summary>
    internal void AddInOneCommit(IEnumerable<(IndexedDocument Document, IReadOnlyList<Passage> Passages)> documents)
    {
        lock (_gate)
        {
            var writer = Writer();
            Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                d => writer.AddDocuments(d.Passages.Select(x => (IEnumerable<IIndexableField>)Schema.Create(d.Document, x))));
            writer.ForceMerge(1);
            Commit(writer);
        }
        RefreshSearchers();
    }

    private static void AddKnowledgeBase(IndexWriter writer, Domain.Knowledge.KnowledgeBase kb)
    {
        foreach (var (document, passages) in KnowledgeBaseDocuments.From(kb))
            writer.AddDocuments(passages.Select(x => (IEnumerable<IIndexableField>)Schema.Create(document, x)));
    }

    // ---------------------------------------------------------------- search

    /// <summary>
    /// Finds passages, best first (BM25), each with a highlighted snippet, its document's metadata and its
    /// position. An empty index gives no hits; a query with no searchable word (only stop words) gives no
    /// hits and a warning.
    /// </summary>
    public Result<SearchResults> Search(ResearchQuery query)
    {
        if (string.IsNullOrWhiteSpace(query.Text))
            return Result<SearchResults>.Failure([new Diagnostic("search.empty-query", "the query is empty.")]);
        if (query.Limit is < 1 or > 1000)
            return Result<SearchResults>.Failure([new Diagnostic("search.limit", "the limit must be between 1 and 1000.")]);
        var built = QueryBuilder.Build(query, _analysis);
        if (built is null)
            return Result<SearchResults>.Success(new SearchResults(query, 0, []),
                [new Diagnostic("search.no-terms", "the query has no searchable words (only stop words?).", Severity: Severity.Warning)]);
        var manager = Searchers();
        if (manager is null) return Result<SearchResults>.Success(new SearchResults(query, 0, []));

        var searcher = manager.Acquire();
        try
        {
            if (built.For(searcher.IndexReader) is not { } lucene) return Result<SearchResults>.Success(new SearchResults(query, 0, []));
            var top = searcher.Search(lucene, query.Limit);
            var hits = ImmutableArray.CreateBuilder<PassageHit>(top.ScoreDocs.Length);
            var leaves = searcher.IndexReader.Leaves;
            var bytes = new BytesRef();
            var snippets = new Dictionary<ResearchLanguage, Snippets.Maker?>();
            foreach (var sd in top.ScoreDocs)
            {
                var leaf = leaves[ReaderUtil.SubIndex(sd.Doc, leaves)];
                leaf.AtomicReader.GetBinaryDocValues(Schema.Hit).Get(sd.Doc - leaf.DocBase, bytes);
                var passage = StoredPassage.Decode(bytes);
                if (!snippets.TryGetValue(passage.Language, out var maker))
                    snippets[passage.Language] = maker = SnippetMaker(built, passage.Language, query.Snippets);
                hits.Add(Hit(passage, hits.Count + 1, sd.Score, maker));
            }
            return Result<SearchResults>.Success(new SearchResults(query, top.TotalHits, hits.MoveToImmutable()));
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>Highlighting for the hits in one language, with that language's query and analyser; null without snippets.</summary>
    private Snippets.Maker? SnippetMaker(QueryBuilder.Built built, ResearchLanguage language, bool snippets)
    {
        var languageQuery = snippets ? built.PerLanguage.FirstOrDefault(x => x.Language == language).Query : null;
        return languageQuery is null ? null : new Snippets.Maker(Schema.TextField(language), languageQuery, _analysis.For(language));
    }

    private static PassageHit Hit(StoredPassage p, int rank, float score, Snippets.Maker? snippets)
    {
        var snippet = snippets is null
            ? new Snippet(p.Text.Length <= Snippets.FragmentSize ? p.Text : p.Text[..Snippets.FragmentSize] + "…", [])
            : snippets.Make(p.Text);
        return new PassageHit
        {
            Rank = rank,
            Score = score,
            DocumentId = p.DocumentId,
            Source = p.Source,
            Title = p.Title,
            Publisher = p.Publisher,
            Url = p.Url,
            Published = p.Published,
            Countries = p.Countries,
            Kind = p.Kind,
            Language = p.Language,
            Format = p.Format,
            FileName = p.FileName,
            KbId = p.KbId,
            Ordinal = p.Ordinal,
            PassageCount = p.PassageCount,
            Page = p.Page,
            Line = p.Line,
            Section = p.Section,
            Snippet = snippet,
            Text = p.Text,
        };
    }

    /// <summary>Counts of what the index holds.</summary>
    public IndexStatistics Statistics()
    {
        var manager = Searchers();
        if (manager is null) return new IndexStatistics(0, 0, 0, null);
        var searcher = manager.Acquire();
        try
        {
            int imported = 0, kb = 0;
            var terms = MultiFields.GetTerms(searcher.IndexReader, Schema.DocumentId);
            if (terms is not null)
            {
                var e = terms.GetEnumerator();
                while (e.MoveNext())
                {
                    if (e.Term.Utf8ToString().StartsWith("kb:", StringComparison.Ordinal)) kb++;
                    else imported++;
                }
            }
            return new IndexStatistics(searcher.IndexReader.NumDocs, imported, kb, KbVersion);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>How many segments the index as searched has (each costs a search one look-up per word and field).</summary>
    internal int SegmentCount()
    {
        var manager = Searchers();
        if (manager is null) return 0;
        manager.MaybeRefreshBlocking();
        var searcher = manager.Acquire();
        try
        {
            return searcher.IndexReader.Leaves.Count;
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>Sees commits made by other processes since the index was opened.</summary>
    public void Refresh() => RefreshSearchers();

    // ---------------------------------------------------------------- plumbing

    private IndexWriter Writer()
    {
        if (_writer is not null) return _writer;
        var config = new IndexWriterConfig(Analysis.Version, _analysis.PerField)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Ranking,
            RAMBufferSizeMB = 64,
        };
        if (_maxBufferedDocs is { } docs) config.MaxBufferedDocs = docs;
        try
        {
            _writer = new IndexWriter(_directory, config);
        }
        catch (LockObtainFailedException ex)
        {
            throw new ResearchIndexBusyException($"the research index at {IndexPath} is being written by another process (an import or reindex); try again when it has finished.", ex);
        }
        // Holding the write lock, no other process is staging originals: leftovers are from a process that was killed.
        foreach (var stale in System.IO.Directory.EnumerateDirectories(OriginalsPath, "*.tmp-*"))
            TryDelete(stale);
        return _writer;
    }

    private void Commit(IndexWriter writer, string? kbVersion = null)
    {
        var data = new Dictionary<string, string>(writer.CommitData ?? new Dictionary<string, string>())
        {
            [Schema.SchemaVersionKey] = Schema.SchemaVersion,
        };
        var current = KbVersion;
        if (kbVersion is not null) data[Schema.KbVersionKey] = kbVersion;
        else if (current is not null && !data.ContainsKey(Schema.KbVersionKey)) data[Schema.KbVersionKey] = current;
        writer.SetCommitData(data);
        writer.Commit();
    }

    /// <summary>
    /// Merges the smallest segments into one until at most <see cref="SegmentsAfterImport"/> remain, and
    /// commits the merge (which changes no passage: a kill during it leaves the index as of the last commit).
    /// </summary>
    private void MergeSmallSegments(IndexWriter writer)
    {
        writer.ForceMerge(SegmentsAfterImport);
        if (writer.HasUncommittedChanges()) Commit(writer);
    }

    private IDictionary<string, string> CommitData()
    {
        if (_writer?.CommitData is { Count: > 0 } pending) return pending;
        if (!DirectoryReader.IndexExists(_directory)) return new Dictionary<string, string>();
        var commits = DirectoryReader.ListCommits(_directory);
        return commits.Count == 0 ? new Dictionary<string, string>() : commits[^1].UserData;
    }

    private SearcherManager? Searchers()
    {
        lock (_gate)
        {
            if (_searchers is null && DirectoryReader.IndexExists(_directory))
                _searchers = new SearcherManager(_directory, new RankingSearcherFactory());
            return _searchers;
        }
    }

    private void RefreshSearchers()
    {
        var manager = Searchers();
        manager?.MaybeRefreshBlocking();
    }

    private sealed class RankingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Ranking };
    }

    /// <summary>Which documents the index holds and with what metadata, as of the start of an import and as it goes.</summary>
    private sealed class KnownDocuments : IDisposable
    {
        private readonly DirectoryReader? _reader;
        private readonly Dictionary<string, string> _committed = new(StringComparer.Ordinal);

        public KnownDocuments(IndexWriter writer)
        {
            _reader = DirectoryReader.IndexExists(writer.Directory) ? DirectoryReader.Open(writer.Directory) : null;
        }

        public string? Fingerprint(string id)
        {
            if (_committed.TryGetValue(id, out var f)) return f;
            if (_reader is null) return null;
            var searcher = new IndexSearcher(_reader);
            var top = searcher.Search(new TermQuery(Schema.IdTerm(id)), 1);
            return top.ScoreDocs.Length == 0 ? null : searcher.Doc(top.ScoreDocs[0].Doc).Get(Schema.MetadataFingerprint);
        }

        public void Committed(string id, string fingerprint) => _committed[id] = fingerprint;

        public void Dispose() => _reader?.Dispose();
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Another process may be staging right now; its folder is not ours to remove.
        }
    }

    public void Dispose()
    {
        _searchers?.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
        _analysis.Dispose();
    }
}

/// <summary>What the index holds: passages, imported documents, knowledge-base documents (two per entry) and the knowledge-base version.</summary>
public sealed record IndexStatistics(int Passages, int ImportedDocuments, int KnowledgeBaseDocuments, string? KbVersion);
