using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ExNunc.Architecture.Tests;

/// <summary>
/// Domain values are immutable (STYLE.md, "Modelling"): the public surface of ExNunc.Domain has no
/// public setter other than <c>init</c>, no public non-readonly field, and no public property or
/// field of a mutable collection type. Scope: public types, their public instance and static
/// members (private state behind them is the type's own business).
/// </summary>
public sealed class ImmutabilityTests
{
    /// <summary>
    /// Deliberate exceptions, each with its reason.
    /// </summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        // The state of one evaluation (case, as-of date, destination, items being iterated, trace),
        // reused across the rules of one assessment and never shared between threads. Results are
        // immutable values (Tri, ConditionNode); the scratchpad that produces them is not.
        ["ExNunc.Domain.Rules.EvalContext"] = "mutable evaluation scratchpad",
    };

    private static IEnumerable<Type> PublicTypes =>
        Assemblies.Domain.GetExportedTypes().Where(t => !Exceptions.ContainsKey(t.FullName!));

    private static IEnumerable<(Type Type, PropertyInfo Property)> PublicSetters(IEnumerable<Type> types) =>
        from t in types
        from p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        where p.SetMethod is { IsPublic: true } set && !IsInitOnly(set)
        select (t, p);

    [Fact]
    public void Domain_HasNoPublicSetterThatIsNotInitOnly()
    {
        var offenders = PublicSetters(PublicTypes).Select(x => $"{x.Type.FullName}.{x.Property.Name}").ToList();

        Assert.True(offenders.Count == 0, "Public setters: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Domain_EveryExceptionIsStillNeeded()
    {
        // An exception for a type that was renamed, removed or made immutable would exempt nothing.
        foreach (var name in Exceptions.Keys)
        {
            var type = Assemblies.Domain.GetType(name);
            Assert.True(type is not null, $"{name} no longer exists");
            Assert.True(PublicSetters([type]).Any(), $"{name} has no public setter any more; remove its exception");
        }
    }

    [Fact]
    public void Domain_HasNoPublicMutableField()
    {
        var offenders = (
            from t in PublicTypes
            from f in t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            where !f.IsInitOnly && !f.IsLiteral && !t.IsEnum
            select $"{t.FullName}.{f.Name}").ToList();

        Assert.True(offenders.Count == 0, "Public mutable fields: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Domain_ExposesNoMutableCollection()
    {
        var offenders = (
            from t in PublicTypes
            from m in t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            let type = m switch { PropertyInfo p => p.PropertyType, FieldInfo f => f.FieldType, _ => null }
            where type is not null && IsMutableCollection(type)
            select $"{t.FullName}.{m.Name}: {type.Name}").ToList();

        Assert.True(offenders.Count == 0, "Mutable collections: " + string.Join(", ", offenders));
    }

    [Fact]
    public void IsInitOnly_TellsInitFromSet()
    {
        Assert.True(IsInitOnly(typeof(Probe).GetProperty(nameof(Probe.Init))!.SetMethod!));
        Assert.False(IsInitOnly(typeof(Probe).GetProperty(nameof(Probe.Set))!.SetMethod!));
        Assert.True(IsMutableCollection(typeof(List<int>)));
        Assert.True(IsMutableCollection(typeof(int[])));
        Assert.False(IsMutableCollection(typeof(System.Collections.Immutable.ImmutableArray<int>)));
        Assert.False(IsMutableCollection(typeof(IReadOnlyList<int>)));
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsMutableCollection(Type t)
    {
        if (t.IsArray) return true;
        if (t == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(t)) return false;
        if (t.Namespace is "System.Collections.Immutable" or "System.Collections.Frozen") return false;
        if (t.IsInterface)
            return t.IsGenericType && t.GetGenericTypeDefinition() is var g &&
                (g == typeof(IList<>) || g == typeof(ICollection<>) || g == typeof(IDictionary<,>) || g == typeof(ISet<>));
        // A concrete collection is mutable if it offers Add or an indexer setter to everyone.
        return t.GetMethod("Add", BindingFlags.Public | BindingFlags.Instance) is not null
            || t.GetProperties().Any(p => p.GetIndexParameters().Length > 0 && p.SetMethod is { IsPublic: true });
    }

    private sealed class Probe
    {
        public int Init { get; init; }
        public int Set { get; set; }
    }
}
