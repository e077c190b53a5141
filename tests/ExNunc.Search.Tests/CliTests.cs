using System.Text.Json;
using ExNunc.Cli;
using ExNunc.Search.Tests.Support;
using ExNunc.Testing;
using NodaTime;
using NodaTime.Testing;

namespace ExNunc.Search.Tests;

/// <summary><c>exnunc research</c> run in-process through Program.Run, on the sample corpus and the real kb/.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2025, 3, 1, 12, 0));

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run([.. args, "--data", _folder.Path, "--kb", RepoPaths.Kb], output, error, _clock);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Import_ThenSearch_PrintsRankedPassagesWithMetadataPositionAndHighlights()
    {
        var import = Run("research", "import", Samples.Directory);
        var search = Run("research", "search", "Deserteure", "--source", "import");

        Assert.Equal(0, import.Code);
        Assert.Contains("10 imported, 0 updated, 0 unchanged, 0 failed.", import.Out, StringComparison.Ordinal);
        Assert.Equal(0, search.Code);
        Assert.Contains("Nordlicht Monitor e.V. · published 2023-03-15 · ngo-report · RU · de", search.Out, StringComparison.Ordinal);
        Assert.Contains("nordlicht-lagebericht-2023-03.pdf, page 1, passage ", search.Out, StringComparison.Ordinal);
        Assert.Contains("gilt als **Deserteur**.", search.Out, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(_folder.Path, "search", "index"), "segments_*").Any());
    }

    [Fact]
    public void Import_Again_ChangesNothing()
    {
        Run("research", "import", Samples.Directory);

        var again = Run("research", "import", Samples.Directory);

        Assert.Equal(0, again.Code);
        Assert.Contains("0 imported, 0 updated, 10 unchanged, 0 failed.", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_WithBadPdfs_ListsEveryFailureByName_ImportsTheRest_ExitsTwo()
    {
        var dir = _folder.Combine("in");
        Directory.CreateDirectory(dir);
        File.Copy(Samples.File("lowland-appeals-review-2024.pdf"), Path.Combine(dir, "good.pdf"));
        File.WriteAllBytes(Path.Combine(dir, "damaged.pdf"), BadPdfs.Truncated());
        File.WriteAllBytes(Path.Combine(dir, "locked.pdf"), BadPdfs.PasswordProtected());

        var (code, output, error) = Run("research", "import", dir, "--published", "2024-06-12", "--kind", "decision", "--country", "RU,NL");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("1 imported, 0 updated, 0 unchanged, 2 failed.", output, StringComparison.Ordinal);
        Assert.Contains("2 file(s) failed:", error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(dir, "damaged.pdf") + ": the PDF cannot be read", error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(dir, "locked.pdf") + ": the PDF is password-protected", error, StringComparison.Ordinal);
        Assert.Equal(0, Run("research", "search", "prominent", "--country", "NL").Code);
    }

    [Fact]
    public void Search_Json_HasTheDocumentedShape()
    {
        Run("research", "import", Samples.Directory);

        var (code, output, _) = Run("research", "search", "повестки", "--published-before", "2023-06-30", "--format", "json", "--limit", "5", "--source", "import");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["query", "total", "hits", "warnings"], root.EnumerateObject().Select(p => p.Name));
        var query = root.GetProperty("query");
        Assert.Equal("повестки", query.GetProperty("text").GetString());
        Assert.Equal("2023-06-30", query.GetProperty("publishedOnOrBefore").GetString());
        Assert.Equal("import", query.GetProperty("source").GetString());
        Assert.Equal(5, query.GetProperty("limit").GetInt32());
        var hits = root.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.True(root.GetProperty("total").GetInt32() >= hits.Count);
        foreach (var hit in hits)
        {
            Assert.Equal(["rank", "score", "document", "passage", "snippet"], hit.EnumerateObject().Select(p => p.Name));
            var document = hit.GetProperty("document");
            Assert.Equal(["id", "source", "title", "publisher", "url", "published", "countries", "kind", "format", "file", "kbId"], document.EnumerateObject().Select(p => p.Name));
            Assert.StartsWith("sha256:", document.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.True(string.CompareOrdinal(document.GetProperty("published").GetString(), "2023-06-30") <= 0);
            var passage = hit.GetProperty("passage");
            Assert.Equal(["ordinal", "of", "page", "line", "section", "lang", "text"], passage.EnumerateObject().Select(p => p.Name));
            Assert.Equal("ru", passage.GetProperty("lang").GetString());
            var snippet = hit.GetProperty("snippet");
            var text = snippet.GetProperty("text").GetString()!;
            foreach (var h in snippet.GetProperty("highlights").EnumerateArray())
            {
                var word = text.Substring(h.GetProperty("start").GetInt32(), h.GetProperty("length").GetInt32());
                Assert.StartsWith("повест", word, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.Equal(JsonValueKind.Number, hits[0].GetProperty("score").ValueKind);
    }

    [Fact]
    public void Search_EmptyIndex_FindsTheKnowledgeBase()
    {
        var (code, output, _) = Run("research", "search", "mobilisation", "--source", "kb", "--limit", "3");

        Assert.Equal(0, code);
        Assert.Contains("ExNunc knowledge base", output, StringComparison.Ordinal);
        Assert.Contains("kb ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--published-before", "2023-13-01")]
    [InlineData("--kind", "blog")]
    [InlineData("--lang", "fr")]
    [InlineData("--country", "Russia")]
    [InlineData("--format", "xml")]
    public void Search_BadOption_IsInvalidInput(string option, string value)
    {
        var (code, _, error) = Run("research", "search", "x", option, value);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reindex_RebuildsFromTheStoredOriginals()
    {
        Run("research", "import", Samples.Directory);
        var before = Run("research", "search", "Reservisten", "--format", "json", "--limit", "100").Out;

        var reindex = Run("research", "reindex");
        var after = Run("research", "search", "Reservisten", "--format", "json", "--limit", "100").Out;

        Assert.Equal(0, reindex.Code);
        Assert.Contains("10 reindexed, 0 updated, 0 unchanged, 0 failed.", reindex.Out, StringComparison.Ordinal);
        // Equal scores may come back in another order after a rebuild; the passages and their scores do not change.
        Assert.Equal(Passages(before), Passages(after));
    }

    private static List<string> Passages(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("hits").EnumerateArray()
            .Select(h => $"{h.GetProperty("document").GetProperty("id").GetString()}#{h.GetProperty("passage").GetProperty("ordinal").GetInt32()}@{h.GetProperty("score").GetDouble()}")
            .Order(StringComparer.Ordinal)];
    }

    public void Dispose() => _folder.Dispose();
}
