using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ExNunc.Dossier.Model;
using ExNunc.Dossier.Phrasing;

namespace ExNunc.Dossier.Html;

/// <summary>
/// Renders the document model as one self-contained HTML page written for CSS paged media: the source
/// of the PDF and, later, of the web app's preview. Each citation note is placed where it is cited as
/// an element with <c>float: footnote</c>, so it is set at the foot of the page that cites it, with the
/// number the DOCX footnote has; the contents list asks for each heading's page with
/// <c>target-counter(attr(href), page)</c>; the footer gives the running text and "Page n of m" in
/// page-margin boxes. Browsers do not lay out these by themselves: <see cref="Pdf.ChromiumPdfRenderer"/>
/// runs Paged.js over the page before printing it. Fonts are the installed DejaVu faces (Latin and
/// Cyrillic), referenced by @font-face so that the PDF embeds them; nothing is fetched from the network.
/// </summary>
public static class HtmlRenderer
{
    /// <param name="document">The dossier.</param>
    /// <param name="extraCss">Appended to the style sheet; tests use it to provoke layout faults.</param>
    public static string Render(DossierDocument document, string? extraCss = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var notes = new Notes(document.Footnotes);
        var lang = document.Meta.Language;
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang.Code()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; font-src file: data:; img-src data:\">\n");
        sb.Append("<title>").Append(Esc($"{document.Meta.Title} — {document.Meta.CaseId} — {document.Meta.DestinationName}")).Append("</title>\n");
        sb.Append("<style>\n").Append(Css).Append(PageCss(document.Meta)).Append(extraCss).Append("\n</style>\n</head>\n<body>\n");
        foreach (var section in document.Sections)
        {
            var cls = section.Kind switch { SectionKind.Cover => "cover", SectionKind.Contents => "contents", _ => "part" };
            // The part's anchor is on its heading, not the section: a section can begin at the foot of a page
            // whose heading Paged.js moves on to the next, and the contents must give the heading's page.
            sb.Append("<section class=\"").Append(cls).Append("\">\n");
            if (section.Kind == SectionKind.Contents)
            {
                H1(sb, section);
                Toc(sb, section);
            }
            else
            {
                var blocks = section.Blocks;
                var i = 0;
                var title = section.Kind != SectionKind.Cover;
                while (i < blocks.Length)
                {
                    // Headings that follow one another travel together to the text they announce: Paged.js
                    // keeps a heading with the next block, but not a heading with a heading before it.
                    var end = i;
                    while (end < blocks.Length && blocks[end] is Heading) end++;
                    var run = end - i + (title ? 1 : 0);
                    if (run > 1) sb.Append("<div class=\"keep\">\n");
                    if (title) H1(sb, section);
                    for (; i < end; i++) Block(sb, blocks[i], notes);
                    if (run > 1) sb.Append("</div>\n");
                    title = false;
                    if (i < blocks.Length) Block(sb, blocks[i++], notes);
                }
                if (title) H1(sb, section);
            }
            sb.Append("</section>\n");
        }
        sb.Append("</body>\n</html>\n");
        notes.CheckAllCited();
        return sb.ToString();
    }

    /// <summary>
    /// The notes, handed out in the order they are cited. The calls in the PDF count 1, 2, 3… in the order
    /// they appear, so that order must be the notes' numbering (the builder numbers them as it cites them);
    /// anything else is a bug, and is caught here rather than printed with wrong numbers.
    /// </summary>
    private sealed class Notes(IReadOnlyList<Footnote> footnotes)
    {
        private int _cited;

        public ImmutableArray<Inline> Content(int number)
        {
            if (number != _cited + 1 || number > footnotes.Count || footnotes[number - 1].Number != number)
                throw new InvalidOperationException($"Note {number} is cited after note {_cited}; notes must be numbered 1, 2, 3… in the order they are cited, each once.");
            _cited = number;
            return footnotes[number - 1].Content;
        }

        public void CheckAllCited()
        {
            if (_cited != footnotes.Count)
                throw new InvalidOperationException($"{footnotes.Count} notes, but only {_cited} are cited.");
        }
    }

    /// <summary>
    /// The page box: A4 with the margins of the DOCX, the running text and "Page n of m" in the bottom
    /// margin, and the footnote area's rule. Per document, because the footer text and language vary.
    /// </summary>
    private static string PageCss(DossierMeta meta) =>
        "@page { size: A4; margin: 20mm 20mm 18mm 25mm;\n" +
        $"  @bottom-left {{ content: {CssString(meta.FooterText)}; {FooterFont} text-align: left; }}\n" +
        $"  @bottom-right {{ content: {CssString(Templates.Page.In(meta.Language) + " ")} counter(page) {CssString(" " + Templates.Of.In(meta.Language) + " ")} counter(pages); {FooterFont} text-align: right; white-space: nowrap; }}\n" +
        "  @footnote { border-top: 0.5pt solid #666; padding-top: 3pt; margin-top: 8pt; }\n}\n";

    private const string FooterFont = "font-family: \"Dossier Sans\", sans-serif; font-size: 7.5pt; color: #444;";

    /// <summary>A CSS string literal; quotes, backslashes, line ends and angle brackets escaped.</summary>
    internal static string CssString(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var ch in text)
        {
            if (ch is '"' or '\\' or '<' or '>' or '\n' or '\r' or '\f')
                sb.Append('\\').Append(((int)ch).ToString("X", CultureInfo.InvariantCulture)).Append(' ');
            else sb.Append(ch);
        }
        return sb.Append('"').ToString();
    }

    private static void H1(StringBuilder sb, DossierSection section) =>
        sb.Append("<h1 id=\"").Append(section.Anchor).Append("\">").Append(Esc(section.Title)).Append("</h1>\n");

    private static void Toc(StringBuilder sb, DossierSection section)
    {
        sb.Append("<ul class=\"toc\">\n");
        foreach (var block in section.Blocks)
        {
            if (block is TocEntry e)
                sb.Append("<li class=\"toc").Append(e.Level).Append("\"><a href=\"#").Append(e.Anchor).Append("\">").Append(Esc(e.Text)).Append("</a></li>\n");
        }
        sb.Append("</ul>\n");
    }

    private static void Block(StringBuilder sb, Block block, Notes notes)
    {
        switch (block)
        {
            case Heading h:
                sb.Append("<h").Append(h.Level).Append(" id=\"").Append(h.Anchor).Append("\">").Append(Esc(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                break;
            case Paragraph p:
                sb.Append("<p class=\"").Append(ClassOf(p.Style)).Append("\">");
                if (p.Number is { } n) sb.Append("<span class=\"n\">").Append(n.ToString(CultureInfo.InvariantCulture)).Append(".</span>");
                if (p.Style == ParagraphStyle.Checklist) sb.Append("<span class=\"box\">☐</span>");
                Inlines(sb, p.Content, notes);
                sb.Append("</p>\n");
                break;
            case Table t:
                sb.Append("<table class=\"").Append(t.Kind.ToString().ToLowerInvariant()).Append("\">\n<colgroup>");
                foreach (var c in t.Columns) sb.Append("<col style=\"width:").Append(c.WidthPercent).Append("%\">");
                sb.Append("</colgroup>\n");
                if (t.Columns.Any(c => c.Header.Length > 0))
                {
                    sb.Append("<thead><tr>");
                    foreach (var c in t.Columns) sb.Append("<th>").Append(Esc(c.Header)).Append("</th>");
                    sb.Append("</tr></thead>\n");
                }
                sb.Append("<tbody>\n");
                foreach (var row in t.Rows)
                {
                    sb.Append("<tr>");
                    for (var i = 0; i < row.Length; i++)
                    {
                        sb.Append(t.Columns[i].Monospace ? "<td class=\"mono\">" : "<td>");
                        Inlines(sb, row[i].Content, notes);
                        sb.Append("</td>");
                    }
                    sb.Append("</tr>\n");
                }
                sb.Append("</tbody></table>\n");
                break;
            case TocEntry:
                break;
        }
    }

    private static void Inlines(StringBuilder sb, IEnumerable<Inline> inlines, Notes? notes)
    {
        Inline? previous = null;
        foreach (var inline in inlines)
        {
            if (inline is NoteRef && previous is NoteRef) sb.Append("<sup class=\"fr\">,</sup>");
            previous = inline;
            switch (inline)
            {
                case TextRun { Bold: true, Italic: true } t: sb.Append("<b><i>").Append(Esc(t.Text)).Append("</i></b>"); break;
                case TextRun { Bold: true } t: sb.Append("<b>").Append(Esc(t.Text)).Append("</b>"); break;
                case TextRun { Italic: true } t: sb.Append("<i>").Append(Esc(t.Text)).Append("</i>"); break;
                case TextRun t: sb.Append(Esc(t.Text)); break;
                case LinkRun l: sb.Append("<a href=\"").Append(Esc(l.Url)).Append("\">").Append(Esc(l.Text)).Append("</a>"); break;
                case LineBreak: sb.Append("<br>"); break;
                case NoteRef r when notes is not null:
                    // The note itself, where it is cited: Paged.js moves it to the foot of this page and leaves a
                    // call there, numbered by the CSS counter of calls, which is the note's number (see Render).
                    sb.Append("<span class=\"fn\" id=\"fn-").Append(r.Number).Append("\"><span class=\"fm\">").Append(r.Number).Append(".</span>");
                    Inlines(sb, notes.Content(r.Number), null);
                    sb.Append("</span>");
                    break;
            }
        }
    }

    private static string ClassOf(ParagraphStyle style) => style switch
    {
        ParagraphStyle.Numbered => "num",
        ParagraphStyle.Excerpt => "excerpt",
        ParagraphStyle.SourceLine => "source",
        ParagraphStyle.Checklist => "check",
        ParagraphStyle.CoverTitle => "cover-title",
        ParagraphStyle.CoverSubtitle => "cover-subtitle",
        ParagraphStyle.Warning => "warning",
        ParagraphStyle.Note => "note-text",
        _ => "body",
    };

    internal static string Esc(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    private static string Face(string family, string local, string file, string weight, string style) =>
        $"@font-face {{ font-family: \"{family}\"; src: local(\"{local}\"), url(\"file:///usr/share/fonts/truetype/dejavu/{file}\"); font-weight: {weight}; font-style: {style}; }}\n";

    /// <summary>
    /// Print layout. Headings keep with what follows (<c>break-after: avoid</c>), rows do not split,
    /// header rows repeat (<c>thead</c>), and long words, hashes and addresses wrap rather than overflow.
    /// The page number after a contents line is positioned in space the line keeps free, so filling the
    /// numbers in never re-wraps a line.
    /// </summary>
    internal static readonly string Css =
        Face("Dossier Serif", "DejaVu Serif", "DejaVuSerif.ttf", "normal", "normal") +
        Face("Dossier Serif", "DejaVu Serif Bold", "DejaVuSerif-Bold.ttf", "bold", "normal") +
        Face("Dossier Serif", "DejaVu Serif Italic", "DejaVuSerif-Italic.ttf", "normal", "italic") +
        Face("Dossier Serif", "DejaVu Serif Bold Italic", "DejaVuSerif-BoldItalic.ttf", "bold", "italic") +
        Face("Dossier Sans", "DejaVu Sans", "DejaVuSans.ttf", "normal", "normal") +
        Face("Dossier Sans", "DejaVu Sans Bold", "DejaVuSans-Bold.ttf", "bold", "normal") +
        Face("Dossier Mono", "DejaVu Sans Mono", "DejaVuSansMono.ttf", "normal", "normal") +
        """
        @page { size: A4; margin: 20mm 20mm 18mm 25mm; }
        html { font-family: "Dossier Serif", serif; font-size: 10.5pt; line-height: 1.38; color: #000; font-variant-ligatures: none; font-feature-settings: "liga" 0, "clig" 0; }
        body { margin: 0; }
        h1, h2, h3 { font-weight: bold; break-after: avoid; break-inside: avoid; page-break-after: avoid; line-height: 1.2; }
        div.keep { break-inside: avoid; break-after: avoid; }
        h1 { font-size: 15pt; margin: 18pt 0 8pt; }
        h2 { font-size: 12.5pt; margin: 14pt 0 6pt; }
        h3 { font-size: 11pt; font-style: italic; margin: 10pt 0 4pt; }
        p { margin: 0 0 6pt; orphans: 2; widows: 2; overflow-wrap: anywhere; }
        p.num { position: relative; padding-left: 2.4em; }
        p.num .n { position: absolute; left: 0; top: 0; }
        p.excerpt { margin-left: 1.5em; padding-left: 0.8em; border-left: 2pt solid #999; }
        p.source { margin-left: 2.3em; font-size: 9pt; }
        p.note-text { font-size: 9pt; color: #333; }
        p.check { position: relative; padding-left: 1.6em; margin-bottom: 2pt; }
        p.check .box { position: absolute; left: 0; font-family: "Dossier Sans"; }
        p.warning { border: 1.5pt solid #b00; color: #b00; padding: 6pt; font-weight: bold; }
        sup.fr { font-size: 7pt; line-height: 0; white-space: nowrap; }
        sup.fr a, .toc a { color: inherit; text-decoration: none; }
        .toc a { overflow-wrap: break-word; word-break: normal; }
        a { color: #1a4d8f; text-decoration: none; overflow-wrap: anywhere; word-break: break-all; }
        .fn { float: footnote; display: block; position: relative; padding-left: 2.4em; margin: 0 0 2pt; font-size: 8.5pt; line-height: 1.3; font-weight: normal; font-style: normal; text-align: left; }
        .fn .fm { position: absolute; left: 0; }
        .fn::footnote-call { content: counter(footnote); font-size: 7pt; vertical-align: super; line-height: 0; color: inherit; text-decoration: none; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0 10pt; font-family: "Dossier Sans", sans-serif; font-size: 8.5pt; line-height: 1.25; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th { text-align: left; background: #e8e8e8; font-weight: bold; }
        th, td { border: 0.5pt solid #777; padding: 2pt 3pt; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
        th { overflow-wrap: normal; word-break: normal; }
        td.mono { font-family: "Dossier Mono", monospace; font-size: 7.5pt; word-break: break-all; }
        table.facts td { border: none; border-bottom: 0.5pt solid #bbb; font-size: 10pt; padding: 4pt 3pt; }
        section.cover { break-after: page; }
        section.cover p.cover-title { font-size: 20pt; font-weight: bold; margin: 40mm 0 6pt; line-height: 1.2; }
        section.cover p.cover-subtitle { font-size: 14pt; margin: 0 0 24pt; }
        section.contents { break-after: page; }
        ul.toc { list-style: none; padding: 0; margin: 0; }
        ul.toc li { position: relative; padding-right: 3.5em; }
        ul.toc a::after { content: target-counter(attr(href), page); position: absolute; right: 0; bottom: 0; font-weight: normal; }
        ul.toc li.toc1 { font-weight: bold; margin-top: 5pt; }
        ul.toc li.toc2 { margin-left: 1.5em; font-size: 9.5pt; }

        """;
}
