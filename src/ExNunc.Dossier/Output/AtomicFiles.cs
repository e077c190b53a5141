namespace ExNunc.Dossier.Output;

/// <summary>
/// Writes a set of files into a folder all or nothing: each goes first to a hidden temporary name in
/// the same folder (so the final rename stays on one file system and is atomic), and only when every
/// file is written and flushed are they renamed into place. On any failure the temporary files are
/// removed and no file of the set appears.
/// </summary>
public static class AtomicFiles
{
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(directory);
        var temps = new List<(string Temp, string Final)>();
        try
        {
            foreach (var (name, content) in files)
            {
                if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.StartsWith('.'))
                    throw new ArgumentException($"'{name}' is not a plain file name.", nameof(files));
                var final = Path.Combine(directory, name);
                var temp = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
                temps.Add((temp, final));
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            foreach (var (temp, final) in temps) File.Move(temp, final, overwrite: true);
            return [.. temps.Select(t => t.Final)];
        }
        finally
        {
            foreach (var (temp, _) in temps)
                if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The file name of a dossier: case, country, as-of date, language, and whether it is the lawyer's version.</summary>
    public static string FileName(Model.DossierMeta meta, string extension) =>
        $"{meta.CaseId}_{meta.Destination}_{meta.AsOf:uuuu-MM-dd}_{meta.Language.Code()}{(meta.LawyerNotes ? "_lawyer" : "")}.{extension}";
}
