using System.Text.Json;
using System.Text.RegularExpressions;
using ExNunc.Cli.Tests.TestSupport;
using ExNunc.KnowledgeBase.Loading;
using ExNunc.Testing;
using NodaTime;
using NodaTime.Testing;

namespace ExNunc.Cli.Tests;

/// <summary><c>exnunc assess</c>: dates, formats, the JSON contract, languages and errors.</summary>
public sealed partial class AssessTests
{
    private static readonly string OlgaV = RepoPaths.Scenario("olga-v");

    [GeneratedRegex(@"[\u0400-\u04FF]")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"^sha256:[0-9a-f]{16}$")]
    private static partial Regex KbVersion();

    /// <summary>
    /// Every destination, named explicitly: without --to the CLI currently assesses none (see the
    /// test report), so the contract is checked on an explicit list.
    /// </summary>
    private static readonly string AllDestinations = string.Join(",", TestKnowledge.Kb.Destinations);

    private static CliResult Assess(params string[] args) => Exnunc.Run(["assess", .. args, "--kb", RepoPaths.Kb]);

    private static JsonElement Json(CliResult r)
    {
        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        Assert.Equal("", r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.Clone();
    }

    // ---- dates ---------------------------------------------------------------------------------

    [Fact]
    public void Assess_WithoutAsOf_UsesTheClocksDate()
    {
        var json = Json(Assess(OlgaV, "--to", "DE", "--format", "json"));

        Assert.Equal("2024-11-20", json.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Assess_WithoutAsOf_FollowsTheClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 8, 1, 0, 0));

        var r = Exnunc.Run(clock, "assess", OlgaV, "--kb", RepoPaths.Kb, "--to", "DE", "--format", "json");

        Assert.Equal("2025-08-01", Json(r).GetProperty("asOf").GetString());
    }

    [Fact]
    public void Assess_AsOf_IsTheDateOfTheResult()
    {
        var json = Json(Assess(OlgaV, "--as-of", "2023-08-01", "--to", "DE", "--format", "json"));

        Assert.Equal("2023-08-01", json.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Assess_BeforeAndDuringTheGermanSuspension_GivesDifferentPathwayStates()
    {
        var open = Json(Assess(OlgaV, "--as-of", "2025-07-01", "--to", "DE", "--format", "json"));
        var later = Json(Assess(OlgaV, "--as-of", "2025-08-01", "--to", "DE", "--format", "json"));

        Assert.NotEqual(PathwayStates(open), PathwayStates(later));
    }

    private static string PathwayStates(JsonElement json) => string.Join(",",
        json.GetProperty("destinations")[0].GetProperty("pathways").EnumerateArray()
            .Select(p => p.GetProperty("id").GetString() + "=" + p.GetProperty("state").GetString()));

    // ---- determinism and the JSON contract -------------------------------------------------------

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    [InlineData("markdown")]
    public void Assess_Twice_IsByteIdentical(string format)
    {
        var first = Assess(OlgaV, "--as-of", "2024-06-01", "--to", AllDestinations, "--format", format);
        var second = Assess(OlgaV, "--as-of", "2024-06-01", "--to", AllDestinations, "--format", format);

        Assert.Equal(ExitCodes.Ok, first.Code);
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Assess_Json_HasTheTopLevelContractFields()
    {
        var json = Json(Assess(OlgaV, "--as-of", "2023-08-01", "--to", AllDestinations, "--format", "json"));

        var kb = KbLoader.Load(RepoPaths.Kb).Knowledge!;
        Assert.Equal("olga-v", json.GetProperty("case").GetString());
        Assert.Matches(KbVersion(), json.GetProperty("kb").GetProperty("version").GetString());
        Assert.Equal(kb.Version, json.GetProperty("kb").GetProperty("version").GetString());
        Assert.Equal(kb.Entries.Length, json.GetProperty("kb").GetProperty("entries").GetInt32());
        var countries = json.GetProperty("destinations").EnumerateArray().Select(d => d.GetProperty("country").GetString()).ToList();
        Assert.Equal(TestKnowledge.Kb.Destinations.Order(StringComparer.Ordinal), countries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Assess_ToSomeCountries_AssessesOnlyThose()
    {
        var json = Json(Assess(OlgaV, "--as-of", "2023-08-01", "--to", "DE,nl", "--format", "json"));

        Assert.Equal(["DE", "NL"], json.GetProperty("destinations").EnumerateArray().Select(d => d.GetProperty("country").GetString()).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> Scenarios() => [.. TestKnowledge.ScenarioNames];

    /// <summary>Every scenario assessed once for every destination (each run loads the whole kb/).</summary>
    private static readonly Lazy<Dictionary<string, JsonElement>> ScenarioResults = new(() =>
        TestKnowledge.ScenarioNames.ToDictionary(
            s => s,
            s => Json(Assess(RepoPaths.Scenario(s), "--as-of", "2024-06-01", "--to", AllDestinations, "--format", "json")),
            StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Assess_Json_EveryDestinationHasTheContractFields(string scenario)
    {
        var destinations = ScenarioResults.Value[scenario].GetProperty("destinations");

        Assert.Equal(TestKnowledge.Kb.Destinations.Count(), destinations.GetArrayLength());
        foreach (var d in destinations.EnumerateArray())
            Contract.Destination(d);
    }

    [Fact]
    public void Assess_Json_ScenariosTogether_FillEverySection()
    {
        // So that the per-item checks above are not vacuous: every section occurs somewhere.
        var filled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in ScenarioResults.Value.Values)
            foreach (var d in result.GetProperty("destinations").EnumerateArray())
                foreach (var section in Contract.Sections)
                    if (d.GetProperty(section).GetArrayLength() > 0) filled.Add(section);

        Assert.Equal(Contract.Sections.Order(StringComparer.Ordinal), filled.Order(StringComparer.Ordinal));
    }

    // ---- explain and language ---------------------------------------------------------------

    [Fact]
    public void Assess_ExplainRefugeeStatus_PrintsTheDerivation()
    {
        var r = Assess(OlgaV, "--as-of", "2025-01-01", "--to", "DE", "--explain", "refugee-status");

        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        var lines = r.Out.Split('\n');
        Assert.StartsWith("ground refugee-status (DE) = ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("└ refugee-status/outside-country:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("└ rule-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("⇒ true", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim() == "· whereabouts.country = GE");
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void Assess_ExplainAnElementByGroundAndId_PrintsItsDerivation()
    {
        var r = Assess(OlgaV, "--as-of", "2025-01-01", "--to", "DE", "--explain", "refugee-status/outside-country");

        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.StartsWith("element outside-country (DE) = met", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ExplainUnknownFinding_ExitsThree()
    {
        var r = Assess(OlgaV, "--as-of", "2025-01-01", "--to", "DE", "--explain", "no-such-finding");

        Assert.Equal(ExitCodes.NotFound, r.Code);
        Assert.Contains("finding.not-found", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Assess_LangRu_PrintsRussianHeadings()
    {
        var r = Assess(OlgaV, "--as-of", "2025-01-01", "--to", "DE", "--lang", "ru");

        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Contains("Оценка", r.Out, StringComparison.Ordinal);
        Assert.Contains("Основания для защиты", r.Out, StringComparison.Ordinal);
        Assert.Contains("Пути въезда и пребывания", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Protection grounds", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_LangRuJson_HasRussianTextsAndTheSameIds()
    {
        var en = Json(Assess(OlgaV, "--as-of", "2025-01-01", "--to", "DE", "--format", "json"));
        var ru = Json(Assess(OlgaV, "--as-of", "2025-01-01", "--to", "DE", "--format", "json", "--lang", "ru"));

        Assert.Equal(PathwayStates(en), PathwayStates(ru));
        var explanation = ru.GetProperty("destinations")[0].GetProperty("grounds")[0].GetProperty("explanation").GetString();
        Assert.Matches(Cyrillic(), explanation);
    }

    [Fact]
    public void Assess_LangEn_HasNoCyrillicHeadings()
    {
        var r = Assess(OlgaV, "--as-of", "2025-01-01", "--to", "DE");

        Assert.Contains("Protection grounds", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Основания для защиты", r.Out, StringComparison.Ordinal);
    }

    // ---- errors ----------------------------------------------------------------------------

    [Theory]
    [InlineData("XX")]
    [InlineData("RU")]
    [InlineData("EU")]
    [InlineData("DE,XX")]
    public void Assess_UnknownCountry_ExitsTwoAndNamesIt(string to)
    {
        var r = Assess(OlgaV, "--to", to);

        Assert.Equal(ExitCodes.InvalidInput, r.Code);
        Assert.Contains("error country.unknown", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Assess_MissingCaseFile_ExitsThree()
    {
        using var dir = new TempDirectory();

        var r = Assess(Path.Combine(dir.Path, "nobody.yaml"));

        Assert.Equal(ExitCodes.NotFound, r.Code);
        Assert.Contains("error case.not-found", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Theory]
    [InlineData("--as-of", "2025-02-30")]
    [InlineData("--as-of", "1.8.2025")]
    [InlineData("--format", "xml")]
    [InlineData("--lang", "de")]
    [InlineData("--no-such-option", "x")]
    public void Assess_BadOption_ExitsTwoWithAUsageError(string option, string value)
    {
        var r = Assess(OlgaV, option, value);

        Assert.Equal(ExitCodes.InvalidInput, r.Code);
        Assert.StartsWith("error usage:", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Assess_CaseFileWithTwentyErrors_ExitsTwoListingEveryOneAndPrintsNothing()
    {
        var text = Fixtures.Read("twenty-errors.yaml");
        var expected = text.Split('\n')
            .Select((line, i) => (Match: Expectation().Match(line), Line: i + 1))
            .Where(x => x.Match.Success)
            .Select(x => (x.Match.Groups["code"].Value, x.Line))
            .ToList();
        using var dir = new TempDirectory();
        var path = dir.Write("twenty-errors.yaml", text);

        var r = Assess(path, "--as-of", "2024-06-01", "--format", "json");

        Assert.Equal(20, expected.Count);
        Assert.Equal(ExitCodes.InvalidInput, r.Code);
        Assert.Equal("", r.Out);
        var lines = r.ErrLines;
        Assert.Equal("20 error(s).", lines[^1]);
        var reported = lines.SkipLast(1).Select(l => ReportedProblem().Match(l)).ToList();
        Assert.All(reported, m => Assert.True(m.Success));
        Assert.All(reported, m => Assert.Equal(path, m.Groups["file"].Value));
        Assert.Equal(expected, reported.Select(m => (m.Groups["code"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [GeneratedRegex(@"#\s*expect:\s*(?<code>\S+)\s+\S+\s*$")]
    private static partial Regex Expectation();

    [GeneratedRegex(@"^(?<file>.+):(?<line>\d+):(?<column>\d+): error (?<code>\S+) \[")]
    private static partial Regex ReportedProblem();

    [Fact]
    public void Assess_BrokenKb_ExitsTwoBeforeReadingTheCase()
    {
        using var dir = TempDirectory.WithKbCopy();
        dir.Write("kb/zz-test/broken.yaml", "entries: [\n");

        var r = Exnunc.Run("assess", OlgaV, "--kb", dir.Kb);

        Assert.Equal(ExitCodes.InvalidInput, r.Code);
        Assert.Contains("kb/zz-test/broken.yaml:", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }
}
