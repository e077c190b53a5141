using ExNunc.Domain.Calendar;
using ExNunc.Domain.Cases;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace ExNunc.Domain.Tests.TestSupport;

/// <summary>Text made of condition-language tokens in random order, to fuzz the parser and compiler past the tokenizer.</summary>
public sealed record TokenSoup(string Text)
{
    public override string ToString() => Text;
}

/// <summary>Two well-formed conditions and a case to evaluate them on.</summary>
public sealed record LogicCase(string A, string B, CaseFile Case, LocalDate AsOf, string Destination)
{
    public override string ToString() => $"A: {A}\nB: {B}\nas of {AsOf:uuuu-MM-dd} for {Destination}\n{Case}";
}

/// <summary>
/// Generators for the condition language. Atoms cover every construct of docs/kb-format.md
/// ("Conditions") and every fact they read is sometimes missing, sometimes 'unknown', sometimes
/// known, so that atoms are true, false and unknown in turn.
/// </summary>
public static class Generators
{
    private static readonly string[] Tokens =
    [
        "(", ")", "[", "]", ",", "=", "!=", "<", "<=", ">", ">=", "!", "-", "#", "'", "\"", "\"a b\"", "'x'",
        "and", "or", "not", "in", "is", "known", "unknown", "empty", "contains", "true", "false",
        "any", "all", "none", "count", "param", "applies", "in_group", "it", "age", "as_of", "destination",
        "military.status", "military", "summonses", "served", "departure.route", "person.born", "exit_ban", "x.y.z",
        "deserted", "not-served", "KZ", "EU", "ru-conscription-age-limit", "ru-fz-127-2023",
        "2022-09-21", "2022-13-01", "2022-9-1", "27", "1.5", "1.2.3", "12-5", "0", "99999999999999999999999999999999",
        "Андрей", "💥", "\t", "\n", "",
    ];

    /// <summary>Atomic conditions that compile against <see cref="FakeKbFacts"/>.</summary>
    public static readonly string[] Atoms =
    [
        "true",
        "false",
        "military.registered",
        "military.registered = false",
        "military.status = deserted",
        "military.status != civilian",
        "military.status in [deserted, awol, surrendered]",
        "military.fitness in [A, B]",
        "exit_ban = yes",
        "exit_ban is unknown",
        "person.sex = male",
        "person.citizenship contains RU",
        "person.born < 1995-01-01",
        "age >= 30",
        "age <= param(ru-conscription-age-limit)",
        "desertion.date >= 2022-09-21",
        "desertion.date is known",
        "departure.route contains KZ",
        "departure.route is empty",
        "departure.legal_exit",
        "any(departure.route, it = TR)",
        "all(departure.route, it != DE)",
        "any(departure.route, it != destination and in_group(it, EU))",
        "summonses is empty",
        "summonses is known",
        "any(summonses, purpose = mobilisation and served != not-served)",
        "all(summonses, served = personally)",
        "none(summonses, kind = electronic)",
        "count(summonses, purpose = mobilisation) >= 1",
        "count(summonses, true) = 2",
        "any(summonses, evidence is empty)",
        "any(summonses, any(evidence, it = e1))",
        "any(summonses, date >= 2022-09-21 and military.status != civilian)",
        "any(activity, anti_war = true)",
        "any(activity, audience > 1000)",
        "any(military.service, kind = conscript)",
        "objection.basis = religious",
        "objection.religion is known",
        "whereabouts.status is unknown",
        "applies(ru-fz-127-2023)",
        "as_of >= 2023-01-01",
        "destination = DE",
        "in_group(destination, EU)",
    ];

    public static Arbitrary<TokenSoup> TokenSoups() => Arb.From(
        from tokens in Gen.ListOf(Gen.Elements(Tokens))
        from separators in Gen.ArrayOf(Gen.Elements(" ", " ", " ", "", "  "), tokens.Count)
        select new TokenSoup(string.Concat(tokens.Select((t, i) => t + separators[i]))));

    public static Arbitrary<LogicCase> LogicCases() => Arb.From(
        from a in Condition()
        from b in Condition()
        from c in Case()
        from asOf in Date(2022, 2026)
        from destination in Gen.Elements("DE", "FI", "FR", "KZ")
        select new LogicCase(a, b, c, asOf, destination));

    /// <summary>A condition built from atoms with not, and, or; compound parts are parenthesised.</summary>
    public static Gen<string> Condition() => Gen.Sized(size => Condition(Math.Min(size / 20, 3)));

