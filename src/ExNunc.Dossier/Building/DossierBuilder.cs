using System.Collections.Immutable;
using System.Globalization;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;
using ExNunc.Dossier.Evidence;
using ExNunc.Dossier.Model;
using ExNunc.Dossier.Phrasing;
using NodaTime;

namespace ExNunc.Dossier.Building;

/// <summary>What a dossier is made from.</summary>
/// <param name="Case">The case, as read and validated.</param>
/// <param name="Assessment">The assessment of the case; it must contain <paramref name="Destination"/>.</param>
/// <param name="Kb">The knowledge base the assessment was made with (titles, summaries, sources).</param>
/// <param name="Language">The language of headings and fixed phrases.</param>
/// <param name="Destination">The country the dossier is for.</param>
/// <param name="Date">The day the dossier is made; part of the inputs, so the same day gives the same document.</param>
/// <param name="LawyerNotes">Add the lawyer's checklist (gaps and internal assessment). Never for filing.</param>
/// <param name="Digests">Where evidence hashes come from.</param>
public sealed record DossierRequest(
    CaseFile Case,
    AssessmentResult Assessment,
    string Destination,
    KnowledgeBase Kb,
    DossierLanguage Language,
    LocalDate Date,
    bool LawyerNotes,
    IEvidenceDigests Digests);

/// <summary>
/// Builds the dossier's document model from a case and its assessment. The version for the authority
/// argues only what the facts establish: grounds with at least one route met, their met elements, the
/// objections that have a rebuttal on the date, the exposure, and the country information cited. What
/// would weaken the claim in an authority's hands (gaps, undecided elements, unanswered objections,
/// the internal strength of each ground, unfavourable practice) goes only into the lawyer's notes.
/// </summary>
public static class DossierBuilder
{
    /// <summary>Hex digits of the hash shown in the evidence index; the annex list shows all 64.</summary>
    public const int PrefixLength = 12;

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    private static readonly Phrase StrongWord = new("strong", "stark", "сильное");
    private static readonly Phrase ArguableWord = new("arguable", "vertretbar", "обоснованное");
    private static readonly Phrase WeakWord = new("weak", "schwach", "слабое");
    private static readonly Phrase NotMetWord = new("not met", "nicht erfüllt", "не выполнено");
    private static readonly Phrase UnknownWord = new("not established", "nicht festgestellt", "не установлено");

    public static DossierDocument Build(DossierRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var destination = request.Assessment.Destinations.FirstOrDefault(d => d.Country == request.Destination)
            ?? throw new ArgumentException($"The assessment has no destination {request.Destination}.", nameof(request));
        return new Builder(request, destination).Build();
    }

    private sealed class Builder
    {
        private readonly DossierRequest _r;
        private readonly DestinationAssessment _d;
        private readonly DossierLanguage _lang;
        private readonly Language _kbLang;
        private readonly KnowledgeBase _kb;
        private readonly CaseFacts _facts;
        private readonly Citations _cite;
        private readonly LocalDate _asOf;
        private int _paragraph;
        private readonly Dictionary<SectionKind, string> _part = [];

        public Builder(DossierRequest request, DestinationAssessment destination)
        {
            _r = request;
            _d = destination;
            _lang = request.Language;
            _kbLang = _lang.KbLanguage();
            _kb = request.Kb;
            _asOf = request.Assessment.AsOf;
            _facts = new CaseFacts(request.Case, request.Kb, _lang);
            _cite = new Citations(request.Kb, _asOf, _lang);
        }

        private string L(Phrase p) => p.In(_lang);
        private string K(Bilingual b) => b.In(_kbLang);
        private string DateText(LocalDate d) => Dates.Format(d, _lang);

