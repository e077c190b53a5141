using System.Collections.Immutable;
using ExNunc.Search.Importing;
using ExNunc.Search.Searching;
using ExNunc.Testing;

namespace ExNunc.Search.Tests.Support;

/// <summary>The sample corpus and the real knowledge base imported once into a fresh index, shared by the tests of a class.</summary>
public sealed class SampleIndex : IDisposable
{
    private readonly TempFolder _folder = new();

    public SampleIndex()
    {
        Index = ResearchIndex.Open(_folder.Combine("search"));
        Index.SyncKnowledgeBase(TestKnowledge.Kb);
        Report = Index.Import([Samples.Directory], DocumentMetadata.Empty);
    }

    public ResearchIndex Index { get; }
    public ImportReport Report { get; }

    public ImmutableArray<PassageHit> Search(string text, Func<ResearchQuery, ResearchQuery>? refine = null, int limit = 50)
    {
        var query = new ResearchQuery { Text = text, Limit = limit };
        if (refine is not null) query = refine(query);
        var result = Index.Search(query);
        Assert.True(result.IsSuccess, string.Join("; ", result.Diagnostics));
        return result.Value.Hits;
    }

    public void Dispose()
    {
        Index.Dispose();
        _folder.Dispose();
    }
}
