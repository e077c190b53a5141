namespace ExNunc.Domain.Rules;

/// <summary>Three-valued comparison of values; ranges compare definitely only when they do not overlap.</summary>
public static class Comparison
{
    public static Tri Compare(CompareOp op, Value a, Value b)
    {
        if (a.IsUnknown || b.IsUnknown) return Tri.Unknown;
        switch (a.Kind)
        {
            case ValueKind.Number when b.Kind == ValueKind.Number:
                return Ordered(op, a.Low, a.High, b.Low, b.High);
            case ValueKind.Date when b.Kind == ValueKind.Date:
                return Ordered(op, a.DateLow, a.DateHigh, b.DateLow, b.DateHigh);
            case ValueKind.Bool when b.Kind == ValueKind.Bool:
                return Equality(op, a.AsBool == b.AsBool);
            case ValueKind.Symbol or ValueKind.Text when b.Kind is ValueKind.Symbol or ValueKind.Text:
                return Equality(op, string.Equals(a.AsString, b.AsString, StringComparison.Ordinal));
            default:
                return op == CompareOp.Ne ? Tri.True : op == CompareOp.Eq ? Tri.False : Tri.Unknown;
        }
    }

    private static Tri Equality(CompareOp op, bool equal) => op switch
    {
        CompareOp.Eq => TriLogic.Of(equal),
        CompareOp.Ne => TriLogic.Of(!equal),
        _ => Tri.Unknown,
    };

    private static Tri Ordered<T>(CompareOp op, T aLo, T aHi, T bLo, T bHi) where T : IComparable<T>
    {
        // a < b is true when every a is below every b, false when no a is, unknown otherwise.
        Tri Less(T lo1, T hi1, T lo2, T hi2) =>
            hi1.CompareTo(lo2) < 0 ? Tri.True : lo1.CompareTo(hi2) >= 0 ? Tri.False : Tri.Unknown;
        Tri LessEq(T lo1, T hi1, T lo2, T hi2) =>
            hi1.CompareTo(lo2) <= 0 ? Tri.True : lo1.CompareTo(hi2) > 0 ? Tri.False : Tri.Unknown;
        return op switch
        {
            CompareOp.Lt => Less(aLo, aHi, bLo, bHi),
            CompareOp.Le => LessEq(aLo, aHi, bLo, bHi),
            CompareOp.Gt => Less(bLo, bHi, aLo, aHi),
            CompareOp.Ge => LessEq(bLo, bHi, aLo, aHi),
            CompareOp.Eq => aLo.CompareTo(aHi) == 0 && bLo.CompareTo(bHi) == 0
                ? TriLogic.Of(aLo.CompareTo(bLo) == 0)
                : aHi.CompareTo(bLo) < 0 || bHi.CompareTo(aLo) < 0 ? Tri.False : Tri.Unknown,
            _ => TriLogic.Not(Ordered(CompareOp.Eq, aLo, aHi, bLo, bHi)),
        };
    }
}