        public DossierDocument Build()
        {
            var order = new List<SectionKind>
            {
                SectionKind.Summary, SectionKind.Chronology, SectionKind.Grounds, SectionKind.Objections, SectionKind.Exposure,
                SectionKind.CountryInformation, SectionKind.EvidenceIndex, SectionKind.Annexes,
            };
            if (_r.LawyerNotes) order.Add(SectionKind.LawyerNotes);
            for (var i = 0; i < order.Count; i++) _part[order[i]] = Roman[i];

            var digests = (_r.Case.Evidence ?? ValueList<EvidenceItem>.Empty).Select(_r.Digests.Of).ToList();
            var country = Vocab.Country(_kb, _d.Country, _lang);

            // Built in reading order so that paragraph and note numbers run through the document.
            var body = new List<DossierSection>
            {
                Section(SectionKind.Summary, Templates.Summary, Summary(country)),
                Section(SectionKind.Chronology, Templates.Chronology, Chronology()),
                Section(SectionKind.Grounds, Templates.Grounds, Grounds()),
                Section(SectionKind.Objections, Templates.Objections, Objections()),
                Section(SectionKind.Exposure, Templates.Exposure, Exposure()),
                Section(SectionKind.CountryInformation, Templates.Coi, CountryInformation()),
                Section(SectionKind.EvidenceIndex, Templates.EvidenceIndex, EvidenceIndex(digests)),
                Section(SectionKind.Annexes, Templates.Annexes, Annexes(digests)),
            };
            if (_r.LawyerNotes) body.Add(Section(SectionKind.LawyerNotes, Templates.LawyerNotes, LawyerNotes()));

            var toc = body.SelectMany(s => new[] { new TocEntry(1, s.Title, s.Anchor) }
                .Concat(s.Blocks.OfType<Heading>().Where(h => h.Level == 2).Select(h => new TocEntry(2, h.Text, h.Anchor))))
                .Cast<Block>();
            var sections = new List<DossierSection>
            {
                new(SectionKind.Cover, "cover", L(Templates.Title), Cover(country)),
                new(SectionKind.Contents, "contents", L(Templates.Contents), [.. toc]),
            };
            sections.AddRange(body);

            var meta = new DossierMeta(_lang, L(Templates.Title), _r.Case.Id, _d.Country, country, _r.Date, _asOf,
                _r.Assessment.KbVersion, _r.Assessment.KbEntries, _r.LawyerNotes,
                Templates.Footer.Format(_lang, _r.Case.Id, country, DateText(_asOf)));
            return new DossierDocument(meta, [.. sections], _cite.Notes);
        }

        private DossierSection Section(SectionKind kind, Phrase title, ImmutableArray<Block> blocks) =>
            new(kind, "s-" + kind.ToString().ToLowerInvariant(), $"{_part[kind]}. {L(title)}", blocks);

        private Paragraph Numbered(IEnumerable<Inline> content) => new(ParagraphStyle.Numbered, [.. content], ++_paragraph);
        private Paragraph Numbered(string text, IEnumerable<Inline>? notes = null) => Numbered(new Inline[] { new TextRun(text) }.Concat(notes ?? []));
        private static Paragraph Para(ParagraphStyle style, string text) => new(style, [new TextRun(text)]);

        // ---- cover ------------------------------------------------------------------------------

        private ImmutableArray<Block> Cover(string country)
        {
            var rows = new List<(Phrase, string)>
            {
                (Templates.CaseReference, _r.Case.Id),
                (Templates.Destination, $"{country} ({_d.Country})"),
                (Templates.DocumentDate, DateText(_r.Date)),
                (Templates.AsOf, DateText(_asOf)),
                (Templates.KnowledgeBase, Templates.KbEntries.Format(_lang, _r.Assessment.KbVersion, _r.Assessment.KbEntries)),
                (Templates.AuthorityReference, Templates.Blank),
            };
            var blocks = new List<Block>
            {
                Para(ParagraphStyle.CoverTitle, L(Templates.Title)),
                Para(ParagraphStyle.CoverSubtitle, country),
            };
            if (_r.LawyerNotes) blocks.Add(Para(ParagraphStyle.Warning, Templates.LawyerWarning.Format(_lang, _part[SectionKind.LawyerNotes])));
            blocks.Add(new Table(TableKind.Facts, [new Column("", 38), new Column("", 62)],
                [.. rows.Select(r => ImmutableArray.Create(new Cell([new TextRun(L(r.Item1), Bold: true)]), Cell.Of(r.Item2)))]));
            blocks.Add(Para(ParagraphStyle.Note, Templates.ExNunc.Format(_lang, DateText(_asOf))));
            blocks.Add(Para(ParagraphStyle.Note, L(Templates.LanguageNote)));
            blocks.Add(Para(ParagraphStyle.Note, L(Templates.PrivacyNote)));
            return [.. blocks];
        }

