using ExNunc.Domain.Assessment;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;
using ExNunc.Testing;
using NodaTime;

namespace ExNunc.KnowledgeBase.Tests;

/// <summary>What must hold for the scenario cases (issue: the core), asserted finding by finding.</summary>
public sealed class ScenarioExpectationTests
{
    [Fact]
    public void Assess_BloggerInGermany2023_RefugeeStatusThroughSpeechAndRebutsProminence()
    {
        var de = Assessments.For("andrei-k", "DE", 2023, 8, 1);

        var refugee = de.Ground("refugee-status");
        Assert.Contains(refugee.GroundStatus, new[] { GroundStatus.Arguable, GroundStatus.Strong });
        Assert.True(
            refugee.Element("prosecution-for-speech").Met == Tri.True || refugee.Element("imputed-political-opinion").Met == Tri.True);

        var notProminent = de.Objection("not-prominent");
        Assert.NotEmpty(notProminent.Rebuttals);
        Assert.Contains(notProminent.RebuttalSources(), s => s.StartsWith("stat-discrediting-admin-20-3-3", StringComparison.Ordinal));
        var statistic = TestKnowledge.Kb.Find(notProminent.RebuttalSources().First(s => s.StartsWith("stat-discrediting", StringComparison.Ordinal)))!;
        Assert.Equal(EntryKind.Statistic, statistic.Kind);
        Assert.True(statistic.AppliesOn(new LocalDate(2023, 8, 1)));

        Assert.Contains("ru-coap-20-3-3", de.ExposedArticles());
        Assert.Contains("ru-cc-280-3", de.ExposedArticles());
        Assert.Contains("ru-coap-21-5", de.ExposedArticles());
        Assert.DoesNotContain("ru-cc-328", de.ExposedArticles());
    }

    [Fact]
    public void Assess_BloggerInGermany2023_GapNamesEveryUntranslatedItem()
    {
        var de = Assessments.For("andrei-k", "DE", 2023, 8, 1);
        var untranslated = de.Gaps.Where(g => g.Id.StartsWith("gap-untranslated-evidence:", StringComparison.Ordinal))
            .Select(g => g.Id.Split(':')[1]).Order(StringComparer.Ordinal);
        Assert.Equal(["e1", "e2", "e3", "e5"], untranslated);
        Assert.All(de.Gaps, g => Assert.False(string.IsNullOrWhiteSpace(g.Need.En)));
    }

    [Fact]
    public void Assess_ReservistInNetherlandsJanuary2023_RebutsWithDecreeButNotTheLaterSummonsLaw()
    {
        var nl = Assessments.For("dmitri-s", "NL", 2023, 1, 15);
        var ended = nl.Objection("mobilisation-ended");
        nl.Objection("no-summons");

        Assert.Contains(ended.Rebuttals, r => r.Sources.Contains("ru-decree-647-2022") && r.Text.En.Contains("never been revoked", StringComparison.Ordinal));
        Assert.DoesNotContain(nl.Objections.SelectMany(o => o.RebuttalSources()), s => s == "ru-fz-127-2023-electronic-summons");
    }

    [Fact]
    public void Assess_ReservistInNetherlandsJanuary2024_RebuttalCitesTheElectronicSummonsLaw()
    {
        var nl = Assessments.For("dmitri-s", "NL", 2024, 1, 15);
        Assert.Contains("ru-fz-127-2023-electronic-summons", nl.Objection("mobilisation-ended").RebuttalSources());
    }

    [Fact]
    public void Assess_DutchPractice_IncludesTheDecember2022LetterOnlyFromItsDate()
    {
        const string letter = "nl-moratorium-extension-2022-12-13";
        Assert.Contains(Assessments.For("dmitri-s", "NL", 2023, 1, 15).Practice, p => p.Id == letter);
        Assert.DoesNotContain(Assessments.For("dmitri-s", "NL", 2022, 11, 1).Practice, p => p.Id == letter);
    }

    [Theory]
    [InlineData(2024, 6, 1, PathwayState.Open)]
    [InlineData(2025, 8, 1, PathwayState.Closed)]
    [InlineData(2025, 11, 1, PathwayState.Restricted)]
    public void Assess_GermanHumanitarianAdmission_FollowsSuspensionAndResumption(int y, int m, int d, PathwayState expected)
    {
        var de = Assessments.For("olga-v", "DE", y, m, d);
        Assert.Equal(expected, de.Pathway("de-humanitarian-admission").State);
        Assert.Contains("ru-cc-207-3", de.ExposedArticles());
    }

