using System.Globalization;
using NodaTime;

namespace ExNunc.Domain.Calendar;

/// <summary>
/// A calendar date known to the year, the month or the day. Sources often give only a month or a
/// year; the knowledge base keeps that precision rather than inventing a day.
/// </summary>
public readonly record struct PartialDate
{
    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        if (day is not null && month is null) throw new ArgumentException("A day needs a month.", nameof(day));
        if (day is not null && (day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month!.Value)))
            throw new ArgumentOutOfRangeException(nameof(day));
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    public bool IsFullDate => Day is not null;

    /// <summary>The first day the value can denote (1 January for a year, the 1st for a month).</summary>
    public LocalDate Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day the value can denote (31 December for a year, month end for a month).</summary>
    public LocalDate Latest => Day is not null
        ? new LocalDate(Year, Month!.Value, Day.Value)
        : Month is not null
            ? new LocalDate(Year, Month.Value, CalendarSystem.Iso.GetDaysInMonth(Year, Month.Value))
            : new LocalDate(Year, 12, 31);

    public static PartialDate FromDate(LocalDate date) => new(date.Year, date.Month, date.Day);

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; null when malformed.</summary>
    public static PartialDate? TryParse(string text)
    {
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 3) return null;
        if (parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return null;
        int? m = null, d = null;
        if (parts.Length > 1)
        {
            if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mm)) return null;
            m = mm;
        }
        if (parts.Length > 2)
        {
            if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var dd)) return null;
            d = dd;
        }
        if (y < 1 || m is < 1 or > 12) return null;
        if (d is not null && (d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(y, m!.Value))) return null;
        return new PartialDate(y, m, d);
    }

    public override string ToString() => Day is not null
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}")
        : Month is not null
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}")
            : Year.ToString("D4", CultureInfo.InvariantCulture);
}
