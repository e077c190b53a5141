using System.Collections.Immutable;
using NodaTime;

namespace ExNunc.Domain.Rules;

/// <summary>
/// Type-checks a parsed condition against <see cref="FactSchema"/> and the knowledge base, and turns
/// it into delegates. Every name must resolve: a path into the case, a built-in, or a symbol; a path
/// that does not exist, a symbol that is not a value of the field it is compared with, or an id that
/// the knowledge base does not know is an error.
/// </summary>
public sealed class ConditionCompiler
{
    private readonly Func<string, KbRefKind> _resolveEntry;
    private readonly List<ConditionError> _errors = [];
    private readonly List<string> _paths = [];
    private readonly List<string> _entryRefs = [];
    private readonly List<Scope> _scopes = [];
    private bool _usesDestination;
    // Whether boolean parts report to the trace; evaluation without one skips a delegate per part.
    private bool _tracing = true;

    /// <summary>What an id names in the knowledge base, for <c>param</c> and <c>applies</c>.</summary>
    public enum KbRefKind { None, Entry, Parameter, Group }

    private ConditionCompiler(Func<string, KbRefKind> resolveEntry) => _resolveEntry = resolveEntry;

    private sealed record Scope(FactRecord? Record, int Depth);

    /// <summary>A compiled value: its getter, static type and, for enumerated fields, the allowed symbols.</summary>
    private sealed record Val(Func<EvalContext, Value> Get, FactType Type, IReadOnlySet<string>? Symbols, bool IsSymbolLiteral = false, string? SymbolText = null);

    private sealed record Coll(Func<EvalContext, IReadOnlyList<object>?>? Records, Func<EvalContext, Value>? Scalars, FactRecord? Item, Func<EvalContext, string> Label);

    /// <summary>Compiles <paramref name="text"/>; with <paramref name="forEach"/>, plain names refer to that list's items.</summary>
    public static (CompiledCondition? Condition, IReadOnlyList<ConditionError> Errors) Compile(
        string text, Func<string, KbRefKind> resolveEntry, string? forEach = null)
    {
        var (expr, syntax) = ConditionParser.Parse(text);
        if (expr is null) return (null, [syntax!]);
        (ConditionCompiler, Func<EvalContext, Tri>) Build(bool tracing)
        {
            var c = new ConditionCompiler(resolveEntry) { _tracing = tracing };
            c._scopes.Add(new Scope(FactSchema.Case, -1));
            if (forEach is not null)
            {
                var coll = c.ResolveCollection(forEach, 0);
                if (coll?.Item is null)
                {
                    if (coll is not null) c.Error("rule.for-each", $"'{forEach}' is not a list of records.", 0);
                }
                else c._scopes.Add(new Scope(coll.Item, 0));
            }
            return (c, c.Bool(expr));
        }
        var (compiler, traced) = Build(tracing: true);
        if (compiler._errors.Count > 0) return (null, compiler._errors);
        var (_, plain) = Build(tracing: false);
        return (new CompiledCondition(text, plain, traced, [.. compiler._paths.Distinct()], [.. compiler._entryRefs.Distinct()], compiler._usesDestination), []);
    }

    /// <summary>Resolves a list path for a rule's <c>for_each</c>: its items and their path labels.</summary>
    public static Func<EvalContext, IReadOnlyList<object>?>? ListAccessor(string path)
    {
        var c = new ConditionCompiler(_ => KbRefKind.None);
        c._scopes.Add(new Scope(FactSchema.Case, -1));
        return c.ResolveCollection(path, 0)?.Records;
    }

    /// <summary>The record that describes the items of a list of records in the case file, or null.</summary>
    public static FactRecord? ListItemRecord(string path)
    {
        var c = new ConditionCompiler(_ => KbRefKind.None);
        c._scopes.Add(new Scope(FactSchema.Case, -1));
        return c.ResolveCollection(path, 0)?.Item;
    }

    private void Error(string code, string message, int pos) => _errors.Add(new ConditionError(code, message, pos));

    // ---- boolean expressions -------------------------------------------------------------

