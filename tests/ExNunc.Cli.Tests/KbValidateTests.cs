using System.Text.RegularExpressions;
using ExNunc.Cli.Tests.TestSupport;
using ExNunc.Testing;

namespace ExNunc.Cli.Tests;

/// <summary><c>exnunc kb validate</c> on the real kb/ and on copies of it with one kind of problem added.</summary>
public sealed partial class KbValidateTests
{
    private const string File = "zz-test/problems.yaml";

    [GeneratedRegex(@"^kb/[^:\s]+\.yaml:(?<line>\d+):(?<column>\d+): (error|warning) (?<code>[a-z][a-z0-9.\-]*)( \[\S+\])?: .+$")]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"^\d+ error\(s\)\.$")]
    private static partial Regex CountLine();

    /// <summary>An entry without problems, to be referred to.</summary>
    private const string ValidFact = """
          - id: test-valid-fact
            kind: coi-fact
            jurisdiction: INT
            from: 2023-01-01
            to: null
            title: { en: "An invented fact", ru: "Выдуманный факт" }
            summary:
              en: An invented fact for a test.
              ru: Выдуманный факт для теста.
            sources:
              - { title: A report, publisher: A publisher, url: "https://example.org/a", published: 2023-01-01 }
            verified: 2026-01-01

        """;

    [Fact]
    public void Validate_RealKb_ExitsZeroAndSaysSo()
    {
        var r = Exnunc.Run("kb", "validate", "--kb", RepoPaths.Kb);

        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        Assert.StartsWith("The knowledge base is valid:", r.Out, StringComparison.Ordinal);
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void Validate_CopyOfTheKb_IsValidWithTheSameVersion()
    {
        using var dir = TempDirectory.WithKbCopy();

        var real = Exnunc.Run("kb", "validate", "--kb", RepoPaths.Kb);
        var copy = Exnunc.Run("kb", "validate", "--kb", dir.Kb);

        Assert.Equal(ExitCodes.Ok, copy.Code);
        Assert.Equal(real.Out, copy.Out);
    }

    [Fact]
    public void Validate_MalformedYaml_ExitsTwoNamingFileLineAndColumn()
    {
        var r = ValidateWith("entries:\n  - id: test-bad\n    title: { en: \"unclosed\n    kind: coi-fact\n");

        var (line, _, code) = Problem(r, "yaml.syntax");
        Assert.Equal((3, "yaml.syntax"), (line, code));
    }

    [Fact]
    public void Validate_BrokenReference_ExitsTwoAtTheEntry()
    {
        var r = ValidateWith($"""
            entries:
            {ValidFact}  - id: test-broken-reference
                kind: coi-fact
                jurisdiction: INT
                from: 2023-01-01
                to: null
                title: {"{"} en: "A test fact", ru: "Тестовый факт" {"}"}
                summary: {"{"} en: "An invented fact.", ru: "Выдуманный факт." {"}"}
                sources:
                  - {"{"} title: A report, publisher: A publisher, published: 2023 {"}"}
                because: [test-valid-fact, no-such-entry]
                verified: 2026-01-01
            """);

        var (line, column, _) = Problem(r, "reference.unresolved");
        Assert.Equal((14, 5), (line, column));
        Assert.Contains("'no-such-entry'", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RuleNamingAFactThatDoesNotExist_ExitsTwoAtItsCondition()
    {
        var r = ValidateWith($"""
            entries:
            {ValidFact}  - id: rule-test-unknown-fact
                kind: rule
                jurisdiction: INT
                from: null
                to: null
                title: {"{"} en: "A test rule", ru: "Тестовое правило" {"}"}
                summary: {"{"} en: "An invented rule.", ru: "Выдуманное правило." {"}"}
                when: "military.status = deserted and military.rank = general"
                then:
                  gap: {"{"} fact: military.status, need: {"{"} en: "Proof", ru: "Доказательство" {"}"} {"}"}
                because: [test-valid-fact]
                verified: 2026-01-01
            """);

        var (line, column, _) = Problem(r, "condition.unknown-fact");
        Assert.Equal((21, 11), (line, column));
        Assert.Contains("military.rank", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ForEachRuleConcludingAnElement_ExitsTwoAtTheRule()
    {
        var r = ValidateWith($"""
            entries:
            {ValidFact}  - id: rule-test-for-each-element
                kind: rule
                jurisdiction: INT
                from: null
                to: null
                title: {"{"} en: "A test rule", ru: "Тестовое правило" {"}"}
                summary: {"{"} en: "An invented rule.", ru: "Выдуманное правило." {"}"}
                for_each: summonses
                when: "purpose = mobilisation"
                then:
                  element: {"{"} ground: refugee-status, element: outside-country, support: strong {"}"}
                because: [test-valid-fact]
                verified: 2026-01-01
            """);

        var (line, column, _) = Problem(r, "rule.for-each");
        Assert.Equal((14, 5), (line, column));
        Assert.Contains("rule-test-for-each-element", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoEntriesWithTheSameId_ExitsTwoAtTheSecond()
    {
        var r = ValidateWith($"""
            entries:
            {ValidFact}{ValidFact}
            """);

        var (line, column, _) = Problem(r, "entry.duplicate-id");
        Assert.Equal((14, 5), (line, column));
        Assert.Contains($"kb/{File}:2:5", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EntryWithoutSource_ExitsTwoAtTheEntry()
    {
        var r = ValidateWith("""
            entries:
              - id: test-no-source
                kind: coi-fact
                jurisdiction: INT
                from: 2023-01-01
                to: null
                title: { en: "Unsourced", ru: "Без источника" }
                summary: { en: "An invented fact.", ru: "Выдуманный факт." }
                verified: 2026-01-01
            """);

        var (line, column, _) = Problem(r, "entry.source");
        Assert.Equal((2, 5), (line, column));
    }

    [Fact]
    public void Validate_EntryWithoutRussianSummary_ExitsTwoAtTheSummary()
    {
        var r = ValidateWith("""
            entries:
              - id: test-no-russian
                kind: coi-fact
                jurisdiction: INT
                from: 2023-01-01
                to: null
                title: { en: "English only", ru: "Только английский" }
                summary:
                  en: An invented fact without its Russian summary.
                sources:
                  - { title: A report, publisher: A publisher, published: unknown }
                verified: 2026-01-01
            """);

        var (line, _, _) = Problem(r, "field.required");
        Assert.Equal(9, line);
        Assert.Contains("summary.ru", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProblemsInSeveralFiles_AreAllReportedInOneRun()
    {
        using var dir = TempDirectory.WithKbCopy();
        dir.Write("kb/zz-test/a-malformed.yaml", "entries: [\n");
        dir.Write("kb/zz-test/b-unsourced.yaml", """
            entries:
              - id: test-no-source
                kind: coi-fact
                jurisdiction: INT
                from: 2023-01-01
                to: null
                title: { en: "Unsourced", ru: "Без источника" }
                summary: { en: "An invented fact.", ru: "Выдуманный факт." }
                verified: 2026-01-01
            """);
        dir.Write("kb/zz-test/c-inverted.yaml", $"""
            entries:
            {ValidFact.Replace("from: 2023-01-01\n    to: null", "from: 2023-01-01\n    to: 2022-12-31", StringComparison.Ordinal)}
            """);

        var r = Exnunc.Run("kb", "validate", "--kb", dir.Kb);

        AssertEveryProblemHasAPlace(r);
        var codes = r.ErrLines.SkipLast(1).Select(l => DiagnosticLine().Match(l)).Select(m => (File: m.Value[..m.Value.IndexOf(':', StringComparison.Ordinal)], m.Groups["code"].Value)).ToList();
        Assert.Contains(("kb/zz-test/a-malformed.yaml", "yaml.syntax"), codes);
        Assert.Contains(("kb/zz-test/b-unsourced.yaml", "entry.source"), codes);
        Assert.Contains(("kb/zz-test/c-inverted.yaml", "period.inverted"), codes);
        Assert.Equal($"{codes.Count} error(s).", r.ErrLines[^1]);
    }

    [Fact]
    public void Validate_MissingDirectory_ExitsTwo()
    {
        var r = Exnunc.Run("kb", "validate", "--kb", Path.Combine(Path.GetTempPath(), "exnunc-no-such-kb-" + Guid.NewGuid()));

        Assert.Equal(ExitCodes.InvalidInput, r.Code);
        Assert.Contains("kb.not-found", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    // ---------------------------------------------------------------------------------------

    private static CliResult ValidateWith(string problemFile)
    {
        using var dir = TempDirectory.WithKbCopy();
        dir.Write("kb/" + File, problemFile);
        return Exnunc.Run("kb", "validate", "--kb", dir.Kb);
    }

    /// <summary>Asserts a failed validation in which every problem names file, line and column, and returns the one with this code.</summary>
    private static (int Line, int Column, string Code) Problem(CliResult r, string code)
    {
        AssertEveryProblemHasAPlace(r);
        var mine = r.ErrLines.Select(l => DiagnosticLine().Match(l))
            .Where(m => m.Success && m.Groups["code"].Value == code && m.Value.StartsWith($"kb/{File}:", StringComparison.Ordinal))
            .ToList();
        Assert.True(mine.Count > 0, $"no {code} in kb/{File}:\n{r}");
        var m = mine[0];
        return (int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture), code);
    }

    private static void AssertEveryProblemHasAPlace(CliResult r)
    {
        Assert.True(r.Code == ExitCodes.InvalidInput, r.ToString());
        Assert.Equal("", r.Out);
        var lines = r.ErrLines;
        Assert.True(lines.Count >= 2, r.ToString());
        Assert.Matches(CountLine(), lines[^1]);
        Assert.All(lines.SkipLast(1), l => Assert.Matches(DiagnosticLine(), l));
    }
}
