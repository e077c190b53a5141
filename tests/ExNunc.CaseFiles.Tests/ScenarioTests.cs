using ExNunc.Domain.Calendar;
using ExNunc.Domain.Cases;
using NodaTime;

namespace ExNunc.CaseFiles.Tests;

public sealed class ScenarioTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in ScenarioFiles.All()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void Scenarios_AllSevenAreFound()
    {
        Assert.True(ScenarioFiles.All().Count >= 7, string.Join(", ", ScenarioFiles.All()));
    }

    [Fact]
    public void Fixtures_AreTheSameAsTheSharedScenariosBesideTheRepository()
    {
        var root = ScenarioFiles.RepositoryRoot();
        var shared = Path.Combine(root, "..", "shared", "scenarios");
        if (!Directory.Exists(shared)) return; // a fresh clone has only the copy
        foreach (var file in Directory.EnumerateFiles(shared, "*.yaml"))
        {
            var copy = Path.Combine(root, "tests", "fixtures", "scenarios", Path.GetFileName(file));
            Assert.True(File.Exists(copy), "Copy missing: " + copy);
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(copy));
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Read_Scenario_HasNoDiagnostics(string name)
    {
        var result = Read(name);

        Assert.True(result.IsSuccess, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Path.GetFileNameWithoutExtension(name), result.Value.Id);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void WriteThenRead_Scenario_GivesTheSameCaseInYamlAndJson(string name)
    {
        var c = Read(name).Value;

        Assert.Equal(c, CaseFileReader.Read("w.yaml", CaseFileWriter.WriteYaml(c), FakeCatalog.Scenarios).Value);
        Assert.Equal(c, CaseFileReader.Read("w.json", CaseFileWriter.WriteJson(c), FakeCatalog.Scenarios).Value);
    }

    [Fact]
    public void Read_AndreiK_KeepsEveryFieldOfTheBlogger()
    {
        var c = Read("andrei-k.yaml").Value;

        Assert.Equal(1, c.Format);
        Assert.Equal("Andrei K.", c.Person!.Name);
        Assert.Equal(ValueList.Of("RU"), c.Person.Citizenship);
        Assert.Equal(new PartialDate(1996), c.Person.Born);
        Assert.Equal("A", c.Military!.Fitness);
        Assert.Null(c.Military.Specialty);
        Assert.Equal(new ServicePeriod { Kind = "conscript", From = new LocalDate(2015, 11, 20), To = new LocalDate(2016, 11, 20) }, Assert.Single(c.Military.Service!));
        var summons = Assert.Single(c.Summonses!);
        Assert.Equal(("relative", ValueList.Of("e3")), (summons.Served, summons.Evidence));
        Assert.Equal(["blocking", "administrative"], c.Proceedings!.Select(p => p.Kind));
        Assert.Equal(4200, c.Activity![0].Audience);
        Assert.Null(c.Activity[0].To);
        Assert.Equal(ValueList.Of("e4", "e5"), c.Activity[1].Evidence);
        Assert.Null(c.Desertion);
        Assert.Equal("unknown", c.ExitBan);
        var application = Assert.Single(c.Applications!);
        Assert.Equal(new LocalDate(2023, 8, 1), application.DecisionDate);
        Assert.Equal(ValueList.Of("not-prominent"), application.Reasons);
        var evidence = c.Evidence!;
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], evidence.Select(e => e.Id));
        Assert.Equal(ValueList.Of("proceedings", "activity"), evidence[1].Proves);
        Assert.True(evidence[3].Translated);
    }

    [Fact]
    public void Read_DmitriS_TellsNoneFromUnknown()
    {
        var c = Read("dmitri-s.yaml").Value;

        Assert.Empty(c.Summonses!);                // summonses: [] — known: none
        Assert.Null(c.Proceedings);                // left out — unknown
        Assert.Null(c.Desertion);
        Assert.Equal("no", c.ExitBan);             // a symbol, not YAML 1.1's boolean
        Assert.Equal("driver-mechanic", c.Military!.Specialty);
        Assert.Equal(ValueList.Of("RU", "FI", "NL"), c.Departure!.Route);
        var application = Assert.Single(c.Applications!);
        Assert.Equal(new Application { Country = "NL", Kind = "asylum", Date = new LocalDate(2022, 9, 28) }, application);
        Assert.Null(c.Evidence![0].Date);
        Assert.Equal(new LocalDate(2022, 10, 3), c.Evidence[1].Date);
    }

    private static Domain.Diagnostics.Result<CaseFile> Read(string name)
    {
        var path = ScenarioFiles.Named(name);
        return CaseFileReader.Read(name, File.ReadAllText(path), FakeCatalog.Scenarios);
    }
}
