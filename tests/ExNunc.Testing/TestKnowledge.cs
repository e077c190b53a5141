using ExNunc.CaseFiles;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Cases;
using ExNunc.KnowledgeBase.Loading;

namespace ExNunc.Testing;

/// <summary>The real knowledge base of the repository, loaded once, and the scenario cases read against it.</summary>
public static class TestKnowledge
{
    private static readonly Lazy<KbLoad> Loaded = new(() =>
    {
        var load = KbLoader.Load(RepoPaths.Kb);
        if (!load.IsSuccess)
            throw new InvalidOperationException("kb/ does not validate:\n" + string.Join("\n", load.Diagnostics.Take(30)));
        return load;
    });

    public static KbLoad Load => Loaded.Value;
    public static ExNunc.Domain.Knowledge.KnowledgeBase Kb => Load.Knowledge!;
    public static AssessmentEngine Engine { get; } = new(Loaded.Value.Rules!);

    public static IReadOnlyList<string> ScenarioNames =>
        [.. Directory.EnumerateFiles(RepoPaths.Scenarios, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    public static CaseFile Scenario(string name)
    {
        var path = RepoPaths.Scenario(name);
        var result = CaseFileReader.Read(path, File.ReadAllText(path), Kb);
        if (!result.IsSuccess)
            throw new InvalidOperationException($"{name} does not read:\n" + string.Join("\n", result.Diagnostics));
        return result.Value;
    }
}
