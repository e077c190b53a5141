using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Knowledge;
using ExNunc.KnowledgeBase.Yaml;

namespace ExNunc.KnowledgeBase.Loading;

/// <summary>The outcome of loading kb/: the knowledge base and its compiled rules, or every problem found.</summary>
public sealed record KbLoad(Domain.Knowledge.KnowledgeBase? Knowledge, RuleBook? Rules, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool IsSuccess => Knowledge is not null && Rules is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Loads a kb/ directory: every *.yaml file below it except the worked cases, in path order. The
/// version is the SHA-256 of those files' relative paths and bytes, so that any edit, addition or
/// removal of an entry changes it (worked cases test the KB; they are not part of it).
/// </summary>
public static class KbLoader
{
    public const string JurisdictionsFile = "jurisdictions.yaml";

    public static KbLoad Load(string directory)
    {
        var diagnostics = new List<Diagnostic>();
        if (!Directory.Exists(directory))
            return new KbLoad(null, null, [new Diagnostic("kb.not-found", $"The knowledge base directory '{directory}' does not exist.")]);

        var files = Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(directory, f).Replace('\\', '/')))
            .Where(f => !f.Relative.StartsWith(WorkedCaseReader.Folder + "/", StringComparison.Ordinal))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var entries = new List<KbEntry>();
        var jurisdictions = new List<Jurisdiction>();
        var sawJurisdictions = false;
        foreach (var (full, relative) in files)
        {
            var bytes = File.ReadAllBytes(full);
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\0"));
            hash.AppendData(bytes);
            hash.AppendData([0]);
            var display = "kb/" + relative;
            var (root, error) = YamlSource.Parse(display, Encoding.UTF8.GetString(bytes));
            if (error is not null) { diagnostics.Add(error); continue; }
            if (relative == JurisdictionsFile)
            {
                sawJurisdictions = true;
                jurisdictions.AddRange(KbFileReader.ReadJurisdictions(display, root!, diagnostics));
            }
            else entries.AddRange(KbFileReader.ReadEntries(display, root!, diagnostics));
        }
        if (!sawJurisdictions)
            diagnostics.Add(new Diagnostic("kb.jurisdictions", $"The knowledge base has no {JurisdictionsFile}.", new SourceLocation("kb/" + JurisdictionsFile, 1, 1)));

        var version = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        diagnostics.AddRange(KbChecks.Duplicates(entries, jurisdictions));
        var kb = new Domain.Knowledge.KnowledgeBase(entries, jurisdictions, version);
        diagnostics.AddRange(KbChecks.Check(kb));
        var (rules, ruleDiagnostics) = RuleBook.Compile(kb);
        diagnostics.AddRange(ruleDiagnostics);
        return new KbLoad(kb, rules, [.. diagnostics]);
    }
}
