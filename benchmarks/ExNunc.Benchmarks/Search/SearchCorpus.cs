using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace ExNunc.Benchmarks.Search;

/// <summary>
/// A synthetic corpus of passages in Russian, English and German with a realistic word-frequency
/// distribution, for the search benchmarks. Each language has its real most frequent function words and
/// 12,000 content stems made of the language's syllables, each stem with the inflections the language's
/// stemmer folds together (English -s/-ed/-ing, German -e/-en/-er/-ung, Russian case endings). A token is
/// a function word with probability 0.42, else a content stem; both are drawn by Zipf's law (rank⁻¹·⁰⁷).
/// Passages are 40–110 words in sentences of 8–20, grouped 20 to a document that has one language, a
/// publication day between 2014 and 2025, a country and a kind. Everything is a pure function of the
/// seed and the passage number (the same in every process), so any passage (and the query set) can be regenerated without the rest.
/// </summary>
public sealed class SearchCorpus
{
    public const int PassagesPerDocument = 20;
    public const double FunctionWordShare = 0.42;
    private const int StemCount = 12_000;
    private static readonly DateOnly FirstDay = new(2014, 1, 1);
    private static readonly int Days = new DateOnly(2025, 12, 31).DayNumber - FirstDay.DayNumber + 1;
    private static readonly string[] Countries = ["RU", "RU", "RU", "RU", "DE", "NL", "FR", "FI", "EE", "PL", "GE", "KZ"];
    private static readonly string[] Kinds = ["coi", "decision", "law", "news", "ngo-report"];

    private readonly int _seed;
    private readonly Vocabulary[] _vocabularies;

    public SearchCorpus(int passages, int seed = 2026)
    {
        Passages = passages;
        _seed = seed;
        _vocabularies = [Vocabulary.Russian(seed), Vocabulary.English(seed), Vocabulary.German(seed)];
    }

    public int Passages { get; }
    public int Documents => (Passages + PassagesPerDocument - 1) / PassagesPerDocument;

    /// <summary>0 Russian, 1 English, 2 German.</summary>
    public static int LanguageOf(int document) => document % 3;
    public static string LanguageCode(int language) => language switch { 0 => "ru", 1 => "en", _ => "de" };

    public DocumentInfo Document(int document)
    {
        var r = new Random(Seed(_seed, document, 17));
        return new DocumentInfo(document, LanguageOf(document), FirstDay.AddDays(r.Next(Days)), Countries[r.Next(Countries.Length)], Kinds[r.Next(Kinds.Length)]);
    }

    /// <summary>The words of passage <paramref name="passage"/> (its document fixes the language).</summary>
    public string[] Words(int passage)
    {
        var vocabulary = _vocabularies[LanguageOf(passage / PassagesPerDocument)];
        var r = new Random(Seed(_seed, passage, 0));
        var words = new string[r.Next(40, 111)];
        for (var i = 0; i < words.Length; i++) words[i] = vocabulary.Next(r);
        return words;
    }

