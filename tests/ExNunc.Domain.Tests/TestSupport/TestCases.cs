using ExNunc.Domain.Calendar;
using ExNunc.Domain.Cases;
using NodaTime;

namespace ExNunc.Domain.Tests.TestSupport;

/// <summary>Hand-built cases of invented people.</summary>
internal static class TestCases
{
    /// <summary>A case that says nothing beyond its id: every fact is unknown.</summary>
    public static CaseFile Empty => new() { Id = "nobody" };

    public static CaseFile Deserter => new()
    {
        Id = "test-deserter",
        Person = new Person { Name = "Test D.", Citizenship = ValueList.Of("RU"), Born = new PartialDate(1994, 3, 15), Sex = "male" },
        Military = new Military { Registered = true, Fitness = "A", Status = "deserted" },
        Desertion = new Desertion { Date = new LocalDate(2023, 6, 10) },
        Summonses = ValueList.Of(
            new Summons { Date = new LocalDate(2022, 9, 25), Kind = "paper", Purpose = "mobilisation", Served = "personally", Evidence = ValueList.Of("e1") },
            new Summons { Date = new LocalDate(2023, 1, 5), Kind = "electronic", Purpose = "unknown", Served = "not-served", Evidence = ValueList<string>.Empty }),
        Departure = new Departure { Date = new LocalDate(2023, 6, 20), Route = ValueList.Of("RU", "KZ", "TR"), Documents = "foreign-passport", LegalExit = false },
        ExitBan = "unknown",
        Whereabouts = new Whereabouts { Country = "DE", Since = new LocalDate(2023, 7, 1), Status = "asylum-pending" },
    };

    public static CaseFile BornIn(PartialDate born) => Empty with { Person = new Person { Born = born } };

    public static CaseFile WithSummonses(params Summons[] summonses) => Empty with { Summonses = new ValueList<Summons>(summonses) };

    public static CaseFile WithRoute(params string[] route) => Empty with { Departure = new Departure { Route = new ValueList<string>(route) } };
}
