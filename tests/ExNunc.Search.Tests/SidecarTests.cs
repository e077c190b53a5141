using ExNunc.Domain.Calendar;
using ExNunc.Search.Importing;

namespace ExNunc.Search.Tests;

public sealed class SidecarTests
{
    [Fact]
    public void Read_AllFields()
    {
        var result = Sidecar.Read("r.pdf.yaml", "title: T\npublisher: P\nurl: https://x.example\npublished: 2023-05\ncountry: [ru, DE]\nkind: ngo-report\nlang: de\n");

        Assert.True(result.IsSuccess);
        var m = result.Value;
        Assert.Equal(("T", "P", "https://x.example", "2023-05"), (m.Title, m.Publisher, m.Url, m.Published?.ToString()));
        Assert.Equal(["RU", "DE"], m.Countries.ToArray());
        Assert.Equal((ResearchKind.NgoReport, ResearchLanguage.De), (m.Kind, m.Language));
    }

    [Fact]
    public void Read_ReportsEveryProblemWithItsLine()
    {
        var result = Sidecar.Read("r.pdf.yaml", "title: T\nauthor: X\npublished: 15.03.2023\nkind: blog\nlang: fr\ncountry: Russia\n");

        Assert.False(result.IsSuccess);
        var errors = result.Errors.ToList();
        Assert.Equal(["sidecar.unknown-field", "sidecar.published", "sidecar.kind", "sidecar.lang", "sidecar.country"], errors.Select(e => e.Code));
        Assert.Equal([2, 3, 4, 5, 6], errors.Select(e => e.Location!.Line));
        Assert.All(errors, e => Assert.Equal("r.pdf.yaml", e.Location!.File));
    }

    [Fact]
    public void Merge_DisagreeingDates_IsAnError_AgreeingOrOneSided_IsFine()
    {
        var commandLine = new DocumentMetadata { Published = new PartialDate(2023, 5, 1), Publisher = "P" };

        var conflict = Sidecar.Merge(commandLine, new DocumentMetadata { Published = new PartialDate(2023, 4, 1) }, "/d/r.pdf.yaml");
        var agree = Sidecar.Merge(commandLine, new DocumentMetadata { Published = new PartialDate(2023, 5, 1), Kind = ResearchKind.Coi }, "/d/r.pdf.yaml");

        var error = Assert.Single(conflict.Errors);
        Assert.Equal("import.metadata-conflict", error.Code);
        Assert.Contains("2023-05-01", error.Message, StringComparison.Ordinal);
        Assert.Contains("2023-04-01", error.Message, StringComparison.Ordinal);
        Assert.True(agree.IsSuccess);
        Assert.Equal((ResearchKind.Coi, "P"), (agree.Value.Kind, agree.Value.Publisher));
    }

    [Fact]
    public void MetadataYaml_RoundTripsThroughTheSidecarReader()
    {
        var m = new DocumentMetadata
        {
            Title = "Преследование: \"мониторинг\" — 2023",
            Publisher = "Проект «Северный ветер»",
            Url = "https://x.example/a?b=c#d",
            Published = new PartialDate(2023, 9, 1),
            Countries = ["RU", "GE"],
            Kind = ResearchKind.NgoReport,
            Language = ResearchLanguage.Ru,
        };

        var back = Sidecar.Read("m.yaml", MetadataYaml.Write(m));

        Assert.True(back.IsSuccess, string.Join("; ", back.Diagnostics));
        Assert.Equal(m.Fingerprint(), back.Value.Fingerprint());
    }
}
