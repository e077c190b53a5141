using System.Runtime.CompilerServices;

namespace ExNunc.Testing;

/// <summary>Where things are in the repository, wherever the test binaries were built to.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Kb => Path.Combine(Root, "kb");
    public static string Scenarios => Path.Combine(Root, "tests", "fixtures", "scenarios");
    public static string Scenario(string name) => Path.Combine(Scenarios, name + ".yaml");

    private static string Find([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ExNunc.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Could not find the repository root (ExNunc.slnx).");
    }
}
