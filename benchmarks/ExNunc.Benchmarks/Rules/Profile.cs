using System.Diagnostics;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;
using ExNunc.Testing;
using NodaTime;
using Kb = ExNunc.Domain.Knowledge.KnowledgeBase;

namespace ExNunc.Benchmarks.Rules;

/// <summary>
/// The <c>--profile</c> mode: where the engine's time goes, measured from outside through its public
/// API (single thread, generated cases): the whole assessment, then its parts done on their own —
/// evaluating every rule in scope, explaining (re-evaluating with tracing) what the engine explains,
/// walking the trees for facts, citing, and hashing rules the way the engine's memo does.
/// </summary>
public static class Profile
{
    public static void Run(int count)
    {
        var cases = CaseGenerator.Generate(count);
        var engine = Shared.Engine;
        var kb = Shared.Kb;
        var asOf = Shared.AsOf;
        var destinations = kb.Destinations.ToArray();
        Console.WriteLine($"{count} generated cases, as of {asOf:uuuu-MM-dd}; {destinations.Length} destinations, {engine.Book.Rules.Length} rules, {kb.Entries.Length} entries; single thread.");

        var germany = engine.Book.Rules.Where(r => InScope(kb, r.Entry, "DE", asOf)).ToArray();
        Console.WriteLine($"{germany.Length} rules apply to DE.");
        // Destinations whose rules, rebuttals, grounds and citable groups are the same get the same
        // grounds, objections, exposures and gaps: how many different ones are there?
        var scoped = kb.Entries.Where(e => e.Kind is EntryKind.Rule or EntryKind.Rebuttal or EntryKind.Ground).ToArray();
        var signatures = destinations.GroupBy(d =>
            string.Join(",", scoped.Where(e => InScope(kb, e, d, asOf)).Select(e => e.Id)) + "|" +
            string.Join(",", kb.Jurisdictions.Where(j => j.Role == JurisdictionRole.Group && kb.Covers(j.Code, d)).Select(j => j.Code)))
            .Select(g => string.Join(" ", g)).ToList();
        Console.WriteLine($"{signatures.Count} different scopes among the {destinations.Length} destinations: {string.Join(" | ", signatures)}");
        // Finer: an element needs only its own rules to be in scope alike; an objection its rules and rebuttals.
        string Groups(string d) => string.Join(",", kb.Jurisdictions.Where(j => j.Role == JurisdictionRole.Group && kb.Covers(j.Code, d)).Select(j => j.Code));
        var elementRules = engine.Book.Rules.Where(r => r.Details.Then is ElementConclusion).GroupBy(r => ((ElementConclusion)r.Details.Then).Element + "@" + ((ElementConclusion)r.Details.Then).Ground);
        var elementWork = elementRules.Sum(g => destinations.Select(d => string.Join(",", g.Where(r => InScope(kb, r.Entry, d, asOf)).Select(r => r.Entry.Id)) + "|" + Groups(d)).Distinct().Count());
        var objectionWork = engine.Book.Rules.Where(r => r.Details.Then is ObjectionConclusion).GroupBy(r => ((ObjectionConclusion)r.Details.Then).Objection)
            .Sum(g => destinations.Select(d => string.Join(",", g.Where(r => InScope(kb, r.Entry, d, asOf)).Select(r => r.Entry.Id)) + "/" +
                string.Join(",", engine.Book.Rebuttals.Where(rb => rb.Details.Answers == g.Key && InScope(kb, rb.Entry, d, asOf)).Select(rb => rb.Entry.Id)) + "|" + Groups(d)).Distinct().Count());
        Console.WriteLine($"Per element: {elementWork} different element assessments instead of {elementRules.Count()} x {destinations.Length} = {elementRules.Count() * destinations.Length}; " +
            $"per objection: {objectionWork} instead of {engine.Book.Rules.Where(r => r.Details.Then is ObjectionConclusion).Select(r => ((ObjectionConclusion)r.Details.Then).Objection).Distinct().Count() * destinations.Length}.");

        Measure("engine, all destinations", cases, c => engine.Assess(c, asOf).Destinations.Length);
        Measure("engine, DE", cases, c => engine.Assess(c, asOf, Shared.Germany).Destinations.Length);
        Measure("hand-written, DE", cases, c => Shared.HandWritten.Assess(c, asOf).Score);

        Console.WriteLine("Parts of the engine's work for DE, done on their own:");
        Measure("  evaluate every rule in scope (for_each per item)", cases, c => EvaluateAll(germany, c, asOf, kb, explain: false));
        Measure("  … and explain (re-evaluate with tracing) those true or unknown", cases, c => EvaluateAll(germany, c, asOf, kb, explain: true));
        Measure("  … and walk each tree for its facts and unknown facts", cases, c => EvaluateAll(germany, c, asOf, kb, explain: true, facts: true));
        Measure("  cite the 'because' of every rule true or unknown", cases, c => CiteAll(engine, germany, c, asOf, kb));
        Measure("  pathways + practice for DE (explained)", cases, c => PathwaysAndPractice(engine.Book, c, asOf, kb));

        var sw = Stopwatch.StartNew();
        long h = 0;
        const int rounds = 2_000;
        for (var i = 0; i < rounds; i++)
            foreach (var r in engine.Book.Rules) h += r.GetHashCode();
        sw.Stop();
        Console.WriteLine($"  CompiledRule.GetHashCode (a record: hashes the entry's texts): {sw.Elapsed.TotalMicroseconds / (rounds * engine.Book.Rules.Length):F2} µs per call ({h & 1})");
        sw.Restart();
        for (var i = 0; i < rounds; i++)
            foreach (var r in engine.Book.Rules) h += System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(r);
        Console.WriteLine($"  the same by reference:                                       {sw.Elapsed.TotalMicroseconds / (rounds * engine.Book.Rules.Length):F3} µs per call ({h & 1})");
        Console.WriteLine($"  Memo lookups per assessment: about {germany.Length} outcomes per destination, plus trees; x {destinations.Length} destinations.");
    }

