using ExNunc.Domain.Cases;
using ExNunc.KnowledgeBase.Yaml;

namespace ExNunc.CaseFiles.Reading;

/// <summary>Reads the single-mapping sections of a case (person, military, desertion, objection, departure, whereabouts).</summary>
internal static class CaseSections
{
    public static Person Person(YamlMap m) => new()
    {
        Name = m.String("name"),
        Citizenship = m.Countries("citizenship"),
        Born = m.YearOrDate("born"),
        Sex = m.Symbol("sex", CaseVocabulary.Sex),
    };

    public static Military Military(YamlMap m) => new()
    {
        Registered = m.Bool("registered"),
        Fitness = m.Symbol("fitness", CaseVocabulary.Fitness),
        Reserve = m.Bool("reserve"),
        Specialty = m.String("specialty"),
        Service = m.Items("service", ServicePeriod, new ServicePeriod()),
        Status = m.Symbol("status", CaseVocabulary.MilitaryStatus),
    };

    public static Desertion Desertion(YamlMap m) => new()
    {
        Date = m.Date("date"),
        Circumstances = m.String("circumstances"),
    };

    public static Objection Objection(YamlMap m) => new()
    {
        Basis = m.Symbol("basis", CaseVocabulary.ObjectionBasis),
        Religion = m.String("religion"),
        Since = m.Date("since"),
        AlternativeServiceRequested = m.Bool("alternative_service_requested"),
    };

    public static Departure Departure(YamlMap m) => new()
    {
        Date = m.Date("date"),
        Route = m.Countries("route"),
        Documents = m.Symbol("documents", CaseVocabulary.Documents),
        LegalExit = m.Bool("legal_exit"),
    };

    public static Whereabouts Whereabouts(YamlMap m) => new()
    {
        Country = m.Country("country"),
        Since = m.Date("since"),
        Status = m.Symbol("status", CaseVocabulary.WhereaboutsStatus),
    };

    private static ServicePeriod ServicePeriod(YamlMap m) => new()
    {
        Kind = m.Symbol("kind", CaseVocabulary.ServiceKind),
        From = m.Date("from"),
        To = m.Date("to"),
    };
}
