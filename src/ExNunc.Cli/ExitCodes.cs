namespace ExNunc.Cli;

/// <summary>The exit codes of exnunc (documented in README.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>An unexpected failure inside exnunc; the message goes to stderr.</summary>
    public const int InternalError = 1;
    /// <summary>Invalid input: a command line, case file or knowledge base with errors. Nothing was written.</summary>
    public const int InvalidInput = 2;
    /// <summary>A file, entry or finding that was asked for does not exist.</summary>
    public const int NotFound = 3;
}