    public static void Loop(string what, int count)
    {
        var cases = CaseGenerator.Generate(count);
        if (what == "fingerprint")
        {
            // A digest of every finding and derivation for every destination: equal digests, equal results.
            using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            // Four dates: before and after the Pact's date of application, and dates where policies changed.
            LocalDate[] dates = [new(2022, 9, 30), new(2023, 6, 1), new(2025, 7, 30), Shared.AsOf];
            foreach (var date in dates)
                foreach (var c in cases) sha.AppendData(System.Text.Encoding.UTF8.GetBytes(AssessmentFingerprint.Of(Shared.Engine.Assess(c, date))));
            Console.WriteLine($"fingerprint of {count} cases at {dates.Length} dates, all destinations: {Convert.ToHexStringLower(sha.GetHashAndReset())}");
            return;
        }
        var parallel = what.StartsWith('p');
        Func<CaseFile, int> work = what.TrimStart('p') switch
        {
            "all" => c => Shared.Engine.Assess(c, Shared.AsOf).Destinations.Length,
            "de" => c => Shared.Engine.Assess(c, Shared.AsOf, Shared.Germany).Destinations.Length,
            _ => c => Shared.HandWritten.Assess(c, Shared.AsOf).Score,
        };
        long Pass()
        {
            if (!parallel)
            {
                long sum = 0;
                foreach (var c in cases) sum += work(c);
                return sum;
            }
            long total = 0;
            Parallel.For(0, cases.Length, () => 0L, (i, _, local) => local + work(cases[i]), local => Interlocked.Add(ref total, local));
            return total;
        }
        var n = Pass();
        Thread.Sleep(300);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var sw = Stopwatch.StartNew();
        for (var round = 0; round < 4; round++) n += Pass();
        sw.Stop();
        process.Refresh();
        // CPU time is what a loaded machine distorts least (GC threads count too; in parallel, both cores).
        Console.WriteLine($"{what}: {(process.TotalProcessorTime - cpu).TotalMicroseconds / (4.0 * count):F1} µs CPU per case, {sw.Elapsed.TotalMicroseconds / (4.0 * count):F1} µs wall, GC paused {100 * (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / sw.Elapsed.TotalMilliseconds:F0}% of it ({n})");
    }