    private Func<EvalContext, Tri> Bool(Expr e)
    {
        var text = ConditionPrinter.Print(e);
        Func<EvalContext, Tri> inner = e switch
        {
            AndExpr a => And(Bool(a.Left), Bool(a.Right)),
            OrExpr o => Or(Bool(o.Left), Bool(o.Right)),
            NotExpr n => Not(Bool(n.Operand)),
            CompareExpr c => Compare(c),
            InExpr i => In(i),
            ContainsExpr c => Contains(c),
            TestExpr t => Test(t),
            CallExpr { Function: "any" or "all" or "none" } q => Quantifier(q),
            _ => FromValue(e),
        };
        if (!_tracing) return inner;
        return ctx =>
        {
            if (ctx.Trace is null) return inner(ctx);
            ctx.Trace.Begin();
            var r = inner(ctx);
            ctx.Trace.End(text, r);
            return r;
        };
    }

    private static Func<EvalContext, Tri> And(Func<EvalContext, Tri> a, Func<EvalContext, Tri> b) => ctx =>
    {
        var x = a(ctx);
        return x == Tri.False ? Tri.False : TriLogic.And(x, b(ctx));
    };

    private static Func<EvalContext, Tri> Or(Func<EvalContext, Tri> a, Func<EvalContext, Tri> b) => ctx =>
    {
        var x = a(ctx);
        return x == Tri.True ? Tri.True : TriLogic.Or(x, b(ctx));
    };

    private static Func<EvalContext, Tri> Not(Func<EvalContext, Tri> a) => ctx => TriLogic.Not(a(ctx));

    private Func<EvalContext, Tri> FromValue(Expr e)
    {
        var v = Value(e);
        if (v is null) return _ => Tri.Unknown;
        if (v.Type != FactType.Bool)
        {
            Error("condition.type", $"'{ConditionPrinter.Print(e)}' is not true or false; compare it with something.", e.Position);
            return _ => Tri.Unknown;
        }
        var get = v.Get;
        return ctx => get(ctx) is { IsUnknown: false } b ? TriLogic.Of(b.AsBool) : Tri.Unknown;
    }

    private Func<EvalContext, Tri> Compare(CompareExpr c)
    {
        var l = Value(c.Left);
        var r = Value(c.Right);
        if (l is null || r is null) return _ => Tri.Unknown;
        CheckComparable(l, r, c, c.Op);
        var (lg, rg, op) = (l.Get, r.Get, c.Op);
        return ctx => Comparison.Compare(op, lg(ctx), rg(ctx));
    }

    private Func<EvalContext, Tri> In(InExpr i)
    {
        var l = Value(i.Left);
        var options = i.Options.Select(Value).ToList();
        if (l is null || options.Any(o => o is null)) return _ => Tri.Unknown;
        foreach (var o in options) CheckComparable(l, o!, i);
        var lg = l.Get;
        var getters = options.Select(o => o!.Get).ToArray();
        return ctx =>
        {
            var v = lg(ctx);
            var result = Tri.False;
            foreach (var g in getters)
            {
                result = TriLogic.Or(result, Comparison.Compare(CompareOp.Eq, v, g(ctx)));
                if (result == Tri.True) break;
            }
            return result;
        };
    }

    private Func<EvalContext, Tri> Contains(ContainsExpr c)
    {
        var list = Value(c.List);
        var item = Value(c.Item);
        if (list is null || item is null) return _ => Tri.Unknown;
        if (list.Type != FactType.List)
        {
            Error("condition.type", $"'{ConditionPrinter.Print(c.List)}' is not a list.", c.Position);
            return _ => Tri.Unknown;
        }
        var (lg, ig) = (list.Get, item.Get);
        return ctx =>
        {
            var l = lg(ctx);
            var v = ig(ctx);
            if (l.IsUnknown || v.IsUnknown) return Tri.Unknown;
            foreach (var x in l.Items)
                if (Comparison.Compare(CompareOp.Eq, x, v) == Tri.True) return Tri.True;
            return Tri.False;
        };
    }