        // ---- summary ------------------------------------------------------------------------------

        private ImmutableArray<Block> Summary(string country)
        {
            var c = _r.Case;
            var blocks = new List<Block>();
            var person = _facts.Describe(["person", "military"]).Select(f => f.Text).ToList();
            if (person.Count > 0) blocks.Add(Numbered(string.Join(". ", person) + "."));
            var travel = new List<string>();
            if (c.Departure is { } dep) travel.Add(_facts.Departure(dep));
            if (c.Whereabouts is { } w) travel.Add(_facts.Whereabouts(w));
            if (travel.Count > 0) blocks.Add(Numbered(string.Join(". ", travel) + "."));

            var argued = ArguedGrounds().ToList();
            if (argued.Count == 0) blocks.Add(Numbered(L(Templates.NoGroundArgued)));
            else
            {
                var lines = argued.Select(g => Templates.ThroughRoutes.Format(_lang, GroundTitle(g),
                    string.Join("; ", MetRoutes(g).Select(e => ElementTitle(g, e)))));
                blocks.Add(Numbered(Templates.ClaimGrounds.Format(_lang, country, DateText(_asOf)) + " " + string.Join(". ", lines) + "."));
            }
            if (!_d.Exposure.IsEmpty)
                blocks.Add(Numbered(Templates.RiskSummary.Format(_lang,
                    string.Join("; ", _d.Exposure.Select(x => _kb.Find(x.Article) is { } a ? K(a.Title) : x.Article)), _part[SectionKind.Exposure])));
            if (c.Applications is { Count: > 0 } apps)
            {
                var text = $"{L(Templates.PreviousApplications)}: {string.Join("; ", apps.Select(_facts.Application))}.";
                if (apps.Any(a => a.Reasons is { Count: > 0 }) && Answered().Any())
                    text += " " + Templates.ReasonsAnswered.Format(_lang, _part[SectionKind.Objections]);
                blocks.Add(Numbered(text));
            }
            var count = c.Evidence?.Count ?? 0;
            blocks.Add(Numbered(count == 0 ? L(Templates.NoEvidence) : Templates.EvidenceSummary.Format(_lang, count, _part[SectionKind.EvidenceIndex])));
            return [.. blocks];
        }

        // ---- chronology ---------------------------------------------------------------------------

        private ImmutableArray<Block> Chronology()
        {
            var rows = _facts.Chronology().Select(e => ImmutableArray.Create(Cell.Of(e.Date), Cell.Of(e.Text), Cell.Of(AnnexList(e.Annexes))));
            return [new Table(TableKind.Chronology,
                [new Column(L(Templates.Date), 18), new Column(L(Templates.Event), 64), new Column(L(Templates.Evidence), 18)],
                [.. rows])];
        }

        // ---- grounds -------------------------------------------------------------------------------

        /// <summary>Grounds the dossier argues: no requirement unmet and at least one route met; strongest first.</summary>
        private IEnumerable<GroundFinding> ArguedGrounds() =>
            _d.Grounds.Where(g => g.GroundStatus != GroundStatus.NotMet && MetRoutes(g).Any())
                .OrderByDescending(g => g.GroundStatus).ThenBy(g => g.Id, StringComparer.Ordinal);

        private IEnumerable<ElementFinding> MetRoutes(GroundFinding g) =>
            g.Elements.Where(e => e.Met == Tri.True && Role(g, e) == ElementRole.Route);

        private ElementRole Role(GroundFinding g, ElementFinding e) =>
            (_kb.Find(g.Id)?.Details as GroundDetails)?.Elements.FirstOrDefault(x => x.Id == e.Id)?.Role ?? ElementRole.Route;

        private string GroundTitle(GroundFinding g) => _kb.Find(g.Id) is { } e ? Vocab.Title(g.Id, e.Title, _lang) : g.Id;

