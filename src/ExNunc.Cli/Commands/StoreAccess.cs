using System.CommandLine;
using System.Text;
using ExNunc.Domain.Diagnostics;
using ExNunc.Storage.Sqlite;
using ExNunc.Vault.Cases;
using ExNunc.Vault.Files;
using ExNunc.Vault.Keys;

namespace ExNunc.Cli.Commands;

/// <summary>
/// What the case, evidence and key commands share: where the data directory is, how the passphrase or key file
/// is obtained (never from the command line itself, so it stays out of shell history), and opening the vault.
/// </summary>
internal sealed class StoreAccess
{
    public const string DataVariable = "EXNUNC_DATA";
    public const string PassphraseVariable = "EXNUNC_PASSPHRASE";
    public const string KeyFileVariable = "EXNUNC_KEY_FILE";

    public Option<string?> Data { get; } = new("--data") { Description = $"The data directory (default: ${DataVariable}, else $XDG_DATA_HOME/exnunc or ~/.local/share/exnunc)." };
    public Option<string?> PassphraseFile { get; } = new("--passphrase-file") { Description = $"Read the passphrase from the first line of this file (else ${PassphraseVariable}, else a prompt)." };
    public Option<string?> KeyFile { get; } = new("--key-file") { Description = $"Unlock with this key file of 32 random bytes (else ${KeyFileVariable})." };
    public Option<string?> Actor { get; } = new("--actor") { Description = "Who is acting, for history and chain of custody (default: the operating-system user)." };

    public void AddTo(Command command, bool actor = true)
    {
        command.Options.Add(Data);
        command.Options.Add(PassphraseFile);
        command.Options.Add(KeyFile);
        if (actor) command.Options.Add(Actor);
    }

