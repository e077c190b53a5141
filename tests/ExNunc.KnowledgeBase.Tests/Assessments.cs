using ExNunc.Domain.Assessment;
using ExNunc.Testing;
using NodaTime;

namespace ExNunc.KnowledgeBase.Tests;

/// <summary>Shortcuts for assessing a scenario for one destination against the real knowledge base.</summary>
internal static class Assessments
{
    public static DestinationAssessment For(string scenario, string country, int year, int month, int day) =>
        TestKnowledge.Engine.Assess(TestKnowledge.Scenario(scenario), new LocalDate(year, month, day), [country]).Destinations.Single();

    public static GroundFinding Ground(this DestinationAssessment d, string id) => d.Grounds.Single(g => g.Id == id);

    public static ElementFinding Element(this GroundFinding g, string id) => g.Elements.Single(e => e.Id == id);

    public static ObjectionFinding Objection(this DestinationAssessment d, string id) =>
        d.Objections.SingleOrDefault(o => o.Id == id) ?? throw new Xunit.Sdk.XunitException(
            $"Objection '{id}' was not raised; raised: {string.Join(", ", d.Objections.Select(o => o.Id))}");

    public static PathwayFinding Pathway(this DestinationAssessment d, string id) =>
        d.Pathways.SingleOrDefault(p => p.Id == id) ?? throw new Xunit.Sdk.XunitException(
            $"Pathway '{id}' not listed; listed: {string.Join(", ", d.Pathways.Select(p => p.Id))}");

    public static IEnumerable<string> RebuttalSources(this ObjectionFinding o) => o.Rebuttals.SelectMany(r => r.Sources);

    public static IEnumerable<string> ExposedArticles(this DestinationAssessment d) => d.Exposure.Select(x => x.Article);
}
