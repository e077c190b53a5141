namespace ExNunc.Dossier.Pdf;

/// <summary>The vendored Paged.js and the script that runs it over a dossier (Pdf/PagedJs/README.md).</summary>
internal static class PagedJs
{
    /// <summary>Paged.js 0.4.3, which defines <c>window.PagedModule</c>.</summary>
    public static string Library => LibraryText.Value;

    /// <summary>Lays the page out and evaluates to the number of pages.</summary>
    public static string Layout => LayoutText.Value;

    private static readonly Lazy<string> LibraryText = new(() => Read("ExNunc.Dossier.PagedJs.paged.min.js"));
    private static readonly Lazy<string> LayoutText = new(() => Read("ExNunc.Dossier.PagedJs.dossier-pages.js"));

    private static string Read(string name)
    {
        using var stream = typeof(PagedJs).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from {typeof(PagedJs).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
