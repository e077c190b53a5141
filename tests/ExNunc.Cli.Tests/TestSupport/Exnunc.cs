using NodaTime;
using NodaTime.Testing;

namespace ExNunc.Cli.Tests.TestSupport;

/// <summary>What one run of exnunc produced.</summary>
public sealed record CliResult(int Code, string Out, string Err)
{
    public IReadOnlyList<string> ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs the whole program in-process through <see cref="Program.Run"/>, with a fake clock.</summary>
internal static class Exnunc
{
    /// <summary>Late evening UTC, so that a host reading local time instead of the clock would show.</summary>
    public static readonly Instant Now = Instant.FromUtc(2024, 11, 20, 23, 30);

    public static LocalDate Today => Now.InUtc().Date;

    public static CliResult Run(params string[] args) => Run(new FakeClock(Now), args);

    public static CliResult Run(IClock clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, output, error, clock);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