        private string ElementTitle(GroundFinding g, ElementFinding e)
        {
            var title = (_kb.Find(g.Id)?.Details as GroundDetails)?.Elements.FirstOrDefault(x => x.Id == e.Id)?.Title;
            return title is null ? e.Id : Vocab.Title(e.Id, title, _lang);
        }

        private ImmutableArray<Block> Grounds()
        {
            var blocks = new List<Block>();
            var argued = ArguedGrounds().ToList();
            if (argued.Count == 0) blocks.Add(Numbered(L(Templates.NoGrounds)));
            foreach (var g in argued)
            {
                var ground = _kb.Find(g.Id);
                blocks.Add(new Heading(2, GroundTitle(g), "g-" + g.Id));
                if (ground is not null)
                    blocks.Add(Numbered(K(ground.Summary), _cite.Cite(Applying(ground.Because))));
                foreach (var e in g.Elements.Where(e => e.Met == Tri.True))
                {
                    blocks.Add(new Heading(3, ElementTitle(g, e), $"g-{g.Id}-{e.Id}"));
                    var reasons = RuleSummaries(e.Derivation);
                    blocks.Add(Numbered(reasons.Count > 0 ? string.Join(" ", reasons) : K(e.Explanation), _cite.Cite(e.Sources)));
                    if (FactsParagraph(e.Facts) is { } facts) blocks.Add(facts);
                }
            }
            return [.. blocks];
        }

        /// <summary>The summaries of the rules that concluded, which are written as arguments.</summary>
        private List<string> RuleSummaries(Derivation d) =>
            [.. d.Children.Select(c => _kb.Find(c.Source)).OfType<KbEntry>().Select(e => K(e.Summary)).Distinct()];

        private IEnumerable<string> Applying(IEnumerable<string> ids) => ids.Where(id => _kb.Find(id)?.AppliesOn(_asOf) == true);

        private Paragraph? FactsParagraph(IEnumerable<string> paths)
        {
            var facts = _facts.Describe(paths);
            if (facts.Count == 0) return null;
            var inlines = new List<Inline> { new TextRun(L(Templates.FactsLead) + ":", Bold: true) };
            foreach (var f in facts)
            {
                inlines.Add(LineBreak.Instance);
                inlines.Add(new TextRun("– " + (f.Annexes.Count == 0 ? f.Text : $"{f.Text} ({AnnexList(f.Annexes)})")));
            }
            return Numbered(inlines);
        }

        private string AnnexList(IReadOnlyList<int> annexes) => annexes.Count switch
        {
            0 => "",
            1 => Templates.AnnexRef.Format(_lang, annexes[0]),
            _ => Templates.AnnexesRef.Format(_lang, string.Join(", ", annexes)),
        };

        // ---- objections ------------------------------------------------------------------------------

        private IEnumerable<ObjectionFinding> Answered() => _d.Objections.Where(o => !o.Rebuttals.IsEmpty);

        private ImmutableArray<Block> Objections()
        {
            var blocks = new List<Block>();
            var answered = Answered().ToList();
            if (answered.Count == 0) blocks.Add(Numbered(L(Templates.NoObjections)));
            foreach (var o in answered)
            {
                var objection = _kb.Find(o.Id);
                var title = objection is null ? o.Id : Vocab.Title(o.Id, objection.Title, _lang);
                blocks.Add(new Heading(2, title, "o-" + o.Id));
                if (objection is not null) blocks.Add(Numbered(Templates.ObjectionIntro.Format(_lang, K(objection.Summary))));
                blocks.Add(new Paragraph(ParagraphStyle.Body, [new TextRun(L(Templates.Answer), Bold: true)]));
                foreach (var r in o.Rebuttals)
                    blocks.Add(Numbered(K(r.Text), _cite.Cite(r.Sources)));
            }
            return [.. blocks];
        }

        // ---- exposure --------------------------------------------------------------------------------

