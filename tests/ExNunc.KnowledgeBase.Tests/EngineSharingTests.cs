using ExNunc.Domain.Assessment;
using ExNunc.Domain.Knowledge;
using ExNunc.Testing;
using NodaTime;

namespace ExNunc.KnowledgeBase.Tests;

/// <summary>
/// The engine works out what several destinations share once per case and traces derivations only
/// when they are read. Neither may change a result: each destination assessed on its own must read
/// exactly as it does among all of them, and derivations read late, or from several threads, must be
/// the ones an early reader sees.
/// </summary>
public sealed class EngineSharingTests
{
    public static TheoryData<string, string> ScenariosAndDates()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in TestKnowledge.ScenarioNames)
            foreach (var date in new[] { "2022-09-30", "2023-08-01", "2026-11-27" })
                data.Add(scenario, date);
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenariosAndDates))]
    public void EachDestinationAlone_ReadsAsItDoesAmongAll(string scenario, string date)
    {
        var @case = TestKnowledge.Scenario(scenario);
        var asOf = LocalDatePattern(date);
        var all = TestKnowledge.Engine.Assess(@case, asOf);

        Assert.Equal(TestKnowledge.Kb.Destinations.Count(), all.Destinations.Length);
        foreach (var d in all.Destinations)
        {
            var alone = new AssessmentEngine(TestKnowledge.Engine.Book).Assess(@case, asOf, [d.Country]).Destinations.Single();
            Assert.Equal(AssessmentFingerprint.Of(alone), AssessmentFingerprint.Of(d));
        }
    }

    [Theory]
    [MemberData(nameof(ScenariosAndDates))]
    public void Derivations_ReadFromTwoThreadsAtOnce_AreTheSameAsReadAlone(string scenario, string date)
    {
        var @case = TestKnowledge.Scenario(scenario);
        var asOf = LocalDatePattern(date);
        var expected = AssessmentFingerprint.Of(TestKnowledge.Engine.Assess(@case, asOf));
        var shared = TestKnowledge.Engine.Assess(@case, asOf);

        var read = new string[2];
        Parallel.For(0, 2, i => read[i] = AssessmentFingerprint.Of(shared));

        Assert.Equal(expected, read[0]);
        Assert.Equal(expected, read[1]);
    }

    [Fact]
    public void UnknownElements_NameTheirUnknownFacts_BeforeAnyDerivationIsRead()
    {
        // The empty-ish scenario leaves most facts out; its unknown elements must say which ones at once.
        var result = TestKnowledge.Engine.Assess(TestKnowledge.Scenario("andrei-k"), new LocalDate(2023, 8, 1), ["DE"]);
        var unknown = result.Destinations.Single().Grounds.SelectMany(g => g.Elements).Where(e => e.Met == Domain.Rules.Tri.Unknown).ToList();

        Assert.All(unknown, e => Assert.NotEmpty(e.UnknownFacts));
        Assert.All(unknown, e => Assert.All(e.UnknownFacts, path => Assert.Contains(path, e.Facts)));
    }

    [Fact]
    public void EntriesWithTheSameCondition_ShareOneCompiledCondition()
    {
        var book = TestKnowledge.Engine.Book;
        var byText = book.Practice.Where(p => p.RelevantWhen is not null).GroupBy(p => p.RelevantWhen!.Text).First(g => g.Count() > 1).ToList();

        Assert.All(byText, p => Assert.Same(byText[0].RelevantWhen, p.RelevantWhen));
    }

    [Fact]
    public void Rules_KnowTheirPlaceInTheRuleBook()
    {
        var rules = TestKnowledge.Engine.Book.Rules;

        Assert.Equal(Enumerable.Range(0, rules.Length), rules.Select(r => r.Index));
        Assert.All(rules.Where(r => r.ForEach is not null), r => Assert.True(r.Details.Then is ExposureConclusion or GapConclusion, r.Entry.Id));
    }

    private static LocalDate LocalDatePattern(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