    private static Gen<string> Condition(int depth)
    {
        var atom = Gen.Elements(Atoms);
        if (depth <= 0) return atom;
        var sub = Condition(depth - 1);
        return Gen.Frequency(
            (3, atom),
            (1, sub.Select(x => $"not ({x})")),
            (2, from x in sub from y in sub select $"({x}) and ({y})"),
            (2, from x in sub from y in sub select $"({x}) or ({y})"));
    }

    // ---- cases -----------------------------------------------------------------------------------

    private static Gen<CaseFile> Case() =>
        from person in Maybe(Person())
        from military in Maybe(Military())
        from summonses in MaybeList(Summons())
        from desertion in Maybe(Date(2022, 2025).Select(d => new Desertion { Date = d }))
        from activity in MaybeList(Activity())
        from objection in Maybe(Objection())
        from departure in Maybe(Departure())
        from exitBan in Maybe(Gen.Elements("yes", "no", "unknown"))
        from whereabouts in Maybe(Gen.Elements("transit", "asylum-pending", "unknown-status").Select(s => new Whereabouts { Status = s == "unknown-status" ? null : s }))
        select new CaseFile
        {
            Id = "generated",
            Person = person,
            Military = military,
            Summonses = summonses,
            Desertion = desertion,
            Activity = activity,
            Objection = objection,
            Departure = departure,
            ExitBan = exitBan,
            Whereabouts = whereabouts,
        };

    private static Gen<Person> Person() =>
        from born in Gen.OneOf(
            Gen.Constant<PartialDate?>(null),
            Gen.Choose(1960, 2006).Select(y => (PartialDate?)new PartialDate(y)),
            Date(1960, 2006).Select(d => (PartialDate?)PartialDate.FromDate(d)))
        from sex in Maybe(Gen.Elements("male", "female", "other"))
        from citizenship in MaybeList(Gen.Elements("RU", "BY", "UA"))
        select new Person { Born = born, Sex = sex, Citizenship = citizenship };

    private static Gen<Military> Military() =>
        from registered in MaybeBool()
        from fitness in Maybe(Gen.Elements("A", "B", "V", "unknown"))
        from status in Maybe(Gen.Elements("civilian", "deserted", "awol", "mobilised"))
        from service in MaybeList(Maybe(Gen.Elements("conscript", "contract")).Select(k => new ServicePeriod { Kind = k }))
        select new Military { Registered = registered, Fitness = fitness, Status = status, Service = service };

    private static Gen<Summons> Summons() =>
        from date in MaybeDate(2021, 2025)
        from kind in Maybe(Gen.Elements("paper", "electronic"))
        from purpose in Maybe(Gen.Elements("mobilisation", "conscription", "unknown"))
        from served in Maybe(Gen.Elements("personally", "not-served", "unknown"))
        from evidence in MaybeList(Gen.Elements("e1", "e2"))
        select new Summons { Date = date, Kind = kind, Purpose = purpose, Served = served, Evidence = evidence };

    private static Gen<Activity> Activity() =>
        from antiWar in MaybeBool()
        from audience in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 5000).Select(n => (int?)n))
        select new Activity { Kind = "blog", AntiWar = antiWar, Audience = audience };

    private static Gen<Objection> Objection() =>
        from basis in Maybe(Gen.Elements("religious", "moral", "political"))
        from religion in Maybe(Gen.Elements("Jehovah's Witnesses", "Orthodox"))
        select new Objection { Basis = basis, Religion = religion };

    private static Gen<Departure> Departure() =>
        from route in MaybeList(Gen.Elements("RU", "KZ", "TR", "FI", "DE", "GE"))
        from legal in MaybeBool()
        select new Departure { Route = route, LegalExit = legal };

    public static Gen<LocalDate> Date(int fromYear, int toYear) =>
        from offset in Gen.Choose(0, (new LocalDate(toYear, 12, 31) - new LocalDate(fromYear, 1, 1)).Days)
        select new LocalDate(fromYear, 1, 1).PlusDays(offset);

    private static Gen<LocalDate?> MaybeDate(int fromYear, int toYear) =>
        Gen.OneOf(Gen.Constant<LocalDate?>(null), Date(fromYear, toYear).Select(d => (LocalDate?)d));

    private static Gen<bool?> MaybeBool() => Gen.Elements<bool?>(null, true, false);

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(x => (T?)x)));

    private static Gen<ValueList<T>?> MaybeList<T>(Gen<T> item) =>
        Gen.Frequency(
            (1, Gen.Constant<ValueList<T>?>(null)),
            (1, Gen.Constant<ValueList<T>?>(ValueList<T>.Empty)),
            (3, Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(item, n)).Select(xs => (ValueList<T>?)new ValueList<T>(xs))));
}
