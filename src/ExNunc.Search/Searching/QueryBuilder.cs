using System.Collections.Immutable;
using ExNunc.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace ExNunc.Search.Searching;

/// <summary>
/// Turns a <see cref="ResearchQuery"/> into a Lucene query. The text is parsed once per language field
/// with that language's analyser (all words required), and the three are alternatives: a Russian word
/// is stemmed as Russian and looked for in Russian passages, a German word as German in German ones.
/// Filters wrap the text query so that they restrict without scoring: country and kind as term filters,
/// source as a term filter, and the publication day as a range over doc values (cheap per candidate,
/// whatever the date).
/// </summary>
internal static class QueryBuilder
{
    public sealed record Built(Query Query, ImmutableArray<(ResearchLanguage Language, Query Query)> PerLanguage);

    public static Built? Build(ResearchQuery query, Analysis analysis)
    {
        var languages = query.Language is { } only ? [only] : ResearchCodes.Languages;
        var perLanguage = ImmutableArray.CreateBuilder<(ResearchLanguage, Query)>();
        foreach (var language in languages)
        {
            var parsed = Parse(query.Text, Schema.TextField(language), analysis.For(language));
            if (parsed is not null && !(parsed is BooleanQuery { Clauses.Count: 0 })) perLanguage.Add((language, parsed));
        }
        if (perLanguage.Count == 0) return null;

        Query text;
        if (perLanguage.Count == 1) text = perLanguage[0].Item2;
        else
        {
            var any = new BooleanQuery(disableCoord: true);
            foreach (var (_, q) in perLanguage) any.Add(q, Occur.SHOULD);
            text = any;
        }

        if (query.PublishedOnOrBefore is { } before)
            text = new FilteredQuery(text, FieldCacheRangeFilter.NewInt32Range(Schema.PublishedDay, null, Schema.Day(before), true, true));
        if (!query.Countries.IsDefaultOrEmpty)
            text = new FilteredQuery(text, new TermsFilter([.. query.Countries.Select(c => new Term(Schema.Country, c))]));
        if (!query.Kinds.IsDefaultOrEmpty)
            text = new FilteredQuery(text, new TermsFilter([.. query.Kinds.Select(k => new Term(Schema.Kind, k.Code()))]));
        if (query.Source is { } source)
            text = new FilteredQuery(text, new TermsFilter(new Term(Schema.Source, source.Code())));
        return new Built(text, perLanguage.ToImmutable());
    }

    /// <summary>
    /// Characters that the Lucene syntax reads as fields (<c>a:b</c>), regular expressions
    /// (<c>/…/</c>, as in "2011/95/EU"), ranges and boosts are plain separators here: people type them
    /// in titles and citations, and the index has no user-facing fields.
    /// </summary>
    internal static string Sanitise(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] is ':' or '/' or '\\' or '[' or ']' or '{' or '}' or '^') chars[i] = ' ';
        return new string(chars);
    }

    private static Query? Parse(string text, string field, Lucene.Net.Analysis.Analyzer analyzer)
    {
        text = Sanitise(text);
        var parser = new QueryParser(Analysis.Version, field, analyzer)
        {
            DefaultOperator = Operator.AND,
            // "Deserteure-Urteil" is two words that must both occur, not a phrase.
            AutoGeneratePhraseQueries = false,
        };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException)
        {
            // Text that is not valid query syntax ("Art. 9(2)(e", "AND") is searched as plain words.
        }
        try
        {
            return parser.Parse(QueryParserBase.Escape(text));
        }
        catch (ParseException)
        {
            return null;
        }
    }
}
