using System.Runtime.CompilerServices;

namespace ExNunc.CaseFiles.Tests;

/// <summary>
/// The worked scenarios: the copy in the repository (tests/fixtures/scenarios) first, so a fresh
/// clone has them, and any scenario that exists only in the shared folder beside the repository.
/// </summary>
internal static class ScenarioFiles
{
    public static IReadOnlyList<string> All()
    {
        var root = RepositoryRoot();
        var byName = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { Path.Combine(root, "tests", "fixtures", "scenarios"), Path.Combine(root, "..", "shared", "scenarios") })
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.yaml"))
                byName.TryAdd(Path.GetFileName(file), Path.GetFullPath(file));
        }
        return [.. byName.Values];
    }

    public static string Named(string name) => All().Single(f => Path.GetFileName(f) == name);

    /// <summary>
    /// The folder holding ExNunc.slnx, found above the test binaries, or above this source file when
    /// the binaries live elsewhere (a separate artifacts path).
    /// </summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), SourceDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ExNunc.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("No folder holding ExNunc.slnx above " + AppContext.BaseDirectory);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "/";
}
