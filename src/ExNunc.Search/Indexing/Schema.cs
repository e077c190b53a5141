using System.Globalization;
using ExNunc.Domain.Calendar;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using NodaTime;

namespace ExNunc.Search.Indexing;

/// <summary>
/// The fields of a passage in the index. One Lucene document per passage; every passage carries its
/// document's metadata, so a hit needs no second look-up. Text is indexed in the field of the passage's
/// language: <c>text_ru</c>, <c>text_en</c> or <c>text_de</c>.
/// </summary>
internal static class Schema
{
    /// <summary>The document identity: <c>sha256:…</c> of the file's bytes, or <c>kb:ID:LANG</c>.</summary>
    public const string DocumentId = "doc";
    public const string Source = "source";
    public const string Kind = "kind";
    public const string Country = "country";
    public const string Language = "lang";
    /// <summary>The day the filter compares: the last day the publication date can denote, as days since 1970-01-01.</summary>
    public const string PublishedDay = "published_day";
    public const string MetadataFingerprint = "meta";
    /// <summary>Everything a hit shows, as one binary doc value (<see cref="StoredPassage"/>).</summary>
    public const string Hit = "hit";
    public const string KbId = "kb_id";

    /// <summary>Commit user data: the knowledge-base version the index holds, and the schema version.</summary>
    public const string KbVersionKey = "exnunc.kb-version";
    public const string SchemaVersionKey = "exnunc.schema";
    public const string SchemaVersion = "1";

    /// <summary>Undated documents never pass a published-on-or-before filter.</summary>
    public const int Undated = int.MaxValue;
    /// <summary>Knowledge-base entries whose start is not recorded ("since before the records") pass every filter.</summary>
    public const int SinceAlways = int.MinValue;

    public static string TextField(ResearchLanguage language) => "text_" + language.Code();

    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>Days since 1970-01-01: the value range filters compare.</summary>
    public static int Day(LocalDate date) => date.ToDateOnly().DayNumber - EpochDayNumber;

    public static LocalDate FromDay(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day + EpochDayNumber));

    public static int FilterDay(PartialDate? published) => published is { } p ? Day(p.Latest) : Undated;

    /// <summary>
    /// The Lucene document of a passage. Filters are indexed terms; the publication day is a numeric doc
    /// value (range-filtered per candidate); everything a hit shows is one binary doc value
    /// (<see cref="Hit"/>), read directly for the top hits — stored fields would mean decompressing a
    /// 16 KB block per hit, which costs more than the whole search. The metadata fingerprint is the only
    /// stored field (the importer reads it to tell "unchanged" from "updated").
    /// </summary>
    public static Document Create(IndexedDocument document, Importing.Passage passage)
    {
        var d = new Document
        {
            new StringField(DocumentId, document.Id, Field.Store.NO),
            new StringField(Source, document.Source.Code(), Field.Store.NO),
            new StringField(Language, passage.Language.Code(), Field.Store.NO),
            new StringField(MetadataFingerprint, document.Fingerprint, Field.Store.YES),
            new TextField(TextField(passage.Language), passage.Text, Field.Store.NO),
            new NumericDocValuesField(PublishedDay, document.PublishedDay),
            new BinaryDocValuesField(Hit, new BytesRef(StoredPassage.Encode(document, passage))),
        };
        if (document.Kind is { } kind) d.Add(new StringField(Kind, kind.Code(), Field.Store.NO));
        foreach (var c in document.Countries) d.Add(new StringField(Country, c, Field.Store.NO));
        if (document.KbId is { } kbId) d.Add(new StringField(KbId, kbId, Field.Store.NO));
        return d;
    }

    public static Term IdTerm(string id) => new(DocumentId, id);

    public static string Show(int day) => day switch
    {
        Undated => "undated",
        SinceAlways => "always",
        _ => FromDay(day).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
    };
}

/// <summary>A document as the index keeps it: identity, metadata and the day the date filter compares.</summary>
internal sealed record IndexedDocument(
    string Id,
    PassageSource Source,
    string Title,
    string Format,
    string? Publisher,
    string? Url,
    string? Published,
    int PublishedDay,
    IReadOnlyList<string> Countries,
    ResearchKind? Kind,
    string? FileName,
    string? KbId,
    string Fingerprint,
    int PassageCount);
