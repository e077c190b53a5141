using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    // Sources of the finding being built, kept in ordinal order without repeats. Most findings have
    // one list of sources (one rule's), which is then taken as it is.
    private readonly List<string> _sources = [];
    private ImmutableArray<string> _only;
    private int _lists;

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

    /// <summary>Adds ids, in ordinal order and once each, to the sources of the finding being built.</summary>
    public void AddSources(ImmutableArray<string> sortedIds)
    {
        if (_lists++ == 0)
        {
            _only = sortedIds;
            return;
        }
        if (_lists == 2)
            foreach (var id in _only) Insert(id);
        foreach (var id in sortedIds) Insert(id);
    }

    public void AddSource(string id) => AddSources([id]);

    private void Insert(string id)
    {
        var at = _sources.BinarySearch(id, StringComparer.Ordinal);
        if (at < 0) _sources.Insert(~at, id);
    }

    /// <summary>The sources added since the last call, in ordinal order, once each.</summary>
    public ImmutableArray<string> TakeSources()
    {
        var result = _lists switch
        {
            0 => [],
            1 => _only,
            _ => ImmutableArray.Create(CollectionsMarshal.AsSpan(_sources)),
        };
        _sources.Clear();
        (_only, _lists) = (default, 0);
        return result;
    }
}
