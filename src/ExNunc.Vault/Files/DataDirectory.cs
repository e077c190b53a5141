namespace ExNunc.Vault.Files;

/// <summary>
/// The layout of a data directory: <c>exnunc.db</c> (with its <c>-wal</c> and <c>-shm</c>), <c>blobs/CASE/BLOB</c>
/// (encrypted evidence) and <c>lock</c>. Created readable by its owner only.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }
    public string Database => Path.Combine(Root, "exnunc.db");
    public string Blobs => Path.Combine(Root, "blobs");
    private string LockFile => Path.Combine(Root, "lock");

    /// <summary>True when the directory holds a database (it may still lack a keyring).</summary>
    public bool HasDatabase => File.Exists(Database);

    /// <summary>Creates the directory and its blob folder with mode 0700, or tightens an existing one.</summary>
    public void Create()
    {
        foreach (var dir in new[] { Root, Blobs })
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
            else
            {
                Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    /// <summary>
    /// Takes the writer's lock (an exclusive advisory lock on <c>lock</c>, released by the system if the process
    /// dies), waiting up to <paramref name="wait"/>. Writers hold it from start to end, so cleaning up after a
    /// crash never races with a write in progress. Readers do not take it.
    /// </summary>
    public IDisposable LockForWriting(TimeSpan wait)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                return new FileStream(LockFile, options);
            }
            catch (IOException) when (waited.Elapsed < wait)
            {
                Thread.Sleep(25);
            }
            catch (IOException ex)
            {
                throw new IOException($"The data directory '{Root}' is busy: another exnunc is writing to it. Try again when it is done.", ex);
            }
        }
    }
}
