using ExNunc.CaseFiles;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Knowledge;
using ExNunc.KnowledgeBase.Loading;
using NodaTime;

namespace ExNunc.Cli;

/// <summary>What commands need from the host: output streams, the clock, and loading the KB and case files with errors reported.</summary>
public sealed class CliEnvironment(TextWriter output, TextWriter error, IClock clock)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public IClock Clock { get; } = clock;

    public LocalDate Today => Clock.GetCurrentInstant().InUtc().Date;

    /// <summary>The kb/ beside the executable, unless a directory is given.</summary>
    public static string DefaultKb => Path.Combine(AppContext.BaseDirectory, "kb");

    public KbLoad? LoadKb(string? directory)
    {
        var load = KbLoader.Load(directory ?? DefaultKb);
        if (load.IsSuccess) return load;
        Report(load.Diagnostics);
        return null;
    }

    public CaseFile? LoadCase(string path, ICaseCatalog catalog, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        if (!File.Exists(path))
        {
            Error.WriteLine($"error case.not-found: the case file '{path}' does not exist.");
            exitCode = ExitCodes.NotFound;
            return null;
        }
        var result = CaseFileReader.Read(path, File.ReadAllText(path), catalog);
        if (result.IsSuccess) return result.Value;
        Report(result.Diagnostics);
        exitCode = ExitCodes.InvalidInput;
        return null;
    }

    public void Report(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        foreach (var d in list) Error.WriteLine(d.ToString());
        var errors = list.Count(d => d.Severity == Severity.Error);
        if (errors > 0) Error.WriteLine($"{errors} error(s).");
    }
}
