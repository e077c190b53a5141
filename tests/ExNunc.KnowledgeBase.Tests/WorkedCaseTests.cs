using ExNunc.CaseFiles;
using ExNunc.Domain.Assessment;
using ExNunc.KnowledgeBase.Loading;
using ExNunc.Testing;

namespace ExNunc.KnowledgeBase.Tests;

/// <summary>The worked cases in kb/worked-cases/ hold, and every country has at least one.</summary>
public sealed class WorkedCaseTests
{
    private static readonly IReadOnlyList<WorkedCase> Cases = Read();

    private static IReadOnlyList<WorkedCase> Read()
    {
        var (cases, problems) = WorkedCaseReader.ReadAll(RepoPaths.Kb);
        Assert.Empty(problems);
        return cases;
    }

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void WorkedCase_Holds(string name)
    {
        var worked = Cases.Single(c => c.Name == name);
        Assert.Empty(WorkedCases.CheckReferences(worked, TestKnowledge.Kb));
        var read = CaseFileReader.Read(worked.CasePath, File.ReadAllText(worked.CasePath), TestKnowledge.Kb);
        Assert.True(read.IsSuccess, string.Join("\n", read.Diagnostics));
        var d = TestKnowledge.Engine.Assess(read.Value, worked.AsOf, [worked.Destination]).Destinations.Single();
        var mismatches = WorkedCases.Check(worked, d);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void WorkedCase_NamesAreUnique() =>
        Assert.Equal(Cases.Count, Cases.Select(c => c.Name).Distinct().Count());

    [Fact]
    public void WorkedCase_WithWrongExpectation_IsReportedWithItsPlace()
    {
        var worked = Cases.First(c => c.Expect.Grounds.Count > 0);
        var wrong = worked with
        {
            Expect = worked.Expect with { Grounds = worked.Expect.Grounds.SetItem(worked.Expect.Grounds.Keys.First(), "no-such-status") },
        };
        var read = CaseFileReader.Read(worked.CasePath, File.ReadAllText(worked.CasePath), TestKnowledge.Kb).Value;
        var d = TestKnowledge.Engine.Assess(read, worked.AsOf, [worked.Destination]).Destinations.Single();
        var problem = Assert.Single(WorkedCases.Check(wrong, d));
        Assert.Equal("worked-case.mismatch", problem.Code);
        Assert.Equal(worked.Location, problem.Location);
    }
}