    private Func<EvalContext, Tri> Test(TestExpr t)
    {
        if (t.Test is TestKind.Empty or TestKind.NotEmpty)
        {
            var want = t.Test == TestKind.Empty;
            if (t.Operand is NameExpr n && TryCollection(n.Name, n.Position) is { } coll)
            {
                if (coll.Records is { } records)
                    return ctx => records(ctx) is { } items ? TriLogic.Of(items.Count == 0 == want) : Tri.Unknown;
                var scalars = coll.Scalars!;
                return ctx => scalars(ctx) is { IsUnknown: false } v ? TriLogic.Of(v.Items.IsEmpty == want) : Tri.Unknown;
            }
            Error("condition.type", $"'{ConditionPrinter.Print(t.Operand)}' is not a list, so it cannot be empty.", t.Position);
            return _ => Tri.Unknown;
        }
        var known = t.Test == TestKind.Known;
        if (t.Operand is NameExpr nm && TryCollection(nm.Name, nm.Position) is { Records: { } recs })
            return ctx => TriLogic.Of(recs(ctx) is not null == known);
        var v2 = Value(t.Operand);
        if (v2 is null) return _ => Tri.Unknown;
        if (v2.IsSymbolLiteral)
        {
            Error("condition.unknown-fact", $"'{v2.SymbolText}' is not a fact of the case, so it cannot be known or unknown.", t.Position);
            return _ => Tri.Unknown;
        }
        var g = v2.Get;
        return ctx => TriLogic.Of(!g(ctx).IsUnknown == known);
    }

    private Func<EvalContext, Tri> Quantifier(CallExpr q)
    {
        var (coll, body, depth) = QuantifierParts(q);
        if (coll is null || body is null) return _ => Tri.Unknown;
        var kind = q.Function;
        return ctx =>
        {
            var n = Iterate(coll, ctx, depth, out var items, out var scalars);
            if (n < 0) return Tri.Unknown;
            var acc = kind == "any" || kind == "none" ? Tri.False : Tri.True;
            for (var i = 0; i < n; i++)
            {
                Bind(coll, ctx, depth, items, scalars, i);
                var r = body(ctx);
                acc = kind == "all" ? TriLogic.And(acc, r) : TriLogic.Or(acc, r);
                if ((kind == "all" && acc == Tri.False) || (kind != "all" && acc == Tri.True)) break;
            }
            return kind == "none" ? TriLogic.Not(acc) : acc;
        };
    }

    private (Coll? Coll, Func<EvalContext, Tri>? Body, int Depth) QuantifierParts(CallExpr q)
    {
        if (q.Arguments.Length != 2 || q.Arguments[0] is not NameExpr listName)
        {
            Error("condition.call", $"{q.Function}(list, condition) takes a list and a condition.", q.Position);
            return (null, null, 0);
        }
        var depth = _scopes[^1].Depth + 1;
        if (depth >= EvalContext.MaxDepth)
        {
            Error("condition.depth", "Lists are nested too deeply.", q.Position);
            return (null, null, 0);
        }
        var coll = ResolveCollection(listName.Name, listName.Position);
        if (coll is null) return (null, null, 0);
        _scopes.Add(new Scope(coll.Item, depth));
        var body = Bool(q.Arguments[1]);
        _scopes.RemoveAt(_scopes.Count - 1);
        return (coll, body, depth);
    }

    private static int Iterate(Coll coll, EvalContext ctx, int depth, out IReadOnlyList<object>? items, out Value scalars)
    {
        items = null;
        scalars = default;
        if (coll.Records is { } r)
        {
            items = r(ctx);
            return items?.Count ?? -1;
        }
        scalars = coll.Scalars!(ctx);
        return scalars.IsUnknown ? -1 : scalars.Items.Length;
    }

    private static void Bind(Coll coll, EvalContext ctx, int depth, IReadOnlyList<object>? items, Value scalars, int i)
    {
        if (items is not null) ctx.Items[depth] = items[i];
        else ctx.ItemValues[depth] = scalars.Items[i];
        if (ctx.Trace is not null) ctx.ItemPaths[depth] = $"{coll.Label(ctx)}[{i}]";
    }

    // ---- values --------------------------------------------------------------------------

