using System.Collections.Immutable;
using ExNunc.Domain.Knowledge;
using ExNunc.Dossier.Model;
using ExNunc.Dossier.Phrasing;
using NodaTime;

namespace ExNunc.Dossier.Building;

/// <summary>
/// Numbers citation notes through the document. The first note for an entry cites its published
/// sources in full (title, publisher, date, address); a later note for the same entry names the first
/// source briefly and refers back to the full note, as lawyers write "see note 3".
/// </summary>
internal sealed class Citations(KnowledgeBase kb, LocalDate asOf, DossierLanguage language)
{
    private static readonly Phrase SeeNote = new("see note {0}", "siehe Fn. {0}", "см. сноску {0}");
    private static readonly Phrase KbEntry = new("ExNunc knowledge base, entry {0}", "ExNunc-Wissensbasis, Eintrag {0}", "База знаний ExNunc, запись {0}");
    private static readonly Phrase Later = new(
        " (published after {0}; it documents law in force on that date)",
        " (nach dem {0} veröffentlicht; belegt an diesem Tag geltendes Recht)",
        " (опубликовано после {0}; подтверждает право, действовавшее на эту дату)");

    private readonly List<Footnote> _notes = [];
    private readonly Dictionary<string, int> _first = new(StringComparer.Ordinal);

    public ImmutableArray<Footnote> Notes => [.. _notes];

    /// <summary>Every entry cited so far, in order of first citation.</summary>
    public IEnumerable<string> CitedIds => _first.OrderBy(p => p.Value).Select(p => p.Key);

    /// <summary>Notes for the entries, in the given order, each entry once.</summary>
    public IEnumerable<Inline> Cite(IEnumerable<string> ids)
    {
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
            if (Note(id) is { } n) yield return n;
    }

    private NoteRef? Note(string id)
    {
        var entry = kb.Find(id);
        if (entry is null) return null;
        var number = _notes.Count + 1;
        var sources = Usable(entry).Select(Citation).ToImmutableArray();
        var title = entry.Title.In(language.KbLanguage());
        var content = ImmutableArray.CreateBuilder<Inline>();
        if (_first.TryGetValue(id, out var first))
        {
            content.Add(new TextRun(title));
            if (sources.Length > 0)
            {
                var s = sources[0];
                content.Add(new TextRun($": {s.Title}, {s.Publisher}, {s.Date}"));
            }
            content.Add(new TextRun("; " + SeeNote.Format(language, first) + "."));
            _notes.Add(new Footnote(number, id, sources, first, content.ToImmutable()));
        }
        else
        {
            _first[id] = number;
            content.Add(new TextRun(title + "."));
            if (sources.Length == 0) content.Add(new TextRun(" " + KbEntry.Format(language, id) + "."));
            for (var i = 0; i < sources.Length; i++)
            {
                var s = sources[i];
                content.Add(new TextRun($" {s.Title}, {s.Publisher}, {s.Date}"));
                if (s.Url is { } url)
                {
                    content.Add(new TextRun(", "));
                    content.Add(new LinkRun(url, url));
                }
                content.Add(new TextRun(i == sources.Length - 1 ? "." : ";"));
            }
            _notes.Add(new Footnote(number, id, sources, null, content.ToImmutable()));
        }
        return new NoteRef(number);
    }

    /// <summary>
    /// An entry's own sources; for a piece of reasoning without its own (a rule, a rebuttal), the
    /// sources of the entries it rests on that apply on the as-of date.
    /// </summary>
    public IEnumerable<Source> SourcesOf(KbEntry entry)
    {
        if (!entry.Sources.IsEmpty) return entry.Sources;
        var seen = new HashSet<string>(StringComparer.Ordinal) { entry.Id };
        var found = new List<Source>();
        var todo = new Queue<KbEntry>([entry]);
        while (todo.TryDequeue(out var e) && found.Count == 0)
            foreach (var id in e.Because)
                if (seen.Add(id) && kb.Find(id) is { } b && b.AppliesOn(asOf))
                {
                    found.AddRange(b.Sources);
                    todo.Enqueue(b);
                }
        return found.Distinct();
    }

    /// <summary>
    /// The sources the dossier may rely on as of the date: those published on or before it (or undated).
    /// Where an entry in force on the date is documented only by later publications (a law described by a
    /// later report), those are given, each marked as published later.
    /// </summary>
    public IReadOnlyList<Source> Usable(KbEntry entry)
    {
        var all = SourcesOf(entry).ToList();
        var usable = all.Where(s => s.Published is not { } p || p.Earliest <= asOf).ToList();
        return usable.Count > 0 ? usable : all;
    }

    public SourceCitation Citation(Source s)
    {
        var date = s.Published is { } p ? Dates.Format(p, language) : Templates.Undated.In(language);
        if (s.Published is { } q && q.Earliest > asOf) date += Later.Format(language, Dates.Format(asOf, language));
        return new(s.Title, s.Publisher, date, s.Url);
    }
}
