using System.Runtime.CompilerServices;
using ExNunc.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ExNunc.Search.Searching;

/// <summary>
/// The ex nunc filter: passages whose <see cref="Schema.PublishedDay"/> is on or before a day. It restricts
/// without scoring (used in a <see cref="FilteredQuery"/>), and is checked per candidate passage against a
/// plain array of days per segment, read once from the numeric doc values when the segment is first
/// filtered and kept as long as the segment lives (4 bytes a passage). Lucene's own doc-values range
/// filter decodes the packed doc value at every check, which for a common word (a third of the
/// passages match) cost more than the search itself.
/// </summary>
internal sealed class PublishedOnOrBeforeFilter(int day) : Filter
{
    // Keyed by the segment's core (identity), which lives as long as any reader of that segment.
    private static readonly ConditionalWeakTable<object, int[]> DaysBySegment = [];

    public int Day { get; } = day;

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var days = Days(context.AtomicReader);
        return days is null ? null : new Matches(days, Day, acceptDocs);
    }

    /// <summary>The publication day of every passage of a segment, by document number; null if the segment has none.</summary>
    internal static int[]? Days(AtomicReader reader)
    {
        if (DaysBySegment.TryGetValue(reader.CoreCacheKey, out var cached)) return cached;
        var values = reader.GetNumericDocValues(Schema.PublishedDay);
        if (values is null) return null;
        var days = new int[reader.MaxDoc];
        for (var i = 0; i < days.Length; i++) days[i] = (int)values.Get(i);
        return DaysBySegment.GetValue(reader.CoreCacheKey, _ => days);
    }

    private sealed class Matches(int[] days, int day, IBits? acceptDocs) : FieldCacheDocIdSet(days.Length, acceptDocs)
    {
        protected override bool MatchDoc(int doc) => days[doc] <= day;
    }

    public override bool Equals(object? obj) => obj is PublishedOnOrBeforeFilter other && other.Day == Day;

    public override int GetHashCode() => HashCode.Combine(typeof(PublishedOnOrBeforeFilter), Day);

    public override string ToString() => $"{Schema.PublishedDay}<={Day}";
}
