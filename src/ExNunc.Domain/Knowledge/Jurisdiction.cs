using System.Collections.Immutable;

namespace ExNunc.Domain.Knowledge;

public enum JurisdictionRole { Group, Origin, Destination, Transit }

/// <summary>A country or a group of them. Entries for a group apply to every member, directly or through subgroups.</summary>
public sealed record Jurisdiction(string Code, JurisdictionRole Role, Bilingual Name, ImmutableArray<string> MemberOf, Diagnostics.SourceLocation? Location = null);
