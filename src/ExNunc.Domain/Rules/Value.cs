using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace ExNunc.Domain.Rules;

public enum ValueKind : byte { Unknown, Bool, Number, Date, Symbol, Text, List }

/// <summary>
/// A fact's value as conditions see it. Numbers and dates may be ranges (an age when only the birth
/// year is known): a comparison is true or false only when the whole range agrees, else unknown.
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    private readonly decimal _lo, _hi;
    private readonly LocalDate _dlo, _dhi;
    private readonly object? _ref;

    private Value(ValueKind kind, decimal lo = 0, decimal hi = 0, LocalDate dlo = default, LocalDate dhi = default, object? reference = null)
    {
        Kind = kind;
        _lo = lo;
        _hi = hi;
        _dlo = dlo;
        _dhi = dhi;
        _ref = reference;
    }

    public ValueKind Kind { get; }
    public bool IsUnknown => Kind == ValueKind.Unknown;

    public static readonly Value Unknown;
    public static Value Bool(bool b) => new(ValueKind.Bool, b ? 1 : 0, b ? 1 : 0);
    public static Value Number(decimal n) => new(ValueKind.Number, n, n);
    public static Value NumberRange(decimal lo, decimal hi) => new(ValueKind.Number, lo, hi);
    public static Value Date(LocalDate d) => new(ValueKind.Date, dlo: d, dhi: d);
    public static Value DateRange(LocalDate lo, LocalDate hi) => new(ValueKind.Date, dlo: lo, dhi: hi);
    public static Value Symbol(string s) => new(ValueKind.Symbol, reference: s);
    public static Value Text(string s) => new(ValueKind.Text, reference: s);
    public static Value List(ImmutableArray<Value> items) => new(ValueKind.List, reference: items);

    public static Value OfBool(bool? b) => b is { } v ? Bool(v) : Unknown;
    public static Value OfNumber(int? n) => n is { } v ? Number((decimal)v) : Unknown;
    public static Value OfDate(LocalDate? d) => d is { } v ? Date(v) : Unknown;
    /// <summary>A symbol from an enumerated field; the value <c>unknown</c> is a missing fact.</summary>
    public static Value Symbol(string? s, bool enumerated) =>
        s is null || (enumerated && s == Cases.CaseVocabulary.Unknown) ? Unknown : Symbol(s);
    public static Value OfText(string? s) => s is null ? Unknown : Text(s);
    public static Value SymbolList(IEnumerable<string>? items) =>
        items is null ? Unknown : List([.. items.Select(Symbol)]);

    public bool AsBool => _lo != 0;
    public decimal Low => _lo;
    public decimal High => _hi;
    public LocalDate DateLow => _dlo;
    public LocalDate DateHigh => _dhi;
    public string AsString => (string)_ref!;
    public ImmutableArray<Value> Items => (ImmutableArray<Value>)_ref!;

    public bool IsExact => Kind switch
    {
        ValueKind.Number => _lo == _hi,
        ValueKind.Date => _dlo == _dhi,
        _ => true,
    };

    public bool Equals(Value other) => Kind == other.Kind && Kind switch
    {
        ValueKind.Unknown => true,
        ValueKind.Bool or ValueKind.Number => _lo == other._lo && _hi == other._hi,
        ValueKind.Date => _dlo == other._dlo && _dhi == other._dhi,
        ValueKind.Symbol or ValueKind.Text => string.Equals(AsString, other.AsString, StringComparison.Ordinal),
        ValueKind.List => Items.SequenceEqual(other.Items),
        _ => false,
    };

    public override bool Equals(object? obj) => obj is Value v && Equals(v);
    public override int GetHashCode() => HashCode.Combine(Kind, _lo, _hi, _dlo, _ref);
    public static bool operator ==(Value a, Value b) => a.Equals(b);
    public static bool operator !=(Value a, Value b) => !a.Equals(b);

    public override string ToString() => Kind switch
    {
        ValueKind.Unknown => "unknown",
        ValueKind.Bool => AsBool ? "true" : "false",
        ValueKind.Number => _lo == _hi ? _lo.ToString(CultureInfo.InvariantCulture) : $"{_lo.ToString(CultureInfo.InvariantCulture)}–{_hi.ToString(CultureInfo.InvariantCulture)}",
        ValueKind.Date => _dlo == _dhi ? Iso(_dlo) : $"{Iso(_dlo)}…{Iso(_dhi)}",
        ValueKind.Symbol => AsString,
        ValueKind.Text => "\"" + AsString + "\"",
        ValueKind.List => "[" + string.Join(", ", Items) + "]",
        _ => "?",
    };

    // Traces format every date they read; a format pattern is parsed per call, this is not.
    private static string Iso(LocalDate d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}");
}
