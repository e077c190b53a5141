using System.Collections.Immutable;

namespace ExNunc.Domain.Diagnostics;

/// <summary>
/// The one result type of ExNunc: a value, or the diagnostics that prevented it. Warnings may travel
/// with a value; any error means there is no value.
/// </summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, ImmutableArray<Diagnostic> diagnostics, bool ok)
    {
        _value = value;
        Diagnostics = diagnostics;
        IsSuccess = ok;
    }

    public bool IsSuccess { get; }
    public ImmutableArray<Diagnostic> Diagnostics { get; }
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("The result has errors: " + string.Join("; ", Errors.Take(3)));

    public static Result<T> Success(T value, IEnumerable<Diagnostic>? warnings = null) =>
        new(value, warnings?.ToImmutableArray() ?? [], true);

    public static Result<T> Failure(IEnumerable<Diagnostic> diagnostics)
    {
        var all = diagnostics.ToImmutableArray();
        if (!all.Any(d => d.Severity == Severity.Error))
            throw new ArgumentException("A failure needs at least one error.", nameof(diagnostics));
        return new(default, all, false);
    }

    /// <summary>Success when no diagnostic is an error, failure otherwise.</summary>
    public static Result<T> From(T value, IEnumerable<Diagnostic> diagnostics)
    {
        var all = diagnostics.ToImmutableArray();
        return all.Any(d => d.Severity == Severity.Error) ? new(default, all, false) : new(value, all, true);
    }
}
