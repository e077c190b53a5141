using ExNunc.Domain.Calendar;
using ExNunc.Domain.Cases;

namespace ExNunc.CaseFiles.Tests;

public sealed class WriterTests
{
    // The example of the product brief with every field given, in the contract's order.
    private const string ContractExample = """
        exnunc: 1
        id: andrei-k
        person:
          name: Andrei K.
          citizenship: [RU]
          born: 1994
          sex: male
        military:
          registered: true
          fitness: A
          reserve: true
          specialty: driver-mechanic
          service:
            - kind: conscript
              from: 2012-11-01
              to: 2013-11-01
          status: civilian
        summonses:
          - date: 2022-09-25
            kind: paper
            purpose: mobilisation
            served: personally
            evidence: [e3]
        desertion:
          date: 2023-06-10
          circumstances: free text
        proceedings:
          - country: RU
            kind: administrative
            article: ru-coap-20-3-3
            status: fined
            date: 2022-05-14
            evidence: [e1, e2]
        activity:
          - kind: telegram-channel
            from: 2021-01-01
            to: 2022-06-01
            audience: 3500
            anti_war: true
            blocked: 2022-05-01
            evidence: [e4]
        objection:
          basis: political
          religion: none given
          since: 2022-02-24
          alternative_service_requested: false
        departure:
          date: 2022-09-28
          route: [RU, KZ, TR, DE]
          documents: foreign-passport
          legal_exit: true
        exit_ban: unknown
        whereabouts:
          country: DE
          since: 2022-11-10
          status: asylum-rejected
        applications:
          - country: DE
            kind: asylum
            date: 2022-11-20
            decision: rejected
            decision_date: 2023-08-01
            reasons: [not-prominent]
        evidence:
          - id: e1
            title: Summons to a district court hearing
            kind: court-document
            date: 2022-05-10
            language: ru
            translated: false
            file: evidence/court-summons.pdf
            proves: [proceedings]
          - id: e2
          - id: e3
          - id: e4

        """;

    [Fact]
    public void WriteYaml_EveryFieldGiven_WritesTheContractOrder()
    {
        var c = CaseFileReader.Read("example.yaml", ContractExample, null).Value;

        Assert.Equal(ContractExample, CaseFileWriter.WriteYaml(c));
    }

    [Fact]
    public void WriteYaml_UnknownFields_AreLeftOutAndEmptyOnesKept()
    {
        var c = new CaseFile { Id = "x", Person = new Person(), Summonses = ValueList<Summons>.Empty, Applications = ValueList.Of(new Application()) };

        Assert.Equal("exnunc: 1\nid: x\nperson: {}\nsummonses: []\napplications:\n  - {}\n", CaseFileWriter.WriteYaml(c));
    }

    [Fact]
    public void WriteYaml_TextsYamlWouldMisread_AreQuoted()
    {
        var c = new CaseFile
        {
            Id = "null",
            Person = new Person { Name = "1994", Citizenship = ValueList.Of("RU", "NO"), Born = new PartialDate(1994) },
            ExitBan = "no",
            Evidence = ValueList.Of(
                new EvidenceItem { Id = "e1", Title = "Повестка: \"срочно\" # 1\nвторая строка" },
                new EvidenceItem { Id = "- x, y", Title = "- leading dash", Language = "yes" }),
        };

        Assert.Equal("""
            exnunc: 1
            id: "null"
            person:
              name: "1994"
              citizenship: [RU, "NO"]
              born: 1994
            exit_ban: "no"
            evidence:
              - id: e1
                title: "Повестка: \"срочно\" # 1\nвторая строка"
              - id: "- x, y"
                title: "- leading dash"
                language: "yes"

            """, CaseFileWriter.WriteYaml(c));
    }

    [Fact]
    public void WriteJson_Case_WritesNumbersAndBooleansBareAndDatesAsText()
    {
        var c = new CaseFile
        {
            Id = "x",
            Person = new Person { Name = "Андрей \"A\"", Born = new PartialDate(1994) },
            Activity = ValueList.Of(new Activity { Audience = 3500, AntiWar = true, From = new NodaTime.LocalDate(2021, 1, 1), Evidence = ValueList<string>.Empty }),
        };

        Assert.Equal("""
            {
              "exnunc": 1,
              "id": "x",
              "person": {
                "name": "Андрей \"A\"",
                "born": "1994"
              },
              "activity": [
                {
                  "from": "2021-01-01",
                  "audience": 3500,
                  "anti_war": true,
                  "evidence": []
                }
              ]
            }

            """, CaseFileWriter.WriteJson(c));
    }
}
