using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;

namespace ExNunc.CaseFiles.Tests;

public sealed class ReaderErrorTests
{
    private const string Head = "exnunc: 1\nid: test-case\n";

    [Fact]
    public void Read_UnknownField_NamesFieldAndLine()
    {
        var d = SingleError(Head + "person:\n  name: A.\n  nickname: Andy\n");

        Assert.Equal(("field.unknown", "person.nickname", 5, 3), (d.Code, d.Field, d.Location!.Line, d.Location.Column));
        Assert.Contains("nickname", d.Message, StringComparison.Ordinal);
        Assert.Equal("case.yaml", d.Location.File);
    }

    [Fact]
    public void Read_UnknownTopLevelField_IsAnError()
    {
        var d = SingleError(Head + "notes: something\n");

        Assert.Equal(("field.unknown", "notes", 3), (d.Code, d.Field, d.Location!.Line));
    }

    [Theory]
    [InlineData("person:\n  name: [A, B]\n", "person.name")]
    [InlineData("military:\n  registered: yes\n", "military.registered")]
    [InlineData("activity:\n  - audience: many\n", "activity[0].audience")]
    [InlineData("activity:\n  - audience: \"12\"\n", "activity[0].audience")]
    [InlineData("person: Andrei\n", "person")]
    [InlineData("summonses: paper\n", "summonses")]
    [InlineData("summonses:\n  - paper\n", "summonses[0]")]
    [InlineData("departure:\n  route: [RU, [KZ]]\n", "departure.route[1]")]
    public void Read_WrongType_NamesFieldAndLine(string body, string field)
    {
        var d = SingleError(Head + body);

        Assert.Equal(("yaml.type", field), (d.Code, d.Field));
        Assert.Equal(body.Count(ch => ch == '\n') + 2, d.Location!.Line);
    }

    [Theory]
    [InlineData("person:\n  sex: robot\n", "person.sex")]
    [InlineData("military:\n  fitness: Z\n", "military.fitness")]
    [InlineData("summonses:\n  - served: by-pigeon\n", "summonses[0].served")]
    [InlineData("exit_ban: maybe\n", "exit_ban")]
    [InlineData("applications:\n  - decision: postponed\n", "applications[0].decision")]
    [InlineData("evidence:\n  - id: e1\n    proves: [feelings]\n", "evidence[0].proves[0]")]
    public void Read_UnknownEnumValue_NamesFieldAndLine(string body, string field)
    {
        var d = SingleError(Head + body);

        Assert.Equal(("value.enum", field), (d.Code, d.Field));
        Assert.Equal(body.Count(ch => ch == '\n') + 2, d.Location!.Line);
    }

    [Theory]
    [InlineData("departure:\n  date: 2022-02-30\n", "departure.date")]
    [InlineData("departure:\n  date: 2022-9-28\n", "departure.date")]
    [InlineData("departure:\n  date: 28.09.2022\n", "departure.date")]
    [InlineData("summonses:\n  - date: 2022-09\n", "summonses[0].date")]
    [InlineData("person:\n  born: 1994-05\n", "person.born")]
    [InlineData("person:\n  born: 94\n", "person.born")]
    public void Read_MalformedDate_NamesFieldAndLine(string body, string field)
    {
        var d = SingleError(Head + body);

        Assert.Equal(("value.date", field), (d.Code, d.Field));
        Assert.Equal(body.Count(ch => ch == '\n') + 2, d.Location!.Line);
    }

    [Theory]
    [InlineData("1994")]
    [InlineData("1994-05-17")]
    public void Read_BornAsYearOrFullDate_IsAccepted(string born)
    {
        var result = CaseFileReader.Read("case.yaml", Head + $"person:\n  born: {born}\n", null);

        Assert.True(result.IsSuccess, string.Join("\n", result.Diagnostics));
        Assert.Equal(born, result.Value.Person!.Born.ToString());
    }

    [Theory]
    [InlineData("whereabouts:\n  country: de\n", "whereabouts.country")]
    [InlineData("person:\n  citizenship: [RU, RUS]\n", "person.citizenship[1]")]
    [InlineData("applications:\n  - country: Germany\n", "applications[0].country")]
    public void Read_MalformedCountryCode_NamesFieldAndLine(string body, string field)
    {
        var d = SingleError(Head + body);

        Assert.Equal(("value.country", field), (d.Code, d.Field));
    }

    [Theory]
    [InlineData("Andrei_K")]
    [InlineData("andrei k")]
    [InlineData("АНДРЕЙ")]
    public void Read_MalformedId_IsAnError(string id)
    {
        var d = SingleError($"exnunc: 1\nid: \"{id}\"\n");

        Assert.Equal(("value.id", "id", 2), (d.Code, d.Field, d.Location!.Line));
    }

    [Fact]
    public void Read_MissingVersionAndId_ReportsBoth()
    {
        var result = CaseFileReader.Read("case.yaml", "person:\n  name: A.\n", null);

        Assert.Equal(["exnunc", "id"], result.Errors.Select(d => d.Field).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, d => Assert.Equal("field.required", d.Code));
    }

