using System.CommandLine;
using System.Globalization;
using ExNunc.Domain.Diagnostics;
using ExNunc.Storage.Sqlite;
using ExNunc.Vault.Cases;
using ExNunc.Vault.Keys;
using NodaTime.Text;

namespace ExNunc.Cli.Commands;

/// <summary><c>exnunc init</c> and <c>exnunc key rotate | info</c>.</summary>
internal static class KeyCommands
{
    public const string NewPassphraseVariable = "EXNUNC_NEW_PASSPHRASE";

    public static Command Init(CliEnvironment env)
    {
        var access = new StoreAccess();
        var (memory, iterations, parallelism) = Argon2Options();
        var cmd = new Command("init",
            "Create the data directory with its database and master key: from a passphrase (Argon2id) given at a prompt without echo, "
            + $"in {StoreAccess.PassphraseVariable} or with --passphrase-file; or from a key file of 32 random bytes (--key-file; created if it does not exist).")
        { memory, iterations, parallelism };
        access.AddTo(cmd, actor: false);
        cmd.SetAction(async (p, ct) =>
        {
            var dir = access.Directory(p);
            if (dir.HasDatabase && await SqliteCaseStore.Open(dir.Database).GetKeyringAsync(ct).ConfigureAwait(false) is not null)
            {
                env.Error.WriteLine($"error store.exists: the data directory '{dir.Root}' is already initialised; nothing was changed.");
                return ExitCodes.InvalidInput;
            }
            var credential = NewCredential(env, p.GetValue(access.KeyFile), p.GetValue(access.PassphraseFile), StoreAccess.PassphraseVariable, StoreAccess.KeyFileVariable);
            if (!credential.IsSuccess) return StoreAccess.Finish(env, credential);
            using var c = credential.Value;
            dir.Create();
            var store = SqliteCaseStore.Open(dir.Database);
            var argon2 = Argon2(p, memory, iterations, parallelism);
            var vault = await CaseVault.InitialiseAsync(store, dir, c, argon2, env.Clock.GetCurrentInstant(), ct).ConfigureAwait(false);
            if (!vault.IsSuccess) return StoreAccess.Finish(env, vault);
            using var v = vault.Value;
            env.Out.WriteLine($"Initialised the data directory '{dir.Root}' ({Describe(v.Keyring.Source, v.Keyring.Kdf, c.KeyFile)}).");
            if (c.Source == MasterCredential.KeyFileSource)
                env.Out.WriteLine("Keep the key file apart from the data directory, and a copy somewhere safe: without it nothing can be opened.");
            else
                env.Out.WriteLine("Without the passphrase nothing can be opened: there is no recovery.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static Command Key(CliEnvironment env)
    {
        var key = new Command("key", "The master key of the data directory.");
        key.Subcommands.Add(Rotate(env));
        key.Subcommands.Add(Info(env));
        return key;
    }

    private static Command Rotate(CliEnvironment env)
    {
        var access = new StoreAccess();
        var newKeyFile = new Option<string?>("--new-key-file") { Description = "Lock with this key file from now on (created with 32 random bytes if it does not exist)." };
        var newPassphraseFile = new Option<string?>("--new-passphrase-file") { Description = $"Read the new passphrase from this file (else {NewPassphraseVariable}, else a prompt)." };
        var (memory, iterations, parallelism) = Argon2Options();
        var cmd = new Command("rotate",
            "Replace the passphrase or key file and the master key: every case key is re-wrapped in one transaction; no evidence is re-encrypted. The old credential stops working.")
        { newKeyFile, newPassphraseFile, memory, iterations, parallelism };
        access.AddTo(cmd, actor: false);
        cmd.SetAction(async (p, ct) =>
        {
            var (vault, exit) = await access.Open(env, p, ct).ConfigureAwait(false);
            if (vault is null) return exit;
            using var v = vault;
            var next = NewCredential(env, p.GetValue(newKeyFile), p.GetValue(newPassphraseFile), NewPassphraseVariable, null);
            if (!next.IsSuccess) return StoreAccess.Finish(env, next);
            using var n = next.Value;
            var rotated = await v.RotateAsync(n, Argon2(p, memory, iterations, parallelism), env.Clock.GetCurrentInstant(), ct).ConfigureAwait(false);
            if (!rotated.IsSuccess) return StoreAccess.Finish(env, rotated);
            env.Out.WriteLine($"Rotated the master key to generation {rotated.Value.Generation} ({Describe(rotated.Value.Source, rotated.Value.Kdf, n.KeyFile)}); the old credential no longer opens the data directory.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Info(CliEnvironment env)
    {
        var access = new StoreAccess();
        var cmd = new Command("info", "Show how the data directory is locked (no secret is shown; no key is needed).");
        cmd.Options.Add(access.Data);
        cmd.SetAction(async (p, ct) =>
        {
            var dir = access.Directory(p);
            if (!dir.HasDatabase)
            {
                env.Error.WriteLine($"error store.not-initialised: there is no ExNunc data directory at '{dir.Root}'.");
                return ExitCodes.NotFound;
            }
            var k = await SqliteCaseStore.Open(dir.Database).GetKeyringAsync(ct).ConfigureAwait(false);
            if (k is null)
            {
                env.Error.WriteLine($"error store.not-initialised: the data directory '{dir.Root}' has no master key; run 'exnunc init'.");
                return ExitCodes.NotFound;
            }
            env.Out.WriteLine($"data directory  {dir.Root}");
            env.Out.WriteLine($"locked with     {k.Source} ({k.Kdf})");
            env.Out.WriteLine($"key generation  {k.Generation.ToString(CultureInfo.InvariantCulture)}");
            env.Out.WriteLine($"created         {InstantPattern.General.Format(k.Created)}");
            env.Out.WriteLine($"last rotated    {InstantPattern.General.Format(k.Rotated)}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Describe(string source, string kdf, string? keyFile) =>
        source == MasterCredential.KeyFileSource ? $"key file '{keyFile}'" : $"passphrase, {kdf}";

    /// <summary>A credential being set: a key file (used if it exists, created if not) or a new passphrase (checked, asked twice at a prompt).</summary>
    private static Result<MasterCredential> NewCredential(CliEnvironment env, string? keyFile, string? passphraseFile, string passphraseVariable, string? keyFileVariable)
    {
        keyFile ??= keyFileVariable is null ? null : Environment.GetEnvironmentVariable(keyFileVariable);
        if (!string.IsNullOrEmpty(keyFile))
            return File.Exists(keyFile) ? MasterCredential.FromKeyFile(keyFile) : MasterCredential.CreateKeyFile(keyFile);
        var phrase = StoreAccess.Passphrase(env, passphraseFile, passphraseVariable, "New passphrase: ", confirm: true);
        if (!phrase.IsSuccess) return Result<MasterCredential>.Failure(phrase.Diagnostics);
        if (MasterCredential.CheckNewPassphrase(phrase.Value) is { } weak) return Result<MasterCredential>.Failure([weak]);
        return Result<MasterCredential>.Success(MasterCredential.FromPassphrase(phrase.Value));
    }

    private static (Option<int?> Memory, Option<int?> Iterations, Option<int?> Parallelism) Argon2Options() =>
    (
        new Option<int?>("--argon2-memory") { Description = $"Argon2id memory in MiB (default {Argon2Parameters.Default.MemoryKiB / 1024}, at least {Argon2Parameters.Minimum.MemoryKiB / 1024})." },
        new Option<int?>("--argon2-iterations") { Description = $"Argon2id passes (default {Argon2Parameters.Default.Iterations}, at least {Argon2Parameters.Minimum.Iterations})." },
        new Option<int?>("--argon2-parallelism") { Description = $"Argon2id lanes (default {Argon2Parameters.Default.Parallelism})." }
    );

    private static Argon2Parameters? Argon2(ParseResult p, Option<int?> memory, Option<int?> iterations, Option<int?> parallelism)
    {
        var (m, t, l) = (p.GetValue(memory), p.GetValue(iterations), p.GetValue(parallelism));
        if (m is null && t is null && l is null) return null;
        var d = Argon2Parameters.Default;
        return new Argon2Parameters((m ?? d.MemoryKiB / 1024) * 1024, t ?? d.Iterations, l ?? d.Parallelism);
    }
}
