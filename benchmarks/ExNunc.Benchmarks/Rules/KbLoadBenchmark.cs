using BenchmarkDotNet.Attributes;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Diagnostics;
using ExNunc.KnowledgeBase.Loading;
using ExNunc.KnowledgeBase.Yaml;
using ExNunc.Testing;

namespace ExNunc.Benchmarks.Rules;

/// <summary>
/// Loading the whole kb/: reading, YAML parsing, building and validating the model, compiling every
/// condition. The baseline only reads the files' bytes, so the other rows show what parsing and the
/// rest cost on top of the disk.
/// </summary>
public class KbLoadBenchmark
{
    private string _kb = "";
    private string[] _files = [];
    private ExNunc.Domain.Knowledge.KnowledgeBase _loaded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _kb = RepoPaths.Kb;
        _files = [.. Directory.EnumerateFiles(_kb, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        var load = KbLoader.Load(_kb);
        if (!load.IsSuccess) throw new InvalidOperationException("kb/ does not validate: " + string.Join("; ", load.Diagnostics.Take(5)));
        _loaded = load.Knowledge!;
    }

    [Benchmark(Baseline = true, Description = "Read all kb/*.yaml bytes")]
    public long ReadBytes()
    {
        long total = 0;
        foreach (var f in Directory.EnumerateFiles(_kb, "*.yaml", SearchOption.AllDirectories))
            total += File.ReadAllBytes(f).Length;
        return total;
    }

    [Benchmark(Description = "Read + parse YAML")]
    public int ReadAndParse()
    {
        var nodes = 0;
        foreach (var f in _files)
        {
            var (root, _) = YamlSource.Parse(f, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f)));
            if (root is not null) nodes++;
        }
        return nodes;
    }

    [Benchmark(Description = "KbLoader.Load: read, parse, model, validate, compile")]
    public int Load() => KbLoader.Load(_kb).Diagnostics.Length;

    [Benchmark(Description = "RuleBook.Compile only (all conditions)")]
    public int CompileOnly() => RuleBook.Compile(_loaded).Book.Rules.Length;

    [Benchmark(Description = "KbChecks.Check only (validation of a built KB)")]
    public int CheckOnly() => ExNunc.Domain.Knowledge.KbChecks.Check(_loaded).Count(d => d.Severity == Severity.Error);
}
