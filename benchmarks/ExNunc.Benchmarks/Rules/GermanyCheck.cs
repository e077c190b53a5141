using System.Collections.Immutable;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Knowledge;
using ExNunc.Testing;
using NodaTime;

namespace ExNunc.Benchmarks.Rules;

/// <summary>
/// Correctness checks behind the batch benchmark (not benchmarks): the hand-written German assessment
/// agrees with the engine, and the engine gives the same results when one instance is shared by threads.
/// </summary>
public static class GermanyCheck
{
    private static readonly string[] Germany = ["DE"];

    /// <summary>
    /// Compares the hand-written assessment with the engine's for Germany on <paramref name="cases"/>
    /// and throws on any difference. Ground statuses, raised objections and exposure articles must agree;
    /// so must every other field both produce (elements, explanations, sources, rebuttals, gaps, pathways,
    /// practice, score), which is what shows that the two do the same work.
    /// </summary>
    public static void HandWrittenAgreesWithEngine(AssessmentEngine engine, HandWrittenGermany hand, IReadOnlyList<CaseFile> cases, LocalDate asOf)
    {
        var problems = new List<string>();
        foreach (var c in cases)
        {
            var e = engine.Assess(c, asOf, Germany).Destinations.Single();
            var h = hand.Assess(c, asOf);
            Compare(c.Id, e, h, problems);
            if (problems.Count >= 20) break;
        }
        if (problems.Count > 0)
            throw new InvalidOperationException($"The hand-written German assessment disagrees with the engine ({problems.Count}{(problems.Count >= 20 ? "+" : "")} differences):\n  " + string.Join("\n  ", problems));
    }

    private static void Compare(string id, DestinationAssessment e, GermanyAssessment h, List<string> problems)
    {
        void Same<T>(string what, T engine, T hand)
        {
            if (!EqualityComparer<T>.Default.Equals(engine, hand)) problems.Add($"{id} {what}: engine '{engine}', hand-written '{hand}'");
        }
        void SameList(string what, IEnumerable<string> engine, IEnumerable<string> hand) => Same(what, string.Join(" | ", engine), string.Join(" | ", hand));

        // What the brief requires to agree.
        SameList("ground statuses", e.Grounds.Select(g => $"{g.Id}={g.GroundStatus}"), h.Grounds.Select(g => $"{g.Id}={g.Status}"));
        SameList("raised objections", e.Objections.Select(o => o.Id), h.Objections.Select(o => o.Id));
        SameList("exposure articles", e.Exposure.Select(x => x.Article), h.Exposure.Select(x => x.Article));
        if (problems.Count > 0) return;

        // Everything else both produce.
        Same("score", e.Score, h.Score);
        Same("ranking", e.Ranking, h.Ranking);
        foreach (var (eg, hg) in e.Grounds.Zip(h.Grounds))
        {
            Same($"ground {eg.Id} explanation", eg.Explanation, hg.Explanation);
            SameList($"ground {eg.Id} sources", eg.Sources, hg.Sources);
            SameList($"ground {eg.Id} elements", eg.Elements.Select(x => $"{x.Id}={x.Met}/{x.Support}"), hg.Elements.Select(x => $"{x.Id}={x.Met}/{x.Support}"));
            foreach (var (ee, he) in eg.Elements.Zip(hg.Elements))
            {
                Same($"element {eg.Id}/{ee.Id} explanation", ee.Explanation, he.Explanation);
                SameList($"element {eg.Id}/{ee.Id} sources", ee.Sources, he.Sources);
                SameList($"element {eg.Id}/{ee.Id} unknown facts", ee.UnknownFacts, he.UnknownFacts);
            }
        }
        foreach (var (eo, ho) in e.Objections.Zip(h.Objections))
        {
            Same($"objection {eo.Id} explanation", eo.Explanation, ho.Explanation);
            SameList($"objection {eo.Id} sources", eo.Sources, ho.Sources);
            SameList($"objection {eo.Id} rebuttals", eo.Rebuttals.Select(Rebuttal), ho.Rebuttals.Select(r => Rebuttal(r.Id, r.Text, r.Cites)));
        }
        foreach (var (ex, hx) in e.Exposure.Zip(h.Exposure))
        {
            Same($"exposure {ex.Article} penalty", ex.Penalty, hx.Penalty);
            Same($"exposure {ex.Article} explanation", ex.Explanation, hx.Explanation);
            SameList($"exposure {ex.Article} sources", ex.Sources, hx.Sources);
        }
        SameList("gaps", e.Gaps.Select(g => $"{g.Id} [{g.Fact}] {g.Need.En} / {g.Need.Ru} / {g.Explanation.En} / {string.Join(",", g.Sources)}"),
            h.Gaps.Select(g => $"{g.Id} [{g.Fact}] {g.Need.En} / {g.Need.Ru} / {g.Explanation.En} / {string.Join(",", g.Sources)}"));
        SameList("pathways", e.Pathways.Select(p => $"{p.Id}={p.State}: {p.Explanation} ({string.Join(",", p.Sources)})"),
            h.Pathways.Select(p => $"{p.Id}={p.State}: {p.Explanation} ({string.Join(",", p.Sources)})"));
        SameList("practice", e.Practice.Select(p => $"{p.Id} ({string.Join(",", p.Sources)})"), h.Practice.Select(p => $"{p.Id} ({string.Join(",", p.Sources)})"));
    }

    private static string Rebuttal(RebuttalFinding r) => Rebuttal(r.Id, r.Text, r.Sources);
    private static string Rebuttal(string id, Bilingual text, ImmutableArray<string> cites) => $"{id}: {text.En} ({string.Join(",", cites)})";

    /// <summary>
    /// Assesses <paramref name="cases"/> for every destination once on one thread and
    /// <paramref name="rounds"/> times from all cores at once with the same engine, and throws unless
    /// every concurrent result equals the sequential one in every finding, explanation and derivation.
    /// </summary>
    public static void EngineIsThreadSafe(AssessmentEngine engine, IReadOnlyList<CaseFile> cases, LocalDate asOf, int rounds = 4)
    {
        var expected = cases.Select(c => AssessmentFingerprint.Of(engine.Assess(c, asOf))).ToArray();
        var n = cases.Count;
        var mismatches = 0;
        Parallel.For(0, n * rounds, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, k =>
        {
            // Interleave so that both threads work on different cases at the same time.
            var i = (k * 7919) % n;
            if (AssessmentFingerprint.Of(engine.Assess(cases[i], asOf)) != expected[i]) Interlocked.Increment(ref mismatches);
        });
        if (mismatches > 0)
            throw new InvalidOperationException($"Concurrent Assess calls on one engine gave {mismatches} results that differ from sequential ones.");
    }
}
