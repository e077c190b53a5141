using ExNunc.Domain.Calendar;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using NodaTime;

namespace ExNunc.CaseFiles.Tests;

public sealed class CaseChecksTests
{
    private static readonly CaseFile Valid = new()
    {
        Id = "valid",
        Person = new Person { Born = new PartialDate(1994) },
        Summonses = ValueList.Of(new Summons { Evidence = ValueList.Of("e1") }),
        Proceedings = ValueList.Of(new Proceeding { Article = "ru-cc-338", Evidence = ValueList.Of("e1") }),
        Activity = ValueList.Of(new Activity { From = new LocalDate(2020, 1, 1), To = new LocalDate(2020, 1, 1) }),
        Departure = new Departure { Date = new LocalDate(2022, 9, 28) },
        Applications = ValueList.Of(new Application { Date = new LocalDate(2022, 10, 1), DecisionDate = new LocalDate(2023, 1, 1), Reasons = ValueList.Of("not-prominent") }),
        Evidence = ValueList.Of(new EvidenceItem { Id = "e1", File = "evidence/summons.pdf", Proves = ValueList.Of("summonses", "exit_ban") }),
    };

    [Fact]
    public void Check_ValidCase_FindsNothing()
    {
        Assert.Empty(CaseChecks.Check(Valid, FakeCatalog.Scenarios));
    }

    [Fact]
    public void Check_CaseWithNothingKnown_FindsNothing()
    {
        Assert.Empty(CaseChecks.Check(new CaseFile { Id = "empty" }, FakeCatalog.Scenarios));
    }

    [Fact]
    public void Check_Problems_HaveFieldPathsButNoLocation()
    {
        var c = Valid with { Summonses = ValueList.Of(new Summons { Evidence = ValueList.Of("e1", "e7") }) };

        var d = Assert.Single(CaseChecks.Check(c, null));

        Assert.Equal(("case.evidence-missing", "summonses[0].evidence[1]"), (d.Code, d.Field));
        Assert.Null(d.Location);
    }

    [Fact]
    public void Check_WithoutCatalog_SkipsArticlesAndObjections()
    {
        var c = Valid with { Proceedings = ValueList.Of(new Proceeding { Article = "ru-cc-0" }) };

        Assert.Empty(CaseChecks.Check(c, null));
        Assert.Equal("case.unknown-article", Assert.Single(CaseChecks.Check(c, FakeCatalog.Scenarios)).Code);
    }

    [Theory]
    [InlineData("1994", "1993-12-31", true)]
    [InlineData("1994", "1994-01-01", false)]
    [InlineData("1994-06-15", "1994-06-14", true)]
    [InlineData("1994-06-15", "1994-06-15", false)]
    public void Check_DepartureAndBirth_IsAnErrorOnlyWhenCertainlyBefore(string born, string departed, bool error)
    {
        var c = Valid with
        {
            Person = new Person { Born = PartialDate.TryParse(born) },
            Departure = new Departure { Date = NodaTime.Text.LocalDatePattern.Iso.Parse(departed).Value },
        };

        var found = CaseChecks.Check(c, null);

        Assert.Equal(error, found.Any(d => d is { Code: "case.departure-before-birth", Field: "departure.date" }));
    }

    [Theory]
    [InlineData("evidence/photo 1.jpg", true)]
    [InlineData("photo.jpg", true)]
    [InlineData("./a/./b.pdf", true)]
    [InlineData("..hidden/a..b.pdf", true)]
    [InlineData("../x.pdf", false)]
    [InlineData("a/../../x.pdf", false)]
    [InlineData("a/..", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("~/x.pdf", false)]
    [InlineData("C:/x.pdf", false)]
    [InlineData("C:x.pdf", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("\\\\server\\share\\x.pdf", false)]
    [InlineData("a\\..\\..\\x.pdf", false)]
    [InlineData("a/x.pdf\0.jpg", false)]
    [InlineData("", false)]
    public void Check_EvidenceFile_MustStayInsideTheCaseFolder(string file, bool inside)
    {
        var c = Valid with { Evidence = ValueList.Of(new EvidenceItem { Id = "e1", File = file }) };

        var found = CaseChecks.Check(c, null);

        Assert.Equal(inside, !found.Any(d => d is { Code: "case.evidence-path", Field: "evidence[0].file" }));
    }

    [Fact]
    public void Check_PeriodsEndingBeforeTheyStart_AreErrors()
    {
        var backwards = (From: new LocalDate(2020, 1, 2), To: new LocalDate(2020, 1, 1));
        var c = Valid with
        {
            Military = new Military { Service = ValueList.Of(new ServicePeriod(), new ServicePeriod { From = backwards.From, To = backwards.To }) },
            Activity = ValueList.Of(new Activity { From = backwards.From, To = backwards.To }),
        };

        var found = CaseChecks.Check(c, null);

        Assert.Equal(["military.service[1].to", "activity[0].to"], found.Select(d => d.Field));
    }

    [Fact]
    public void Check_DecisionBeforeApplication_IsAnError()
    {
        var c = Valid with { Applications = ValueList.Of(new Application { Date = new LocalDate(2022, 10, 1), DecisionDate = new LocalDate(2022, 9, 30) }) };

        var d = Assert.Single(CaseChecks.Check(c, null));

        Assert.Equal(("case.decision-before-application", "applications[0].decision_date"), (d.Code, d.Field));
    }

    [Fact]
    public void Check_ProvesOutsideTheSections_IsAnError()
    {
        var c = Valid with { Evidence = ValueList.Of(new EvidenceItem { Id = "e1", Proves = ValueList.Of("person", "innocence") }) };

        var d = Assert.Single(CaseChecks.Check(c, null));

        Assert.Equal(("value.enum", "evidence[0].proves[1]"), (d.Code, d.Field));
    }

    [Fact]
    public void Check_DuplicateAndBlankEvidenceIds_AreErrors()
    {
        var c = Valid with { Evidence = ValueList.Of(new EvidenceItem { Id = "e1" }, new EvidenceItem { Id = "e1" }, new EvidenceItem { Id = " " }) };

        var found = CaseChecks.Check(c, null);

        Assert.Equal([("case.evidence-duplicate", "evidence[1].id"), ("field.required", "evidence[2].id")], found.Select(d => (d.Code, d.Field!)));
    }

    [Fact]
    public void Check_UnknownObjectionAsReason_IsAnError()
    {
        var c = Valid with { Applications = ValueList.Of(new Application { Reasons = ValueList.Of("credibility", "too-late") }) };

        var d = Assert.Single(CaseChecks.Check(c, FakeCatalog.Scenarios));

        Assert.Equal(("case.unknown-objection", "applications[0].reasons[1]"), (d.Code, d.Field));
    }

    [Theory]
    [InlineData("deserted", false)]
    [InlineData("surrendered", false)]
    [InlineData("civilian", true)]
    public void Check_DesertionWithAnotherStatus_IsAWarning(string status, bool warning)
    {
        var c = Valid with { Military = new Military { Status = status }, Desertion = new Desertion() };

        var found = CaseChecks.Check(c, null);

        Assert.Equal(warning, found.Any(d => d is { Code: "case.desertion-status", Severity: Severity.Warning }));
    }
}
