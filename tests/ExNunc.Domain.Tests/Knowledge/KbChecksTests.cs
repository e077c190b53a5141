using System.Collections.Immutable;
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Knowledge;
using NodaTime;

namespace ExNunc.Domain.Tests.Knowledge;

public sealed class KbChecksTests
{
    private static readonly Jurisdiction[] Jurisdictions =
    [
        new("INT", JurisdictionRole.Group, new Bilingual("International", "Международное"), []),
        new("DE", JurisdictionRole.Destination, new Bilingual("Germany", "Германия"), ["INT"]),
    ];

    private static readonly Source ASource = new("A report", "A publisher", "https://example.org/report", new PartialDate(2023));

    private static int _line;

    private static KbEntry Entry(string id, EntryKind kind = EntryKind.CoiFact) => new()
    {
        Id = id,
        Kind = kind,
        Jurisdictions = ["INT"],
        Periods = [ValidityPeriod.Always],
        Title = new Bilingual("Title", "Заголовок"),
        Summary = new Bilingual("Summary", "Резюме"),
        Sources = [ASource],
        Verified = new LocalDate(2026, 1, 1),
        Location = new SourceLocation("kb/test.yaml", Interlocked.Increment(ref _line), 5),
    };

    private static List<Diagnostic> Check(params KbEntry[] entries) =>
        [.. KbChecks.Check(new KnowledgeBase(entries, Jurisdictions, "test"))];

    private static ValidityPeriod Period(string? from, string? to) =>
        new(from is null ? null : PartialDate.TryParse(from), to is null ? null : PartialDate.TryParse(to));

    [Fact]
    public void Check_SoundEntries_HaveNoProblems() =>
        Assert.Empty(Check(Entry("a-fact"), Entry("a-rule", EntryKind.Objection) with { Sources = [], Because = ["a-fact"] }));

