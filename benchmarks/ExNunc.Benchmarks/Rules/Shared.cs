using ExNunc.Domain.Assessment;
using ExNunc.Domain.Cases;
using ExNunc.Testing;
using NodaTime;

namespace ExNunc.Benchmarks.Rules;

/// <summary>What the rule benchmarks share: the repository's knowledge base, one engine, the date.</summary>
public static class Shared
{
    /// <summary>Every assessment in the benchmarks is as of this date.</summary>
    public static readonly LocalDate AsOf = new(2026, 11, 27);

    public static readonly string[] Germany = ["DE"];

    public static AssessmentEngine Engine => TestKnowledge.Engine;

    public static ExNunc.Domain.Knowledge.KnowledgeBase Kb => TestKnowledge.Kb;

    private static readonly Lazy<HandWrittenGermany> Hand = new(() => new HandWrittenGermany(TestKnowledge.Kb));

    public static HandWrittenGermany HandWritten => Hand.Value;

    public static CaseFile Scenario(string name) => TestKnowledge.Scenario(name);
}
