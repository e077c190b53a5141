using ExNunc.Domain.Diagnostics;

namespace ExNunc.Vault.Files;

/// <summary>
/// Opening evidence files safely: only regular, readable files; for files named by a case file, only files
/// whose real location (every symbolic link resolved) is inside the case folder — checked before opening and,
/// on Linux, again on the opened handle, so a link swapped in between is caught too.
/// </summary>
internal static class SafePaths
{
    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The path with every symbolic link resolved (of the file and of every directory above it).</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++hops > 40) throw new IOException($"Too many symbolic links under '{path}'.");
                var resolved = Path.GetFullPath(target, current);
                var resolvedRoot = Path.GetPathRoot(resolved)!;
                foreach (var p in resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                    pending.Push(p);
                current = resolvedRoot;
                continue;
            }
            current = next;
        }
        return current;
    }

    public static bool IsInside(string realFolder, string realPath) =>
        realPath.StartsWith(realFolder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, PathComparison);

    /// <summary>
    /// Opens an evidence file for reading. <paramref name="folder"/>, when given, is the case folder the file must
    /// stay inside. <paramref name="what"/> names the file in messages (e.g. <c>evidence[2].file 'a.pdf'</c>).
    /// </summary>
    public static Result<FileStream> OpenEvidence(string path, string? folder, string what, string? field = null)
    {
        Result<FileStream> Fail(string code, string message) => Result<FileStream>.Failure([new Diagnostic(code, message, Field: field)]);
        try
        {
            string? realFolder = folder is null ? null : RealPath(folder);
            if (realFolder is not null && !IsInside(realFolder, RealPath(path)))
                return Fail("evidence.outside-case-folder", $"{what} leads outside the case folder (through a symbolic link); evidence stays inside the case folder.");
            if (Directory.Exists(path)) return Fail("evidence.not-a-file", $"{what} is a directory, not a file.");
            if (!File.Exists(path)) return Fail("evidence.not-found", $"{what} does not exist.");
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            try
            {
                if (!stream.CanSeek)
                {
                    stream.Dispose();
                    return Fail("evidence.not-a-file", $"{what} is not a regular file (a device, pipe or socket).");
                }
                if (realFolder is not null && OperatingSystem.IsLinux()
                    && File.ResolveLinkTarget($"/proc/self/fd/{stream.SafeFileHandle.DangerousGetHandle()}", returnFinalTarget: false) is { } opened
                    && !IsInside(realFolder, opened.FullName))
                {
                    stream.Dispose();
                    return Fail("evidence.outside-case-folder", $"{what} leads outside the case folder; evidence stays inside the case folder.");
                }
                return Result<FileStream>.Success(stream);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }
        catch (UnauthorizedAccessException)
        {
            return Fail("evidence.unreadable", $"{what} cannot be read (permission denied).");
        }
        catch (IOException ex)
        {
            return Fail("evidence.unreadable", $"{what} cannot be read: {ex.Message}");
        }
    }
}
