using System.Reflection;

namespace ExNunc.Architecture.Tests;

/// <summary>
/// The domain is pure: no file system, console, network or process, no real clock and no
/// <c>DateTime</c> (STYLE.md, "Dependencies point inward" and "Time").
/// </summary>
public sealed class DomainPurityTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Namespaces whose types mean I/O, wherever they are used (signatures or method bodies).</summary>
    private static readonly string[] ForbiddenNamespaces = ["System.IO", "System.Net", "System.Diagnostics.Process", "Microsoft.Win32"];

    /// <summary>Single types that mean I/O or ambient state.</summary>
    private static readonly string[] ForbiddenTypes =
    [
        "System.Console", "System.DateTime", "System.DateTimeOffset", "System.TimeZoneInfo",
        "NodaTime.SystemClock", "System.Threading.Thread", "System.Random",
    ];

    [Fact]
    public void Domain_NoMemberSignatureUsesSystemIO()
    {
        var offenders = (
            from t in Assemblies.Domain.GetTypes()
            from m in t.GetMembers(Everything)
            from used in SignatureTypes(m)
            where InForbiddenNamespace(used)
            select $"{t.FullName}.{m.Name}: {used.FullName}").ToList();

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void Domain_UsesNoTypeOfAnIONamespace_EvenInMethodBodies()
    {
        var used = Assemblies.ReferencedTypes(Assemblies.Domain)
            .Where(n => ForbiddenNamespaces.Any(ns => n.StartsWith(ns + ".", StringComparison.Ordinal)))
            .ToList();

        Assert.True(used.Count == 0, "ExNunc.Domain uses: " + string.Join(", ", used));
    }

    [Fact]
    public void Domain_UsesNoClockConsoleEnvironmentOrDateTime()
    {
        var referenced = Assemblies.ReferencedTypes(Assemblies.Domain);

        var used = ForbiddenTypes.Where(referenced.Contains).ToList();

        Assert.True(used.Count == 0, "ExNunc.Domain uses: " + string.Join(", ", used));
    }

    [Fact]
    public void Domain_ReadsNothingFromTheEnvironment()
    {
        // Iterators (yield return) compile to a check of Environment.CurrentManagedThreadId; that one
        // member reads no ambient state that could change a result.
        var used = Assemblies.ReferencedMembers(Assemblies.Domain)
            .Where(m => m.StartsWith("System.Environment::", StringComparison.Ordinal) && m != "System.Environment::get_CurrentManagedThreadId")
            .ToList();

        Assert.True(used.Count == 0, "ExNunc.Domain uses: " + string.Join(", ", used));
    }

    [Fact]
    public void ReferencedTypes_SeesTypesUsedOnlyInMethodBodies()
    {
        // The check above is only as good as the metadata reader: the test assembly's own
        // Assemblies class opens files in a method body and uses no System.IO type in a signature.
        Assert.Contains("System.IO.File", Assemblies.ReferencedTypes(typeof(DomainPurityTests).Assembly));
    }

    private static bool InForbiddenNamespace(Type t) =>
        t.Namespace is { } ns && ForbiddenNamespaces.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal));

    private static IEnumerable<Type> SignatureTypes(MemberInfo m)
    {
        IEnumerable<Type> direct = m switch
        {
            FieldInfo f => [f.FieldType],
            PropertyInfo p => [p.PropertyType],
            MethodBase mb => mb.GetParameters().Select(p => p.ParameterType)
                .Concat(mb is MethodInfo mi ? [mi.ReturnType] : []),
            EventInfo e when e.EventHandlerType is { } h => [h],
            _ => [],
        };
        return direct.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type t)
    {
        if (t.HasElementType) return Unwrap(t.GetElementType()!);
        if (t.IsGenericType) return t.GetGenericArguments().SelectMany(Unwrap).Prepend(t.GetGenericTypeDefinition());
        return [t];
    }
}
