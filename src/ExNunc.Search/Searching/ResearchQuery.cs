using System.Collections.Immutable;
using NodaTime;

namespace ExNunc.Search.Searching;

/// <summary>
/// A search of the research index. The text is words (all must occur, in any form the language's
/// stemmer folds together), "quoted phrases", <c>OR</c>, <c>-excluded</c> words and <c>word*</c>
/// prefixes. Empty filters do not filter.
/// </summary>
public sealed record ResearchQuery
{
    public required string Text { get; init; }
    /// <summary>Passages whose document is about or from any of these countries.</summary>
    public ImmutableArray<string> Countries { get; init; } = [];
    /// <summary>Passages whose document is of any of these kinds.</summary>
    public ImmutableArray<ResearchKind> Kinds { get; init; } = [];
    /// <summary>
    /// The ex nunc filter: only documents published on or before this day (inclusive). A document
    /// known only to the month or year counts as published on the last day of it; an undated document
    /// never passes.
    /// </summary>
    public LocalDate? PublishedOnOrBefore { get; init; }
    /// <summary>Only passages in this language; null searches all three, each with its own analysis.</summary>
    public ResearchLanguage? Language { get; init; }
    /// <summary>Only imported documents, or only the knowledge base; null means both.</summary>
    public PassageSource? Source { get; init; }
    public int Limit { get; init; } = 10;
    /// <summary>Whether hits carry a highlighted snippet (the default); without, the snippet is the passage's beginning, unhighlighted.</summary>
    public bool Snippets { get; init; } = true;
}

/// <summary>A highlighted stretch of a snippet: UTF-16 offset and length into <see cref="Snippet.Text"/>.</summary>
public readonly record struct Highlight(int Start, int Length);

/// <summary>The part of a passage shown in a result, with the words that matched marked by offsets.</summary>
public sealed record Snippet(string Text, ImmutableArray<Highlight> Highlights);

/// <summary>One passage found, with everything needed to cite it.</summary>
public sealed record PassageHit
{
    public required int Rank { get; init; }
    public required float Score { get; init; }
    public required string DocumentId { get; init; }
    public required PassageSource Source { get; init; }
    public required string Title { get; init; }
    public string? Publisher { get; init; }
    public string? Url { get; init; }
    /// <summary>The publication date as recorded (YYYY, YYYY-MM or YYYY-MM-DD); null when undated.</summary>
    public string? Published { get; init; }
    public ImmutableArray<string> Countries { get; init; } = [];
    public ResearchKind? Kind { get; init; }
    public required ResearchLanguage Language { get; init; }
    public required string Format { get; init; }
    public string? FileName { get; init; }
    /// <summary>The knowledge-base entry id, for passages from the knowledge base.</summary>
    public string? KbId { get; init; }
    /// <summary>1-based position of the passage among <see cref="PassageCount"/> in its document.</summary>
    public required int Ordinal { get; init; }
    public required int PassageCount { get; init; }
    /// <summary>1-based page, for PDFs.</summary>
    public int? Page { get; init; }
    /// <summary>1-based line where the passage starts, for text, Markdown and HTML.</summary>
    public int? Line { get; init; }
    public string? Section { get; init; }
    public required Snippet Snippet { get; init; }
    public required string Text { get; init; }
}

/// <summary>The passages found, best first, and how many matched in all.</summary>
public sealed record SearchResults(ResearchQuery Query, int TotalHits, ImmutableArray<PassageHit> Hits);
