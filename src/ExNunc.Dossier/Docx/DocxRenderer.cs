using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ExNunc.Dossier.Model;
using ExNunc.Dossier.Phrasing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ExNunc.Dossier.Docx;

/// <summary>
/// Renders the document model as an editable Word document: real styles, paragraphs numbered by
/// Word's own list numbering (so a lawyer can insert a paragraph and the rest renumber), citation
/// footnotes, a TOC field prefilled with the headings, "Page n of m" in the footer and tables whose
/// header row repeats. Reproducible: relationship ids, bookmark ids and footnote ids are counted, no
/// rsids, dates or document properties are written, and the ZIP entries carry a fixed timestamp, so
/// the same model gives the same bytes.
/// </summary>
public static partial class DocxRenderer
{
    [System.Text.RegularExpressions.GeneratedRegex("Id=\"R[0-9a-f]{16}()\"")]
    private static partial System.Text.RegularExpressions.Regex RandomRelationshipId();

    private const int TextWidthTwips = 11906 - 1417 - 1134;
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Render(DossierDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var package = new MemoryStream();
        using (var word = WordprocessingDocument.Create(package, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            new Writer(document, main).Write();
        }
        return Normalise(package.ToArray());
    }

    /// <summary>Rewrites the package with entries in a fixed order and a fixed timestamp.</summary>
    private static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? "" : e.FullName, StringComparer.Ordinal))
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTime;
                using var from = entry.Open();
                using var to = copy.Open();
                if (entry.FullName == "_rels/.rels")
                {
                    // The SDK names the package's relationship to the main part with a random id; nothing refers to it.
                    using var reader = new StreamReader(from, Encoding.UTF8);
                    var rels = RandomRelationshipId().Replace(reader.ReadToEnd(), "Id=\"rIdMain$1\"");
                    to.Write(Encoding.UTF8.GetBytes(rels));
                }
                else from.CopyTo(to);
            }
        }
        return output.ToArray();
    }

    private sealed class Writer(DossierDocument document, MainDocumentPart main)
    {
        private readonly DossierLanguage _lang = document.Meta.Language;
        private readonly Dictionary<int, Model.Footnote> _notes = document.Footnotes.ToDictionary(n => n.Number);
        private readonly Dictionary<(OpenXmlPart, string), string> _links = [];
        private readonly Dictionary<string, string> _bookmarks = new(StringComparer.Ordinal);
        private int _bookmarkId;
        private int _linkId;

        public void Write()
        {
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = DocxStyles.Create(_lang.Tag());
            main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = DocxStyles.CreateNumbering();
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = Settings();
            var footnotesPart = main.AddNewPart<FootnotesPart>("rIdFootnotes");
            var footerPart = main.AddNewPart<FooterPart>("rIdFooter");
            footerPart.Footer = Footer();

            foreach (var s in document.Sections)
                foreach (var h in Headings(s)) Bookmark(h);

            var body = new Body();
            var first = true;
            foreach (var section in document.Sections)
            {
                switch (section.Kind)
                {
                    case SectionKind.Cover:
                        foreach (var block in section.Blocks) Block(body, block);
                        break;
                    case SectionKind.Contents:
                        body.Append(HeadingParagraph("TOCHeading", section.Title, section.Anchor, pageBreakBefore: true));
                        Toc(body, section);
                        break;
                    default:
                        body.Append(HeadingParagraph("Heading1", section.Title, section.Anchor, pageBreakBefore: first));
                        first = false;
                        foreach (var block in section.Blocks) Block(body, block);
                        break;
                }
            }
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1417U, Header = 709U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
            footnotesPart.Footnotes = Footnotes(footnotesPart);
        }

        private static IEnumerable<string> Headings(DossierSection s) =>
            s.Blocks.OfType<Heading>().Select(h => h.Anchor).Prepend(s.Anchor);

        /// <summary>Word bookmark names: letters, digits and underscores, at most 40 characters, unique.</summary>
        private string Bookmark(string anchor)
        {
            if (_bookmarks.TryGetValue(anchor, out var name)) return name;
            var clean = new StringBuilder("_");
            foreach (var ch in anchor) clean.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '_');
            var baseName = clean.ToString();
            if (baseName.Length > 34) baseName = baseName[..34];
            name = baseName;
            for (var i = 2; _bookmarks.ContainsValue(name); i++) name = $"{baseName}{i}";
            _bookmarks[anchor] = name;
            return name;
        }

        private static Settings Settings() => new(
            new DefaultTabStop { Val = 709 },
            // Schema order: characterSpacingControl, updateFields, footnotePr, compat.
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new UpdateFieldsOnOpen { Val = true },
            new FootnoteDocumentWideProperties(new FootnoteSpecialReference { Id = -1 }, new FootnoteSpecialReference { Id = 0 }),
            new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));

        private W.Footer Footer()
        {
            var meta = document.Meta;
            return new W.Footer(new W.Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
                TextRunOf(meta.FooterText),
                new Run(new TabChar()),
                TextRunOf(Templates.Page.In(_lang) + " "),
                new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
                TextRunOf(" " + Templates.Of.In(_lang) + " "),
                new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));
        }

        private Footnotes Footnotes(FootnotesPart part)
        {
            var notes = new Footnotes(
                new W.Footnote(new W.Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }), new Run(new SeparatorMark())))
                { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new W.Footnote(new W.Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }), new Run(new ContinuationSeparatorMark())))
                { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            foreach (var note in document.Footnotes)
            {
                var p = new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
                    new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()),
                    TextRunOf(" "));
                Inlines(p, note.Content, part);
                notes.Append(new W.Footnote(p) { Id = note.Number });
            }
            return notes;
        }

        private void Toc(Body body, DossierSection section)
        {
            body.Append(new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "NoteText" }), TextRunOf(Templates.TocHint.In(_lang))));
            var entries = section.Blocks.OfType<TocEntry>().ToList();
            if (entries.Count == 0) return;
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                var p = new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = e.Level == 1 ? "TOC1" : "TOC2" }));
                if (i == 0)
                {
                    p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }));
                    p.Append(new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }));
                    p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
                }
                p.Append(new W.Hyperlink(new Run(new Text(Clean(e.Text)) { Space = SpaceProcessingModeValues.Preserve })) { Anchor = Bookmark(e.Anchor), History = true });
                if (i == entries.Count - 1) p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
                body.Append(p);
            }
        }

        private W.Paragraph HeadingParagraph(string style, string text, string anchor, bool pageBreakBefore = false)
        {
            var ppr = new ParagraphProperties(new ParagraphStyleId { Val = style });
            if (pageBreakBefore) ppr.Append(new PageBreakBefore());
            var id = (_bookmarkId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new W.Paragraph(ppr,
                new BookmarkStart { Id = id, Name = Bookmark(anchor) },
                TextRunOf(text),
                new BookmarkEnd { Id = id });
        }

        private void Block(OpenXmlElement container, Block block)
        {
            switch (block)
            {
                case Heading h:
                    container.Append(HeadingParagraph($"Heading{h.Level}", h.Text, h.Anchor));
                    break;
                case Model.Paragraph p:
                    var para = new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = StyleOf(p.Style) }));
                    Inlines(para, p.Content, main);
                    container.Append(para);
                    break;
                case Model.Table t:
                    container.Append(TableOf(t));
                    // Word needs a paragraph between a table and what follows (and at a cell's end).
                    container.Append(new W.Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
                    break;
            }
        }

        private static string StyleOf(ParagraphStyle style) => style switch
        {
            ParagraphStyle.Numbered => "NumberedParagraph",
            ParagraphStyle.Excerpt => "Excerpt",
            ParagraphStyle.SourceLine => "SourceLine",
            ParagraphStyle.Checklist => "Checklist",
            ParagraphStyle.CoverTitle => "Title",
            ParagraphStyle.CoverSubtitle => "Subtitle",
            ParagraphStyle.Warning => "Warning",
            ParagraphStyle.Note => "NoteText",
            _ => "Normal",
        };

        private W.Table TableOf(Model.Table t)
        {
            var widths = t.Columns.Select(c => TextWidthTwips * c.WidthPercent / 100).ToList();
            var table = new W.Table(
                new TableProperties(
                    new TableStyle { Val = "DossierTable" },
                    new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                    new TableLayout { Type = TableLayoutValues.Fixed },
                    new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }),
                new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
            if (t.Columns.Any(c => c.Header.Length > 0))
            {
                var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
                for (var i = 0; i < t.Columns.Length; i++)
                    header.Append(Cell(widths[i], [new TextRun(t.Columns[i].Header)], "TableHeading", shade: true, mono: false));
                table.Append(header);
            }
            foreach (var row in t.Rows)
            {
                var tr = new TableRow(new TableRowProperties(new CantSplit()));
                for (var i = 0; i < row.Length; i++)
                    tr.Append(Cell(widths[i], row[i].Content, "TableText", shade: false, mono: t.Columns[i].Monospace));
                table.Append(tr);
            }
            return table;
        }

        private TableCell Cell(int width, IEnumerable<Inline> content, string style, bool shade, bool mono)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (shade) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E8E8E8" });
            var p = new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            Inlines(p, content, main, mono);
            return new TableCell(props, p);
        }

        private void Inlines(OpenXmlElement paragraph, IEnumerable<Inline> inlines, OpenXmlPart part, bool mono = false)
        {
            Inline? previous = null;
            foreach (var inline in inlines)
            {
                if (inline is NoteRef && previous is NoteRef)
                    paragraph.Append(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new Text(",")));
                previous = inline;
                switch (inline)
                {
                    case TextRun t:
                        var rpr = new RunProperties();
                        if (mono) rpr.Append(new RunStyle { Val = "Mono" });
                        if (t.Bold) rpr.Append(new Bold());
                        if (t.Italic) rpr.Append(new Italic());
                        paragraph.Append(rpr.HasChildren ? new Run(rpr, new Text(Clean(t.Text)) { Space = SpaceProcessingModeValues.Preserve }) : TextRunOf(t.Text));
                        break;
                    case LinkRun l when LinkId(part, l.Url) is { } id:
                        paragraph.Append(new W.Hyperlink(new Run(new RunProperties(new RunStyle { Val = "Hyperlink" }), new Text(Clean(l.Text)) { Space = SpaceProcessingModeValues.Preserve })) { Id = id, History = true });
                        break;
                    case LinkRun l:
                        paragraph.Append(TextRunOf(l.Text));
                        break;
                    case LineBreak:
                        paragraph.Append(new Run(new Break()));
                        break;
                    case NoteRef r when _notes.ContainsKey(r.Number):
                        paragraph.Append(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = r.Number }));
                        break;
                }
            }
        }

        private string? LinkId(OpenXmlPart part, string url)
        {
            if (_links.TryGetValue((part, url), out var id)) return id;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
            id = $"rIdL{++_linkId}";
            part.AddHyperlinkRelationship(uri, true, id);
            _links[(part, url)] = id;
            return id;
        }

        private static Run TextRunOf(string text) => new(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });

        /// <summary>XML 1.0 forbids most control characters; line breaks inside a run become spaces.</summary>
        private static string Clean(string text)
        {
            var ok = true;
            foreach (var ch in text) if (ch < ' ') { ok = false; break; }
            if (ok) return text;
            var sb = new StringBuilder(text.Length);
            foreach (var ch in text) sb.Append(ch < ' ' ? ' ' : ch);
            return sb.ToString();
        }
    }
}
