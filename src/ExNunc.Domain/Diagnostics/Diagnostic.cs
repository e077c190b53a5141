namespace ExNunc.Domain.Diagnostics;

/// <summary>Where a problem is: a file, a 1-based line and column, and the field path inside the document.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

public enum Severity { Error, Warning }

/// <summary>
/// An expected failure, reported as a value: a stable code (for tools and exit codes), a message a
/// person can act on, and where it is. Every reader collects all of them rather than stopping at the first.
/// </summary>
public sealed record Diagnostic(string Code, string Message, SourceLocation? Location = null, string? Field = null, Severity Severity = Severity.Error)
{
    public override string ToString()
    {
        var place = Location is null ? "" : Location + ": ";
        var field = Field is null ? "" : $" [{Field}]";
        var sev = Severity == Severity.Error ? "error" : "warning";
        return $"{place}{sev} {Code}{field}: {Message}";
    }
}
