using ExNunc.Domain.Calendar;
using NodaTime;

namespace ExNunc.Domain.Cases;

/// <summary>
/// One person's case in the interchange format, version 1 (see docs/case-format.md). Every property
/// that the file may leave out is nullable, and null means "unknown", never "no". Enumerated values
/// are kept as the format's lower-case symbols, checked against <see cref="CaseVocabulary"/> on reading.
/// </summary>
public sealed record CaseFile
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    public required string Id { get; init; }
    public Person? Person { get; init; }
    public Military? Military { get; init; }
    public ValueList<Summons>? Summonses { get; init; }
    public Desertion? Desertion { get; init; }
    public ValueList<Proceeding>? Proceedings { get; init; }
    public ValueList<Activity>? Activity { get; init; }
    public Objection? Objection { get; init; }
    public Departure? Departure { get; init; }
    /// <summary>yes | no | unknown.</summary>
    public string? ExitBan { get; init; }
    public Whereabouts? Whereabouts { get; init; }
    public ValueList<Application>? Applications { get; init; }
    public ValueList<EvidenceItem>? Evidence { get; init; }
}

public sealed record Person
{
    public string? Name { get; init; }
    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public ValueList<string>? Citizenship { get; init; }
    /// <summary>A year or a full date.</summary>
    public PartialDate? Born { get; init; }
    public string? Sex { get; init; }
}

public sealed record Military
{
    public bool? Registered { get; init; }
    public string? Fitness { get; init; }
    public bool? Reserve { get; init; }
    public string? Specialty { get; init; }
    public ValueList<ServicePeriod>? Service { get; init; }
    public string? Status { get; init; }
}

public sealed record ServicePeriod
{
    public string? Kind { get; init; }
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }
}

public sealed record Summons
{
    public LocalDate? Date { get; init; }
    public string? Kind { get; init; }
    public string? Purpose { get; init; }
    public string? Served { get; init; }
    public ValueList<string>? Evidence { get; init; }
}

public sealed record Desertion
{
    public LocalDate? Date { get; init; }
    public string? Circumstances { get; init; }
}

public sealed record Proceeding
{
    public string? Country { get; init; }
    public string? Kind { get; init; }
    /// <summary>The knowledge-base id of the article, where one applies.</summary>
    public string? Article { get; init; }
    public string? Status { get; init; }
    public LocalDate? Date { get; init; }
    public ValueList<string>? Evidence { get; init; }
}

public sealed record Activity
{
    public string? Kind { get; init; }
    public LocalDate? From { get; init; }
    /// <summary>Null: still going on, or not known to have ended.</summary>
    public LocalDate? To { get; init; }
    public int? Audience { get; init; }
    public bool? AntiWar { get; init; }
    public LocalDate? Blocked { get; init; }
    public ValueList<string>? Evidence { get; init; }
}

public sealed record Objection
{
    public string? Basis { get; init; }
    public string? Religion { get; init; }
    public LocalDate? Since { get; init; }
    public bool? AlternativeServiceRequested { get; init; }
}

public sealed record Departure
{
    public LocalDate? Date { get; init; }
    public ValueList<string>? Route { get; init; }
    public string? Documents { get; init; }
    public bool? LegalExit { get; init; }
}

public sealed record Whereabouts
{
    public string? Country { get; init; }
    public LocalDate? Since { get; init; }
    public string? Status { get; init; }
}

public sealed record Application
{
    public string? Country { get; init; }
    public string? Kind { get; init; }
    public LocalDate? Date { get; init; }
    public string? Decision { get; init; }
    public LocalDate? DecisionDate { get; init; }
    /// <summary>Objection ids the authority gave as reasons.</summary>
    public ValueList<string>? Reasons { get; init; }
}

public sealed record EvidenceItem
{
    public required string Id { get; init; }
    public string? Title { get; init; }
    public string? Kind { get; init; }
    public LocalDate? Date { get; init; }
    public string? Language { get; init; }
    public bool? Translated { get; init; }
    /// <summary>Path relative to the case file; never absolute, never leaving the case folder.</summary>
    public string? File { get; init; }
    /// <summary>Top-level sections of the case that the item supports.</summary>
    public ValueList<string>? Proves { get; init; }
}