        private ImmutableArray<Block> Exposure()
        {
            var blocks = new List<Block>();
            if (_d.Exposure.IsEmpty) blocks.Add(Numbered(L(Templates.NoExposure)));
            foreach (var x in _d.Exposure)
            {
                var article = _kb.Find(x.Article);
                blocks.Add(new Heading(2, article is null ? x.Article : K(article.Title), "x-" + x.Article));
                blocks.Add(Numbered(Templates.PenaltyInForce.Format(_lang, DateText(_asOf), K(x.Penalty)), _cite.Cite([x.Article])));
                var reasons = RuleSummaries(x.Derivation);
                var others = x.Sources.Where(s => s != x.Article).ToList();
                if (reasons.Count > 0) blocks.Add(Numbered(string.Join(" ", reasons), _cite.Cite(others)));
                if (FactsParagraph(x.Facts) is { } facts) blocks.Add(facts);
            }
            return [.. blocks];
        }

        // ---- country information ---------------------------------------------------------------------

        private ImmutableArray<Block> CountryInformation()
        {
            var entries = _cite.CitedIds.Select(_kb.Find).OfType<KbEntry>()
                .Where(e => e.Kind is EntryKind.CoiFact or EntryKind.Statistic && e.AppliesOn(_asOf))
                .OrderByDescending(e => e.Sources.Select(s => s.Published?.Latest).Max())
                .ThenBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            if (entries.Count == 0) return [Para(ParagraphStyle.Body, L(Templates.NoCoi))];
            var blocks = new List<Block> { Para(ParagraphStyle.Note, Templates.CoiIntro.Format(_lang, DateText(_asOf))) };
            foreach (var e in entries)
            {
                blocks.Add(new Heading(3, K(e.Title), "c-" + e.Id));
                blocks.Add(Para(ParagraphStyle.Excerpt, K(e.Summary)));
                foreach (var s in _cite.Usable(e).Select(_cite.Citation))
                {
                    var line = new List<Inline> { new TextRun(L(Templates.Source) + ": ", Bold: true), new TextRun($"{s.Title}, {s.Publisher}, {s.Date}") };
                    if (s.Url is { } url) { line.Add(new TextRun(", ")); line.Add(new LinkRun(url, url)); }
                    blocks.Add(new Paragraph(ParagraphStyle.SourceLine, [.. line]));
                }
            }
            return [.. blocks];
        }

        // ---- evidence --------------------------------------------------------------------------------

        private string HashText(EvidenceDigest d, bool full) => d.State switch
        {
            DigestState.Computed => full ? d.Sha256! : d.Sha256![..PrefixLength] + "…",
            DigestState.FileMissing => L(Templates.FileMissing),
            _ => L(Templates.NoFile),
        };

        private ImmutableArray<Block> EvidenceIndex(List<EvidenceDigest> digests)
        {
            var evidence = _r.Case.Evidence ?? ValueList<EvidenceItem>.Empty;
            if (evidence.Count == 0) return [Para(ParagraphStyle.Body, L(Templates.NoEvidence))];
            var rows = evidence.Select((e, i) => ImmutableArray.Create(
                Cell.Of((i + 1).ToString(CultureInfo.InvariantCulture)),
                Cell.Of(CaseFacts.EvidenceTitle(e)),
                Cell.Of(Vocab.Value("evidence", e.Kind, _lang)),
                Cell.Of(e.Date is { } d ? DateText(d) : L(Templates.Undated)),
                Cell.Of(Vocab.Value("lang", e.Language, _lang)),
                Cell.Of(Vocab.YesNo(e.Translated, _lang)),
                Cell.Of(HashText(digests[i], full: false))));
            return
            [
                Para(ParagraphStyle.Note, L(Templates.EvidenceIntro)),
                new Table(TableKind.EvidenceIndex,
                    [new Column(L(Templates.No), 5), new Column(L(Templates.TitleColumn), 31), new Column(L(Templates.Kind), 13),
                     new Column(L(Templates.Date), 12), new Column(L(Templates.Language), 12), new Column(L(Templates.Translated), 12),
                     new Column(L(Templates.Hash), 15, Monospace: true)],
                    [.. rows]),
            ];
        }

