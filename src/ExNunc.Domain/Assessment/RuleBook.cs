using System.Collections.Frozen;
using System.Collections.Immutable;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;

namespace ExNunc.Domain.Assessment;

public sealed record CompiledRule(KbEntry Entry, RuleDetails Details, CompiledCondition When, Func<EvalContext, IReadOnlyList<object>?>? ForEach)
{
    /// <summary>Position in <see cref="RuleBook.Rules"/>; the engine keeps a case's outcomes in an array indexed by it.</summary>
    public int Index { get; init; }

    /// <summary>What the items of the <c>for_each</c> list are, for the <c>{field}</c> placeholders of the conclusion.</summary>
    public FactRecord? Item { get; init; }
}

public sealed record CompiledPathway(KbEntry Entry, PathwayDetails Details, CompiledCondition? AppliesWhen);

public sealed record CompiledRebuttal(KbEntry Entry, RebuttalDetails Details, CompiledCondition? When);

public sealed record CompiledPractice(KbEntry Entry, CompiledCondition? RelevantWhen);

/// <summary>
/// Every condition of the knowledge base compiled once per load, grouped for the engine. A condition
/// that does not parse, or names a fact, value or entry that does not exist, is a diagnostic with
/// the file and line of the condition.
/// </summary>
public sealed class RuleBook
{
    private RuleBook(KnowledgeBase kb)
    {
        Knowledge = kb;
    }

    public KnowledgeBase Knowledge { get; }
    public ImmutableArray<CompiledRule> Rules { get; private set; } = [];
    public ImmutableArray<CompiledPathway> Pathways { get; private set; } = [];
    public ImmutableArray<CompiledRebuttal> Rebuttals { get; private set; } = [];
    public ImmutableArray<CompiledPractice> Practice { get; private set; } = [];
    /// <summary>What each case path means and what proves it.</summary>
    public FrozenDictionary<string, KbEntry> Facts { get; private set; } = FrozenDictionary<string, KbEntry>.Empty;

    public static (RuleBook Book, IReadOnlyList<Diagnostic> Diagnostics) Compile(KnowledgeBase kb)
    {
        var book = new RuleBook(kb);
        var diagnostics = new List<Diagnostic>();
        ConditionCompiler.KbRefKind Resolve(string id) =>
            kb.FindJurisdiction(id) is { Role: JurisdictionRole.Group } ? ConditionCompiler.KbRefKind.Group
            : kb.Find(id) is { } e ? (e.Kind == EntryKind.Parameter ? ConditionCompiler.KbRefKind.Parameter : ConditionCompiler.KbRefKind.Entry)
            : ConditionCompiler.KbRefKind.None;

        // Entries that share a condition share one compiled instance, so the engine evaluates it once per case.
        var compiled = new Dictionary<(string Text, string? ForEach), CompiledCondition>();
        CompiledCondition? CompileOne(KbEntry owner, ConditionText? text, string field, string? forEach = null)
        {
            if (text is null) return null;
            if (!compiled.TryGetValue((text.Text, forEach), out var condition))
            {
                (condition, var errors) = ConditionCompiler.Compile(text.Text, Resolve, forEach);
                foreach (var err in errors)
                    diagnostics.Add(new Diagnostic(err.Code, $"{owner.Id}: {err.Message} (at character {err.Position + 1} of \"{text.Text}\")", text.Location, field));
                if (condition is not null) compiled[(text.Text, forEach)] = condition;
            }
            if (condition is not null)
                foreach (var id in condition.EntryRefs)
                    if (kb.Find(id) is { Certainty: Certainty.Unconfirmed })
                        diagnostics.Add(new Diagnostic("reference.unconfirmed", $"{owner.Id}: the condition relies on '{id}', which is unconfirmed.", text.Location, field));
            return condition;
        }

        var rules = ImmutableArray.CreateBuilder<CompiledRule>();
        var pathways = ImmutableArray.CreateBuilder<CompiledPathway>();
        var rebuttals = ImmutableArray.CreateBuilder<CompiledRebuttal>();
        var practice = ImmutableArray.CreateBuilder<CompiledPractice>();
        var facts = new Dictionary<string, KbEntry>(StringComparer.Ordinal);
        foreach (var e in kb.Entries)
        {
            switch (e.Details)
            {
                case RuleDetails r:
                    Func<EvalContext, IReadOnlyList<object>?>? forEach = null;
                    if (r.ForEach is not null)
                    {
                        forEach = ConditionCompiler.ListAccessor(r.ForEach);
                        if (forEach is null)
                            diagnostics.Add(new Diagnostic("rule.for-each", $"{e.Id}: '{r.ForEach}' is not a list of records in the case file.", e.Location, "for_each"));
                        // An element or an objection holds or not for the case as a whole; one per item would be several findings of one.
                        if (r.Then is ElementConclusion or ObjectionConclusion)
                            diagnostics.Add(new Diagnostic("rule.for-each", $"{e.Id}: a for_each rule can conclude an exposure or a gap, one per item; an element or an objection needs a condition over the whole case (any(...), all(...)).", e.Location, "for_each"));
                    }
                    if (CompileOne(e, r.When, "when", forEach is null ? null : r.ForEach) is { } when)
                        rules.Add(new CompiledRule(e, r, when, forEach)
                        {
                            Index = rules.Count,
                            Item = r.ForEach is null ? null : ConditionCompiler.ListItemRecord(r.ForEach),
                        });
                    break;
                case PathwayDetails p:
                    pathways.Add(new CompiledPathway(e, p, CompileOne(e, p.AppliesWhen, "applies_when")));
                    break;
                case RebuttalDetails rb:
                    rebuttals.Add(new CompiledRebuttal(e, rb, CompileOne(e, rb.When, "when")));
                    break;
                case PracticeDetails pd:
                    practice.Add(new CompiledPractice(e, CompileOne(e, pd.RelevantWhen, "relevant_when")));
                    break;
                case FactDetails f:
                    if (!FactSchema.PathExists(f.Path))
                        diagnostics.Add(new Diagnostic("fact.path", $"{e.Id}: '{f.Path}' is not a field of the case file.", e.Location, "path"));
                    else if (!facts.TryAdd(f.Path, e))
                        diagnostics.Add(new Diagnostic("fact.duplicate", $"{e.Id}: '{f.Path}' is already described by '{facts[f.Path].Id}'.", e.Location, "path"));
                    break;
            }
        }
        book.Rules = rules.ToImmutable();
        book.Pathways = pathways.ToImmutable();
        book.Rebuttals = rebuttals.ToImmutable();
        book.Practice = practice.ToImmutable();
        book.Facts = facts.ToFrozenDictionary(StringComparer.Ordinal);
        return (book, diagnostics);
    }
}