    private Val? Value(Expr e)
    {
        switch (e)
        {
            case LiteralExpr l:
                var type = l.Value.Kind switch
                {
                    ValueKind.Bool => FactType.Bool,
                    ValueKind.Number => FactType.Number,
                    ValueKind.Date => FactType.Date,
                    _ => FactType.Text,
                };
                var lit = l.Value;
                return new Val(_ => lit, type, null);
            case NameExpr n:
                return Name(n);
            case CallExpr c:
                return Call(c);
            default:
                var test = Bool(e);
                return new Val(ctx => test(ctx) switch { Tri.True => Rules.Value.Bool(true), Tri.False => Rules.Value.Bool(false), _ => Rules.Value.Unknown }, FactType.Bool, null);
        }
    }

    private Val? Name(NameExpr n)
    {
        switch (n.Name)
        {
            case "as_of":
                return new Val(ctx => Rules.Value.Date(ctx.AsOf), FactType.Date, null);
            case "destination":
                _usesDestination = true;
                return new Val(ctx => Rules.Value.Symbol(ctx.Destination), FactType.Symbol, null);
            case "age":
                _paths.Add("person.born");
                return new Val(Age, FactType.Number, null);
            case "it" when _scopes[^1] is { Record: null, Depth: var d and >= 0 }:
                return new Val(ctx =>
                {
                    var v = ctx.ItemValues[d];
                    ctx.Trace?.Read(ctx.ItemPaths[d], v);
                    return v;
                }, FactType.Symbol, null);
        }
        var errorsBefore = _errors.Count;
        var resolved = ResolvePath(n.Name, n.Position, quiet: !n.Name.Contains('.'));
        if (resolved is not null) return resolved;
        if (_errors.Count > errorsBefore) return null;
        if (n.Name.Contains('.'))
        {
            Error("condition.unknown-fact", $"'{n.Name}' names a fact that does not exist in the case file.", n.Position);
            return null;
        }
        if (n.Name == "it")
        {
            Error("condition.unknown-fact", "'it' names the item only inside any(list, …), all(…), none(…) or count(…) over a list of values.", n.Position);
            return null;
        }
        var symbol = n.Name;
        return new Val(_ => Rules.Value.Symbol(symbol), FactType.Symbol, null, true, symbol);
    }

    private static Value Age(EvalContext ctx)
    {
        var born = ctx.Case.Person?.Born;
        Value v;
        if (born is null) v = Rules.Value.Unknown;
        else
        {
            var min = Years(born.Value.Latest, ctx.AsOf);
            var max = Years(born.Value.Earliest, ctx.AsOf);
            v = Rules.Value.NumberRange(Math.Max(0, min), Math.Max(0, max));
        }
        ctx.Trace?.Read("age", v);
        return v;
    }

    private static int Years(LocalDate born, LocalDate on) => Period.Between(born, on, PeriodUnits.Years).Years;

    private Val? Call(CallExpr c)
    {
        switch (c.Function)
        {
            case "param" when IdArgument(c, 1) is { } id:
                if (_resolveEntry(id) != KbRefKind.Parameter)
                {
                    Error("condition.unknown-entry", $"'{id}' is not a parameter in the knowledge base.", c.Position);
                    return null;
                }
                _entryRefs.Add(id);
                return new Val(ctx => ctx.Kb.Parameter(id, ctx.AsOf) is { } p ? Rules.Value.Number(p) : Rules.Value.Unknown, FactType.Number, null);
            case "applies" when IdArgument(c, 1) is { } id:
                if (_resolveEntry(id) is KbRefKind.None or KbRefKind.Group)
                {
                    Error("condition.unknown-entry", $"'{id}' is not an entry of the knowledge base.", c.Position);
                    return null;
                }
                _entryRefs.Add(id);
                return new Val(ctx => Rules.Value.Bool(ctx.Kb.Applies(id, ctx.AsOf)), FactType.Bool, null);
            case "in_group" when c.Arguments.Length == 2 && c.Arguments[1] is NameExpr g:
                if (_resolveEntry(g.Name) != KbRefKind.Group)
                {
                    Error("condition.unknown-entry", $"'{g.Name}' is not a jurisdiction group.", g.Position);
                    return null;
                }
                var code = Value(c.Arguments[0]);
                if (code is null) return null;
                var (cg, group) = (code.Get, g.Name);
                return new Val(ctx => cg(ctx) is { Kind: ValueKind.Symbol } v ? Rules.Value.Bool(ctx.Kb.InGroup(v.AsString, group)) : Rules.Value.Unknown, FactType.Bool, null);
            case "count":
                var (coll, body, depth) = QuantifierParts(c);
                if (coll is null || body is null) return null;
                return new Val(ctx =>
                {
                    var n = Iterate(coll, ctx, depth, out var items, out var scalars);
                    if (n < 0) return Rules.Value.Unknown;
                    int sure = 0, maybe = 0;
                    for (var i = 0; i < n; i++)
                    {
                        Bind(coll, ctx, depth, items, scalars, i);
                        switch (body(ctx)) { case Tri.True: sure++; break; case Tri.Unknown: maybe++; break; }
                    }
                    return Rules.Value.NumberRange(sure, sure + maybe);
                }, FactType.Number, null);
            case "any" or "all" or "none":
                var q = Quantifier(c);
                return new Val(ctx => q(ctx) switch { Tri.True => Rules.Value.Bool(true), Tri.False => Rules.Value.Bool(false), _ => Rules.Value.Unknown }, FactType.Bool, null);
            case "in_group":
                Error("condition.call", "in_group(code, GROUP) takes a country and the name of a jurisdiction group.", c.Position);
                return null;
            case "param" or "applies":
                return null;
            default:
                Error("condition.unknown-function", $"Unknown function '{c.Function}'; expected any, all, none, count, param, applies or in_group.", c.Position);
                return null;
        }
    }

