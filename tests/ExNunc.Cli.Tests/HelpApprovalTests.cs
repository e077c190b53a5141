using ExNunc.Cli.Tests.TestSupport;
using ExNunc.Testing;

namespace ExNunc.Cli.Tests;

/// <summary>
/// <c>exnunc --help</c> is a contract: it is approved in Approved/help.txt and any change shows up as
/// a diff. To approve a change, copy the received file the failure names over the approved one.
/// </summary>
public sealed class HelpApprovalTests
{
    private static readonly string Approved = Path.Combine(RepoPaths.Root, "tests", "ExNunc.Cli.Tests", "Approved", "help.txt");

    [Fact]
    public void Help_MatchesTheApprovedText()
    {
        var r = Exnunc.Run("--help");

        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Equal("", r.Err);
        var received = Normalise(r.Out);
        var approved = File.Exists(Approved) ? Normalise(File.ReadAllText(Approved)) : "";
        if (received != approved)
        {
            var receivedPath = Path.Combine(AppContext.BaseDirectory, "help.received.txt");
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"exnunc --help differs from {Approved}; the output is in {receivedPath}.");
        }
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_ShortForms_PrintTheSameText(string option) =>
        Assert.Equal(Exnunc.Run("--help").Out, Exnunc.Run(option).Out);

    [Fact]
    public void Help_NoArguments_ExitsTwoAndPointsToHelp()
    {
        var r = Exnunc.Run();

        Assert.Equal(ExitCodes.InvalidInput, r.Code);
        Assert.Equal("", r.Out);
    }

    /// <summary>
    /// In-process the usage line names the test host, not <c>exnunc</c> (System.CommandLine takes
    /// the program name from the process); the approved text is what the real program prints.
    /// </summary>
    private static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 1; i < lines.Length; i++)
            if (lines[i - 1] == "Usage:" && lines[i].TrimStart().Split(' ')[0] is { Length: > 0 } name)
                lines[i] = lines[i].Replace(name, "exnunc", StringComparison.Ordinal);
        return string.Join('\n', lines);
    }
}
