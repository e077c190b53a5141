using ExNunc.Domain.Calendar;
using ExNunc.Domain.Cases;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace ExNunc.CaseFiles.Tests;

/// <summary>
/// Arbitrary valid cases: every optional field sometimes unknown, lists null, empty or full, and
/// texts assembled from pieces that trip YAML and JSON writers (colons, '#', leading dashes,
/// quotes, line breaks, Cyrillic, emoji, words YAML reads as null or booleans, numbers as text).
/// Cross-field rules hold by construction, so a valid case must read back exactly.
/// </summary>
public static class CaseFileGenerators
{
    private static readonly string[] Pieces =
    [
        "Andrei K.", "Андрей К.", "Ёжик в тумане", "Jehovah's Witnesses", ": ", ":", "#", " #", "# ", "-", "- ", "--- ", "...",
        "'", "\"", "\\", "\n", "\r\n", "\t", " ", "  ", "yes", "no", "No", "NO", "null", "Null", "~", "true", "False", "on",
        "1994", "0x1F", "1e3", "-1", ".inf", "2022-09-28", "[a, b]", "{x: 1}", "&anchor", "*alias", "!tag", "%YAML", "@", "`",
        "|", ">", "? ", ",", "💥", "€", "\u00A0", "\u2028", "\u0085", "\u0001", "<<", "=", "e5", "A", "z",
    ];

    private static readonly string[] CaseIds = ["andrei-k", "null", "yes", "no", "true", "1994", "0", "-", "--", "a-", "0x1f", "1e3", "e1"];
    private static readonly string[] Countries = ["RU", "DE", "KZ", "NO", "ON", "YE", "UA", "FI"];
    private static readonly string[] PathSegments = ["evidence", "повестка 1.pdf", "a#b.jpg", "yes", "null", "1994", "-x.pdf", ".", "a..b", "file # name.txt", "'q'.pdf"];

    public static Arbitrary<CaseFile> CaseFiles() => Arb.From(Case());

