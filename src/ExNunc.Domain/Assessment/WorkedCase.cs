using System.Collections.Immutable;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;
using NodaTime;

namespace ExNunc.Domain.Assessment;

/// <summary>
/// A worked case in kb/worked-cases/: a case file, a date, a destination, and the findings a reviewer
/// expects. Running them shows a KB change's effect on real people before it lands.
/// </summary>
public sealed record WorkedCase(
    string Name,
    string CasePath,
    LocalDate AsOf,
    string Destination,
    WorkedCaseExpectations Expect,
    SourceLocation Location);

/// <summary>What must hold. Every map and list is optional; an empty one checks nothing.</summary>
public sealed record WorkedCaseExpectations
{
    public ImmutableDictionary<string, string> Pathways { get; init; } = ImmutableDictionary<string, string>.Empty;
    public ImmutableDictionary<string, string> Grounds { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Keys are <c>ground/element</c>; values met, unmet or unknown.</summary>
    public ImmutableDictionary<string, string> Elements { get; init; } = ImmutableDictionary<string, string>.Empty;
    public ImmutableArray<string> Objections { get; init; } = [];
    public ImmutableArray<string> NotObjections { get; init; } = [];
    /// <summary>Objection id → entry ids that its rebuttals must cite (all of them).</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Rebuttals { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;
    public ImmutableArray<string> Practice { get; init; } = [];
    public ImmutableArray<string> Exposure { get; init; } = [];
    public ImmutableArray<string> NotExposure { get; init; } = [];
}

/// <summary>Checks a worked case's expectations against an assessment.</summary>
public static class WorkedCases
{
    public static IReadOnlyList<Diagnostic> Check(WorkedCase worked, DestinationAssessment d)
    {
        var problems = new List<Diagnostic>();
        void Fail(string field, string message) =>
            problems.Add(new Diagnostic("worked-case.mismatch", $"{worked.Name} ({worked.Destination}, {worked.AsOf:uuuu-MM-dd}): {message}", worked.Location, field));

        foreach (var (id, state) in worked.Expect.Pathways)
        {
            var p = d.Pathways.FirstOrDefault(x => x.Id == id);
            if (p?.Status != state) Fail("pathways", $"pathway {id} expected {state}, found {p?.Status ?? "not listed"}.");
        }
        foreach (var (id, status) in worked.Expect.Grounds)
        {
            var g = d.Grounds.FirstOrDefault(x => x.Id == id);
            if (g?.Status != status) Fail("grounds", $"ground {id} expected {status}, found {g?.Status ?? "not assessed"}.");
        }
        foreach (var (key, status) in worked.Expect.Elements)
        {
            var parts = key.Split('/');
            var e = d.Grounds.FirstOrDefault(g => g.Id == parts[0])?.Elements.FirstOrDefault(x => parts.Length == 2 && x.Id == parts[1]);
            if (e?.Status != status) Fail("elements", $"element {key} expected {status}, found {e?.Status ?? "not assessed"}.");
        }
        foreach (var id in worked.Expect.Objections.Where(id => d.Objections.All(o => o.Id != id)))
            Fail("objections", $"objection {id} expected to be raised, but it is not.");
        foreach (var id in worked.Expect.NotObjections.Where(id => d.Objections.Any(o => o.Id == id)))
            Fail("not_objections", $"objection {id} is raised, but it should not be.");
        foreach (var (objection, cites) in worked.Expect.Rebuttals)
        {
            var cited = d.Objections.FirstOrDefault(o => o.Id == objection)?.Rebuttals.SelectMany(r => r.Sources).ToHashSet() ?? [];
            foreach (var id in cites.Where(c => !cited.Contains(c)))
                Fail("rebuttals", $"no rebuttal of {objection} cites {id}.");
        }
        foreach (var id in worked.Expect.Practice.Where(id => d.Practice.All(p => p.Id != id)))
            Fail("practice", $"practice {id} expected, but it is not listed.");
        foreach (var id in worked.Expect.Exposure.Where(id => d.Exposure.All(x => x.Article != id)))
            Fail("exposure", $"exposure to {id} expected, but it is not found.");
        foreach (var id in worked.Expect.NotExposure.Where(id => d.Exposure.Any(x => x.Article == id)))
            Fail("not_exposure", $"exposure to {id} is found, but it should not be.");
        return problems;
    }

    /// <summary>Every id a worked case names must exist in the KB.</summary>
    public static IEnumerable<Diagnostic> CheckReferences(WorkedCase worked, KnowledgeBase kb)
    {
        var ids = worked.Expect.Pathways.Keys.Concat(worked.Expect.Grounds.Keys)
            .Concat(worked.Expect.Elements.Keys.Select(k => k.Split('/')[0]))
            .Concat(worked.Expect.Objections).Concat(worked.Expect.NotObjections)
            .Concat(worked.Expect.Rebuttals.Keys).Concat(worked.Expect.Rebuttals.Values.SelectMany(v => v))
            .Concat(worked.Expect.Practice).Concat(worked.Expect.Exposure).Concat(worked.Expect.NotExposure);
        foreach (var id in ids.Distinct().Where(id => kb.Find(id) is null))
            yield return new Diagnostic("reference.unresolved", $"{worked.Name}: '{id}' is not an entry of the knowledge base.", worked.Location, "expect");
        if (kb.FindJurisdiction(worked.Destination) is null)
            yield return new Diagnostic("worked-case.destination", $"{worked.Name}: unknown destination '{worked.Destination}'.", worked.Location, "destination");
    }
}
