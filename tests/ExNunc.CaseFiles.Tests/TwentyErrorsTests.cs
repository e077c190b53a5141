using System.Text.RegularExpressions;

namespace ExNunc.CaseFiles.Tests;

public sealed partial class TwentyErrorsTests
{
    [GeneratedRegex(@"#\s*expect:\s*(?<code>\S+)\s+(?<field>\S+)\s*$")]
    private static partial Regex Expectation();

    [Fact]
    public void Read_FileWithTwentyProblems_ReportsAllTwentyWithLineAndField()
    {
        var text = Fixture("twenty-errors.yaml");
        var expected = text.Split('\n')
            .Select((line, i) => (Match: Expectation().Match(line), Line: i + 1))
            .Where(x => x.Match.Success)
            .Select(x => (x.Match.Groups["code"].Value, x.Match.Groups["field"].Value, x.Line))
            .ToList();

        var result = CaseFileReader.Read("twenty-errors.yaml", text, FakeCatalog.Scenarios);

        Assert.Equal(20, expected.Count);
        Assert.False(result.IsSuccess);
        var reported = result.Diagnostics.Select(d => (d.Code, d.Field!, d.Location!.Line)).ToList();
        Assert.Equal(expected, reported);
        Assert.All(result.Diagnostics, d => Assert.Equal("twenty-errors.yaml", d.Location!.File));
    }

    private static string Fixture(string name)
    {
        using var stream = typeof(TwentyErrorsTests).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Missing embedded fixture " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
