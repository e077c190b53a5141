using System.Collections.Immutable;
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Diagnostics;
using NodaTime;

namespace ExNunc.Domain.Knowledge;

/// <summary>What an entry is. Kinds up to <see cref="RussianLaw"/> state facts; the rest connect facts to cases.</summary>
public enum EntryKind
{
    Instrument, Provision, Guideline, CaseLaw, Policy, Practice, CoiFact, Statistic, RussianLaw,
    Pathway, Ground, Objection, Rebuttal, Rule, Parameter, Fact,
}

/// <summary>How far a fact was verified, using the labels of the research notes.</summary>
public enum Certainty { Confirmed, PartlyConfirmed, ResearcherKnowledge, Unconfirmed }

/// <summary>A published source: title, publisher, address and date of publication (null when the source carries none).</summary>
public sealed record Source(string Title, string Publisher, string? Url, PartialDate? Published);

/// <summary>
/// One knowledge-base entry: a sourced, dated fact or a piece of reasoning. It applies on a date
/// only inside one of its <see cref="Periods"/> (several periods: suspended and resumed).
/// For laws a period is when the law is in force or applies; for published facts (reports,
/// statistics, decisions) it starts when the fact became public, so that an assessment as of an
/// earlier date cannot rely on it.
/// </summary>
public sealed record KbEntry
{
    public required string Id { get; init; }
    public required EntryKind Kind { get; init; }
    /// <summary>Jurisdiction codes: a country (ISO alpha-2), or a group such as EU, SCHENGEN, COE, INT.</summary>
    public required ImmutableArray<string> Jurisdictions { get; init; }
    public required ImmutableArray<ValidityPeriod> Periods { get; init; }
    public required Bilingual Title { get; init; }
    public required Bilingual Summary { get; init; }
    public ImmutableArray<Source> Sources { get; init; } = [];
    /// <summary>Other entries this one relies on; they are cited where this entry is used.</summary>
    public ImmutableArray<string> Because { get; init; } = [];
    public required LocalDate Verified { get; init; }
    public Certainty Certainty { get; init; } = Certainty.Confirmed;
    /// <summary>For reviewers: what is unconfirmed, or which of two disagreeing sources is followed and why.</summary>
    public string? Note { get; init; }
    public required SourceLocation Location { get; init; }
    public EntryDetails? Details { get; init; }

    public bool AppliesOn(LocalDate date)
    {
        foreach (var p in Periods)
            if (p.Contains(date)) return true;
        return false;
    }

    /// <summary>Decisive rules must not rest on an unconfirmed fact.</summary>
    public bool IsDecisive => Certainty != Certainty.Unconfirmed;
}