        private ImmutableArray<Block> Annexes(List<EvidenceDigest> digests)
        {
            var evidence = _r.Case.Evidence ?? ValueList<EvidenceItem>.Empty;
            if (evidence.Count == 0) return [Para(ParagraphStyle.Body, L(Templates.NoAnnexes))];
            var rows = evidence.Select((e, i) => ImmutableArray.Create(
                Cell.Of(Templates.AnnexRef.Format(_lang, i + 1)),
                Cell.Of(CaseFacts.EvidenceTitle(e)),
                Cell.Of(digests[i].FileName ?? "—"),
                Cell.Of(HashText(digests[i], full: true))));
            return
            [
                Para(ParagraphStyle.Note, L(Templates.AnnexesIntro)),
                new Table(TableKind.Annexes,
                    [new Column(L(Templates.Annex), 13), new Column(L(Templates.TitleColumn), 33), new Column(L(Templates.File), 18),
                     new Column(L(Templates.FullHash), 36, Monospace: true)],
                    [.. rows]),
            ];
        }

        // ---- lawyer's notes ------------------------------------------------------------------------------

        private ImmutableArray<Block> LawyerNotes()
        {
            var blocks = new List<Block> { Para(ParagraphStyle.Warning, Templates.LawyerWarning.Format(_lang, _part[SectionKind.LawyerNotes])) };

            blocks.Add(new Heading(2, L(Templates.GapsHeading), "n-gaps"));
            if (_d.Gaps.IsEmpty) blocks.Add(Para(ParagraphStyle.Body, L(Templates.NoGaps)));
            foreach (var gap in _d.Gaps)
            {
                blocks.Add(Para(ParagraphStyle.Checklist, K(gap.Need)));
                blocks.Add(Para(ParagraphStyle.Note, $"{L(Templates.Why)}: {K(gap.Explanation)} [{gap.Fact}]"));
            }

            blocks.Add(new Heading(2, L(Templates.AssessmentHeading), "n-assessment"));
            blocks.Add(Para(ParagraphStyle.Body, K(_d.Ranking)));
            foreach (var g in _d.Grounds)
                blocks.Add(Para(ParagraphStyle.Body, $"{GroundTitle(g)}: {StatusWord(g.GroundStatus)}"));

            var undecided = _d.Grounds.SelectMany(g => g.Elements.Where(e => e.Met == Tri.Unknown).Select(e => (g, e))).ToList();
            if (undecided.Count > 0)
            {
                blocks.Add(new Heading(2, L(Templates.NotArguedHeading), "n-undecided"));
                foreach (var (g, e) in undecided)
                    blocks.Add(Para(ParagraphStyle.Body, $"{GroundTitle(g)} — {ElementTitle(g, e)}: {L(UnknownWord)}. {K(e.Explanation)}"));
            }

            var unanswered = _d.Objections.Where(o => o.Rebuttals.IsEmpty).ToList();
            if (unanswered.Count > 0)
            {
                blocks.Add(new Heading(2, L(Templates.UnansweredHeading), "n-unanswered"));
                foreach (var o in unanswered) blocks.Add(Para(ParagraphStyle.Checklist, K(o.Explanation)));
            }
            if (!_d.Objections.IsEmpty)
            {
                blocks.Add(new Heading(2, L(Templates.WhyRaisedHeading), "n-why"));
                foreach (var o in _d.Objections) blocks.Add(Para(ParagraphStyle.Body, K(o.Explanation)));
            }
            if (!_d.Practice.IsEmpty)
            {
                blocks.Add(new Heading(2, L(Templates.PracticeHeading), "n-practice"));
                foreach (var p in _d.Practice)
                    blocks.Add(new Paragraph(ParagraphStyle.Body,
                        [new TextRun((_kb.Find(p.Id) is { } e ? K(e.Title) : p.Id) + ". ", Bold: true), new TextRun(K(p.Summary)), .. _cite.Cite(p.Sources)]));
            }
            return [.. blocks];
        }

        private string StatusWord(GroundStatus s) => L(s switch
        {
            GroundStatus.Strong => StrongWord,
            GroundStatus.Arguable => ArguableWord,
            GroundStatus.Weak => WeakWord,
            _ => NotMetWord,
        });
    }
}
