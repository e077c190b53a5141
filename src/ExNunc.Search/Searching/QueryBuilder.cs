using System.Collections.Immutable;
using ExNunc.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace ExNunc.Search.Searching;

/// <summary>
/// Turns a <see cref="ResearchQuery"/> into a Lucene query. The text is parsed once per language field
/// with that language's analyser (all words required: each word a MUST clause, as FTS5 requires every
/// word of a query), and the three are alternatives: a Russian word is stemmed as Russian and looked for
/// in Russian passages, a German word as German in German ones. Filters wrap the text query so that they
/// restrict without scoring: country and kind as term filters, source as a term filter, and the
/// publication day checked per candidate (<see cref="PublishedOnOrBeforeFilter"/>).
/// </summary>
internal static class QueryBuilder
{
    public sealed record Built(ImmutableArray<(ResearchLanguage Language, Query Query)> PerLanguage, ImmutableArray<Filter> Filters)
    {
        /// <summary>
        /// The query to run on <paramref name="reader"/>: the alternatives that can match there (a required
        /// word that no passage of the index has rules its language out, as it would at search time — this
        /// only spares the search three lookups per word and a disjunction), wrapped in the filters; null if
        /// none can match.
        /// </summary>
        public Query? For(IndexReader reader)
        {
            var possible = PerLanguage.Where(x => MayMatch(x.Query, reader)).Select(x => x.Query).ToList();
            if (possible.Count == 0) return null;
            Query text;
            if (possible.Count == 1) text = possible[0];
            else
            {
                var any = new BooleanQuery(disableCoord: true);
                foreach (var q in possible) any.Add(q, Occur.SHOULD);
                text = any;
            }
            // Query first: the text query leads and each passage it finds is checked against the filter,
            // whatever the first filtered document number (Lucene's default guesses from it).
            foreach (var filter in Filters)
                text = new FilteredQuery(text, filter, FilteredQuery.QUERY_FIRST_FILTER_STRATEGY);
            return text;
        }
    }

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

        var filters = ImmutableArray.CreateBuilder<Filter>();
        if (query.PublishedOnOrBefore is { } before)
            filters.Add(new PublishedOnOrBeforeFilter(Schema.Day(before)));
        if (!query.Countries.IsDefaultOrEmpty)
            filters.Add(new TermsFilter([.. query.Countries.Select(c => new Term(Schema.Country, c))]));
        if (!query.Kinds.IsDefaultOrEmpty)
            filters.Add(new TermsFilter([.. query.Kinds.Select(k => new Term(Schema.Kind, k.Code()))]));
        if (query.Source is { } source)
            filters.Add(new TermsFilter(new Term(Schema.Source, source.Code())));
        return new Built(perLanguage.ToImmutable(), filters.ToImmutable());
    }

    /// <summary>
    /// False only when the query certainly matches nothing in <paramref name="reader"/>: a required word
    /// (or every optional one, when none is required) or a word of a phrase occurs in no passage.
    /// Anything else (prefixes, exclusions only) is left to the search.
    /// </summary>
    internal static bool MayMatch(Query query, IndexReader reader) => query switch
    {
        TermQuery t => reader.DocFreq(t.Term) > 0,
        PhraseQuery p => p.GetTerms().All(t => reader.DocFreq(t) > 0),
        BooleanQuery { MinimumNumberShouldMatch: 0 } b => MayMatch(b, reader),
        _ => true,
    };

    private static bool MayMatch(BooleanQuery b, IndexReader reader)
    {
        var required = b.Clauses.Where(c => c.Occur == Occur.MUST).ToList();
        if (required.Count > 0) return required.All(c => MayMatch(c.Query, reader));
        var optional = b.Clauses.Where(c => c.Occur == Occur.SHOULD).ToList();
        return optional.Count == 0 || optional.Any(c => MayMatch(c.Query, reader));
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
