using System.Collections.Immutable;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Rules;
using NodaTime;

namespace ExNunc.Domain.Assessment;

/// <summary>
/// The working state of one assessment: the evaluation context, and what has been worked out for the
/// case so far — outcomes of conditions that do not mention the destination, and findings of shared
/// plans — so that each is worked out once however many destinations there are. Not shared between threads.
/// </summary>
internal sealed class CaseRun
{
    private readonly Tri?[] _outcomes;
    private readonly int[]?[] _matches;
    private readonly Dictionary<CompiledCondition, Tri> _conditions = [];

    public CaseRun(RuleBook book, CaseFile @case, LocalDate asOf, PlanSet.Slots slots)
    {
        Context = new EvalContext(@case, asOf, "", book.Knowledge);
        Trees = new CaseTrees(@case, asOf, book.Knowledge);
        _outcomes = new Tri?[book.Rules.Length];
        _matches = new int[]?[book.Rules.Length];
        Elements = new ElementFinding?[slots.Elements];
        Grounds = new GroundFinding?[slots.Grounds];
        Objections = new (bool, ObjectionFinding?)[slots.Objections];
        Conclusions = new (ExposureFinding[], GapFinding[])?[slots.Conclusions];
    }

    public EvalContext Context { get; }

    /// <summary>
    /// Every id added since the last call, once each, in ordinal order: how findings list their sources.
    /// One buffer per assessment, since sources are merged for every element, ground and objection.
    /// </summary>
    public ImmutableArray<string> SortedIds()
    {
        var ids = Ids;
        ids.Sort(StringComparer.Ordinal);
        var n = 0;
        for (var i = 0; i < ids.Count; i++)
            if (n == 0 || !string.Equals(ids[i], ids[n - 1], StringComparison.Ordinal)) ids[n++] = ids[i];
        ImmutableArray<string> result = [.. System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids)[..n]];
        ids.Clear();
        return result;
    }

    /// <summary>The buffer <see cref="SortedIds"/> reads.</summary>
    public List<string> Ids { get; } = [];
    public CaseTrees Trees { get; }

    // Findings of shared plans, by the plan's slot.
    public ElementFinding?[] Elements { get; }
    public GroundFinding?[] Grounds { get; }
    public (bool Done, ObjectionFinding? Finding)[] Objections { get; }
    public (ExposureFinding[] Exposure, GapFinding[] Gaps)?[] Conclusions { get; }

    public Tri Outcome(CompiledRule rule)
    {
        if (rule.When.UsesDestination) return rule.When.Evaluate(Context);
        return _outcomes[rule.Index] ??= rule.When.Evaluate(Context);
    }

    /// <summary>The outcome of a pathway's, practice entry's or rebuttal's condition.</summary>
    public Tri Outcome(CompiledCondition condition)
    {
        if (condition.UsesDestination) return condition.Evaluate(Context);
        if (!_conditions.TryGetValue(condition, out var outcome)) _conditions[condition] = outcome = condition.Evaluate(Context);
        return outcome;
    }

    /// <summary>Indexes of the items of a <c>for_each</c> list for which the rule holds.</summary>
    public int[] Matches(CompiledRule rule, IReadOnlyList<object> items)
    {
        if (!rule.When.UsesDestination && _matches[rule.Index] is { } known) return known;
        var found = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            Context.BindItem(items[i]); // without tracing, the item's path is never read
            if (rule.When.Evaluate(Context) == Tri.True) found.Add(i);
        }
        int[] result = found.Count == 0 ? [] : [.. found];
        if (!rule.When.UsesDestination) _matches[rule.Index] = result;
        return result;
    }
}
