using System.Reflection;

namespace ExNunc.Architecture.Tests;

/// <summary>Dependencies point inward (docs: STYLE.md, "Dependencies point inward").</summary>
public sealed class DependencyTests
{
    [Fact]
    public void Domain_ReferencesOnlyTheBclAndNodaTime()
    {
        var foreign = Assemblies.ReferenceNames(Assemblies.Domain)
            .Where(n => n != "NodaTime" && !Assemblies.Bcl.Contains(n))
            .ToList();

        Assert.True(foreign.Count == 0, "ExNunc.Domain references: " + string.Join(", ", foreign));
    }

    [Theory]
    [InlineData("System.IO.FileSystem")]
    [InlineData("System.IO.FileSystem.Watcher")]
    [InlineData("System.IO.Pipes")]
    [InlineData("System.IO.MemoryMappedFiles")]
    [InlineData("System.Console")]
    [InlineData("System.Net.Http")]
    [InlineData("System.Net.Sockets")]
    [InlineData("System.Diagnostics.Process")]
    [InlineData("Microsoft.Extensions.Logging.Abstractions")]
    [InlineData("Microsoft.Data.Sqlite")]
    [InlineData("YamlDotNet")]
    public void Domain_DoesNotReferenceAnInfrastructureAssembly(string name) =>
        Assert.DoesNotContain(name, Assemblies.ReferenceNames(Assemblies.Domain));

    public static TheoryData<string> Inner() => ["Domain", "KnowledgeBase", "CaseFiles", "Reports"];

    [Theory]
    [MemberData(nameof(Inner))]
    public void InnerProjects_DoNotReferenceTheCli(string project) =>
        Assert.DoesNotContain(Assemblies.Cli.GetName().Name, Assemblies.ReferenceNames(Of(project)));

    [Fact]
    public void Domain_ReferencesNoOtherExNuncAssembly() =>
        Assert.DoesNotContain(Assemblies.ReferenceNames(Assemblies.Domain), n => n.StartsWith("ExNunc", StringComparison.Ordinal) || n == "exnunc");

    [Fact]
    public void Reports_DependsOnlyOnTheDomain() =>
        Assert.Equal(["ExNunc.Domain"], Assemblies.ReferenceNames(Assemblies.Reports).Where(IsOurs));

    [Fact]
    public void KnowledgeBase_DependsOnlyOnTheDomain() =>
        Assert.Equal(["ExNunc.Domain"], Assemblies.ReferenceNames(Assemblies.KnowledgeBase).Where(IsOurs));

    [Fact]
    public void CaseFiles_DoesNotDependOnReports() =>
        Assert.DoesNotContain("ExNunc.Reports", Assemblies.ReferenceNames(Assemblies.CaseFiles));

    private static bool IsOurs(string name) => name.StartsWith("ExNunc", StringComparison.Ordinal) || name == "exnunc";

    private static Assembly Of(string project) => project switch
    {
        "Domain" => Assemblies.Domain,
        "KnowledgeBase" => Assemblies.KnowledgeBase,
        "CaseFiles" => Assemblies.CaseFiles,
        _ => Assemblies.Reports,
    };
}
