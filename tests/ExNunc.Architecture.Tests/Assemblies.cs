using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace ExNunc.Architecture.Tests;

/// <summary>The assemblies of src/ under test, and what they use, read from their metadata.</summary>
internal static class Assemblies
{
    public static readonly Assembly Domain = typeof(ExNunc.Domain.Rules.Tri).Assembly;
    public static readonly Assembly KnowledgeBase = typeof(ExNunc.KnowledgeBase.Loading.KbLoader).Assembly;
    public static readonly Assembly CaseFiles = typeof(ExNunc.CaseFiles.CaseFileReader).Assembly;
    public static readonly Assembly Reports = typeof(ExNunc.Reports.AssessmentJson).Assembly;
    public static readonly Assembly Cli = typeof(ExNunc.Cli.Program).Assembly;

    /// <summary>Names of the assemblies of the shared framework this process runs on: the BCL.</summary>
    public static readonly IReadOnlySet<string> Bcl = Directory
        .EnumerateFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
        .Select(f => Path.GetFileNameWithoutExtension(f)!)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> ReferenceNames(Assembly a) => a.GetReferencedAssemblies().Select(r => r.Name!);

    /// <summary>
    /// Every external type the assembly uses anywhere, method bodies included: the TypeReference
    /// table of its metadata, as "Namespace.Name" (nested types as "Namespace.Outer+Inner").
    /// </summary>
    public static IReadOnlySet<string> ReferencedTypes(Assembly a)
    {
        using var stream = File.OpenRead(a.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeReferences)
            names.Add(FullName(md, md.GetTypeReference(handle)));
        return names;
    }

    /// <summary>Every member of an external type the assembly uses, as "Namespace.Type::Member".</summary>
    public static IReadOnlySet<string> ReferencedMembers(Assembly a)
    {
        using var stream = File.OpenRead(a.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.MemberReferences)
        {
            var m = md.GetMemberReference(handle);
            if (m.Parent.Kind == HandleKind.TypeReference)
                names.Add(FullName(md, md.GetTypeReference((TypeReferenceHandle)m.Parent)) + "::" + md.GetString(m.Name));
        }
        return names;
    }

    private static string FullName(MetadataReader md, TypeReference t)
    {
        var name = md.GetString(t.Name);
        if (t.ResolutionScope.Kind == HandleKind.TypeReference)
            return FullName(md, md.GetTypeReference((TypeReferenceHandle)t.ResolutionScope)) + "+" + name;
        var ns = md.GetString(t.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