    [Fact]
    public void Diff_ActivistBetweenJulyAndAugust2025_NamesTheSuspensionAsCause()
    {
        var diff = Comparisons.Diff(TestKnowledge.Engine, TestKnowledge.Scenario("olga-v"), new LocalDate(2025, 7, 1), new LocalDate(2025, 8, 1), ["DE"]);
        var change = diff.Changes.Single(c => c.Kind == "pathway" && c.Id == "de-humanitarian-admission");
        Assert.Equal("open", change.Before);
        Assert.Equal("closed", change.After);
        Assert.Contains("de-22-suspension-2025-07-23", change.Causes);
    }

    [Theory]
    [InlineData(2022, 9, 10, PathwayState.Open)]
    [InlineData(2022, 10, 1, PathwayState.Restricted)]
    public void Assess_EstonianEntryWithSchengenVisa_RestrictedFrom19September2022(int y, int m, int d, PathwayState expected) =>
        Assert.Equal(expected, Assessments.For("ivan-p", "EE", y, m, d).Pathway("ee-entry").State);

    [Fact]
    public void Assess_DeserterInFrance2024_StrongThroughRefusalCitingShepherdAndGrandFormation()
    {
        var fr = Assessments.For("sergei-m", "FR", 2024, 3, 1);
        var refugee = fr.Ground("refugee-status");
        Assert.Equal(GroundStatus.Strong, refugee.GroundStatus);
        var refusal = refugee.Element("military-service-refusal");
        Assert.Equal(Tri.True, refusal.Met);
        Assert.Contains("cjeu-c-472-13-shepherd", refusal.Sources);
        Assert.Contains("fr-cnda-gf-2023-07-20", refusal.Sources);
        Assert.Contains("ru-cc-338", fr.ExposedArticles());

        Assert.Contains(fr.Objection("prosecution-is-legitimate").RebuttalSources(),
            s => s is "cjeu-c-472-13-shepherd" or "cjeu-c-238-19-ez" or "unhcr-handbook-167-174");
        Assert.Contains(fr.Objection("safe-third-country").RebuttalSources(), s => s.StartsWith("kz-", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_JehovahsWitnessInFinland2025_ObjectionAndReligionMetAndAlternativeServiceRebutted()
    {
        var fi = Assessments.For("pavel-t", "FI", 2025, 3, 1);
        var refugee = fi.Ground("refugee-status");
        Assert.True(refugee.GroundStatus >= GroundStatus.Arguable);
        Assert.Equal(Tri.True, refugee.Element("conscientious-objection").Met);
        Assert.Equal(Tri.True, refugee.Element("religion").Met);

        var acs = fi.Objection("alternative-service-available").RebuttalSources().ToList();
        Assert.Contains("ecthr-dyagilev-v-russia-2020", acs);
        Assert.Contains("echr-russia-cessation-2022-09-16", acs);
        Assert.Contains(acs, s => s.StartsWith("ru-acs-", StringComparison.Ordinal));

        Assert.Contains("ru-cc-328", fi.ExposedArticles());
        Assert.Contains("ru-cc-282-2", fi.ExposedArticles());
    }

    [Fact]
    public void Assess_SurrenderedSoldierInGermany2024_ExposedToSurrenderArticleAndRefusalMet()
    {
        var de = Assessments.For("nikolai-r", "DE", 2024, 6, 1);
        Assert.Contains("ru-cc-352-1", de.ExposedArticles());
        var refugee = de.Ground("refugee-status");
        Assert.True(refugee.GroundStatus >= GroundStatus.Arguable);
        Assert.Equal(Tri.True, refugee.Element("military-service-refusal").Met);
    }

    [Fact]
    public void Assess_SurrenderBeforeTheArticleExisted_NoExposureToIt() =>
        Assert.DoesNotContain("ru-cc-352-1", Assessments.For("nikolai-r", "DE", 2022, 9, 1).ExposedArticles());

    [Theory]
    [InlineData(2025, 6, 1, "eu-qd-2011-95", "eu-qr-2024-1347")]
    [InlineData(2026, 9, 1, "eu-qr-2024-1347", "eu-qd-2011-95")]
    public void Assess_EuPact_CitesTheInstrumentThatAppliesOnTheDate(int y, int m, int d, string cited, string notCited)
    {
        var sources = Assessments.For("sergei-m", "FR", y, m, d).Ground("refugee-status").Sources;
        Assert.Contains(cited, sources);
        Assert.DoesNotContain(notCited, sources);
    }
}
