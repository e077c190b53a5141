using ExNunc.Testing;

namespace ExNunc.Search.Tests.Support;

/// <summary>Where the sample corpus and the PDF sources are.</summary>
internal static class Samples
{
    public static string Directory => Path.Combine(RepoPaths.Root, "samples", "research");
    public static string Sources => Path.Combine(RepoPaths.Root, "tests", "ExNunc.Search.Tests", "SampleSources");
    public static string File(string name) => Path.Combine(Directory, name);

    /// <summary>The PDFs of the sample corpus: source name and running header.</summary>
    public static IReadOnlyList<(string Name, string Header)> Pdfs { get; } =
    [
        ("nordlicht-lagebericht-2023-03", "Nordlicht Monitor · Lagebericht Russische Föderation 1/2023"),
        ("severny-veter-monitoring-2023", "Проект «Северный ветер» · Мониторинг 2023"),
        ("lowland-appeals-review-2024", "Lowland Asylum Law Network · Review of appeals 2023"),
    ];
}

/// <summary>A temporary folder for one test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => System.IO.Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "exnunc-search-tests", Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
