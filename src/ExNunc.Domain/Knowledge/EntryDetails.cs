using System.Collections.Immutable;
using ExNunc.Domain.Calendar;
using ExNunc.Domain.Diagnostics;

namespace ExNunc.Domain.Knowledge;

/// <summary>The kind-specific part of an entry.</summary>
public abstract record EntryDetails;

/// <summary>A condition over case facts and knowledge-base facts, as written in kb/ (see docs/kb-format.md).</summary>
public sealed record ConditionText(string Text, SourceLocation Location);

/// <summary>A Russian article and its penalties, each with its own validity.</summary>
public sealed record RussianLawDetails(string Code, string Article, ImmutableArray<Penalty> Penalties) : EntryDetails;

/// <summary>A penalty for the article, or for one part of it (<see cref="Part"/>, e.g. "1" or "2"), while <see cref="Period"/> applies.</summary>
public sealed record Penalty(ValidityPeriod Period, Bilingual Text, string? Part = null);

public enum PathwayState { Open, Restricted, Closed, NotApplicable }

/// <summary>A way to reach or stay in a destination, with its state per period (OpenFisca-style dated values).</summary>
public sealed record PathwayDetails(ConditionText? AppliesWhen, ImmutableArray<PathwayStatePeriod> States) : EntryDetails;

public sealed record PathwayStatePeriod(ValidityPeriod Period, PathwayState State, Bilingual? Note, ImmutableArray<string> Because, SourceLocation Location);

public enum ElementRole { Route, Requirement }

/// <summary>A protection ground and the elements it is assessed by.</summary>
public sealed record GroundDetails(ImmutableArray<GroundElement> Elements) : EntryDetails;

public sealed record GroundElement(string Id, ElementRole Role, Bilingual Title);

/// <summary>An answer to an objection, used only when its cited entries apply on the as-of date.</summary>
public sealed record RebuttalDetails(string Answers, ConditionText? When, ImmutableArray<string> Cites) : EntryDetails;

/// <summary>
/// Practice, policy and case law shown for a destination when relevant to the person. Entries that
/// describe the same <see cref="Measure"/> (e.g. "de-s22-admission") with a <see cref="State"/> each
/// must not overlap in time with different states: that would be two contradictory facts.
/// </summary>
public sealed record PracticeDetails(ConditionText? RelevantWhen, string? Measure = null, string? State = null) : EntryDetails;

/// <summary>A value that changes over time, such as the upper conscription age.</summary>
public sealed record ParameterDetails(ImmutableArray<ParameterValue> Values) : EntryDetails;

public sealed record ParameterValue(ValidityPeriod Period, decimal Value);

/// <summary>What a case fact means and what evidence would establish it (used to make gaps concrete).</summary>
public sealed record FactDetails(string Path, Bilingual Need) : EntryDetails;

public enum Support { Weak, Arguable, Strong }

/// <summary>A rule: when its condition holds for a case (for each item of a collection, if given), it concludes.</summary>
public sealed record RuleDetails(string? ForEach, ConditionText When, RuleConclusion Then) : EntryDetails;

public abstract record RuleConclusion;

/// <summary>The rule makes an element of a ground met, with the support it gives the ground.</summary>
public sealed record ElementConclusion(string Ground, string Element, Support Support) : RuleConclusion;

/// <summary>The rule makes an objection likely.</summary>
public sealed record ObjectionConclusion(string Objection) : RuleConclusion;

/// <summary>The rule exposes the person to a Russian article.</summary>
public sealed record ExposureConclusion(string Article) : RuleConclusion;

/// <summary>The rule finds a gap: a fact unknown or unproven, and the evidence that would prove it.</summary>
public sealed record GapConclusion(string Fact, Bilingual Need) : RuleConclusion;
