namespace ExNunc.Cli.Tests.TestSupport;

internal static class Fixtures
{
    public static string Read(string name)
    {
        using var stream = typeof(Fixtures).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Missing embedded fixture " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
