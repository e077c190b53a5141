using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ExNunc.Dossier.Docx;

/// <summary>
/// The Word styles of the dossier: built-in names (Title, Heading 1–3, TOC 1–2, Footnote Text…) so
/// that Word's navigation pane, table of contents and style gallery work as lawyers expect, plus a
/// few own styles (numbered paragraph, excerpt, source line). Fonts are ones Word and LibreOffice
/// have everywhere and that cover Latin and Cyrillic.
/// </summary>
internal static class DocxStyles
{
    public const string BodyFont = "Times New Roman";
    public const string SansFont = "Arial";
    public const string MonoFont = "Courier New";
    public const int NumberedList = 1;
    public const int ChecklistList = 2;

    public static Styles Create(string languageTag)
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, ComplexScript = BodyFont, EastAsia = BodyFont },
                    new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = languageTag, EastAsia = languageTag, Bidi = languageTag })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(Para("Normal", "Normal", null, isDefault: true));
        styles.Append(Para("Title", "Title", "Normal", next: "Normal",
            ppr: [new SpacingBetweenLines { Before = "2400", After = "240" }],
            rpr: [new Bold(), new FontSize { Val = "40" }, new FontSizeComplexScript { Val = "40" }]));
        styles.Append(Para("Subtitle", "Subtitle", "Normal", next: "Normal",
            ppr: [new SpacingBetweenLines { After = "480" }],
            rpr: [new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }]));
        styles.Append(Heading(1, "30"));
        styles.Append(Heading(2, "26"));
        styles.Append(Heading(3, "22", italic: true));
        styles.Append(Para("TOCHeading", "TOC Heading", "Heading1", next: "Normal", ppr: [new OutlineLevel { Val = 9 }]));
        styles.Append(Para("NumberedParagraph", "Numbered Paragraph", "Normal",
            ppr: [new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = NumberedList })]));
        styles.Append(Para("Checklist", "Checklist", "Normal",
            ppr: [new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = ChecklistList }), new SpacingBetweenLines { After = "40" }]));
        styles.Append(Para("Excerpt", "Excerpt", "Normal",
            ppr: [new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 12, Space = 8, Color = "999999" }), new Indentation { Left = "850" }]));
        styles.Append(Para("SourceLine", "Source Line", "Normal",
            ppr: [new Indentation { Left = "850" }], rpr: [new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }]));
        styles.Append(Para("NoteText", "Note Text", "Normal",
            rpr: [new Color { Val = "333333" }, new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }]));
        styles.Append(Para("Warning", "Warning", "Normal",
            ppr: [new ParagraphBorders(
                new TopBorder { Val = BorderValues.Single, Size = 12, Space = 4, Color = "BB0000" },
                new LeftBorder { Val = BorderValues.Single, Size = 12, Space = 4, Color = "BB0000" },
                new BottomBorder { Val = BorderValues.Single, Size = 12, Space = 4, Color = "BB0000" },
                new RightBorder { Val = BorderValues.Single, Size = 12, Space = 4, Color = "BB0000" })],
            rpr: [new Bold(), new Color { Val = "BB0000" }]));
        styles.Append(Para("TableText", "Table Text", "Normal",
            ppr: [new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }],
            rpr: [new RunFonts { Ascii = SansFont, HighAnsi = SansFont, ComplexScript = SansFont, EastAsia = SansFont }, new FontSize { Val = "17" }, new FontSizeComplexScript { Val = "17" }]));
        styles.Append(Para("TableHeading", "Table Heading", "TableText", rpr: [new Bold()]));
        styles.Append(Para("FootnoteText", "footnote text", "Normal",
            ppr: [new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }],
            rpr: [new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }]));
        styles.Append(Para("Footer", "footer", "Normal",
            ppr: [new Tabs(new TabStop { Val = TabStopValues.Right, Position = 9355 }), new SpacingBetweenLines { After = "0" }],
            rpr: [new RunFonts { Ascii = SansFont, HighAnsi = SansFont, ComplexScript = SansFont, EastAsia = SansFont }, new Color { Val = "444444" }, new FontSize { Val = "15" }, new FontSizeComplexScript { Val = "15" }]));
        styles.Append(Para("TOC1", "toc 1", "Normal", next: "Normal", ppr: [new SpacingBetweenLines { Before = "120", After = "40" }], rpr: [new Bold()]));
        styles.Append(Para("TOC2", "toc 2", "Normal", next: "Normal", ppr: [new SpacingBetweenLines { After = "20" }, new Indentation { Left = "440" }]));
        styles.Append(Char("FootnoteReference", "footnote reference", [new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }]));
        styles.Append(Char("Hyperlink", "Hyperlink", [new Color { Val = "1A4D8F" }]));
        styles.Append(Char("Mono", "Monospace", [new RunFonts { Ascii = MonoFont, HighAnsi = MonoFont, ComplexScript = MonoFont, EastAsia = MonoFont }, new FontSize { Val = "15" }, new FontSizeComplexScript { Val = "15" }]));
        styles.Append(new Style(
            new StyleName { Val = "Dossier Table" },
            new UIPriority { Val = 59 },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "777777" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "777777" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "777777" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "777777" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "777777" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "777777" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "DossierTable" });
        return styles;
    }

    private static Style Heading(int level, string size, bool italic = false)
    {
        var rpr = new List<OpenXmlElement> { new Bold() };
        if (italic) rpr.Add(new Italic());
        rpr.Add(new FontSize { Val = size });
        rpr.Add(new FontSizeComplexScript { Val = size });
        return Para($"Heading{level}", $"heading {level}", "Normal", next: "Normal",
            ppr: [new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = level == 1 ? "360" : "240", After = "120" }, new OutlineLevel { Val = level - 1 }],
            rpr: [.. rpr]);
    }

    private static Style Para(string id, string name, string? basedOn, bool isDefault = false, string? next = null,
        OpenXmlElement[]? ppr = null, OpenXmlElement[]? rpr = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        if (next is not null) style.Append(new NextParagraphStyle { Val = next });
        style.Append(new PrimaryStyle());
        if (ppr is { Length: > 0 }) style.Append(new StyleParagraphProperties(ppr));
        if (rpr is { Length: > 0 }) style.Append(new StyleRunProperties(rpr));
        return style;
    }

    private static Style Char(string id, string name, OpenXmlElement[] rpr) =>
        new(new StyleName { Val = name }, new StyleRunProperties(rpr)) { Type = StyleValues.Character, StyleId = id };

    public static Numbering CreateNumbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Decimal },
                new LevelText { Val = "%1." },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "680", Hanging = "680" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 1 },
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "☐" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "425", Hanging = "425" }),
                new NumberingSymbolRunProperties(new RunFonts { Ascii = "Segoe UI Symbol", HighAnsi = "Segoe UI Symbol", ComplexScript = "Segoe UI Symbol" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 2 },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = NumberedList },
        new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = ChecklistList });
}
