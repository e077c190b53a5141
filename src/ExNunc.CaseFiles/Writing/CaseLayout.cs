using ExNunc.Domain.Cases;

namespace ExNunc.CaseFiles.Writing;

/// <summary>Lays a case out in the field order of the interchange format, version 1 (the contract's order, not the model's).</summary>
internal static class CaseLayout
{
    public static DocMap Of(CaseFile c) => new DocMapBuilder()
        .Number("exnunc", c.Format)
        .Text("id", c.Id)
        .Map("person", c.Person, Person)
        .Map("military", c.Military, Military)
        .Items("summonses", c.Summonses, Summons)
        .Map("desertion", c.Desertion, Desertion)
        .Items("proceedings", c.Proceedings, Proceeding)
        .Items("activity", c.Activity, Activity)
        .Map("objection", c.Objection, Objection)
        .Map("departure", c.Departure, Departure)
        .Text("exit_ban", c.ExitBan)
        .Map("whereabouts", c.Whereabouts, Whereabouts)
        .Items("applications", c.Applications, Application)
        .Items("evidence", c.Evidence, EvidenceItem)
        .Build();

    private static DocMap Person(Person p) => new DocMapBuilder()
        .Text("name", p.Name).Texts("citizenship", p.Citizenship).Date("born", p.Born).Text("sex", p.Sex)
        .Build();

    private static DocMap Military(Military m) => new DocMapBuilder()
        .Bool("registered", m.Registered).Text("fitness", m.Fitness).Bool("reserve", m.Reserve)
        .Text("specialty", m.Specialty).Items("service", m.Service, ServicePeriod).Text("status", m.Status)
        .Build();

    private static DocMap ServicePeriod(ServicePeriod s) => new DocMapBuilder()
        .Text("kind", s.Kind).Date("from", s.From).Date("to", s.To)
        .Build();

    private static DocMap Summons(Summons s) => new DocMapBuilder()
        .Date("date", s.Date).Text("kind", s.Kind).Text("purpose", s.Purpose).Text("served", s.Served)
        .Texts("evidence", s.Evidence)
        .Build();

    private static DocMap Desertion(Desertion d) => new DocMapBuilder()
        .Date("date", d.Date).Text("circumstances", d.Circumstances)
        .Build();

    private static DocMap Proceeding(Proceeding p) => new DocMapBuilder()
        .Text("country", p.Country).Text("kind", p.Kind).Text("article", p.Article).Text("status", p.Status)
        .Date("date", p.Date).Texts("evidence", p.Evidence)
        .Build();

    private static DocMap Activity(Activity a) => new DocMapBuilder()
        .Text("kind", a.Kind).Date("from", a.From).Date("to", a.To).Number("audience", a.Audience)
        .Bool("anti_war", a.AntiWar).Date("blocked", a.Blocked).Texts("evidence", a.Evidence)
        .Build();

    private static DocMap Objection(Objection o) => new DocMapBuilder()
        .Text("basis", o.Basis).Text("religion", o.Religion).Date("since", o.Since)
        .Bool("alternative_service_requested", o.AlternativeServiceRequested)
        .Build();

    private static DocMap Departure(Departure d) => new DocMapBuilder()
        .Date("date", d.Date).Texts("route", d.Route).Text("documents", d.Documents).Bool("legal_exit", d.LegalExit)
        .Build();

    private static DocMap Whereabouts(Whereabouts w) => new DocMapBuilder()
        .Text("country", w.Country).Date("since", w.Since).Text("status", w.Status)
        .Build();

    private static DocMap Application(Application a) => new DocMapBuilder()
        .Text("country", a.Country).Text("kind", a.Kind).Date("date", a.Date).Text("decision", a.Decision)
        .Date("decision_date", a.DecisionDate).Texts("reasons", a.Reasons)
        .Build();

    private static DocMap EvidenceItem(EvidenceItem e) => new DocMapBuilder()
        .Text("id", e.Id).Text("title", e.Title).Text("kind", e.Kind).Date("date", e.Date)
        .Text("language", e.Language).Bool("translated", e.Translated).Text("file", e.File).Texts("proves", e.Proves)
        .Build();
}
