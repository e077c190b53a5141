using ExNunc.Testing;

namespace ExNunc.Cli.Tests.TestSupport;

/// <summary>A fresh directory under the system's temp folder, deleted when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("exnunc-cli-tests-").FullName;

    public string Kb => System.IO.Path.Combine(Path, "kb");

    /// <summary>A directory holding a byte-for-byte copy of the repository's kb/.</summary>
    public static TempDirectory WithKbCopy()
    {
        var dir = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Kb, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(dir.Kb, System.IO.Path.GetRelativePath(RepoPaths.Kb, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return dir;
    }

    /// <summary>Writes a file below this directory (creating folders) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a leftover temp folder must not fail a test */ }
    }
}
