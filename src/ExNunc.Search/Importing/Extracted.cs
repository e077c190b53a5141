using System.Collections.Immutable;
using ExNunc.Domain.Calendar;

namespace ExNunc.Search.Importing;

/// <summary>The file formats the research index reads.</summary>
public enum FileFormat { Pdf, Html, Text, Markdown }

/// <summary>A block of text as the file lays it out: a paragraph, a heading, a list item or a table row.</summary>
/// <param name="Text">The block's text, white space normalised.</param>
/// <param name="Page">1-based page, for PDFs.</param>
/// <param name="Line">1-based line where the block starts, for text, Markdown and HTML.</param>
/// <param name="IsHeading">Whether the block is a heading (marked up as one, or set larger than the body text).</param>
internal sealed record ExtractedBlock(string Text, int? Page, int? Line, bool IsHeading);

/// <summary>
/// The text of a document, before it is cut into passages, with what the file itself says about its
/// title, publication date and language (HTML meta tags and lang, PDF document information).
/// </summary>
internal sealed record ExtractedDocument(
    FileFormat Format,
    ImmutableArray<ExtractedBlock> Blocks,
    string? Title = null,
    PartialDate? Published = null,
    ResearchLanguage? Language = null);

/// <summary>Why a file could not be read; the import reports it by name and goes on with the next file.</summary>
internal sealed class ExtractionException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