    [Fact]
    public void Duplicates_SameIdTwice_ReportsTheSecondWithTheFirstsPlace()
    {
        var (first, second) = (Entry("same-id"), Entry("same-id"));

        var d = Assert.Single(KbChecks.Duplicates([first, second, Entry("other")], Jurisdictions));

        Assert.Equal(("entry.duplicate-id", second.Location), (d.Code, d.Location));
        Assert.Contains(first.Location.ToString(), d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_SameJurisdictionTwice_IsReported() =>
        Assert.Equal("jurisdiction.duplicate", Assert.Single(KbChecks.Duplicates([], [.. Jurisdictions, Jurisdictions[1]])).Code);

    [Fact]
    public void Check_FactWithoutSource_IsReportedAtTheEntry()
    {
        var e = Entry("no-source") with { Sources = [] };

        var d = Assert.Single(Check(e));

        Assert.Equal(("entry.source", e.Location, "sources"), (d.Code, d.Location, d.Field));
    }

    [Fact]
    public void Check_FactWithOnlyBecause_StillNeedsASource() =>
        Assert.Equal("entry.source", Assert.Single(Check(Entry("a"), Entry("b") with { Sources = [], Because = ["a"] })).Code);

    [Fact]
    public void Check_ReasoningWithoutSourceOrBecause_IsReported() =>
        Assert.Equal("entry.source", Assert.Single(Check(Entry("obj", EntryKind.Objection) with { Sources = [] })).Code);

    [Theory]
    [InlineData("", "A publisher", null)]
    [InlineData("A title", " ", null)]
    [InlineData("A title", "A publisher", "not a url")]
    public void Check_IncompleteSource_IsReported(string title, string publisher, string? url)
    {
        var d = Assert.Single(Check(Entry("a") with { Sources = [new Source(title, publisher, url, null)] }));

        Assert.StartsWith("source.", d.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BecauseNamingNoEntry_IsUnresolved()
    {
        var d = Assert.Single(Check(Entry("a") with { Because = ["nowhere"] }));

        Assert.Equal(("reference.unresolved", "because"), (d.Code, d.Field));
        Assert.Contains("'nowhere'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DecisiveReasoningOnUnconfirmedFact_IsReported_ButContextIsNot()
    {
        var rumour = Entry("rumour") with { Certainty = Certainty.Unconfirmed };

        Assert.Equal("reference.unconfirmed", Assert.Single(Check(rumour, Entry("obj", EntryKind.Objection) with { Because = ["rumour"] })).Code);
        Assert.Empty(Check(rumour, Entry("context") with { Because = ["rumour"] }));
    }

    [Theory]
    [InlineData("Bad_Id")]
    [InlineData("double--dash")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("Großbuchstabe")]
    public void Check_IdOutsideTheIdPattern_IsReported(string id) =>
        Assert.Equal("entry.id", Assert.Single(Check(Entry(id))).Code);

    [Fact]
    public void Check_UnknownJurisdiction_IsReported() =>
        Assert.Equal("entry.jurisdiction", Assert.Single(Check(Entry("a") with { Jurisdictions = ["XX"] })).Code);

    [Fact]
    public void Check_InvertedPeriod_IsReported() =>
        Assert.Equal("period.inverted", Assert.Single(Check(Entry("a") with { Periods = [Period("2023", "2022")] })).Code);

    [Fact]
    public void Check_OverlappingPeriods_AreReported_TouchingOnesAreNot()
    {
        Assert.Equal("period.overlap", Assert.Single(Check(Entry("a") with { Periods = [Period("2022-05", "2025-07"), Period("2025-07-22", null)] })).Code);
        Assert.Empty(Check(Entry("a") with { Periods = [Period("2022-05", "2025-07-22"), Period("2025-07-23", null)] }));
    }

    [Fact]
    public void Check_RussianArticleWithWrongId_IsReported()
    {
        var penalty = new Penalty(ValidityPeriod.Always, new Bilingual("A fine", "Штраф"));
        var law = Entry("ru-cc-999") with { Kind = EntryKind.RussianLaw, Details = new RussianLawDetails("cc", "352.1", [penalty]) };

        var d = Assert.Single(Check(law));

        Assert.Equal("russian-law.id", d.Code);
        Assert.Contains("ru-cc-352-1", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PenaltiesOfOnePartOverlapping_AreReported_DifferentPartsMayOverlap()
    {
        Penalty Pen(string? part, string from) => new(Period(from, null), new Bilingual("x", "х"), part);
        KbEntry Law(params Penalty[] p) => Entry("ru-cc-338") with { Kind = EntryKind.RussianLaw, Details = new RussianLawDetails("cc", "338", [.. p]) };

        Assert.Equal("period.overlap", Assert.Single(Check(Law(Pen("1", "2020"), Pen("1", "2022")))).Code);
        Assert.Empty(Check(Law(Pen("1", "2020"), Pen("2", "2022"))));
    }

    [Fact]
    public void Check_RebuttalAnsweringSomethingElse_IsUnresolved()
    {
        var rebuttal = Entry("rebut") with
        {
            Kind = EntryKind.Rebuttal,
            Sources = [],
            Details = new RebuttalDetails("a-fact", null, ["a-fact"]),
        };

        var d = Assert.Single(Check(Entry("a-fact"), rebuttal));

        Assert.Equal(("reference.unresolved", "answers"), (d.Code, d.Field));
    }

    [Fact]
    public void Check_RuleConcludingAnElementTheGroundLacks_IsUnresolved()
    {
        var ground = Entry("refugee-status", EntryKind.Ground) with
        {
            Details = new GroundDetails([new GroundElement("outside-country", ElementRole.Route, new Bilingual("Outside", "Вне"))]),
        };
        var rule = Entry("rule-x", EntryKind.Rule) with
        {
            Details = new RuleDetails(null, new ConditionText("true", new SourceLocation("kb/test.yaml", 1, 1)),
                new ElementConclusion("refugee-status", "no-such-element", Support.Strong)),
        };

        var d = Assert.Single(Check(ground, rule));

        Assert.Equal(("reference.unresolved", "then"), (d.Code, d.Field));
    }

    [Fact]
    public void Check_EveryProblemOfAnEntry_IsReportedAtOnce()
    {
        var e = Entry("Bad_Id") with { Jurisdictions = ["XX"], Sources = [], Periods = [Period("2023", "2022")], Because = ["nowhere"] };

        Assert.Equal(
            ["entry.id", "entry.jurisdiction", "period.inverted", "entry.source", "reference.unresolved"],
            Check(e).Select(d => d.Code));
    }

    [Fact]
    public void Diagnostic_ToString_StartsWithFileLineAndColumn() =>
        Assert.Equal("kb/x.yaml:3:5: error entry.source [sources]: a: needs at least one source.",
            new Diagnostic("entry.source", "a: needs at least one source.", new SourceLocation("kb/x.yaml", 3, 5), "sources").ToString());

    [Fact]
    public void Entry_AppliesOn_AnyOfItsPeriods()
    {
        var e = Entry("a") with { Periods = [Period("2022-05", "2025-07-22"), Period("2025-08-23", null)] };

        Assert.True(e.AppliesOn(new LocalDate(2025, 7, 22)));
        Assert.False(e.AppliesOn(new LocalDate(2025, 8, 1)));
        Assert.True(e.AppliesOn(new LocalDate(2025, 8, 23)));
        Assert.False(e.AppliesOn(new LocalDate(2022, 4, 30)));
    }

    [Fact]
    public void KnowledgeBase_ParameterAndApplies_FollowTheDates()
    {
        var limit = Entry("age-limit", EntryKind.Parameter) with
        {
            Details = new ParameterDetails([new ParameterValue(Period(null, "2023-12-31"), 27), new ParameterValue(Period("2024-01-01", null), 30)]),
        };
        var kb = new KnowledgeBase([limit, Entry("later") with { Periods = [Period("2024", null)] }], Jurisdictions, "v");

        Assert.Equal(27m, kb.Parameter("age-limit", new LocalDate(2023, 12, 31)));
        Assert.Equal(30m, kb.Parameter("age-limit", new LocalDate(2024, 1, 1)));
        Assert.Null(kb.Parameter("later", new LocalDate(2024, 1, 1)));
        Assert.False(kb.Applies("later", new LocalDate(2023, 12, 31)));
        Assert.True(kb.Applies("later", new LocalDate(2024, 1, 1)));
        Assert.False(kb.Applies("nowhere", new LocalDate(2024, 1, 1)));
    }

    [Fact]
    public void KnowledgeBase_InGroup_FollowsMembershipButNotItself()
    {
        var kb = new KnowledgeBase([], Jurisdictions, "v");

        Assert.True(kb.InGroup("DE", "INT"));
        Assert.False(kb.InGroup("INT", "INT"));
        Assert.False(kb.InGroup("XX", "INT"));
        Assert.True(kb.Covers("INT", "DE"));
        Assert.True(kb.Covers("DE", "DE"));
    }

    [Fact]
    public void Checks_DoNotDependOnEntryOrder()
    {
        var entries = ImmutableArray.Create(Entry("b") with { Because = ["zz"] }, Entry("a") with { Sources = [] });

        Assert.Equal(Check([.. entries]), Check([.. entries.Reverse()]));
    }
}