    /// <summary>The passage as text: sentences of 8–20 words, capitalised and ended with a full stop or comma-separated clauses.</summary>
    public string Text(int passage)
    {
        var words = Words(passage);
        var r = new Random(Seed(_seed, passage, 3));
        var sb = new StringBuilder(words.Length * 8);
        var sentence = 0;
        var length = r.Next(8, 21);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (sentence == 0) w = char.ToUpperInvariant(w[0]) + w[1..];
            sb.Append(w);
            sentence++;
            if (sentence == length || i == words.Length - 1)
            {
                sb.Append('.');
                sentence = 0;
                length = r.Next(8, 21);
            }
            else if (r.Next(9) == 0) sb.Append(',');
            if (i < words.Length - 1) sb.Append(' ');
        }
        return sb.ToString();
    }

    /// <summary>
    /// A seed from three numbers, the same in every process (SplitMix64's finaliser). HashCode.Combine,
    /// used here before, is salted per process: every run generated another corpus and another query set,
    /// so a reused index was asked queries made from passages it did not hold.
    /// </summary>
    private static int Seed(int a, int b, int c)
    {
        var z = ((ulong)(uint)a << 32 | (uint)b) ^ ((ulong)(uint)c * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }

    public bool IsFunctionWord(int language, string word) => _vocabularies[language].IsFunctionWord(word);

    /// <summary>
    /// The fixed query set: for each size, <paramref name="perSize"/> queries, a third in each language, each
    /// made of distinct content words of one passage drawn at random, so that every query has at least
    /// one hit and common words come up as often as users type them.
    /// </summary>
    public ImmutableArray<string> Queries(int words, int perSize)
    {
        var r = new Random(Seed(_seed, words, 99));
        var queries = ImmutableArray.CreateBuilder<string>(perSize);
        while (queries.Count < perSize)
        {
            var language = queries.Count % 3;
            int passage;
            do passage = r.Next(Passages);
            while (LanguageOf(passage / PassagesPerDocument) != language);
            var content = Words(passage).Where(w => !IsFunctionWord(language, w)).Distinct(StringComparer.Ordinal).ToList();
            if (content.Count < words) continue;
            var chosen = content.OrderBy(_ => r.Next()).Take(words);
            queries.Add(string.Join(' ', chosen));
        }
        return queries.MoveToImmutable();
    }

    public sealed record DocumentInfo(int Number, int Language, DateOnly Published, string Country, string Kind);

    /// <summary>One language's words and their Zipf sampler.</summary>
    private sealed class Vocabulary
    {
        private readonly string[] _function;
        private readonly string[][] _forms;
        private readonly double[] _functionCdf;
        private readonly double[] _stemCdf;
        private readonly double[] _formCdf;
        private readonly FrozenSet<string> _functionSet;

        private Vocabulary(string[] function, string[][] forms)
        {
            _function = function;
            _forms = forms;
            _functionCdf = Zipf(function.Length, 1.07);
            _stemCdf = Zipf(forms.Length, 1.07);
            _formCdf = Zipf(forms[0].Length, 1.3);
            _functionSet = function.ToFrozenSet(StringComparer.Ordinal);
        }

        public bool IsFunctionWord(string word) => _functionSet.Contains(word);

        public string Next(Random r)
        {
            if (r.NextDouble() < FunctionWordShare) return _function[Draw(_functionCdf, r)];
            var forms = _forms[Draw(_stemCdf, r)];
            return forms[Math.Min(Draw(_formCdf, r), forms.Length - 1)];
        }

        private static int Draw(double[] cdf, Random r)
        {
            var i = Array.BinarySearch(cdf, r.NextDouble());
            return i < 0 ? Math.Min(~i, cdf.Length - 1) : i;
        }

        private static double[] Zipf(int n, double s)
        {
            var cdf = new double[n];
            var sum = 0.0;
            for (var k = 1; k <= n; k++) sum += 1 / Math.Pow(k, s);
            var acc = 0.0;
            for (var k = 1; k <= n; k++)
            {
                acc += 1 / Math.Pow(k, s) / sum;
                cdf[k - 1] = acc;
            }
            return cdf;
        }

        private static string[][] Stems(int seed, string[] syllables, string[] endings, int minSyllables, int maxSyllables)
        {
            var r = new Random(seed);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stems = new string[StemCount][];
            for (var i = 0; i < stems.Length;)
            {
                var n = r.Next(minSyllables, maxSyllables + 1);
                var sb = new StringBuilder();
                for (var k = 0; k < n; k++) sb.Append(syllables[r.Next(syllables.Length)]);
                var stem = sb.ToString();
                if (stem.Length < 4 || !seen.Add(stem)) continue;
                stems[i++] = [.. endings.Select(e => stem + e)];
            }
            return stems;
        }

        public static Vocabulary English(int seed) => new(
            ["the", "of", "and", "to", "in", "a", "is", "that", "for", "was", "on", "by", "with", "as", "be", "not", "or", "are", "from", "at",
             "his", "it", "he", "an", "which", "this", "were", "has", "have", "had", "their", "been", "they", "who", "would", "after", "under", "any", "no", "into"],
            Stems(seed + 1, ["ad", "con", "ver", "mo", "bil", "sa", "de", "pro", "sec", "tra", "per", "si", "cu", "ti", "re", "ap", "pli", "cant",
                             "mil", "serv", "sum", "mon", "dis", "ter", "port", "lo", "cal", "ri", "na", "gen", "vis", "cap", "ten", "struct"],
                  ["", "s", "ed", "ing", "ation", "er"], 2, 3));

        public static Vocabulary German(int seed) => new(
            ["der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "als",
             "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über"],
            Stems(seed + 2, ["ver", "ge", "be", "ein", "be", "ruf", "dienst", "stra", "fe", "wehr", "an", "trag", "ent", "schei", "dung", "la", "ge",
                             "flucht", "zu", "stel", "recht", "kla", "gen", "bun", "des", "amt", "mel", "grenz", "haft", "vor", "schrift", "ab", "lehn"],
                  ["", "e", "en", "er", "ung", "ungen"], 2, 3));

        public static Vocabulary Russian(int seed) => new(
            ["и", "в", "не", "на", "что", "с", "по", "к", "о", "за", "из", "как", "от", "для", "его", "это", "у", "же", "или", "до",
             "при", "так", "был", "их", "после", "ее", "когда", "только", "также", "если", "то", "но", "со", "об", "без", "под", "была", "были", "все", "уже"],
            Stems(seed + 3, ["по", "ве", "ст", "мо", "би", "ли", "за", "во", "ен", "пре", "сле", "до", "ва", "ни", "ко", "ми", "сса", "ри", "ат",
                             "при", "зыв", "уго", "лов", "су", "деб", "ра", "ше", "про", "ку", "ро", "тор", "гра", "ни", "ца", "слу", "жб"],
                  ["а", "ы", "у", "ой", "е", "ам", "ами", "ах"], 2, 3));
    }
}