    public static Gen<string> Text() =>
        Gen.Sized(size => Gen.Choose(0, Math.Min(5, 1 + size / 10)))
            .SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n))
            .Select(parts => string.Concat(parts));

    private static Gen<CaseFile> Case() =>
        from id in Gen.Elements(CaseIds)
        from evidence in Maybe(Evidence())
        let ids = evidence?.Select(e => e.Id).ToArray() ?? []
        from person in Maybe(Person())
        from military in Maybe(Military())
        from summonses in MaybeList(Summons(ids))
        from desertion in Maybe(Desertion())
        from proceedings in MaybeList(Proceeding(ids))
        from activity in MaybeList(Activity(ids))
        from objection in Maybe(Objection())
        from departure in Maybe(Departure())
        from exitBan in Maybe(Symbol(CaseVocabulary.ExitBan))
        from whereabouts in Maybe(Whereabouts())
        from applications in MaybeList(Application())
        select new CaseFile
        {
            Id = id,
            Person = person,
            Military = military,
            Summonses = summonses,
            Desertion = desertion,
            Proceedings = proceedings,
            Activity = activity,
            Objection = objection,
            Departure = departure,
            ExitBan = exitBan,
            Whereabouts = whereabouts,
            Applications = applications,
            Evidence = evidence,
        };

    // Births end in 2010 and every other date starts in 2011, so no departure precedes a birth.
    private static Gen<Person> Person() =>
        from name in Maybe(Text())
        from citizenship in MaybeList(Gen.Elements(Countries))
        from born in MaybeValue(Gen.OneOf(
            Gen.Choose(1940, 2010).Select(y => new PartialDate(y)),
            Date(1940, 2010).Select(PartialDate.FromDate)))
        from sex in Maybe(Symbol(CaseVocabulary.Sex))
        select new Person { Name = name, Citizenship = citizenship, Born = born, Sex = sex };

    private static Gen<Military> Military() =>
        from registered in MaybeValue(Flag())
        from fitness in Maybe(Symbol(CaseVocabulary.Fitness))
        from reserve in MaybeValue(Flag())
        from specialty in Maybe(Text())
        from service in MaybeList(
            from kind in Maybe(Symbol(CaseVocabulary.ServiceKind))
            from period in Interval()
            select new ServicePeriod { Kind = kind, From = period.From, To = period.To })
        from status in Maybe(Symbol(CaseVocabulary.MilitaryStatus))
        select new Military { Registered = registered, Fitness = fitness, Reserve = reserve, Specialty = specialty, Service = service, Status = status };

    private static Gen<Summons> Summons(string[] evidenceIds) =>
        from date in MaybeValue(Date())
        from kind in Maybe(Symbol(CaseVocabulary.SummonsKind))
        from purpose in Maybe(Symbol(CaseVocabulary.SummonsPurpose))
        from served in Maybe(Symbol(CaseVocabulary.SummonsServed))
        from evidence in References(evidenceIds)
        select new Summons { Date = date, Kind = kind, Purpose = purpose, Served = served, Evidence = evidence };

    // A desertion with a status outside deserted/awol/surrendered gives a warning, not an error; the case still reads.
    private static Gen<Desertion> Desertion() =>
        from date in MaybeValue(Date())
        from circumstances in Maybe(Text())
        select new Desertion { Date = date, Circumstances = circumstances };

    private static Gen<Proceeding> Proceeding(string[] evidenceIds) =>
        from country in Maybe(Gen.Elements(Countries))
        from kind in Maybe(Symbol(CaseVocabulary.ProceedingKind))
        from article in Maybe(Text())
        from status in Maybe(Symbol(CaseVocabulary.ProceedingStatus))
        from date in MaybeValue(Date())
        from evidence in References(evidenceIds)
        select new Proceeding { Country = country, Kind = kind, Article = article, Status = status, Date = date, Evidence = evidence };

    private static Gen<Activity> Activity(string[] evidenceIds) =>
        from kind in Maybe(Symbol(CaseVocabulary.ActivityKind))
        from period in Interval()
        from audience in MaybeValue(Gen.OneOf(Gen.Choose(0, 100), Gen.Choose(0, int.MaxValue)))
        from antiWar in MaybeValue(Flag())
        from blocked in MaybeValue(Date())
        from evidence in References(evidenceIds)
        select new Activity { Kind = kind, From = period.From, To = period.To, Audience = audience, AntiWar = antiWar, Blocked = blocked, Evidence = evidence };

    private static Gen<Objection> Objection() =>
        from basis in Maybe(Symbol(CaseVocabulary.ObjectionBasis))
        from religion in Maybe(Text())
        from since in MaybeValue(Date())
        from alternative in MaybeValue(Flag())
        select new Objection { Basis = basis, Religion = religion, Since = since, AlternativeServiceRequested = alternative };

    private static Gen<Departure> Departure() =>
        from date in MaybeValue(Date())
        from route in MaybeList(Gen.Elements(Countries))
        from documents in Maybe(Symbol(CaseVocabulary.Documents))
        from legalExit in MaybeValue(Flag())
        select new Departure { Date = date, Route = route, Documents = documents, LegalExit = legalExit };

    private static Gen<Whereabouts> Whereabouts() =>
        from country in Maybe(Gen.Elements(Countries))
        from since in MaybeValue(Date())
        from status in Maybe(Symbol(CaseVocabulary.WhereaboutsStatus))
        select new Whereabouts { Country = country, Since = since, Status = status };

    private static Gen<Application> Application() =>
        from country in Maybe(Gen.Elements(Countries))
        from kind in Maybe(Symbol(CaseVocabulary.ApplicationKind))
        from period in Interval()
        from decision in Maybe(Symbol(CaseVocabulary.ApplicationDecision))
        from reasons in MaybeList(Text())
        select new Application { Country = country, Kind = kind, Date = period.From, Decision = decision, DecisionDate = period.To, Reasons = reasons };

    private static Gen<ValueList<EvidenceItem>> Evidence() =>
        from ids in Gen.ListOf(Text().Where(t => !string.IsNullOrWhiteSpace(t))).Select(t => t.Distinct(StringComparer.Ordinal).Take(4).ToArray())
        from items in Gen.CollectToArray(ids, EvidenceItem)
        select items.ToValueList();

    private static Gen<EvidenceItem> EvidenceItem(string id) =>
        from title in Maybe(Text())
        from kind in Maybe(Symbol(CaseVocabulary.EvidenceKind))
        from date in MaybeValue(Date())
        from language in Maybe(Text())
        from translated in MaybeValue(Flag())
        from file in Maybe(Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(PathSegments), n)).Select(s => string.Join('/', s)))
        from proves in Maybe(Gen.SubListOf(CaseVocabulary.Sections.Order(StringComparer.Ordinal).ToArray()).Select(s => s.ToValueList()))
        select new EvidenceItem { Id = id, Title = title, Kind = kind, Date = date, Language = language, Translated = translated, File = file, Proves = proves };

    private static Gen<ValueList<string>?> References(string[] evidenceIds) =>
        evidenceIds.Length == 0
            ? Gen.Elements<ValueList<string>?>(null, ValueList<string>.Empty)
            : MaybeList(Gen.Elements(evidenceIds));

    /// <summary>Either end may be unknown; when both are known the period does not end before it starts.</summary>
    private static Gen<(LocalDate? From, LocalDate? To)> Interval() =>
        from a in MaybeValue(Date())
        from b in MaybeValue(Date())
        select a is { } x && b is { } y && y < x ? ((LocalDate?)y, (LocalDate?)x) : (a, b);

    private static Gen<LocalDate> Date(int firstYear = 2011, int lastYear = 2030) =>
        from days in Gen.Choose(0, Period.Between(new LocalDate(firstYear, 1, 1), new LocalDate(lastYear, 12, 31), PeriodUnits.Days).Days)
        select new LocalDate(firstYear, 1, 1).PlusDays(days);

    private static Gen<bool> Flag() => Gen.Elements(true, false);

    private static Gen<string> Symbol(IEnumerable<string> values) => Gen.Elements(values.Order(StringComparer.Ordinal).ToArray());

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));

    private static Gen<T?> MaybeValue<T>(Gen<T> gen) where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));

    private static Gen<ValueList<T>?> MaybeList<T>(Gen<T> item) =>
        Gen.Frequency(
            (1, Gen.Constant<ValueList<T>?>(null)),
            (1, Gen.Constant<ValueList<T>?>(ValueList<T>.Empty)),
            (3, Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(item, n)).Select(items => (ValueList<T>?)items.ToValueList())));
}
