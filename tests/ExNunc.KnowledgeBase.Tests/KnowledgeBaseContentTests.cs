using System.Text;
using ExNunc.Domain.Knowledge;
using ExNunc.KnowledgeBase.Loading;
using ExNunc.Reports;
using ExNunc.Testing;
using NodaTime;

namespace ExNunc.KnowledgeBase.Tests;

/// <summary>The knowledge base as shipped: it validates, and every scenario assesses with resolvable sources.</summary>
public sealed class KnowledgeBaseContentTests
{
    private static readonly LocalDate[] Dates =
        [new(2022, 3, 1), new(2022, 10, 1), new(2023, 8, 1), new(2024, 6, 1), new(2025, 8, 1), new(2026, 11, 27)];

    public static TheoryData<string> Scenarios() => [.. TestKnowledge.ScenarioNames];

    [Fact]
    public void Validate_ShippedKnowledgeBase_HasNoProblems()
    {
        var load = KbLoader.Load(RepoPaths.Kb);
        Assert.True(load.IsSuccess, string.Join("\n", load.Diagnostics.Take(20)));
        Assert.Empty(load.Diagnostics);
    }

    [Fact]
    public void EveryEntry_HasASourceAndBothLanguages()
    {
        foreach (var e in TestKnowledge.Kb.Entries)
        {
            Assert.True(!e.Sources.IsEmpty || !e.Because.IsEmpty || e.Details is RebuttalDetails, $"{e.Id} has no source");
            Assert.False(string.IsNullOrWhiteSpace(e.Summary.Ru), $"{e.Id} has no Russian summary");
            Assert.False(string.IsNullOrWhiteSpace(e.Title.Ru), $"{e.Id} has no Russian title");
            Assert.Contains(e.Summary.Ru, c => c is >= 'А' and <= 'я');
        }
    }

    [Fact]
    public void KnowledgeBase_CoversTheCountriesOfTheCore()
    {
        var destinations = TestKnowledge.Kb.Destinations.ToHashSet();
        foreach (var code in new[] { "DE", "NL", "FR", "FI", "EE", "LV", "LT", "PL" })
            Assert.Contains(code, destinations);
        Assert.Contains(TestKnowledge.Kb.Entries, e => e.Jurisdictions.Contains("KZ"));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Assess_EveryScenarioEveryDestinationAndDate_EveryFindingHasResolvableSources(string scenario)
    {
        var kb = TestKnowledge.Kb;
        var @case = TestKnowledge.Scenario(scenario);
        foreach (var date in Dates)
        {
            var result = TestKnowledge.Engine.Assess(@case, date);
            Assert.Equal(kb.Destinations.Count(), result.Destinations.Length);
            foreach (var d in result.Destinations)
                foreach (var f in d.AllFindings())
                {
                    var sources = f is ObjectionLike o ? o.Sources : f.Sources;
                    if (f is not Domain.Assessment.ElementFinding { Met: not Domain.Rules.Tri.True })
                        Assert.True(!sources.IsEmpty || f is Domain.Assessment.GapFinding, $"{scenario} {date} {d.Country} {f.Kind} {f.Id} has no source");
                    foreach (var id in sources) Assert.True(kb.Find(id) is not null, $"{f.Id} cites unknown '{id}'");
                    if (f is Domain.Assessment.ObjectionFinding ob)
                        foreach (var r in ob.Rebuttals)
                        {
                            Assert.NotEmpty(r.Sources);
                            Assert.All(r.Sources, s => Assert.True(kb.Find(s)!.AppliesOn(date), $"{r.Id} cites {s}, which does not apply on {date}"));
                        }
                }
        }
    }

    [Fact]
    public void Assess_SameInputsTwice_ByteIdenticalJson()
    {
        var @case = TestKnowledge.Scenario("andrei-k");
        var date = new LocalDate(2024, 3, 1);
        var first = AssessmentJson.Write(TestKnowledge.Engine.Assess(@case, date), Language.En);
        var second = AssessmentJson.Write(new Domain.Assessment.AssessmentEngine(KbLoader.Load(RepoPaths.Kb).Rules!).Assess(@case, date), Language.En);
        Assert.Equal(Encoding.UTF8.GetBytes(first), Encoding.UTF8.GetBytes(second));
        Assert.Contains($"\"version\": \"{TestKnowledge.Kb.Version}\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_EstonianEntry_ChangesOn19September2022()
    {
        var steps = Domain.Assessment.Comparisons.Timeline(TestKnowledge.Engine, TestKnowledge.Scenario("ivan-p"),
            new LocalDate(2022, 9, 1), new LocalDate(2022, 12, 31), ["EE"]);
        var step = steps.Single(s => s.Changes.Any(c => c.Kind == "pathway" && c.Id == "ee-entry"));
        Assert.Equal(new LocalDate(2022, 9, 19), step.Date);
    }

    /// <summary>Marker to keep the source check readable.</summary>
    private interface ObjectionLike
    {
        System.Collections.Immutable.ImmutableArray<string> Sources { get; }
    }
}
