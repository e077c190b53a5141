using System.Collections.Immutable;

namespace ExNunc.Domain.Rules;

/// <summary>A condition compiled once per knowledge-base load into a delegate over the evaluation context.</summary>
public sealed class CompiledCondition(string text, Func<EvalContext, Tri> test, Func<EvalContext, Tri> traced, ImmutableArray<string> paths, ImmutableArray<string> entryRefs, bool usesDestination = false)
{
    public static readonly CompiledCondition Always = new("true", _ => Tri.True, _ => Tri.True, [], []);

    public string Text { get; } = text;
    /// <summary>Case paths the condition names (for documentation and for gaps).</summary>
    public ImmutableArray<string> Paths { get; } = paths;
    /// <summary>Knowledge-base ids it names through <c>param</c> and <c>applies</c>.</summary>
    public ImmutableArray<string> EntryRefs { get; } = entryRefs;
    /// <summary>Whether the outcome can differ between destinations; if not, one evaluation serves them all.</summary>
    public bool UsesDestination { get; } = usesDestination;

    public Tri Evaluate(EvalContext context) => test(context);

    /// <summary>
    /// The facts whose absence leaves the condition undecided: what <see cref="ConditionNode.UnknownFacts"/>
    /// of <see cref="Explain"/>'s tree gives, without building the tree.
    /// </summary>
    public IReadOnlyList<string> UnknownFacts(EvalContext context)
    {
        var saved = context.Trace;
        var trace = new UnknownFactsTrace();
        context.Trace = trace;
        try
        {
            traced(context);
            return trace.Paths();
        }
        finally
        {
            context.Trace = saved;
        }
    }

    /// <summary>Evaluates with tracing on and returns the outcome with its derivation tree.</summary>
    public ConditionNode Explain(EvalContext context)
    {
        var saved = context.Trace;
        var trace = new Trace();
        context.Trace = trace;
        try
        {
            var outcome = traced(context);
            var root = trace.Root();
            // A condition that reads nothing (a constant) leaves no trace; describe it from its text.
            return root.Text.Length == 0 ? new ConditionNode(Text, outcome, [], []) : root;
        }
        finally
        {
            context.Trace = saved;
        }
    }
}
