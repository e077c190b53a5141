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

/// <summary>Issue 3: every country has entries, pathways, practice where the research has it, and a worked case.</summary>
public sealed class CoverageTests
{
    private static readonly NodaTime.LocalDate Today = new(2026, 11, 27);

    private static System.Collections.Immutable.ImmutableArray<ExNunc.Domain.Knowledge.CountryCoverage> Rows()
    {
        var (cases, _) = WorkedCaseReader.ReadAll(RepoPaths.Kb);
        return ExNunc.Domain.Knowledge.Coverage.Compute(TestKnowledge.Kb, cases.Select(c => c.Destination), Today, KbNames.Of);
    }

    [Fact]
    public void Coverage_ListsEveryEuStateEeaChGbAndTransitCountry()
    {
        string[] expected = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "NO", "CH", "IS", "GB", "GE", "AM", "KZ", "KG", "TR", "RS", "ME", "IL", "MN", "AE", "AR"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Rows().Select(r => r.Country).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Coverage_EveryCountryHasAWorkedCaseAndAPathway()
    {
        foreach (var row in Rows())
        {
            Assert.True(row.WorkedCases > 0, $"{row.Country} has no worked case");
            Assert.True(row.EntriesByKind.GetValueOrDefault("pathway") > 0, $"{row.Country} has no pathway");
            Assert.DoesNotContain(ExNunc.Domain.Knowledge.Coverage.NoWorkedCase, row.Missing);
        }
    }

    [Fact]
    public void Coverage_DestinationsHaveAnEntryAndAProtectionRouteOrSayWhyNot()
    {
        foreach (var row in Rows().Where(r => r.Role == ExNunc.Domain.Knowledge.JurisdictionRole.Destination && r.Country != "IS"))
        {
            Assert.DoesNotContain(ExNunc.Domain.Knowledge.Coverage.NoEntryRoute, row.Missing);
            Assert.DoesNotContain(ExNunc.Domain.Knowledge.Coverage.NoProtectionRoute, row.Missing);
        }
    }

    [Fact]
    public void Coverage_MissingFactsStayVisible()
    {
        // The research ends in early 2026: on 2026-11-27 a country whose newest source is older than a year says so.
        foreach (var r in Rows())
            Assert.Equal(r.NewestSource is null || r.NewestSource < Today.PlusYears(-1), r.Missing.Contains(ExNunc.Domain.Knowledge.Coverage.NoRecentSource));
        Assert.Contains(Rows(), r => r.Missing.Contains(ExNunc.Domain.Knowledge.Coverage.NoRecentSource));
        Assert.Contains(Rows(), r => r.Missing.Contains(ExNunc.Domain.Knowledge.Coverage.NoPractice));
    }
}
