using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Util;

namespace ExNunc.Search.Indexing;

/// <summary>
/// The analysers of the three languages, from Lucene.Net.Analysis.Common with their default stop words:
/// Russian (Snowball Russian stemmer), English (possessives, Porter stemmer) and German (German
/// normalisation — ä→a, ß→ss — and the light German stemmer). A passage's text is indexed into the field
/// of its language only (<c>text_ru</c>, <c>text_en</c>, <c>text_de</c>), so that each word is stemmed
/// by the rules of its own language; a query is analysed once per language field it searches.
/// </summary>
internal sealed class Analysis : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly FrozenDictionary<ResearchLanguage, Analyzer> _byLanguage;

    public Analysis()
    {
        _byLanguage = new Dictionary<ResearchLanguage, Analyzer>
        {
            [ResearchLanguage.Ru] = new RussianAnalyzer(Version),
            [ResearchLanguage.En] = new EnglishAnalyzer(Version),
            [ResearchLanguage.De] = new GermanAnalyzer(Version),
        }.ToFrozenDictionary();
        // Keyword-like fields are indexed as single terms (StringField); only text fields are analysed.
        PerField = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), ResearchCodes.Languages.ToDictionary(Schema.TextField, l => _byLanguage[l]));
    }

    /// <summary>The analyser the index writer uses: each text field with its language's analyser.</summary>
    public Analyzer PerField { get; }

    public Analyzer For(ResearchLanguage language) => _byLanguage[language];

    public void Dispose()
    {
        PerField.Dispose();
        foreach (var a in _byLanguage.Values) a.Dispose();
    }
}
