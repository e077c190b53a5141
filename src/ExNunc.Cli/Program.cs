using System.CommandLine;
using ExNunc.Cli.Commands;
using NodaTime;

namespace ExNunc.Cli;

/// <summary>The exnunc command line. <see cref="Run"/> is the whole program, callable from tests.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        // The one place that reads the real clock; everything below receives it.
#pragma warning disable RS0030
        var clock = SystemClock.Instance;
#pragma warning restore RS0030
        return Run(args, Console.Out, Console.Error, clock);
    }

    public static int Run(string[] args, TextWriter output, TextWriter error, IClock clock)
    {
        var env = new CliEnvironment(output, error, clock);
        // A named root rather than RootCommand, so that help says "exnunc" whatever process hosts it.
        var root = new Command("exnunc", "ExNunc: assess protection claims of people who refuse to fight in Russia's war, as of any date.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(AssessCommands.Assess(env));
        root.Subcommands.Add(AssessCommands.Diff(env));
        root.Subcommands.Add(AssessCommands.Timeline(env));
        root.Subcommands.Add(KbCommands.Create(env));
        root.Subcommands.Add(KeyCommands.Init(env));
        root.Subcommands.Add(KeyCommands.Key(env));
        root.Subcommands.Add(CaseCommands.Create(env));
        root.Subcommands.Add(EvidenceCommands.Create(env));
        root.Subcommands.Add(DossierCommand.Create(env));
        root.Subcommands.Add(ResearchCommands.Create(env));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var e in parse.Errors) error.WriteLine($"error usage: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error io: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex)
        {
            error.WriteLine($"error internal: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.InternalError;
        }
    }
}
