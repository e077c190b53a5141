using ExNunc.Domain.Cases;
using ExNunc.Domain.Rules;
using NodaTime;

namespace ExNunc.Domain.Assessment;

/// <summary>
/// The derivation tree of a condition for one case, destination and list item. Tracing an
/// evaluation costs more than the evaluation itself, and most assessments are read for their
/// findings only, so the tree is traced the first time someone asks for it (a report, --explain).
/// </summary>
internal sealed class ConditionSource
{
    private readonly CaseTrees _trees;
    private readonly CompiledCondition _condition;
    private readonly CompiledRule? _rule;
    private readonly string _destination;
    private readonly int _item = -1;
    private ConditionNode? _node;

    public ConditionSource(CaseTrees trees, CompiledCondition condition, string destination)
    {
        _trees = trees;
        _condition = condition;
        _destination = destination;
    }

    /// <summary>The condition of a rule; <paramref name="item"/> is the index into its <c>for_each</c> list, or -1.</summary>
    public ConditionSource(CaseTrees trees, CompiledRule rule, string destination, int item = -1)
        : this(trees, rule.When, destination)
    {
        _rule = rule;
        _item = item;
    }

    // Two threads may both trace the tree; they get equal trees, and either may be kept.
    public ConditionNode Node => _node ??= _trees.Explain(_condition, _rule, _destination, _item);
}

/// <summary>The derivation trees traced for one case as of one date, shared by its destinations where the condition does not mention them.</summary>
internal sealed class CaseTrees(CaseFile @case, LocalDate asOf, IKbFacts kb)
{
    private readonly Dictionary<(CompiledCondition Condition, string Destination, int Item), ConditionNode> _trees = [];
    private readonly Lock _gate = new();

    public ConditionNode Explain(CompiledCondition condition, CompiledRule? rule, string destination, int item)
    {
        var key = (condition, condition.UsesDestination ? destination : "", item);
        lock (_gate)
            if (_trees.TryGetValue(key, out var known)) return known;
        var context = new EvalContext(@case, asOf, destination, kb);
        if (item >= 0 && rule?.ForEach?.Invoke(context) is { } items)
            context.BindItem(items[item], $"{rule.Details.ForEach}[{item}]");
        var tree = condition.Explain(context);
        lock (_gate)
            return _trees.TryAdd(key, tree) ? tree : _trees[key];
    }
}
