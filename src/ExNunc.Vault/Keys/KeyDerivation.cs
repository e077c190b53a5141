using System.Globalization;
using System.Text.RegularExpressions;
using ExNunc.Vault.Crypto;
using Konscious.Security.Cryptography;

namespace ExNunc.Vault.Keys;

/// <summary>Argon2id cost parameters (RFC 9106). Memory in KiB.</summary>
public sealed partial record Argon2Parameters(int MemoryKiB, int Iterations, int Parallelism)
{
    /// <summary>64 MiB, 3 passes, 2 lanes: about a second on a laptop core, well within 150 MB of memory.</summary>
    public static Argon2Parameters Default { get; } = new(64 * 1024, 3, 2);

    /// <summary>The floor accepted from anyone: OWASP's minimum for Argon2id (19 MiB, 2 passes).</summary>
    public static Argon2Parameters Minimum { get; } = new(19 * 1024, 2, 1);

    public bool IsAtLeastMinimum => MemoryKiB >= Minimum.MemoryKiB && Iterations >= Minimum.Iterations && Parallelism >= 1;

    /// <summary>The PHC-style text kept in the keyring: <c>argon2id$v=19$m=65536,t=3,p=2</c>.</summary>
    public override string ToString() => $"argon2id$v=19$m={MemoryKiB},t={Iterations},p={Parallelism}";

    public static Argon2Parameters? Parse(string text)
    {
        var m = Phc().Match(text);
        if (!m.Success) return null;
        int I(string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        return new Argon2Parameters(I("m"), I("t"), I("p"));
    }

    [GeneratedRegex(@"^argon2id\$v=19\$m=(?<m>\d{1,8}),t=(?<t>\d{1,3}),p=(?<p>\d{1,2})$")]
    private static partial Regex Phc();
}

/// <summary>Turns a credential into the master key, with the parameters the keyring names.</summary>
internal static class KeyDerivation
{
    public const string KeyFileKdf = "hkdf-sha256";

    public static Secret MasterKey(MasterCredential credential, string kdf, ReadOnlySpan<byte> salt)
    {
        if (kdf == KeyFileKdf)
        {
            using var file = Secret.Copy(credential.Bytes);
            return file.Derive(32, salt, Context.For("master-from-key-file").ToArray());
        }
        var parameters = Argon2Parameters.Parse(kdf) ?? throw new InvalidOperationException($"Unknown key derivation '{kdf}' in the keyring.");
        var password = credential.Bytes.ToArray();
        try
        {
            using var argon = new Argon2id(password)
            {
                Salt = salt.ToArray(),
                MemorySize = parameters.MemoryKiB,
                Iterations = parameters.Iterations,
                DegreeOfParallelism = parameters.Parallelism,
            };
            var bytes = argon.GetBytes(32);
            var key = Secret.Copy(bytes);
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
            return key;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(password);
            // Argon2id has just filled 64 MiB (or more) of memory blocks that are garbage now: give them back to
            // the system before the command goes on, so that its peak memory is the larger of the two, not the sum.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}
