using ExNunc.Domain.Calendar;
using ExNunc.Domain.Cases;
using NodaTime;

namespace ExNunc.Benchmarks.Rules;

/// <summary>
/// Generates plausible case files deterministically: case <c>i</c> of a seed is always the same case,
/// whichever thread asks for it. The mix follows the people ExNunc is for: civilians with and without
/// summonses of each kind, reservists, conscripts, deserters and soldiers who went absent or surrendered,
/// religious, moral and political objectors, bloggers and activists with proceedings, routes through the
/// usual transit countries, and evidence in several languages, translated or not. Roughly one field in
/// eight that the format allows to be unknown is left null.
/// </summary>
public static class CaseGenerator
{
    public const int DefaultSeed = 20261127;

    private static readonly string[] Destinations = ["DE", "NL", "FR", "FI", "EE", "LV", "LT", "PL"];
    private static readonly string[] Transit = ["KZ", "KZ", "GE", "GE", "AM", "TR", "TR", "RS", "FI", "EE", "LV", "KG", "AE"];
    private static readonly string[] Fitness = ["A", "A", "A", "B", "B", "V", "G", "unknown"];
    private static readonly string[] SummonsKinds = ["paper", "paper", "electronic", "verbal"];
    private static readonly string[] Purposes = ["mobilisation", "mobilisation", "conscription", "conscription", "data-check", "unknown"];
    private static readonly string[] Served = ["personally", "relative", "relative", "deemed", "not-served", "unknown"];
    private static readonly string[] Specialties = ["driver-mechanic", "artillery", "infantry", "signals", "medic", "sapper"];
    private static readonly string[] SpeechActivities = ["blog", "telegram-channel", "social-media", "journalism"];
    private static readonly string[] OtherActivities = ["protest", "ngo", "donation", "petition", "other"];
    private static readonly string[] SpeechArticles = ["ru-coap-20-3-3", "ru-coap-20-3-3", "ru-cc-207-3", "ru-cc-280-3"];
    private static readonly string[] MilitaryArticles = ["ru-cc-337", "ru-cc-338", "ru-cc-338", "ru-cc-352-1", "ru-cc-339"];
    private static readonly string[] CriminalStatuses = ["opened", "charged", "wanted", "wanted", "convicted", "unknown"];
    private static readonly string[] AdminStatuses = ["opened", "fined", "fined", "acquitted", "unknown"];
    private static readonly string[] Religions = ["Jehovah's Witnesses", "Jehovah's Witnesses", "Baptist", "Orthodox", "Pentecostal"];
    private static readonly string[] Languages = ["ru", "ru", "ru", "ru", "en", "de", "uk"];
    private static readonly string[] WhereaboutsStatuses = ["asylum-pending", "asylum-pending", "asylum-rejected", "appeal", "visa", "transit", "irregular", "residence"];
    private static readonly string[] Reasons = ["not-prominent", "no-imminent-risk", "mobilisation-ended", "no-summons", "credibility"];
    private static readonly string[] EvidenceKinds = ["summons", "court-document", "police-document", "article", "screenshot", "video", "livestream", "chat", "identity", "other"];

    /// <summary>The profile a generated case was drawn from; kept for the benchmark's description of the mix.</summary>
    public enum Profile { Civilian, Reservist, SummonedCivilian, Conscript, Soldier, Deserter, Objector, Activist, Blogger, Donor }

    private static readonly (Profile Profile, int Weight)[] Mix =
    [
        (Profile.Civilian, 10), (Profile.Reservist, 14), (Profile.SummonedCivilian, 20), (Profile.Conscript, 6),
        (Profile.Soldier, 4), (Profile.Deserter, 14), (Profile.Objector, 10), (Profile.Activist, 8),
        (Profile.Blogger, 12), (Profile.Donor, 2),
    ];

    public static CaseFile[] Generate(int count, int seed = DefaultSeed)
    {
        var cases = new CaseFile[count];
        for (var i = 0; i < count; i++) cases[i] = One(seed, i);
        return cases;
    }

    public static CaseFile One(int seed, int index)
    {
        var r = new Random(unchecked(seed * 31 + index));
        var b = new Builder(r, $"gen-{index:D6}");
        return b.Build(Pick(r));
    }