    private string? IdArgument(CallExpr c, int count)
    {
        if (c.Arguments.Length == count && c.Arguments[0] is NameExpr n) return n.Name;
        Error("condition.call", $"{c.Function}(id) takes one knowledge-base id.", c.Position);
        return null;
    }

    // ---- paths ---------------------------------------------------------------------------

    private Val? ResolvePath(string path, int pos, bool quiet)
    {
        var parts = path.Split('.');
        for (var s = _scopes.Count - 1; s >= 0; s--)
        {
            var scope = _scopes[s];
            if (scope.Record is null || !scope.Record.Members.ContainsKey(parts[0])) continue;
            return Walk(scope, parts, path, pos);
        }
        return null;
    }

    private Val? Walk(Scope scope, string[] parts, string path, int pos)
    {
        var depth = scope.Depth;
        Func<EvalContext, object?> owner = depth < 0 ? ctx => ctx.Case : ctx => ctx.Items[depth];
        var record = scope.Record!;
        for (var i = 0; i < parts.Length; i++)
        {
            if (!record.Members.TryGetValue(parts[i], out var member))
            {
                Error("condition.unknown-fact", $"'{path}' names a fact that does not exist in the case file ('{parts[i]}' is not a field of {record.Name}).", pos);
                return null;
            }
            var last = i == parts.Length - 1;
            if (member.Type == FactType.Record)
            {
                if (last)
                {
                    Error("condition.type", $"'{path}' is a group of fields; name one of them.", pos);
                    return null;
                }
                var (prev, nested) = (owner, member.Nested!);
                owner = ctx => prev(ctx) is { } o ? nested(o) : null;
                record = member.Record!;
                continue;
            }
            if (member.Type == FactType.Collection)
            {
                Error("condition.type", $"'{path}' is a list; use any(...), all(...), count(...) or 'is empty'.", pos);
                return null;
            }
            if (!last)
            {
                Error("condition.unknown-fact", $"'{path}' names a fact that does not exist in the case file.", pos);
                return null;
            }
            var rest = string.Join('.', parts);
            if (depth < 0) _paths.Add(rest);
            var (own, get) = (owner, member.Get!);
            Func<EvalContext, string> label = depth < 0 ? _ => rest : ctx => ctx.ItemPaths[depth] + "." + rest;
            return new Val(ctx =>
            {
                var v = own(ctx) is { } o ? get(o) : Rules.Value.Unknown;
                ctx.Trace?.Read(label(ctx), v);
                return v;
            }, member.Type, member.Symbols);
        }
        return null;
    }

