using System.Collections.Immutable;
using ExNunc.Domain.Cases;
using NodaTime;

namespace ExNunc.Domain.Rules;

/// <summary>What conditions may ask the knowledge base on a date.</summary>
public interface IKbFacts
{
    /// <summary>A parameter's value on the date, or null if no value applies then.</summary>
    decimal? Parameter(string id, LocalDate date);
    bool Applies(string id, LocalDate date);
    bool InGroup(string code, string group);
}

/// <summary>
/// The state of one evaluation: the case, the as-of date, the destination, and the items of the
/// lists being iterated. Reused across rules of one assessment; not shared between threads.
/// </summary>
public sealed class EvalContext(CaseFile @case, LocalDate asOf, string destination, IKbFacts kb)
{
    internal const int MaxDepth = 4;

    public CaseFile Case { get; set; } = @case;
    public LocalDate AsOf { get; set; } = asOf;
    public string Destination { get; set; } = destination;
    public IKbFacts Kb { get; } = kb;

    /// <summary>When set, evaluation records the facts it reads and builds a derivation tree.</summary>
    public Trace? Trace { get; set; }

    internal readonly object?[] Items = new object?[MaxDepth];
    internal readonly Value[] ItemValues = new Value[MaxDepth];
    internal readonly string[] ItemPaths = new string[MaxDepth];

    /// <summary>Binds the item a <c>for_each</c> rule is looking at (depth 0); the path names it in a trace.</summary>
    public void BindItem(object item, string path = "")
    {
        Items[0] = item;
        ItemPaths[0] = path;
    }
}

/// <summary>A fact read during evaluation: its path in the case file and the value seen.</summary>
public sealed record FactUse(string Path, string Value);

/// <summary>One node of a derivation: a part of a condition, its outcome, the facts it read directly, and its parts.</summary>
public sealed record ConditionNode(string Text, Tri Outcome, ImmutableArray<FactUse> Facts, ImmutableArray<ConditionNode> Children)
{
    /// <summary>Every fact read anywhere below, depth first, without repeats of a path.</summary>
    public IReadOnlyList<FactUse> AllFacts()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var facts = new List<FactUse>();
        void Walk(ConditionNode node)
        {
            foreach (var f in node.Facts)
                if (seen.Add(f.Path)) facts.Add(f);
            foreach (var child in node.Children) Walk(child);
        }
        Walk(this);
        return facts;
    }

    /// <summary>Paths of facts that were unknown in the parts whose outcome was unknown, depth first, without repeats.</summary>
    public IReadOnlyList<string> UnknownFacts()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var paths = new List<string>();
        void Walk(ConditionNode node)
        {
            if (node.Outcome != Tri.Unknown) return;
            foreach (var f in node.Facts)
                if (f.Value == "unknown" && seen.Add(f.Path)) paths.Add(f.Path);
            foreach (var child in node.Children) Walk(child);
        }
        Walk(this);
        return paths;
    }
}

/// <summary>Collects the derivation tree while a condition is evaluated with tracing on.</summary>
public class Trace
{
    // Null in a trace that keeps no tree (UnknownFactsTrace overrides every member that would use it).
    private readonly Stack<(List<ConditionNode> Children, List<FactUse> Facts)>? _frames;

    public Trace() : this(tree: true) { }

    private protected Trace(bool tree)
    {
        if (!tree) return;
        _frames = new();
        _frames.Push(([], []));
    }

    private Stack<(List<ConditionNode> Children, List<FactUse> Facts)> Frames =>
        _frames ?? throw new InvalidOperationException("This trace keeps no derivation tree.");

    internal virtual void Begin() => Frames.Push(([], []));

    internal virtual void End(string text, Tri outcome)
    {
        var (children, facts) = Frames.Pop();
        Frames.Peek().Children.Add(new ConditionNode(text, outcome, [.. facts], [.. children]));
    }

    internal virtual void Read(string path, Value value) => Frames.Peek().Facts.Add(new FactUse(path, value.ToString()));

    /// <summary>The tree of the last completed top-level evaluation.</summary>
    public ConditionNode Root()
    {
        var top = Frames.Peek().Children;
        return top.Count > 0 ? top[^1] : new ConditionNode("", Tri.Unknown, [], []);
    }
}

/// <summary>
/// A trace that keeps only what <see cref="ConditionNode.UnknownFacts"/> of the tree would give —
/// the unknown facts read in parts whose outcome is unknown, in the same order — without building
/// the tree or formatting the values read.
/// </summary>
internal sealed class UnknownFactsTrace() : Trace(tree: false)
{
    // Per open part: the unknown facts it read itself, then those of its undecided parts.
    private readonly List<(List<string>? Own, List<string>? Below)> _frames = [(null, null)];

    internal override void Begin() => _frames.Add((null, null));

    internal override void End(string text, Tri outcome)
    {
        var (own, below) = _frames[^1];
        _frames.RemoveAt(_frames.Count - 1);
        if (outcome != Tri.Unknown || (own is null && below is null)) return;
        var parent = _frames[^1];
        parent.Below ??= [];
        if (own is not null) parent.Below.AddRange(own);
        if (below is not null) parent.Below.AddRange(below);
        _frames[^1] = parent;
    }

    internal override void Read(string path, Value value)
    {
        // A tree shows a value as "unknown" also for a free-text symbol that says so.
        if (!value.IsUnknown && !(value.Kind == ValueKind.Symbol && value.AsString == "unknown")) return;
        var frame = _frames[^1];
        (frame.Own ??= []).Add(path);
        _frames[^1] = frame;
    }

    /// <summary>The unknown facts of the last top-level evaluation, once each.</summary>
    public IReadOnlyList<string> Paths() => _frames[0].Below is { } paths ? [.. paths.Distinct()] : [];
}