    private static Profile Pick(Random r)
    {
        var total = Mix.Sum(m => m.Weight);
        var x = r.Next(total);
        foreach (var (profile, weight) in Mix)
        {
            if (x < weight) return profile;
            x -= weight;
        }
        return Profile.Civilian;
    }

    private sealed class Builder(Random r, string id)
    {
        private readonly List<EvidenceItem> _evidence = [];
        private readonly List<Summons> _summonses = [];
        private readonly List<Proceeding> _proceedings = [];
        private readonly List<Activity> _activity = [];
        private readonly List<ServicePeriod> _service = [];
        private Desertion? _desertion;
        private Objection? _objection;

        private bool Chance(int percent) => r.Next(100) < percent;
        private T One<T>(T[] options) => options[r.Next(options.Length)];
        /// <summary>Null about one time in eight: a fact the case does not know.</summary>
        private T? Maybe<T>(T value) where T : class => Chance(12) ? null : value;
        private bool? MaybeBool(bool value) => Chance(12) ? null : value;
        private LocalDate? MaybeDate(LocalDate value) => Chance(12) ? null : value;
        private static LocalDate Day(int year, int month, int day) => new(year, month, day);
        private LocalDate Between(LocalDate from, LocalDate to) => from.PlusDays(r.Next(Math.Max(1, Period.DaysBetween(from, to))));

        public CaseFile Build(Profile profile)
        {
            var age = profile switch
            {
                Profile.Conscript => 18 + r.Next(10),
                Profile.Civilian => 18 + r.Next(40),
                Profile.Objector => 18 + r.Next(20),
                _ => 20 + r.Next(35),
            };
            var born = Day(2022 - age, 1 + r.Next(12), 1 + r.Next(28));
            var reserve = profile is Profile.Reservist or Profile.Deserter or Profile.Soldier || (profile != Profile.Conscript && age > 21 && Chance(55));
            if (reserve)
            {
                var start = born.PlusYears(18 + r.Next(3));
                _service.Add(new ServicePeriod { Kind = "conscript", From = MaybeDate(start), To = MaybeDate(start.PlusYears(1)) });
            }
            var status = profile switch
            {
                Profile.Conscript => "conscript",
                Profile.Soldier => One(["contract", "mobilised", "pow", "discharged"]),
                Profile.Deserter => One(["deserted", "deserted", "awol", "awol", "surrendered"]),
                _ => "civilian",
            };
            var departure = Between(Day(2022, 2, 24), Day(2026, 6, 1));

            if (profile == Profile.SummonedCivilian || (profile is Profile.Reservist or Profile.Objector or Profile.Blogger && Chance(25)))
                AddSummons(departure);
            if (profile is Profile.Deserter or Profile.Soldier) AddMilitaryService(status, departure);
            if (profile == Profile.Objector || Chance(15)) AddObjection(profile, born);
            if (profile is Profile.Activist or Profile.Blogger or Profile.Donor || Chance(10)) AddActivity(profile, departure);
            if (profile == Profile.Blogger && Chance(70)) AddSpeechProceeding(departure);
            if (profile == Profile.Activist && Chance(40)) AddSpeechProceeding(departure);

            var destination = One(Destinations);
            var route = new List<string> { "RU" };
            for (var hops = r.Next(3); hops > 0; hops--)
            {
                var t = One(Transit);
                if (!route.Contains(t) && t != destination) route.Add(t);
            }
            var stillTransit = Chance(15);
            if (!stillTransit) route.Add(destination);
            var inOrigin = Chance(4);
            var here = inOrigin ? "RU" : stillTransit ? route[^1] : destination;

            if (Chance(80)) AddEvidence("identity", ["person", "military"], null);
            if (Chance(30)) AddEvidence("other", ["departure"], departure);

            return new CaseFile
            {
                Id = id,
                Person = new Person
                {
                    Name = "Generated person",
                    Citizenship = ValueList.Of("RU"),
                    Born = Chance(15) ? null : Chance(40) ? new PartialDate(born.Year) : PartialDate.FromDate(born),
                    Sex = Chance(5) ? null : profile is Profile.Activist or Profile.Blogger && Chance(30) ? "female" : "male",
                },
                Military = Chance(5) ? null : new Military
                {
                    Registered = MaybeBool(profile != Profile.Civilian || Chance(70)),
                    Fitness = Maybe(One(Fitness)),
                    Reserve = Chance(10) ? null : reserve,
                    Specialty = reserve && Chance(40) ? One(Specialties) : null,
                    Service = _service.Count > 0 || Chance(50) ? _service.ToValueList() : null,
                    Status = Chance(6) ? null : status,
                },
                Summonses = _summonses.Count > 0 ? _summonses.ToValueList() : Chance(20) ? null : ValueList<Summons>.Empty,
                Desertion = _desertion,
                Proceedings = _proceedings.Count > 0 ? _proceedings.ToValueList() : Chance(40) ? null : ValueList<Proceeding>.Empty,
                Activity = _activity.Count > 0 ? _activity.ToValueList() : Chance(40) ? null : ValueList<Activity>.Empty,
                Objection = _objection,
                Departure = inOrigin && Chance(50) ? null : new Departure
                {
                    Date = MaybeDate(departure),
                    Route = Chance(8) ? null : route.ToValueList(),
                    Documents = Maybe(One(["foreign-passport", "foreign-passport", "internal-passport", "none"])),
                    LegalExit = MaybeBool(status is not ("deserted" or "awol") || Chance(30)),
                },
                ExitBan = Maybe(One(["yes", "no", "unknown", "unknown"])),
                Whereabouts = Chance(6) ? null : new Whereabouts
                {
                    Country = Chance(8) ? null : here,
                    Since = MaybeDate(departure.PlusDays(2 + r.Next(60))),
                    Status = inOrigin ? "in-origin" : Maybe(stillTransit ? "transit" : One(WhereaboutsStatuses)),
                },
                Applications = Applications(destination, departure),
                Evidence = _evidence.ToValueList(),
            };
        }