    private Coll? TryCollection(string path, int pos)
    {
        var parts = path.Split('.');
        for (var s = _scopes.Count - 1; s >= 0; s--)
        {
            var scope = _scopes[s];
            if (scope.Record is null || !scope.Record.Members.ContainsKey(parts[0])) continue;
            var record = scope.Record;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (!record.Members.TryGetValue(parts[i], out var m) || m.Type != FactType.Record) return null;
                record = m.Record!;
            }
            if (!record.Members.TryGetValue(parts[^1], out var last) || last.Type is not (FactType.Collection or FactType.List)) return null;
            return ResolveCollection(path, pos);
        }
        return null;
    }

    private Coll? ResolveCollection(string path, int pos)
    {
        var parts = path.Split('.');
        for (var s = _scopes.Count - 1; s >= 0; s--)
        {
            var scope = _scopes[s];
            if (scope.Record is null || !scope.Record.Members.ContainsKey(parts[0])) continue;
            var depth = scope.Depth;
            Func<EvalContext, object?> owner = depth < 0 ? ctx => ctx.Case : ctx => ctx.Items[depth];
            var record = scope.Record;
            for (var i = 0; i < parts.Length; i++)
            {
                if (!record.Members.TryGetValue(parts[i], out var member)) break;
                var last = i == parts.Length - 1;
                if (member.Type == FactType.Record && !last)
                {
                    var (prev, nested) = (owner, member.Nested!);
                    owner = ctx => prev(ctx) is { } o ? nested(o) : null;
                    record = member.Record!;
                    continue;
                }
                if (!last) break;
                Func<EvalContext, string> label = depth < 0 ? _ => path : ctx => ctx.ItemPaths[depth] + "." + path;
                if (depth < 0) _paths.Add(path);
                var own = owner;
                if (member.Type == FactType.Collection)
                {
                    var items = member.Items!;
                    return new Coll(ctx =>
                    {
                        var list = own(ctx) is { } o ? items(o) : null;
                        if (list is null) ctx.Trace?.Read(label(ctx), Rules.Value.Unknown);
                        return list;
                    }, null, member.Record, label);
                }
                if (member.Type == FactType.List)
                {
                    var get = member.Get!;
                    return new Coll(null, ctx =>
                    {
                        var v = own(ctx) is { } o ? get(o) : Rules.Value.Unknown;
                        if (v.IsUnknown) ctx.Trace?.Read(label(ctx), v);
                        return v;
                    }, null, label);
                }
                break;
            }
            break;
        }
        Error("condition.unknown-fact", $"'{path}' is not a list in the case file.", pos);
        return null;
    }

    private void CheckComparable(Val l, Val r, Expr at, CompareOp op = CompareOp.Eq)
    {
        static bool Sym(Val v) => v.Type is FactType.Symbol or FactType.Text;
        if (l.IsSymbolLiteral && r.IsSymbolLiteral)
        {
            Error("condition.unknown-fact", $"Neither '{l.SymbolText}' nor '{r.SymbolText}' is a fact of the case; one side of a comparison must name a fact.", at.Position);
            return;
        }
        if (op is not (CompareOp.Eq or CompareOp.Ne) && l.Type is not (FactType.Number or FactType.Date))
        {
            Error("condition.type", $"'{ConditionPrinter.Print(at)}' orders values that are not numbers or dates.", at.Position);
            return;
        }
        if (Sym(l) && Sym(r))
        {
            var (field, lit) = l.IsSymbolLiteral ? (r, l) : (l, r);
            if (lit.IsSymbolLiteral && lit.SymbolText == Cases.CaseVocabulary.Unknown && field.Symbols is not null)
            {
                Error("condition.unknown-value", "A field whose value is 'unknown' counts as an unknown fact and never equals anything; write 'is unknown' instead.", at.Position);
                return;
            }
            if (lit.IsSymbolLiteral && field.Symbols is { } allowed && !allowed.Contains(lit.SymbolText!))
                Error("condition.unknown-value", $"'{lit.SymbolText}' is not a possible value here; expected one of: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.", at.Position);
            return;
        }
        if (l.Type != r.Type)
            Error("condition.type", $"Cannot compare {Describe(l)} with {Describe(r)} in '{ConditionPrinter.Print(at)}'.", at.Position);
    }

    private static string Describe(Val v) => v.IsSymbolLiteral ? $"the symbol '{v.SymbolText}'" : v.Type.ToString().ToLowerInvariant();
}