    [Fact]
    public void Read_LaterVersion_IsUnsupportedAndNothingElseIsJudged()
    {
        var d = SingleError("exnunc: 2\nid: test-case\nfield_of_version_2: true\n");

        Assert.Equal(("format.unsupported-version", "exnunc", 1), (d.Code, d.Field, d.Location!.Line));
        Assert.Contains("unsupported version", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VersionZero_IsAnError()
    {
        var d = SingleError("exnunc: 0\nid: test-case\n");

        Assert.Equal(("format.version", "exnunc"), (d.Code, d.Field));
    }

    [Fact]
    public void Read_EvidenceNotListed_PointsAtTheReference()
    {
        var d = SingleError(Head + "summonses:\n  - evidence: [e1, e2]\nevidence:\n  - id: e1\n");

        Assert.Equal(("case.evidence-missing", "summonses[0].evidence[1]", 4, 20), (d.Code, d.Field, d.Location!.Line, d.Location.Column));
        Assert.Contains("'e2'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EvidenceReferencedWithoutAnyEvidenceList_IsAnError()
    {
        var d = SingleError(Head + "proceedings:\n  - evidence: [e1]\n");

        Assert.Equal(("case.evidence-missing", "proceedings[0].evidence[0]", 4), (d.Code, d.Field, d.Location!.Line));
    }

    [Fact]
    public void Read_DuplicateEvidenceId_IsAnError()
    {
        var d = SingleError(Head + "evidence:\n  - id: e1\n  - id: e1\n");

        Assert.Equal(("case.evidence-duplicate", "evidence[1].id", 5), (d.Code, d.Field, d.Location!.Line));
    }

    [Fact]
    public void Read_EvidenceWithoutId_IsReportedOnce()
    {
        var d = SingleError(Head + "evidence:\n  - title: A letter\n");

        Assert.Equal(("field.required", "evidence[0].id", 4), (d.Code, d.Field, d.Location!.Line));
    }

    [Fact]
    public void Read_ArticleUnknownToTheCatalog_IsAnError()
    {
        var text = Head + "proceedings:\n  - kind: criminal\n    article: ru-cc-999\n";
        var catalog = new FakeCatalog(["ru-cc-338"], []);

        var d = SingleError(text, catalog);

        Assert.Equal(("case.unknown-article", "proceedings[0].article", 5), (d.Code, d.Field, d.Location!.Line));
        Assert.True(CaseFileReader.Read("case.yaml", text, null).IsSuccess);
    }

    [Fact]
    public void Read_ReasonThatIsNoObjection_IsAnError()
    {
        var d = SingleError(Head + "applications:\n  - { country: DE, reasons: [not-prominent, too-late] }\n", new FakeCatalog([], ["not-prominent"]));

        Assert.Equal(("case.unknown-objection", "applications[0].reasons[1]", 4), (d.Code, d.Field, d.Location!.Line));
    }

    [Fact]
    public void Read_DepartureBeforeBirth_IsAnError()
    {
        var d = SingleError(Head + "person:\n  born: 1994\ndeparture:\n  date: 1993-12-31\n");

        Assert.Equal(("case.departure-before-birth", "departure.date", 6), (d.Code, d.Field, d.Location!.Line));
    }

    [Fact]
    public void Read_DepartureInTheYearOfABirthKnownToTheYear_IsNotAnError()
    {
        var result = CaseFileReader.Read("case.yaml", Head + "person:\n  born: 1994\ndeparture:\n  date: 1994-01-01\n", null);

        Assert.True(result.IsSuccess, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("evidence/../../secret.pdf")]
    [InlineData("/etc/passwd")]
    [InlineData("~/secret.pdf")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("evidence\\\\..\\\\..\\\\secret.pdf")]
    [InlineData("evidence\\\\photo.jpg")]
    public void Read_EvidencePathLeavingTheCaseFolder_IsAnError(string file)
    {
        var d = SingleError(Head + $"evidence:\n  - id: e1\n    file: \"{file}\"\n");

        Assert.Equal(("case.evidence-path", "evidence[0].file", 5), (d.Code, d.Field, d.Location!.Line));
    }

    [Theory]
    [InlineData("evidence/court-summons.pdf")]
    [InlineData("./photos/повестка 1.jpg")]
    [InlineData("a..b/c...pdf")]
    public void Read_EvidencePathInsideTheCaseFolder_IsAccepted(string file)
    {
        var result = CaseFileReader.Read("case.yaml", Head + $"evidence:\n  - id: e1\n    file: \"{file}\"\n", null);

        Assert.True(result.IsSuccess, string.Join("\n", result.Diagnostics));
        Assert.Equal(file, result.Value.Evidence![0].File);
    }

    [Fact]
    public void Read_PeriodEndingBeforeItStarts_IsAnError()
    {
        var result = CaseFileReader.Read("case.yaml", Head +
            "military:\n  service:\n    - { kind: conscript, from: 2015-11-20, to: 2014-11-20 }\n" +
            "activity:\n  - kind: blog\n    from: 2020-01-01\n    to: 2019-01-01\n", null);

        Assert.Equal([("military.service[0].to", 5), ("activity[0].to", 9)], result.Errors.Select(d => (d.Field!, d.Location!.Line)));
        Assert.All(result.Errors, d => Assert.Equal("case.period-order", d.Code));
    }

    [Fact]
    public void Read_DecisionBeforeApplication_IsAnError()
    {
        var d = SingleError(Head + "applications:\n  - { country: DE, date: 2022-10-20, decision_date: 2022-10-01 }\n");

        Assert.Equal(("case.decision-before-application", "applications[0].decision_date", 4), (d.Code, d.Field, d.Location!.Line));
    }

    [Fact]
    public void Read_DesertionForACivilian_IsAWarningAndStillReads()
    {
        var result = CaseFileReader.Read("case.yaml", Head + "military:\n  status: civilian\ndesertion:\n  date: 2023-06-10\n", null);

        Assert.True(result.IsSuccess);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("case.desertion-status", Severity.Warning, 5), (d.Code, d.Severity, d.Location!.Line));
    }

    [Fact]
    public void Read_MalformedYaml_ReportsTheSyntaxErrorWithItsLine()
    {
        var d = SingleError(Head + "person:\n  name: [Andrei K.\n  sex: male\nmilitary: {\n");

        Assert.Equal(("yaml.syntax", "case.yaml", 4), (d.Code, d.Location!.File, d.Location.Line));
    }

    [Fact]
    public void Read_BadIndentation_ReportsTheLine()
    {
        var d = SingleError(Head + "person:\n  name: A.\n    sex: male\n");

        Assert.Equal(("yaml.syntax", 5), (d.Code, d.Location!.Line));
    }

    [Fact]
    public void Read_DuplicateKey_IsAnError()
    {
        var result = CaseFileReader.Read("case.yaml", Head + "exit_ban: no\nexit_ban: yes\n", null);

        var d = Assert.Single(result.Errors);
        Assert.Equal(4, d.Location!.Line);
    }

    [Fact]
    public void Read_EmptyDocument_IsAnError()
    {
        var d = SingleError("# nothing but a comment\n");

        Assert.Equal("yaml.empty", d.Code);
    }

    [Fact]
    public void Read_DocumentThatIsNoMapping_IsAnError()
    {
        var d = SingleError("- exnunc: 1\n");

        Assert.Equal(("yaml.type", 1), (d.Code, d.Location!.Line));
    }

    [Fact]
    public void Read_JsonWithAWrongValue_ReportsItsLine()
    {
        const string json = """
            {
              "exnunc": 1,
              "id": "test-case",
              "person": {
                "name": "Андрей",
                "born": "1994-13-01"
              },
              "activity": [ { "kind": "blog", "audience": "many" } ]
            }
            """;

        var result = CaseFileReader.Read("case.json", json, null);

        Assert.Equal([("value.date", "person.born", 6), ("yaml.type", "activity[0].audience", 8)],
            result.Errors.Select(d => (d.Code, d.Field!, d.Location!.Line)));
    }

    [Fact]
    public void Read_MalformedJson_ReportsTheSyntaxErrorWithItsLine()
    {
        const string json = "{\n  \"exnunc\": 1,\n  \"id\": \"test-case\"\n  \"person\": {}\n}\n";

        var d = SingleError(json);

        Assert.Equal("yaml.syntax", d.Code);
        Assert.InRange(d.Location!.Line, 3, 4);
    }

    [Fact]
    public void Read_JsonWithAnUnknownField_NamesFieldAndLine()
    {
        var d = SingleError("{\n  \"exnunc\": 1,\n  \"id\": \"test-case\",\n  \"nickname\": \"Andy\"\n}\n");

        Assert.Equal(("field.unknown", "nickname", 4), (d.Code, d.Field, d.Location!.Line));
    }

    [Fact]
    public void Read_MissingOptionalFields_StayUnknownAndEmptyListsStayEmpty()
    {
        var result = CaseFileReader.Read("case.yaml", Head + "person:\n  name: null\nsummonses: []\nmilitary: {}\n", null);

        var c = result.Value;
        Assert.Equal(new Person(), c.Person);
        Assert.Equal(new Military(), c.Military);
        Assert.Empty(c.Summonses!);
        Assert.Null(c.Proceedings);
        Assert.Null(c.ExitBan);
        Assert.Null(c.Evidence);
    }

    private static Diagnostic SingleError(string text, ICaseCatalog? catalog = null)
    {
        var result = CaseFileReader.Read("case.yaml", text, catalog);
        Assert.False(result.IsSuccess);
        return Assert.Single(result.Errors);
    }
}
