using NodaTime;

namespace ExNunc.Domain.Calendar;

/// <summary>
/// The days on which something applies. Both ends are inclusive. A null <see cref="From"/> means
/// "since before the period the knowledge base records" (the start is not recorded, not invented);
/// a null <see cref="To"/> means "still applies". Partial dates widen outwards: a start known only
/// to the month begins on its first day, an end known only to the month lasts to its last day.
/// </summary>
public sealed record ValidityPeriod(PartialDate? From, PartialDate? To)
{
    public static readonly ValidityPeriod Always = new(null, null);

    public LocalDate? FirstDay => From?.Earliest;
    public LocalDate? LastDay => To?.Latest;

    public bool Contains(LocalDate date) =>
        (FirstDay is not { } f || date >= f) && (LastDay is not { } l || date <= l);

    public bool IsSane => FirstDay is not { } f || LastDay is not { } l || f <= l;

    public bool Overlaps(ValidityPeriod other) =>
        (FirstDay is not { } f1 || other.LastDay is not { } l2 || f1 <= l2) &&
        (other.FirstDay is not { } f2 || LastDay is not { } l1 || f2 <= l1);

    /// <summary>The days on which this period starts or stops applying: its first day and the day after its last.</summary>
    public IEnumerable<LocalDate> Boundaries()
    {
        if (FirstDay is { } f) yield return f;
        if (LastDay is { } l && l < LocalDate.MaxIsoValue) yield return l.PlusDays(1);
    }

    public override string ToString() => $"{From?.ToString() ?? "…"} – {To?.ToString() ?? "…"}";
}