        private void AddSummons(LocalDate departure)
        {
            for (var n = 1 + (Chance(20) ? 1 : 0); n > 0; n--)
            {
                var purpose = One(Purposes);
                var date = purpose == "mobilisation"
                    ? Between(Day(2022, 9, 21), Day(2022, 11, 1))
                    : Between(Day(2022, 3, 1), departure.PlusDays(1));
                var kind = date >= Day(2023, 11, 1) && Chance(50) ? "electronic" : One(SummonsKinds);
                var evidence = Chance(55) ? ValueList.Of(AddEvidence("summons", ["summonses"], date)) : Chance(50) ? null : ValueList<string>.Empty;
                _summonses.Add(new Summons { Date = MaybeDate(date), Kind = Maybe(kind), Purpose = Maybe(purpose), Served = Maybe(One(Served)), Evidence = evidence });
            }
        }

        private void AddMilitaryService(string status, LocalDate departure)
        {
            var kind = One(["mobilised", "mobilised", "contract", "conscript"]);
            var from = kind == "mobilised" ? Between(Day(2022, 9, 22), Day(2022, 12, 1)) : Between(Day(2021, 1, 1), Day(2024, 6, 1));
            var left = Between(from.PlusDays(30), departure.PlusDays(-1) > from.PlusDays(31) ? departure.PlusDays(-1) : from.PlusDays(60));
            _service.Add(new ServicePeriod { Kind = kind, From = MaybeDate(from), To = status is "contract" or "mobilised" ? null : MaybeDate(left) });
            if (status is not ("deserted" or "awol" or "surrendered")) return;
            if (Chance(85)) _desertion = new Desertion { Date = MaybeDate(left), Circumstances = Maybe("Left the unit while on leave.") };
            if (Chance(60))
            {
                var article = status switch { "surrendered" => "ru-cc-352-1", "awol" => "ru-cc-337", _ => One(MilitaryArticles) };
                _proceedings.Add(new Proceeding
                {
                    Country = "RU",
                    Kind = "criminal",
                    Article = Chance(8) ? null : article,
                    Status = One(CriminalStatuses),
                    Date = MaybeDate(left.PlusDays(20 + r.Next(200))),
                    Evidence = Chance(50) ? ValueList.Of(AddEvidence("police-document", ["proceedings"], left)) : null,
                });
            }
            if (Chance(50)) AddEvidence(One(["chat", "identity", "other"]), Chance(70) ? ["desertion", "military"] : ["military"], left);
        }

