using System.Text.Json;
using ExNunc.Testing;

namespace ExNunc.Cli.Tests.TestSupport;

/// <summary>The assessment JSON, version 1, as PRODUCT.md states it: field names, types and vocabularies.</summary>
internal static class Contract
{
    public static readonly string[] Sections = ["pathways", "grounds", "practice", "objections", "gaps", "exposure"];

    private static readonly string[] PathwayStates = ["open", "restricted", "closed", "not-applicable"];
    private static readonly string[] GroundStatuses = ["strong", "arguable", "weak", "not-met"];
    private static readonly string[] ElementStatuses = ["met", "unmet", "unknown"];

    public static void Destination(JsonElement d)
    {
        Text(d, "country");
        foreach (var p in Array(d, "pathways"))
        {
            Id(p);
            Assert.Contains(Text(p, "state"), PathwayStates);
            Text(p, "explanation");
            KbIds(p, "sources");
        }
        foreach (var g in Array(d, "grounds"))
        {
            Id(g);
            Assert.Contains(Text(g, "status"), GroundStatuses);
            foreach (var e in Array(g, "elements"))
            {
                Text(e, "id");
                Assert.Contains(Text(e, "status"), ElementStatuses);
                Strings(e, "facts");
                KbIds(e, "sources");
            }
            Text(g, "explanation");
            KbIds(g, "sources");
        }
        foreach (var p in Array(d, "practice"))
        {
            Id(p);
            Text(p, "summary");
            KbIds(p, "sources");
        }
        foreach (var o in Array(d, "objections"))
        {
            Id(o);
            Text(o, "explanation");
            foreach (var r in Array(o, "rebuttals"))
            {
                Text(r, "text");
                KbIds(r, "sources");
            }
        }
        foreach (var g in Array(d, "gaps"))
        {
            Text(g, "id");
            Text(g, "fact");
            Text(g, "need");
            Text(g, "explanation");
        }
        foreach (var x in Array(d, "exposure"))
        {
            var article = Text(x, "article");
            Assert.True(TestKnowledge.Kb.IsArticle(article), $"'{article}' is not a Russian article of the knowledge base");
            Text(x, "penalty");
            Text(x, "explanation");
            KbIds(x, "sources");
        }
    }

    private static void Id(JsonElement e)
    {
        var id = Text(e, "id");
        Assert.True(TestKnowledge.Kb.Find(id) is not null, $"'{id}' is not an id of the knowledge base");
    }

    private static string Text(JsonElement e, string name)
    {
        Assert.True(e.TryGetProperty(name, out var v), $"missing '{name}' in {e}");
        Assert.Equal(JsonValueKind.String, v.ValueKind);
        var s = v.GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(s), $"'{name}' is empty in {e}");
        return s;
    }

    private static List<JsonElement> Array(JsonElement e, string name)
    {
        Assert.True(e.TryGetProperty(name, out var v), $"missing '{name}' in {e}");
        Assert.Equal(JsonValueKind.Array, v.ValueKind);
        return v.EnumerateArray().ToList();
    }

    private static List<string> Strings(JsonElement e, string name)
    {
        var items = Array(e, name);
        Assert.All(items, i => Assert.Equal(JsonValueKind.String, i.ValueKind));
        return [.. items.Select(i => i.GetString()!)];
    }

    private static void KbIds(JsonElement e, string name)
    {
        foreach (var id in Strings(e, name))
            Assert.True(TestKnowledge.Kb.Find(id) is not null, $"source '{id}' is not an id of the knowledge base");
    }
}
