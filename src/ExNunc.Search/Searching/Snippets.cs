using System.Collections.Immutable;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace ExNunc.Search.Searching;

/// <summary>
/// Makes the snippet of a passage: the best one or two fragments of about <see cref="FragmentSize"/>
/// characters around the matching words (Lucene's Highlighter with a QueryScorer, so phrases are
/// highlighted only where the phrase occurs), with the matches given as offsets rather than markup,
/// so no renderer has to parse or escape anything. A passage shorter than a fragment is shown whole.
/// </summary>
internal static class Snippets
{
    public const int FragmentSize = 220;
    private const char Open = '\uE000';
    private const char Close = '\uE001';
    private const string Gap = " … ";

    /// <summary>
    /// Snippets for the hits of one query in one language field: the query's terms are extracted once
    /// and the highlighter is reused for every hit (one search at a time: a maker is not thread-safe).
    /// </summary>
    public sealed class Maker
    {
        private readonly string _field;
        private readonly Analyzer _analyzer;
        private readonly Highlighter _highlighter;

        public Maker(string field, Query query, Analyzer analyzer)
        {
            _field = field;
            _analyzer = analyzer;
            var scorer = new QueryScorer(query, field);
            _highlighter = new Highlighter(new MarkerFormatter(), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentSize),
            };
        }

        public Snippet Make(string text)
        {
            var flat = text.Replace('\n', ' ').Replace(Open, ' ').Replace(Close, ' ');
            TextFragment[] fragments;
            using (var tokens = _analyzer.GetTokenStream(_field, flat))
                fragments = _highlighter.GetBestTextFragments(tokens, flat, mergeContiguousFragments: true, maxNumFragments: 2);
            var best = fragments.Where(f => f is not null && f.Score > 0).OrderBy(f => f.FragNum).Select(f => f.ToString().Trim()).ToList();
            if (best.Count == 0)
                return new Snippet(flat.Length <= FragmentSize ? flat : flat[..FragmentSize].TrimEnd() + "…", []);
            var marked = string.Join(Gap, best);
            if (!flat.StartsWith(Unmark(best[0]), StringComparison.Ordinal)) marked = "…" + marked;
            if (!flat.EndsWith(Unmark(best[^1]), StringComparison.Ordinal)) marked += "…";
            return Parse(marked);
        }
    }

    private static string Unmark(string s) => s.Replace(Open.ToString(), "", StringComparison.Ordinal).Replace(Close.ToString(), "", StringComparison.Ordinal);

    private static Snippet Parse(string marked)
    {
        var sb = new StringBuilder(marked.Length);
        var highlights = ImmutableArray.CreateBuilder<Highlight>();
        var start = -1;
        foreach (var c in marked)
        {
            if (c == Open) start = sb.Length;
            else if (c == Close && start >= 0)
            {
                highlights.Add(new Highlight(start, sb.Length - start));
                start = -1;
            }
            else sb.Append(c);
        }
        return new Snippet(sb.ToString(), highlights.ToImmutable());
    }

    private sealed class MarkerFormatter : IFormatter
    {
        public string HighlightTerm(string originalText, TokenGroup tokenGroup) =>
            tokenGroup.TotalScore > 0 ? Open + originalText + Close : originalText;
    }
}