        private void AddObjection(Profile profile, LocalDate born)
        {
            var basis = profile == Profile.Objector ? One(["religious", "religious", "moral", "moral", "political"]) : One(["political", "moral", "none"]);
            _objection = new Objection
            {
                Basis = Chance(5) ? null : basis,
                Religion = basis == "religious" && Chance(85) ? One(Religions) : null,
                Since = MaybeDate(Between(born.PlusYears(14), Day(2024, 1, 1))),
                AlternativeServiceRequested = MaybeBool(basis == "religious" && Chance(50)),
            };
            if (basis is "religious" or "moral" && Chance(50))
                AddEvidence(One(["police-document", "other", "article"]), ["objection"], null);
        }

        private void AddActivity(Profile profile, LocalDate departure)
        {
            var count = 1 + r.Next(profile == Profile.Blogger ? 3 : 2);
            for (var i = 0; i < count; i++)
            {
                var kind = profile == Profile.Donor && i == 0 ? "donation"
                    : profile == Profile.Blogger ? One(SpeechActivities) : One(Chance(50) ? SpeechActivities : OtherActivities);
                var from = Between(Day(2018, 1, 1), departure);
                var ended = Chance(35);
                var evidence = Chance(60) ? ValueList.Of(AddEvidence(One(["article", "screenshot", "video", "livestream"]), ["activity"], from)) : null;
                _activity.Add(new Activity
                {
                    Kind = kind,
                    From = MaybeDate(from),
                    To = ended ? Between(from, departure.PlusDays(200)) : null,
                    Audience = kind is "blog" or "telegram-channel" or "social-media" && Chance(60) ? 100 + r.Next(50_000) : null,
                    AntiWar = Chance(10) ? null : Chance(88),
                    Blocked = kind is "blog" or "telegram-channel" && Chance(30) ? Between(Day(2022, 3, 4), departure.PlusDays(1)) : null,
                    Evidence = evidence,
                });
            }
        }

        private void AddSpeechProceeding(LocalDate departure)
        {
            var date = Between(Day(2022, 3, 4), departure.PlusDays(400));
            var blocking = Chance(30);
            var article = One(SpeechArticles);
            var criminal = !blocking && article.StartsWith("ru-cc", StringComparison.Ordinal);
            _proceedings.Add(new Proceeding
            {
                Country = Chance(5) ? null : "RU",
                Kind = blocking ? "blocking" : criminal ? "criminal" : "administrative",
                Article = Chance(10) ? null : article,
                Status = blocking ? "blocked" : One(criminal ? CriminalStatuses : AdminStatuses),
                Date = MaybeDate(date),
                Evidence = Chance(60) ? ValueList.Of(AddEvidence(One(["court-document", "screenshot", "police-document"]), ["proceedings"], date)) : Chance(50) ? null : ValueList<string>.Empty,
            });
        }

        private ValueList<Application>? Applications(string destination, LocalDate departure)
        {
            if (Chance(25)) return Chance(50) ? null : ValueList<Application>.Empty;
            var applied = departure.PlusDays(5 + r.Next(60));
            var decided = Chance(50);
            return ValueList.Of(new Application
            {
                Country = destination,
                Kind = One(["asylum", "asylum", "asylum", "humanitarian-visa", "national-visa"]),
                Date = MaybeDate(applied),
                Decision = decided ? One(["rejected", "rejected", "granted", "subsidiary-protection", "inadmissible"]) : Maybe("pending"),
                DecisionDate = decided ? applied.PlusDays(60 + r.Next(400)) : null,
                Reasons = decided && Chance(50) ? ValueList.Of(One(Reasons)) : null,
            });
        }

        private string AddEvidence(string kind, string[] proves, LocalDate? date)
        {
            var eid = $"e{_evidence.Count + 1}";
            var language = Chance(10) ? null : One(Languages);
            _evidence.Add(new EvidenceItem
            {
                Id = eid,
                Title = Chance(20) ? null : $"A {kind} item",
                Kind = Chance(5) ? null : EvidenceKinds.Contains(kind) ? kind : "other",
                Date = date is { } d ? MaybeDate(d) : null,
                Language = language,
                Translated = language == "en" ? Chance(50) ? true : null : Chance(10) ? null : Chance(35),
                Proves = ValueList.Of(proves),
            });
            return eid;
        }
    }
}
