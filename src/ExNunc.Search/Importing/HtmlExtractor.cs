using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ExNunc.Domain.Calendar;

namespace ExNunc.Search.Importing;

/// <summary>
/// HTML: every block element (paragraph, heading, list item, table row, block quote, pre, definition,
/// caption) is a block; inline elements run on. Scripts, styles, navigation, page headers and footers,
/// forms and hidden elements are skipped. The title is the <c>title</c> element or the first
/// <c>h1</c>; the publication date is read from the usual meta tags (<c>article:published_time</c>,
/// <c>citation_publication_date</c>, <c>dc.date</c>, <c>dcterms.issued</c>, <c>date</c>); the
/// <c>lang</c> attribute is the document's language where a passage is too short to detect its own.
/// </summary>
internal static class HtmlExtractor
{
    private static readonly FrozenSet<string> Skipped = FrozenSet.ToFrozenSet(
        ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select", "svg", "iframe", "head"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> BlockElements = FrozenSet.ToFrozenSet(
        ["p", "div", "section", "article", "main", "li", "blockquote", "pre", "dd", "dt", "figcaption", "caption", "tr",
         "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "tbody", "thead", "body", "address", "details", "summary"],
        StringComparer.Ordinal);

    private static readonly string[] DateMetaNames =
        ["article:published_time", "citation_publication_date", "dc.date", "dcterms.issued", "dcterms.date", "dc.date.issued", "date", "pubdate"];

    public static ExtractedDocument Extract(byte[] bytes)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var stream = new MemoryStream(bytes, writable: false);
        var document = parser.ParseDocument(stream);
        var walker = new Walker();
        if (document.Body is { } body) walker.Visit(body);
        walker.Flush();

        var title = Paragraphs.Normalise(document.Title ?? "");
        if (title.Length == 0) title = document.QuerySelector("h1")?.TextContent is { } h1 ? Paragraphs.Normalise(h1) : "";
        var lang = document.DocumentElement.GetAttribute("lang") is { Length: >= 2 } l ? ResearchCodes.ParseLanguage(l[..2]) : null;
        return new ExtractedDocument(FileFormat.Html, walker.Blocks.ToImmutable(), title.Length > 0 ? title : null, PublishedFromMeta(document), lang);
    }

    private static PartialDate? PublishedFromMeta(IDocument document)
    {
        foreach (var name in DateMetaNames)
        {
            foreach (var meta in document.QuerySelectorAll("meta"))
            {
                var key = meta.GetAttribute("name") ?? meta.GetAttribute("property");
                if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) continue;
                var content = meta.GetAttribute("content")?.Trim();
                if (content is null) continue;
                var datePart = content.Length >= 10 ? content[..10] : content;
                if (PartialDate.TryParse(datePart) is { } date) return date;
            }
        }
        return null;
    }

    private sealed class Walker
    {
        private readonly StringBuilder _text = new();
        private int? _line;
        private bool _heading;

        public ImmutableArray<ExtractedBlock>.Builder Blocks { get; } = ImmutableArray.CreateBuilder<ExtractedBlock>();

        public void Visit(INode node)
        {
            switch (node)
            {
                case IText text:
                    if (_text.Length == 0 && text.Data.Trim().Length > 0) _line ??= text.ParentElement?.SourceReference?.Position.Line;
                    _text.Append(text.Data);
                    break;
                case IElement element:
                    var name = element.LocalName;
                    if (Skipped.Contains(name) || element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true") return;
                    if (name == "br") { _text.Append(' '); return; }
                    var isBlock = BlockElements.Contains(name);
                    if (isBlock)
                    {
                        Flush();
                        _line = element.SourceReference?.Position.Line;
                        _heading = name.Length == 2 && name[0] == 'h' && char.IsAsciiDigit(name[1]);
                    }
                    foreach (var child in element.ChildNodes)
                    {
                        Visit(child);
                        if (name == "tr" && child is IElement { LocalName: "td" or "th" }) _text.Append(" · ");
                    }
                    if (isBlock) Flush();
                    break;
            }
        }

        public void Flush()
        {
            var text = Paragraphs.Normalise(_text.ToString()).Trim(' ', '·');
            _text.Clear();
            if (text.Length > 0) Blocks.Add(new ExtractedBlock(text, null, _line, _heading));
            _line = null;
            _heading = false;
        }
    }
}
