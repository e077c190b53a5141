using System.Collections.Immutable;
using ExNunc.Domain.Knowledge;
using ExNunc.Search.Importing;

namespace ExNunc.Search.Indexing;

/// <summary>
/// Knowledge-base entries as research documents: each entry is two documents, English and Russian,
/// whose one passage is the entry's title (as its heading) and summary.
/// <para>
/// Publication date: the first day of the entry's earliest validity period. The knowledge base defines a
/// published fact's period to start when the fact became public, and a law's when it took effect, and the
/// assessment engine relies on an entry from that day on; the research index uses the same day, so a
/// search as of a date shows exactly the entries an assessment as of that date may use. An entry whose
/// start is not recorded ("since before the records") passes every date filter. (The newest source date
/// was the alternative; it would hide a law in force in 2022 because a 2024 commentary is among its sources.)
/// </para>
/// </summary>
internal static class KnowledgeBaseDocuments
{
    public const string Publisher = "ExNunc knowledge base";

    public static IEnumerable<(IndexedDocument Document, ImmutableArray<Passage> Passages)> From(KnowledgeBase kb)
    {
        foreach (var entry in kb.Entries)
        {
            var starts = entry.Periods.Select(p => p.FirstDay).ToList();
            var day = starts.Count == 0 || starts.Any(s => s is null) ? Schema.SinceAlways : Schema.Day(starts.Min(s => s!.Value));
            var kind = KindOf(entry.Kind);
            var url = entry.Sources.Select(s => s.Url).FirstOrDefault(u => u is not null);
            foreach (var (language, code) in new[] { (Language.En, ResearchLanguage.En), (Language.Ru, ResearchLanguage.Ru) })
            {
                var title = entry.Title.In(language);
                var text = title + "\n" + entry.Summary.In(language);
                var passages = ImmutableArray.Create(new Passage(1, text, code, null, entry.Location.Line, title));
                var id = $"kb:{entry.Id}:{code.Code()}";
                var published = day == Schema.SinceAlways ? null : Schema.Show(day);
                yield return (new IndexedDocument(id, PassageSource.KnowledgeBase, title, "kb", Publisher, url, published, day,
                    [.. entry.Jurisdictions], kind, entry.Location.File, entry.Id, kb.Version, 1), passages);
            }
        }
    }

    /// <summary>Entry kinds mapped to research kinds: laws, decisions, COI, policy, and the reasoning entries as analysis.</summary>
    public static ResearchKind KindOf(EntryKind kind) => kind switch
    {
        EntryKind.Instrument or EntryKind.Provision or EntryKind.RussianLaw => ResearchKind.Law,
        EntryKind.CaseLaw => ResearchKind.Decision,
        EntryKind.CoiFact or EntryKind.Statistic => ResearchKind.Coi,
        EntryKind.Policy or EntryKind.Practice or EntryKind.Guideline => ResearchKind.Policy,
        _ => ResearchKind.Analysis,
    };
}
