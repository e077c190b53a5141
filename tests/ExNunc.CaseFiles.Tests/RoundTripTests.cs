using ExNunc.Domain.Cases;
using FsCheck.Xunit;

namespace ExNunc.CaseFiles.Tests;

public sealed class RoundTripTests
{
    [Property(Arbitrary = [typeof(CaseFileGenerators)], MaxTest = 500)]
    public void ReadWriteYaml_AnyValidCase_GivesTheSameCase(CaseFile c)
    {
        var yaml = CaseFileWriter.WriteYaml(c);

        var result = CaseFileReader.Read("round-trip.yaml", yaml, null);

        Assert.True(result.IsSuccess, yaml + "\n" + string.Join("\n", result.Diagnostics));
        Assert.Equal(c, result.Value);
    }

    [Property(Arbitrary = [typeof(CaseFileGenerators)], MaxTest = 500)]
    public void ReadWriteJson_AnyValidCase_GivesTheSameCase(CaseFile c)
    {
        var json = CaseFileWriter.WriteJson(c);

        var result = CaseFileReader.Read("round-trip.json", json, null);

        Assert.True(result.IsSuccess, json + "\n" + string.Join("\n", result.Diagnostics));
        Assert.Equal(c, result.Value);
    }

    [Property(Arbitrary = [typeof(CaseFileGenerators)])]
    public void Write_SameCaseTwice_GivesTheSameText(CaseFile c)
    {
        Assert.Equal(CaseFileWriter.WriteYaml(c), CaseFileWriter.WriteYaml(c with { }));
        Assert.Equal(CaseFileWriter.WriteJson(c), CaseFileWriter.WriteJson(c with { }));
    }
}
