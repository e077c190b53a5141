using ExNunc.Domain.Knowledge;
using ExNunc.Search.Importing;
using ExNunc.Search.Searching;
using ExNunc.Search.Tests.Support;
using ExNunc.Testing;
using NodaTime;

namespace ExNunc.Search.Tests;

/// <summary>Searching the sample corpus and the real knowledge base: stemming, filters, ranking, highlighting, positions.</summary>
public sealed class SearchTests(SampleIndex samples) : IClassFixture<SampleIndex>
{
    [Fact]
    public void SampleCorpus_ImportsWithoutFailure()
    {
        Assert.Equal(10, samples.Report.Count(ImportStatus.Imported));
        Assert.False(samples.Report.HasFailures);
    }

    [Fact]
    public void Russian_QueryPovestki_FindsPassageThatSaysPovestka()
    {
        var hits = samples.Search("повестки", q => q with { Source = PassageSource.Import });

        var hit = Assert.Single(hits, h => h.FileName == "severny-veter-monitoring-2023.pdf" && h.Section == "Давление на родственников");
        Assert.Contains("Повестка", hit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("повестки", hit.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Повестка", Highlighted(hit), StringComparer.Ordinal);
    }

    [Fact]
    public void German_QueryDeserteure_FindsPassageThatSaysDeserteur()
    {
        var hits = samples.Search("Deserteure");

        var hit = Assert.Single(hits, h => h.FileName == "nordlicht-lagebericht-2023-03.pdf");
        Assert.Contains("gilt als Deserteur.", hit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Deserteure", hit.Text, StringComparison.Ordinal);
        Assert.Equal(["Deserteur"], Highlighted(hit));
        Assert.Contains(hits, h => h.FileName == "vg-auenthal-urteil-2024-06-04.html" && Highlighted(h).Contains("Deserteuren"));
    }

    [Fact]
    public void English_QueryProsecution_FindsPassageThatSaysProsecuted()
    {
        var hits = samples.Search("prosecution prominent", q => q with { Source = PassageSource.Import });

        var hit = hits.First();
        Assert.Equal("lowland-appeals-review-2024.pdf", hit.FileName);
        Assert.Equal("Prominence", hit.Section);
        Assert.Contains("prosecuted", Highlighted(hit));
        Assert.Contains("prominent", Highlighted(hit));
    }

    [Fact]
    public void AllWordsMustOccur()
    {
        var hits = samples.Search("Deserteur Bußgeld");

        var hit = Assert.Single(hits);
        Assert.Equal("vg-auenthal-urteil-2024-06-04.html", hit.FileName);
    }

    [Fact]
    public void Phrase_MatchesOnlyTheWordsTogether()
    {
        var phrase = samples.Search("\"electronic summonses\"", q => q with { Source = PassageSource.Import });
        var words = samples.Search("summonses electronic", q => q with { Source = PassageSource.Import });

        Assert.NotEmpty(phrase);
        Assert.All(phrase, h => Assert.Contains("electronic summons", h.Text, StringComparison.OrdinalIgnoreCase));
        Assert.True(words.Length >= phrase.Length);
    }

    [Fact]
    public void PublishedBefore_ExcludesEverythingPublishedAfterTheDate_AndIsInclusive()
    {
        var asOf = new LocalDate(2023, 4, 20);

        var all = samples.Search("повестки OR повестка", q => q with { Source = PassageSource.Import });
        var before = samples.Search("повестки OR повестка", q => q with { Source = PassageSource.Import, PublishedOnOrBefore = asOf });
        var dayBefore = samples.Search("повестки OR повестка", q => q with { Source = PassageSource.Import, PublishedOnOrBefore = asOf.PlusDays(-1) });

        Assert.Contains(all, h => h.Published == "2023-09-01");
        Assert.All(before, h => Assert.True(string.CompareOrdinal(h.Published, "2023-04-20") <= 0, h.Published));
        Assert.Contains(before, h => h.Published == "2023-04-20");
        Assert.Contains(before, h => h.Published == "2022-11-20");
        Assert.DoesNotContain(dayBefore, h => h.Published == "2023-04-20");
    }

    [Fact]
    public void PublishedBefore_KnowledgeBaseEntries_UseTheStartOfTheirPeriod()
    {
        var asOf = new LocalDate(2022, 9, 20);
        var kb = TestKnowledge.Kb;

        var hits = samples.Search("mobilisation", q => q with { Source = PassageSource.KnowledgeBase, PublishedOnOrBefore = asOf }, limit: 1000);
        var unfiltered = samples.Search("mobilisation", q => q with { Source = PassageSource.KnowledgeBase }, limit: 1000);

        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            var entry = kb.Find(hit.KbId!)!;
            Assert.True(entry.Periods.Any(p => p.FirstDay is null || p.FirstDay <= asOf), $"{entry.Id} starts after {asOf}");
        }
        var later = unfiltered.Where(h => kb.Find(h.KbId!)!.Periods.All(p => p.FirstDay > asOf)).ToList();
        Assert.NotEmpty(later);
        Assert.DoesNotContain(hits, h => later.Any(l => l.DocumentId == h.DocumentId));
    }

    [Fact]
    public void KnowledgeBase_EachEntryIsFoundInEnglishAndRussian()
    {
        var entry = TestKnowledge.Kb.Entries.First(e => e.Kind == EntryKind.RussianLaw);

        var en = samples.Search(entry.Title.En, q => q with { Source = PassageSource.KnowledgeBase, Language = ResearchLanguage.En });
        var ru = samples.Search(entry.Title.Ru, q => q with { Source = PassageSource.KnowledgeBase, Language = ResearchLanguage.Ru });

        Assert.Contains(en, h => h.KbId == entry.Id && h.DocumentId == $"kb:{entry.Id}:en" && h.Kind == ResearchKind.Law);
        Assert.Contains(ru, h => h.KbId == entry.Id && h.DocumentId == $"kb:{entry.Id}:ru" && h.Title == entry.Title.Ru);
    }

    [Fact]
    public void Filters_CountryKindLanguageAndSource()
    {
        var decisions = samples.Search("mobilisation OR Mobilmachung OR Teilmobilmachung OR мобилизации", q => q with { Kinds = [ResearchKind.Decision], Source = PassageSource.Import });
        var germany = samples.Search("Kläger", q => q with { Countries = ["DE"] });
        var germanOnly = samples.Search("Reservisten", q => q with { Language = ResearchLanguage.De });
        var kbOnly = samples.Search("summons", q => q with { Source = PassageSource.KnowledgeBase });

        Assert.NotEmpty(decisions);
        Assert.All(decisions, h => Assert.Equal(ResearchKind.Decision, h.Kind));
        Assert.All(germany, h => Assert.Contains("DE", h.Countries));
        Assert.Contains(germany, h => h.FileName == "vg-auenthal-urteil-2024-06-04.html");
        Assert.All(germanOnly, h => Assert.Equal(ResearchLanguage.De, h.Language));
        Assert.NotEmpty(kbOnly);
        Assert.All(kbOnly, h => Assert.Equal(PassageSource.KnowledgeBase, h.Source));
    }

    [Fact]
    public void Hits_CarryDocumentMetadataAndPosition()
    {
        var hit = samples.Search("Deserteure").Single(h => h.FileName == "nordlicht-lagebericht-2023-03.pdf");

        Assert.Equal("Lagebericht Russische Föderation: Mobilmachung, Wehrdienstentziehung und Fahnenflucht", hit.Title);
        Assert.Equal("Nordlicht Monitor e.V.", hit.Publisher);
        Assert.Equal("https://nordlicht-monitor.example/berichte/2023-03", hit.Url);
        Assert.Equal("2023-03-15", hit.Published);
        Assert.Equal(["RU"], hit.Countries.ToArray());
        Assert.Equal(ResearchKind.NgoReport, hit.Kind);
        Assert.Equal(ResearchLanguage.De, hit.Language);
        Assert.Equal("pdf", hit.Format);
        Assert.NotNull(hit.Page);
        Assert.InRange(hit.Ordinal, 1, hit.PassageCount);
        Assert.StartsWith("sha256:", hit.DocumentId, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippets_HighlightOffsetsPointAtTheMatchedWords()
    {
        var hits = samples.Search("summons", q => q with { Source = PassageSource.Import });

        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            Assert.NotEmpty(hit.Snippet.Highlights);
            // "summoned" and "summonses" are the same stem as "summons".
            Assert.All(Highlighted(hit), w => Assert.StartsWith("summon", w, StringComparison.OrdinalIgnoreCase));
            Assert.True(hit.Snippet.Text.Trim('…').Length <= 2 * Snippets.FragmentSize + 10);
        }
    }

    [Fact]
    public void Snippets_OfLongPassages_AreShorterAndMarkedAsCut()
    {
        var longHits = samples.Search("Reservisten OR reservists OR резервистов", limit: 100).Where(h => h.Text.Length > 3 * Snippets.FragmentSize).ToList();

        Assert.NotEmpty(longHits);
        Assert.All(longHits, hit =>
        {
            Assert.True(hit.Snippet.Text.Length < hit.Text.Length, hit.Snippet.Text);
            Assert.True(hit.Snippet.Text.StartsWith('…') || hit.Snippet.Text.EndsWith('…') || hit.Snippet.Text.Contains(" … ", StringComparison.Ordinal), hit.Snippet.Text);
        });
    }

    [Fact]
    public void Ranking_PutsTheMostSpecificPassageFirst()
    {
        var hits = samples.Search("electronic summons deemed served seven days", q => q with { Source = PassageSource.Import });

        Assert.Equal("eastway-country-brief-2024-02.html", hits[0].FileName);
        Assert.True(hits.Select(h => h.Score).SequenceEqual(hits.Select(h => h.Score).OrderDescending()));
    }

    [Fact]
    public void WithoutSnippets_HitsAreTheSameButUnhighlighted()
    {
        var with = samples.Search("Deserteure");
        var without = samples.Search("Deserteure", q => q with { Snippets = false });

        Assert.Equal(with.Select(h => (h.DocumentId, h.Ordinal, h.Score)), without.Select(h => (h.DocumentId, h.Ordinal, h.Score)));
        Assert.All(without, h => Assert.Empty(h.Snippet.Highlights));
    }

    [Fact]
    public void StopWordsOnly_GivesNoHitsAndAWarning()
    {
        var result = samples.Index.Search(new ResearchQuery { Text = "the and of", Language = ResearchLanguage.En });

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value.Hits);
        Assert.Contains(result.Diagnostics, d => d.Code == "search.no-terms");
    }

    [Fact]
    public void InvalidQuerySyntax_IsSearchedAsWords()
    {
        var hits = samples.Search("Article 9(2)(e", q => q with { Source = PassageSource.Import });

        Assert.Contains(hits, h => h.FileName == "open-shore-briefing-desertion-2025-01.md");
    }

    [Theory]
    [InlineData("Richtlinie 2011/95/EU", "vg-auenthal-urteil-2024-06-04.html")]
    [InlineData("Prominence: small audiences", "lowland-appeals-review-2024.pdf")]
    [InlineData("Последствия неявки: запрещает выезд", "tikhaya-gavan-elektronnye-povestki-2023-04.html")]
    public void ColonsAndSlashes_AreSearchedAsWords(string text, string file)
    {
        var hits = samples.Search(text, q => q with { Source = PassageSource.Import });

        Assert.Equal(file, hits.First().FileName);
    }

    internal static List<string> Highlighted(PassageHit hit) =>
        [.. hit.Snippet.Highlights.Select(h => hit.Snippet.Text.Substring(h.Start, h.Length))];
}