    private static void Measure(string what, CaseFile[] cases, Func<CaseFile, int> work)
    {
        // Twice through the cases first, with a pause, so that tiered compilation has finished.
        for (var round = 0; round < 2; round++)
        {
            foreach (var c in cases.Take(Math.Min(1_000, cases.Length))) work(c);
            Thread.Sleep(300);
        }
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long sink = 0;
        foreach (var c in cases) sink += work(c);
        sw.Stop();
        process.Refresh();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"{what,-70} {(process.TotalProcessorTime - cpu).TotalMicroseconds / cases.Length,9:F1} µs CPU/case {sw.Elapsed.TotalMicroseconds / cases.Length,9:F1} µs wall/case {bytes / 1024.0 / cases.Length,8:F1} KB/case");
    }

    private static bool InScope(Kb kb, KbEntry entry, string destination, LocalDate asOf) =>
        entry.AppliesOn(asOf) && entry.Jurisdictions.Any(j => kb.Covers(j, destination) || kb.FindJurisdiction(j)?.Role == JurisdictionRole.Origin);

    private static int EvaluateAll(CompiledRule[] rules, CaseFile c, LocalDate asOf, Kb kb, bool explain, bool facts = false)
    {
        var ctx = new EvalContext(c, asOf, "DE", kb);
        var n = 0;
        foreach (var rule in rules)
        {
            if (rule.ForEach is { } forEach)
            {
                if (forEach(ctx) is not { } items) continue;
                for (var i = 0; i < items.Count; i++)
                {
                    ctx.BindItem(items[i], $"{rule.Details.ForEach}[{i}]");
                    if (rule.When.Evaluate(ctx) == Tri.True) n += explain ? Explain(rule, ctx, facts) : 1;
                }
            }
            else if (rule.When.Evaluate(ctx) != Tri.False) n += explain ? Explain(rule, ctx, facts) : 1;
        }
        return n;
    }

    private static int Explain(CompiledRule rule, EvalContext ctx, bool facts)
    {
        var tree = rule.When.Explain(ctx);
        return facts ? tree.AllFacts().Count + tree.UnknownFacts().Count : tree.Children.Length;
    }

    private static int CiteAll(AssessmentEngine engine, CompiledRule[] rules, CaseFile c, LocalDate asOf, Kb kb)
    {
        var ctx = new EvalContext(c, asOf, "DE", kb);
        var n = 0;
        foreach (var rule in rules)
            if (rule.ForEach is null && rule.When.Evaluate(ctx) != Tri.False) n += engine.Cite(rule.Entry.Because, "DE", asOf).Length * 2;
        return n;
    }

    private static int PathwaysAndPractice(RuleBook book, CaseFile c, LocalDate asOf, Kb kb)
    {
        var ctx = new EvalContext(c, asOf, "DE", kb);
        var n = 0;
        foreach (var p in book.Pathways)
            if (p.Entry.Jurisdictions.Contains("DE") && p.Entry.AppliesOn(asOf) && p.AppliesWhen is { } w) n += w.Explain(ctx).AllFacts().Count;
        foreach (var p in book.Practice)
            if (p.Entry.Jurisdictions.Contains("DE") && p.Entry.AppliesOn(asOf) && p.RelevantWhen is { } w) n += w.Explain(ctx).AllFacts().Count;
        return n;
    }
}
