using System.Collections.Immutable;
using NodaTime;

namespace ExNunc.Dossier.Model;

/// <summary>
/// The dossier as one document model, independent of any file format: the DOCX renderer and the HTML
/// renderer (printed to PDF) both walk it, so the two files say the same thing in the same order with
/// the same paragraph and note numbers. Every text is already in the dossier's language.
/// </summary>
public sealed record DossierDocument(
    DossierMeta Meta,
    ImmutableArray<DossierSection> Sections,
    ImmutableArray<Footnote> Footnotes)
{
    public DossierSection? Section(SectionKind kind) => Sections.FirstOrDefault(s => s.Kind == kind);
}

/// <summary>What the cover and the running footer show, and how the document was made.</summary>
/// <param name="Language">The language of headings and fixed phrases.</param>
/// <param name="Title">The document title.</param>
/// <param name="CaseId">The case reference.</param>
/// <param name="Destination">ISO code of the country the dossier is for.</param>
/// <param name="DestinationName">The country's name in the dossier's language.</param>
/// <param name="Date">The day the dossier was made (read from the host's clock).</param>
/// <param name="AsOf">The facts and law are those in force on this day.</param>
/// <param name="KbVersion">The knowledge base version the assessment used.</param>
/// <param name="KbEntries">How many entries the knowledge base had.</param>
/// <param name="FooterText">The running text of the page footer.</param>
/// <param name="LawyerNotes">True for the lawyer's version, which carries the internal checklist and must not be filed.</param>
public sealed record DossierMeta(
    DossierLanguage Language,
    string Title,
    string CaseId,
    string Destination,
    string DestinationName,
    LocalDate Date,
    LocalDate AsOf,
    string KbVersion,
    int KbEntries,
    bool LawyerNotes,
    string FooterText);

/// <summary>The parts of a dossier, in the order they appear.</summary>
public enum SectionKind
{
    Cover, Contents, Summary, Chronology, Grounds, Objections, Exposure, CountryInformation, EvidenceIndex, Annexes, LawyerNotes,
}

/// <summary>A top-level part: a level-1 heading (none for the cover) and its blocks.</summary>
public sealed record DossierSection(SectionKind Kind, string Anchor, string Title, ImmutableArray<Block> Blocks);

/// <summary>A piece of a section's body.</summary>
public abstract record Block;

/// <summary>A heading below the section's own: level 2 or 3.</summary>
public sealed record Heading(int Level, string Text, string Anchor) : Block;

public enum ParagraphStyle
{
    /// <summary>Body text without a number.</summary>
    Body,
    /// <summary>A paragraph of the argument, numbered 1, 2, … continuously through the document.</summary>
    Numbered,
    /// <summary>An excerpt quoted from a source (country information).</summary>
    Excerpt,
    /// <summary>The source line under an excerpt.</summary>
    SourceLine,
    /// <summary>One item of the lawyer's checklist.</summary>
    Checklist,
    /// <summary>A line of the cover page.</summary>
    CoverTitle,
    CoverSubtitle,
    /// <summary>A prominent warning (the lawyer's version must not be filed).</summary>
    Warning,
    /// <summary>A small explanatory note, such as which language the summaries are in.</summary>
    Note,
}

/// <summary>A paragraph. <see cref="Number"/> is set for <see cref="ParagraphStyle.Numbered"/> paragraphs only.</summary>
public sealed record Paragraph(ParagraphStyle Style, ImmutableArray<Inline> Content, int? Number = null) : Block
{
    public string PlainText => string.Concat(Content.Select(i => i switch
    {
        TextRun t => t.Text,
        LinkRun l => l.Text,
        NoteRef n => n.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        LineBreak => "\n",
        _ => "",
    }));
}

/// <summary>A table whose header row repeats on every page. Widths are shares of the text width and add up to 100.</summary>
public sealed record Table(TableKind Kind, ImmutableArray<Column> Columns, ImmutableArray<ImmutableArray<Cell>> Rows) : Block;

public enum TableKind { Facts, Chronology, EvidenceIndex, Annexes }

public sealed record Column(string Header, int WidthPercent, bool Monospace = false);

public sealed record Cell(ImmutableArray<Inline> Content)
{
    public static Cell Of(string text) => new([new TextRun(text)]);
    public string PlainText => string.Concat(Content.Select(i => i is TextRun t ? t.Text : i is LinkRun l ? l.Text : ""));
}

/// <summary>A run of text inside a paragraph or cell.</summary>
public abstract record Inline;

public sealed record TextRun(string Text, bool Bold = false, bool Italic = false) : Inline;

/// <summary>A line break inside a paragraph.</summary>
public sealed record LineBreak : Inline
{
    public static readonly LineBreak Instance = new();
}

/// <summary>A link to a web address (a source's URL).</summary>
public sealed record LinkRun(string Text, string Url) : Inline;

/// <summary>The mark of a footnote (DOCX) or note (HTML/PDF) with this number.</summary>
public sealed record NoteRef(int Number) : Inline;

/// <summary>
/// A citation note. Numbers run 1, 2, … through the document. The first note citing an entry gives its
/// sources in full; a later one gives the first source short and points back (<see cref="SeeNote"/>).
/// </summary>
/// <param name="Number">The note number, 1-based.</param>
/// <param name="KbId">The knowledge-base entry cited.</param>
/// <param name="Sources">The published sources of that entry (or of the entries it rests on).</param>
/// <param name="SeeNote">For a repeated citation, the note that cites the entry in full.</param>
/// <param name="Content">The note as printed.</param>
public sealed record Footnote(int Number, string KbId, ImmutableArray<SourceCitation> Sources, int? SeeNote, ImmutableArray<Inline> Content)
{
    public string PlainText => string.Concat(Content.Select(i => i is TextRun t ? t.Text : i is LinkRun l ? l.Text : ""));
}

/// <summary>One published source as cited: title, publisher, date as written in the dossier's language, and address.</summary>
public sealed record SourceCitation(string Title, string Publisher, string Date, string? Url);

/// <summary>A line of the table of contents; in DOCX the lines are the prefilled result of a TOC field.</summary>
public sealed record TocEntry(int Level, string Text, string Anchor) : Block;
