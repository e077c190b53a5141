using System.Security.Cryptography;
using System.Text;
using ExNunc.Domain.Diagnostics;
using ExNunc.Vault.Crypto;

namespace ExNunc.Vault.Keys;

/// <summary>
/// What unlocks a data directory: a passphrase (stretched with Argon2id) or a key file of 32 random bytes.
/// Holds the secret in a pinned buffer that is zeroed on dispose. Never printed, never logged.
/// </summary>
public sealed class MasterCredential : IDisposable
{
    public const string PassphraseSource = "passphrase";
    public const string KeyFileSource = "key-file";
    public const int KeyFileLength = 32;
    /// <summary>The shortest passphrase accepted when one is set (not when one is tried).</summary>
    public const int MinimumPassphraseLength = 12;

    private readonly Secret _secret;

    private MasterCredential(string source, Secret secret, string? keyFile)
    {
        Source = source;
        _secret = secret;
        KeyFile = keyFile;
    }

    /// <summary><see cref="PassphraseSource"/> or <see cref="KeyFileSource"/>.</summary>
    public string Source { get; }

    /// <summary>The key file's path, for messages; null for a passphrase.</summary>
    public string? KeyFile { get; }

    internal ReadOnlySpan<byte> Bytes => _secret.Span;

    /// <summary>The passphrase as typed, encoded as UTF-8 (no Unicode normalisation: the same keys must be typed again).</summary>
    public static MasterCredential FromPassphrase(ReadOnlySpan<char> passphrase)
    {
        var buffer = GC.AllocateArray<byte>(Encoding.UTF8.GetMaxByteCount(passphrase.Length), pinned: true);
        try
        {
            var n = Encoding.UTF8.GetBytes(passphrase, buffer);
            return new MasterCredential(PassphraseSource, Secret.Copy(buffer.AsSpan(0, n)), null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Checks a passphrase that is about to be set (at init or rotation).</summary>
    public static Diagnostic? CheckNewPassphrase(ReadOnlySpan<char> passphrase) =>
        passphrase.Trim().Length < MinimumPassphraseLength
            ? new Diagnostic("key.weak-passphrase", $"The passphrase must have at least {MinimumPassphraseLength} characters; a few random words are best.")
            : null;

    /// <summary>Reads an existing key file: exactly 32 bytes.</summary>
    public static Result<MasterCredential> FromKeyFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            return Fail($"key.missing-key-file", $"The key file '{path}' does not exist.");
        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            if (f.Length != KeyFileLength)
                return Fail("key.bad-key-file", $"The key file '{path}' is {f.Length} bytes long; a key file is exactly {KeyFileLength} random bytes.");
            var buffer = GC.AllocateArray<byte>(KeyFileLength, pinned: true);
            try
            {
                f.ReadExactly(buffer);
                return Result<MasterCredential>.Success(new MasterCredential(KeyFileSource, Secret.Copy(buffer), path));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(buffer);
            }
        }
        catch (UnauthorizedAccessException)
        {
            return Fail("key.unreadable-key-file", $"The key file '{path}' cannot be read (permission denied).");
        }
        catch (IOException ex)
        {
            return Fail("key.unreadable-key-file", $"The key file '{path}' cannot be read: {ex.Message}");
        }
    }

    /// <summary>Creates a new key file of 32 random bytes, readable only by its owner; fails if the file exists.</summary>
    public static Result<MasterCredential> CreateKeyFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var key = Secret.Random(KeyFileLength);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var f = new FileStream(path, options))
            {
                f.Write(key.Span);
                f.Flush(flushToDisk: true);
            }
            return Result<MasterCredential>.Success(new MasterCredential(KeyFileSource, Secret.Copy(key.Span), path));
        }
        catch (IOException) when (File.Exists(path))
        {
            return Fail("key.key-file-exists", $"The key file '{path}' exists already; it was left as it is.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail("key.unwritable-key-file", $"The key file '{path}' cannot be created: {ex.Message}");
        }
    }

    private static Result<MasterCredential> Fail(string code, string message) => Result<MasterCredential>.Failure([new Diagnostic(code, message)]);

    public void Dispose() => _secret.Dispose();
}
