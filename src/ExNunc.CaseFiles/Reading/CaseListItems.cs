using ExNunc.Domain.Cases;
using ExNunc.KnowledgeBase.Yaml;

namespace ExNunc.CaseFiles.Reading;

/// <summary>Reads one item of the list sections of a case (summonses, proceedings, activity, applications, evidence).</summary>
internal static class CaseListItems
{
    public static Summons Summons(YamlMap m) => new()
    {
        Date = m.Date("date"),
        Kind = m.Symbol("kind", CaseVocabulary.SummonsKind),
        Purpose = m.Symbol("purpose", CaseVocabulary.SummonsPurpose),
        Served = m.Symbol("served", CaseVocabulary.SummonsServed),
        Evidence = m.Texts("evidence"),
    };

    public static Proceeding Proceeding(YamlMap m) => new()
    {
        Country = m.Country("country"),
        Kind = m.Symbol("kind", CaseVocabulary.ProceedingKind),
        Article = m.String("article"),
        Status = m.Symbol("status", CaseVocabulary.ProceedingStatus),
        Date = m.Date("date"),
        Evidence = m.Texts("evidence"),
    };

    public static Activity Activity(YamlMap m) => new()
    {
        Kind = m.Symbol("kind", CaseVocabulary.ActivityKind),
        From = m.Date("from"),
        To = m.Date("to"),
        Audience = m.Count("audience"),
        AntiWar = m.Bool("anti_war"),
        Blocked = m.Date("blocked"),
        Evidence = m.Texts("evidence"),
    };

    public static Application Application(YamlMap m) => new()
    {
        Country = m.Country("country"),
        Kind = m.Symbol("kind", CaseVocabulary.ApplicationKind),
        Date = m.Date("date"),
        Decision = m.Symbol("decision", CaseVocabulary.ApplicationDecision),
        DecisionDate = m.Date("decision_date"),
        Reasons = m.Texts("reasons"),
    };

    public static EvidenceItem EvidenceItem(YamlMap m) => new()
    {
        Id = m.String("id", required: true) ?? "",
        Title = m.String("title"),
        Kind = m.Symbol("kind", CaseVocabulary.EvidenceKind),
        Date = m.Date("date"),
        Language = m.String("language"),
        Translated = m.Bool("translated"),
        File = m.String("file"),
        Proves = m.Texts("proves"),
    };
}
