using ExNunc.Domain.Calendar;
using ExNunc.Search.Importing;
using ExNunc.Search.Searching;
using ExNunc.Search.Tests.Support;
using ExNunc.Testing;
using NodaTime;

namespace ExNunc.Search.Tests;

/// <summary>Importing real files: identity by content, idempotency, metadata, failures, reindex.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private ResearchIndex Open() => ResearchIndex.Open(_folder.Combine("search"));

    private string Copy(string sample, string? directory = null)
    {
        var dir = directory ?? _folder.Combine("in");
        Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, sample);
        File.Copy(Samples.File(sample), target, overwrite: true);
        if (File.Exists(Samples.File(sample) + ".yaml")) File.Copy(Samples.File(sample) + ".yaml", target + ".yaml", overwrite: true);
        return target;
    }

    private static int Passages(ResearchIndex index) => index.Statistics().Passages;

    [Fact]
    public void Import_Twice_IndexesOnce()
    {
        using var index = Open();
        var first = index.Import([Samples.Directory], DocumentMetadata.Empty);
        var passages = Passages(index);

        var second = index.Import([Samples.Directory], DocumentMetadata.Empty);

        Assert.Equal(10, first.Count(ImportStatus.Imported));
        Assert.Equal(10, second.Count(ImportStatus.Unchanged));
        Assert.Equal(passages, Passages(index));
        Assert.Equal(10, index.Statistics().ImportedDocuments);
    }

    [Fact]
    public void Import_SameContentUnderAnotherName_IsTheSameDocument()
    {
        using var index = Open();
        var original = Copy("rundbrief-ostgrenze-2024-11.txt");
        var renamed = Path.Combine(_folder.Combine("other"), "copy-of-newsletter.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(renamed)!);
        File.Copy(original, renamed);
        File.Copy(original + ".yaml", renamed + ".yaml");

        var report = index.Import([original, renamed], DocumentMetadata.Empty);

        Assert.Equal([ImportStatus.Imported, ImportStatus.Unchanged], report.Files.Select(f => f.Status));
        Assert.Equal(report.Files[0].DocumentId, report.Files[1].DocumentId);
        Assert.Equal(1, index.Statistics().ImportedDocuments);
    }

    [Fact]
    public void Import_SameContentWithCorrectedMetadata_ReplacesTheMetadata()
    {
        using var index = Open();
        var file = Copy("eastway-news-mobilisation-2022-09.txt");
        index.Import([file], DocumentMetadata.Empty);
        var passages = Passages(index);
        File.WriteAllText(file + ".yaml", File.ReadAllText(file + ".yaml").Replace("published: 2022-09-22", "published: 2022-09-23", StringComparison.Ordinal));

        var report = index.Import([file], DocumentMetadata.Empty);

        Assert.Equal(ImportStatus.Updated, Assert.Single(report.Files).Status);
        Assert.Equal(passages, Passages(index));
        var hits = index.Search(new ResearchQuery { Text = "queues borders" }).Value.Hits;
        Assert.Equal("2022-09-23", Assert.Single(hits).Published);
        Assert.Empty(index.Search(new ResearchQuery { Text = "queues borders", PublishedOnOrBefore = new LocalDate(2022, 9, 22) }).Value.Hits);
    }

    [Fact]
    public void Import_CommandLineMetadata_AppliesToFilesWithoutSidecar()
    {
        using var index = Open();
        var dir = _folder.Combine("plain");
        Directory.CreateDirectory(dir);
        File.Copy(Samples.File("rundbrief-ostgrenze-2024-11.txt"), Path.Combine(dir, "newsletter.txt"));

        var report = index.Import([dir], new DocumentMetadata { Publisher = "Rundbrief Ostgrenze", Published = new PartialDate(2024, 11), Countries = ["RU"], Kind = ResearchKind.News });

        Assert.Equal(ImportStatus.Imported, Assert.Single(report.Files).Status);
        var hit = index.Search(new ResearchQuery { Text = "Altersgrenzen Reservisten" }).Value.Hits.First();
        Assert.Equal(("Rundbrief Ostgrenze", "2024-11", ResearchKind.News), (hit.Publisher, hit.Published, hit.Kind));
        Assert.Equal("Neue Regeln für Einberufungen: Höchstalter für Reservisten angehoben", hit.Title);
        // Known only to the month: it counts as published on the last day of November.
        Assert.Empty(index.Search(new ResearchQuery { Text = "Altersgrenzen", PublishedOnOrBefore = new LocalDate(2024, 11, 29) }).Value.Hits);
        Assert.NotEmpty(index.Search(new ResearchQuery { Text = "Altersgrenzen", PublishedOnOrBefore = new LocalDate(2024, 11, 30) }).Value.Hits);
    }

    [Fact]
    public void Import_Undated_IsWarnedAbout_AndNeverPassesTheDateFilter()
    {
        using var index = Open();
        var dir = _folder.Combine("undated");
        Directory.CreateDirectory(dir);
        File.Copy(Samples.File("eastway-news-mobilisation-2022-09.txt"), Path.Combine(dir, "news.txt"));

        var outcome = Assert.Single(index.Import([dir], DocumentMetadata.Empty).Files);

        Assert.Contains(outcome.Problems, d => d.Code == "import.undated");
        Assert.NotEmpty(index.Search(new ResearchQuery { Text = "queues borders" }).Value.Hits);
        Assert.Empty(index.Search(new ResearchQuery { Text = "queues borders", PublishedOnOrBefore = new LocalDate(2099, 1, 1) }).Value.Hits);
    }

    [Fact]
    public void Import_HtmlWithoutDateInSidecar_TakesTheMetaDate_AndSaysSo()
    {
        using var index = Open();
        var dir = _folder.Combine("html");
        Directory.CreateDirectory(dir);
        File.Copy(Samples.File("eastway-country-brief-2024-02.html"), Path.Combine(dir, "brief.html"));

        var outcome = Assert.Single(index.Import([dir], DocumentMetadata.Empty).Files);

        Assert.Equal("2024-02-10", outcome.Published);
        Assert.Contains(outcome.Problems, d => d.Code == "import.published-from-file");
    }

    [Fact]
    public void Import_BadPdfs_AreReportedByName_AndTheRestIsImported()
    {
        using var index = Open();
        var dir = _folder.Combine("mixed");
        Copy("lowland-appeals-review-2024.pdf", dir);
        Copy("nordlicht-lagebericht-2023-03.pdf", dir);
        File.WriteAllBytes(Path.Combine(dir, "a-truncated.pdf"), BadPdfs.Truncated());
        File.WriteAllBytes(Path.Combine(dir, "b-protected.pdf"), BadPdfs.PasswordProtected());
        File.WriteAllBytes(Path.Combine(dir, "c-not-a-pdf.pdf"), BadPdfs.NotAPdf());
        File.WriteAllBytes(Path.Combine(dir, "d-scanned.pdf"), BadPdfs.Scanned());

        var report = index.Import([dir], DocumentMetadata.Empty);

        var failed = report.Failures.ToDictionary(f => Path.GetFileName(f.Path), f => Assert.Single(f.Problems).Code);
        Assert.Equal(new Dictionary<string, string>
        {
            ["a-truncated.pdf"] = "pdf.unreadable",
            ["b-protected.pdf"] = "pdf.encrypted",
            ["c-not-a-pdf.pdf"] = "pdf.unreadable",
            ["d-scanned.pdf"] = "pdf.no-text",
        }, failed);
        Assert.Equal(2, report.Count(ImportStatus.Imported));
        Assert.Equal(2, index.Statistics().ImportedDocuments);
        Assert.All(report.Failures, f => Assert.Equal(f.Path, f.Problems[0].Location!.File));
    }

    [Fact]
    public void Import_BadSidecar_FailsThatFileOnly()
    {
        using var index = Open();
        var dir = _folder.Combine("sidecars");
        Copy("rundbrief-ostgrenze-2024-11.txt", dir);
        var bad = Copy("eastway-news-mobilisation-2022-09.txt", dir);
        File.WriteAllText(bad + ".yaml", "published: yesterday\n");

        var report = index.Import([dir], DocumentMetadata.Empty);

        var failure = Assert.Single(report.Failures);
        Assert.Equal(bad, failure.Path);
        Assert.Equal(bad + ".yaml", failure.Problems[0].Location!.File);
        Assert.Equal(1, report.Count(ImportStatus.Imported));
    }

    [Fact]
    public void Import_MissingPathAndUnknownFormat_AreFailures()
    {
        using var index = Open();
        var odd = _folder.Combine("notes.docx");
        File.WriteAllText(odd, "x");

        var report = index.Import([_folder.Combine("missing.pdf"), odd], DocumentMetadata.Empty);

        Assert.Equal(["import.not-found", "import.format"], report.Failures.Select(f => f.Problems[0].Code));
    }

    [Fact]
    public void Reindex_RebuildsTheSameIndexFromTheStoredOriginals()
    {
        using var index = Open();
        index.SyncKnowledgeBase(TestKnowledge.Kb);
        index.Import([Samples.Directory], DocumentMetadata.Empty);
        var before = index.Statistics();
        var query = new ResearchQuery { Text = "повестки", Limit = 100 };
        var hitsBefore = index.Search(query).Value.Hits.Select(h => (h.DocumentId, h.Ordinal)).ToHashSet();

        var report = index.Reindex(TestKnowledge.Kb);

        Assert.Equal(10, report.Count(ImportStatus.Imported));
        Assert.Equal(before, index.Statistics());
        Assert.Equal(hitsBefore, index.Search(query).Value.Hits.Select(h => (h.DocumentId, h.Ordinal)).ToHashSet());
    }

    [Fact]
    public void Import_FileByFile_MergesTheSmallSegments_SoAtMostFourRemain()
    {
        using var index = Open();
        var dir = _folder.Combine("notes");
        Directory.CreateDirectory(dir);
        // Nine files, nine commits, nine segments: fewer than Lucene's own merge policy waits for (ten a tier).
        for (var i = 1; i <= 9; i++)
            File.WriteAllText(Path.Combine(dir, $"note-{i}.txt"), $"Note {i}\n\nSummons number {i} was served on the reservist at his workplace.\n");

        var report = index.Import([dir], DocumentMetadata.Empty);

        Assert.Equal(9, report.Count(ImportStatus.Imported));
        Assert.InRange(index.SegmentCount(), 1, ResearchIndex.SegmentsAfterImport);
        Assert.Equal(9, index.Search(new ResearchQuery { Text = "summons reservist", Limit = 100 }).Value.TotalHits);
    }

    [Fact]
    public void Reindex_LeavesOneSegment_AndTheSameHitsWithTheDateFilter()
    {
        // A writer that flushes every 100 passages, as a large reindex flushes every 64 MB.
        using var index = ResearchIndex.Open(_folder.Combine("search"), maxBufferedDocs: 100);
        index.SyncKnowledgeBase(TestKnowledge.Kb);
        index.Import([Samples.Directory], DocumentMetadata.Empty);
        var passages = Passages(index);
        var query = new ResearchQuery { Text = "mobilisation OR Mobilmachung OR мобилизации", Limit = 1000, PublishedOnOrBefore = new LocalDate(2023, 4, 20) };
        var hitsBefore = index.Search(query).Value.Hits.Select(h => (h.DocumentId, h.Ordinal)).ToHashSet();
        Assert.True(index.SegmentCount() > 1);

        index.Reindex(TestKnowledge.Kb);

        Assert.Equal(1, index.SegmentCount());
        Assert.Equal(passages, Passages(index));
        Assert.NotEmpty(hitsBefore);
        Assert.Equal(hitsBefore, index.Search(query).Value.Hits.Select(h => (h.DocumentId, h.Ordinal)).ToHashSet());
    }

    [Fact]
    public void SyncKnowledgeBase_IsANoOpForTheSameVersion()
    {
        using var index = Open();

        Assert.True(index.SyncKnowledgeBase(TestKnowledge.Kb));
        Assert.False(index.SyncKnowledgeBase(TestKnowledge.Kb));
        Assert.Equal(TestKnowledge.Kb.Version, index.KbVersion);
        Assert.Equal(TestKnowledge.Kb.Entries.Length * 2, index.Statistics().KnowledgeBaseDocuments);
    }

    [Fact]
    public void Index_IsReadableByAnotherInstanceAfterEachCommit()
    {
        using var writer = Open();
        using var reader = Open();
        Assert.Empty(reader.Search(new ResearchQuery { Text = "Deserteure" }).Value.Hits);

        writer.Import([Copy("nordlicht-lagebericht-2023-03.pdf")], DocumentMetadata.Empty);
        reader.Refresh();

        Assert.NotEmpty(reader.Search(new ResearchQuery { Text = "Deserteure" }).Value.Hits);
    }

    [Fact]
    public void SecondWriter_IsTurnedAwayWhileTheFirstHoldsTheIndex()
    {
        using var first = Open();
        using var second = Open();
        first.Import([Copy("rundbrief-ostgrenze-2024-11.txt")], DocumentMetadata.Empty);

        Assert.Throws<ResearchIndexBusyException>(() => second.Import([Copy("eastway-news-mobilisation-2022-09.txt")], DocumentMetadata.Empty));
    }

    public void Dispose() => _folder.Dispose();
}
