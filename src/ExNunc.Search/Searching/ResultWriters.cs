using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ExNunc.Domain.Diagnostics;

namespace ExNunc.Search.Searching;

/// <summary>
/// Renders search results. JSON (the contract in docs/research.md) gives the snippet as plain text with
/// highlight offsets; text marks highlights with <c>**</c>, as Markdown does.
/// </summary>
public static class ResultWriters
{
    public static string Json(SearchResults results, IEnumerable<Diagnostic>? warnings = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var q = results.Query;
            w.WriteStartObject();
            w.WriteStartObject("query");
            w.WriteString("text", q.Text);
            Strings(w, "countries", q.Countries);
            Strings(w, "kinds", q.Kinds.Select(k => k.Code()));
            NullableString(w, "publishedOnOrBefore", q.PublishedOnOrBefore?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
            NullableString(w, "lang", q.Language?.Code());
            NullableString(w, "source", q.Source?.Code());
            w.WriteNumber("limit", q.Limit);
            w.WriteEndObject();
            w.WriteNumber("total", results.TotalHits);
            w.WriteStartArray("hits");
            foreach (var h in results.Hits)
            {
                w.WriteStartObject();
                w.WriteNumber("rank", h.Rank);
                w.WriteNumber("score", Math.Round(h.Score, 4));
                w.WriteStartObject("document");
                w.WriteString("id", h.DocumentId);
                w.WriteString("source", h.Source.Code());
                w.WriteString("title", h.Title);
                NullableString(w, "publisher", h.Publisher);
                NullableString(w, "url", h.Url);
                NullableString(w, "published", h.Published);
                Strings(w, "countries", h.Countries);
                NullableString(w, "kind", h.Kind?.Code());
                w.WriteString("format", h.Format);
                NullableString(w, "file", h.FileName);
                NullableString(w, "kbId", h.KbId);
                w.WriteEndObject();
                w.WriteStartObject("passage");
                w.WriteNumber("ordinal", h.Ordinal);
                w.WriteNumber("of", h.PassageCount);
                NullableNumber(w, "page", h.Page);
                NullableNumber(w, "line", h.Line);
                NullableString(w, "section", h.Section);
                w.WriteString("lang", h.Language.Code());
                w.WriteString("text", h.Text);
                w.WriteEndObject();
                w.WriteStartObject("snippet");
                w.WriteString("text", h.Snippet.Text);
                w.WriteStartArray("highlights");
                foreach (var hl in h.Snippet.Highlights)
                {
                    w.WriteStartObject();
                    w.WriteNumber("start", hl.Start);
                    w.WriteNumber("length", hl.Length);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("warnings");
            foreach (var d in warnings ?? []) w.WriteStringValue(d.Message);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string Text(SearchResults results)
    {
        var sb = new StringBuilder();
        var q = results.Query;
        var filters = new List<string>();
        if (q.PublishedOnOrBefore is { } d) filters.Add("published on or before " + d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        if (!q.Countries.IsDefaultOrEmpty) filters.Add("country " + string.Join("/", q.Countries));
        if (!q.Kinds.IsDefaultOrEmpty) filters.Add("kind " + string.Join("/", q.Kinds.Select(k => k.Code())));
        if (q.Language is { } l) filters.Add("in " + l.Code());
        if (q.Source is { } s) filters.Add("from " + (s == PassageSource.KnowledgeBase ? "the knowledge base" : "imported documents"));
        sb.Append(CultureInfo.InvariantCulture, $"{results.Hits.Length} of {results.TotalHits} passage(s) for \"{q.Text}\"");
        if (filters.Count > 0) sb.Append(", ").Append(string.Join(", ", filters));
        sb.Append('\n');
        foreach (var h in results.Hits)
        {
            sb.Append('\n');
            sb.Append(CultureInfo.InvariantCulture, $"{h.Rank}. {h.Title}\n");
            var meta = new List<string>();
            if (h.Publisher is not null) meta.Add(h.Publisher);
            meta.Add(h.Source == PassageSource.KnowledgeBase
                ? h.Published is null ? "applies since before the records" : "applies from " + h.Published
                : h.Published is null ? "undated" : "published " + h.Published);
            if (h.Kind is { } k) meta.Add(k.Code());
            if (!h.Countries.IsDefaultOrEmpty) meta.Add(string.Join("/", h.Countries));
            meta.Add(h.Language.Code());
            sb.Append("   ").Append(string.Join(" · ", meta)).Append('\n');
            sb.Append("   ").Append(Position(h));
            if (h.Url is not null) sb.Append(" — ").Append(h.Url);
            sb.Append('\n');
            sb.Append("   ").Append(Marked(h.Snippet, "**", "**")).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Where the passage is, as one would cite it: file or entry, page or line, passage n of m, section.</summary>
    public static string Position(PassageHit h)
    {
        var parts = new List<string>();
        if (h.KbId is not null) parts.Add($"kb {h.KbId} ({h.FileName}:{h.Line})");
        else if (h.FileName is not null) parts.Add(h.FileName);
        if (h.KbId is null)
        {
            if (h.Page is { } p) parts.Add($"page {p}");
            if (h.Line is { } line) parts.Add($"line {line}");
            parts.Add($"passage {h.Ordinal} of {h.PassageCount}");
        }
        if (h.Section is not null && h.KbId is null) parts.Add($"under \"{h.Section}\"");
        return string.Join(", ", parts);
    }

    /// <summary>The snippet with each highlight wrapped in <paramref name="open"/> and <paramref name="close"/>.</summary>
    public static string Marked(Snippet snippet, string open, string close)
    {
        var sb = new StringBuilder(snippet.Text.Length + snippet.Highlights.Length * (open.Length + close.Length));
        var at = 0;
        foreach (var h in snippet.Highlights)
        {
            sb.Append(snippet.Text, at, h.Start - at).Append(open).Append(snippet.Text, h.Start, h.Length).Append(close);
            at = h.Start + h.Length;
        }
        return sb.Append(snippet.Text, at, snippet.Text.Length - at).ToString();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void NullableNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