    /// <summary>The data directory: --data, else EXNUNC_DATA, else the per-user data folder.</summary>
    public DataDirectory Directory(ParseResult p)
    {
        var explicitDir = p.GetValue(Data) ?? Environment.GetEnvironmentVariable(DataVariable);
        if (!string.IsNullOrWhiteSpace(explicitDir)) return new DataDirectory(explicitDir);
        if (OperatingSystem.IsWindows())
            return new DataDirectory(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "ExNunc"));
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return new DataDirectory(Path.Combine(root, "exnunc"));
    }

    public static Act Act(CliEnvironment env, ParseResult p, Option<string?> actor) =>
        new(p.GetValue(actor) is { Length: > 0 } a ? a : Environment.UserName, env.Clock.GetCurrentInstant());

    public Act Act(CliEnvironment env, ParseResult p) => Act(env, p, Actor);

    /// <summary>
    /// The credential given for an existing data directory: a key file (--key-file, EXNUNC_KEY_FILE) or a passphrase
    /// (--passphrase-file, EXNUNC_PASSPHRASE, or a prompt without echo when there is a terminal).
    /// </summary>
    public Result<MasterCredential> Credential(CliEnvironment env, ParseResult p, string? needed)
    {
        var keyFile = p.GetValue(KeyFile) ?? Environment.GetEnvironmentVariable(KeyFileVariable);
        if (!string.IsNullOrEmpty(keyFile)) return MasterCredential.FromKeyFile(keyFile);
        var phrase = Passphrase(env, p.GetValue(PassphraseFile), PassphraseVariable, "Passphrase: ", confirm: false);
        if (phrase.IsSuccess) return Result<MasterCredential>.Success(MasterCredential.FromPassphrase(phrase.Value));
        if (needed == MasterCredential.KeyFileSource)
            return Result<MasterCredential>.Failure([new Diagnostic("key.missing-key-file", $"This data directory is locked with a key file: give --key-file FILE or set {KeyFileVariable}.")]);
        return Result<MasterCredential>.Failure(phrase.Diagnostics);
    }

    /// <summary>A passphrase from a file, an environment variable or a prompt (twice, when it is being set).</summary>
    public static Result<string> Passphrase(CliEnvironment env, string? file, string variable, string prompt, bool confirm)
    {
        if (!string.IsNullOrEmpty(file))
        {
            if (!File.Exists(file)) return Result<string>.Failure([new Diagnostic("key.missing-passphrase-file", $"The passphrase file '{file}' does not exist.")]);
            try
            {
                using var reader = new StreamReader(file, Encoding.UTF8);
                var line = reader.ReadLine();
                if (string.IsNullOrEmpty(line)) return Result<string>.Failure([new Diagnostic("key.empty-passphrase", $"The passphrase file '{file}' is empty.")]);
                return Result<string>.Success(line);
            }
            catch (UnauthorizedAccessException)
            {
                return Result<string>.Failure([new Diagnostic("key.unreadable-passphrase-file", $"The passphrase file '{file}' cannot be read (permission denied).")]);
            }
        }
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnv) return Result<string>.Success(fromEnv);
        if (Console.IsInputRedirected || !ReferenceEquals(env.Error, Console.Error))
            return Result<string>.Failure([new Diagnostic("key.no-passphrase",
                $"No passphrase: give --passphrase-file FILE, set {variable}, or run in a terminal to be asked (or use a key file).")]);
        var first = Prompt(env, prompt);
        if (confirm && Prompt(env, "Again: ") != first)
            return Result<string>.Failure([new Diagnostic("key.mismatch", "The two passphrases differ; nothing was changed.")]);
        return Result<string>.Success(first);
    }

    /// <summary>Reads a line from the terminal without echoing it.</summary>
    private static string Prompt(CliEnvironment env, string prompt)
    {
        env.Error.Write(prompt);
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (sb.Length > 0) sb.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar)) sb.Append(key.KeyChar);
        }
        env.Error.WriteLine();
        return sb.ToString();
    }

    /// <summary>Opens and unlocks the vault of the data directory; on failure reports why and gives the exit code.</summary>
    public async Task<(CaseVault? Vault, int Exit)> Open(CliEnvironment env, ParseResult p, CancellationToken ct)
    {
        var dir = Directory(p);
        if (!dir.HasDatabase)
        {
            env.Error.WriteLine($"error store.not-initialised: there is no ExNunc data directory at '{dir.Root}'; run 'exnunc init' (or give --data / {DataVariable}).");
            return (null, ExitCodes.NotFound);
        }
        var store = SqliteCaseStore.Open(dir.Database);
        var keyring = await store.GetKeyringAsync(ct).ConfigureAwait(false);
        using var credential = Credential(env, p, keyring?.Source) is var c && c.IsSuccess ? c.Value : null;
        if (credential is null)
        {
            env.Report(c.Diagnostics);
            return (null, ExitCodes.InvalidInput);
        }
        var vault = await CaseVault.UnlockAsync(store, dir, credential, ct).ConfigureAwait(false);
        if (vault.IsSuccess) return (vault.Value, ExitCodes.Ok);
        env.Report(vault.Diagnostics);
        return (null, Exit(vault.Diagnostics));
    }

    /// <summary>The exit code for a failure: 3 when something asked for does not exist, 2 otherwise.</summary>
    public static int Exit(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Any(d => d.Severity == Severity.Error && (d.Code.EndsWith(".not-found", StringComparison.Ordinal) || d.Code == "store.not-initialised"))
            ? ExitCodes.NotFound
            : ExitCodes.InvalidInput;

    /// <summary>Reports a result's diagnostics and returns its exit code (0 with warnings only).</summary>
    public static int Finish<T>(CliEnvironment env, Result<T> result)
    {
        if (result.IsSuccess)
        {
            foreach (var w in result.Diagnostics) env.Error.WriteLine(w.ToString());
            return ExitCodes.Ok;
        }
        env.Report(result.Diagnostics);
        return Exit(result.Diagnostics);
    }
}
