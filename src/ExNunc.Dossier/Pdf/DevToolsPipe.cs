using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExNunc.Dossier.Pdf;

/// <summary>A DevTools command that Chromium answered with an error.</summary>
public sealed class DevToolsException(string message) : Exception(message);

/// <summary>
/// The Chrome DevTools protocol over <c>--remote-debugging-pipe</c>: Chromium reads commands from
/// file descriptor 3 and writes replies to descriptor 4, one JSON message per NUL-terminated record.
/// A small shell wrapper maps our stdin and stdout to those descriptors, so there is no TCP port that
/// another local process could connect to. Thread-safe: commands may be sent from several tasks.
/// </summary>
internal sealed class DevToolsPipe : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Queue<string> _stderr = new();
    private readonly Task _reader;
    private int _nextId;
    private volatile bool _closed;

    private DevToolsPipe(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                _stderr.Enqueue(e.Data);
                while (_stderr.Count > 40) _stderr.Dequeue();
            }
        };
        process.BeginErrorReadLine();
        _reader = Task.Run(ReadLoop);
    }

    public bool HasExited => _closed || _process.HasExited;

    public static DevToolsPipe Start(string executable, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // fd 3 := our stdin (commands), fd 4 := our stdout (replies); Chromium's own stdout goes to stderr.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>&2");
        start.ArgumentList.Add(executable);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + executable);
        return new DevToolsPipe(process);
    }

    public string ErrorTail()
    {
        lock (_stderr) return string.Join("\n", _stderr);
    }

    /// <summary>Sends a command (to a page when <paramref name="sessionId"/> is given) and waits for its result.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters, string? sessionId, TimeSpan timeout, CancellationToken ct)
    {
        if (HasExited) throw new DevToolsException($"Chromium is not running.\n{ErrorTail()}");
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (sessionId is not null) message["sessionId"] = sessionId;
        var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await _input.WriteAsync(bytes, ct).ConfigureAwait(false);
            _input.WriteByte(0);
            await _input.FlushAsync(ct).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            _pending.TryRemove(id, out _);
            throw new DevToolsException($"Chromium closed its pipe ({ex.Message}).\n{ErrorTail()}");
        }
        finally
        {
            _writeLock.Release();
        }
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        try
        {
            return await tcs.Task.WaitAsync(timeoutCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Chromium did not answer {method} within {timeout.TotalSeconds:F0} s.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ReadLoop()
    {
        var stream = _process.StandardOutput.BaseStream;
        var buffer = new byte[1 << 16];
        var message = new ArrayBufferWriter<byte>(1 << 16);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer).ConfigureAwait(false);
                if (read == 0) break;
                var span = buffer.AsSpan(0, read);
                while (true)
                {
                    var nul = span.IndexOf((byte)0);
                    if (nul < 0) { message.Write(span); break; }
                    message.Write(span[..nul]);
                    Dispatch(message.WrittenSpan);
                    message.Clear();
                    span = span[(nul + 1)..];
                }
            }
        }
        catch (IOException)
        {
            // The process went away; pending commands fail below.
        }
        catch (ObjectDisposedException)
        {
        }
        _closed = true;
        foreach (var (_, tcs) in _pending)
            tcs.TrySetException(new DevToolsException($"Chromium exited.\n{ErrorTail()}"));
    }

    private void Dispatch(ReadOnlySpan<byte> json)
    {
        using var doc = JsonDocument.Parse(json.ToArray());
        var root = doc.RootElement;
        if (!root.TryGetProperty("id", out var idElement) || !_pending.TryGetValue(idElement.GetInt32(), out var tcs)) return;
        if (root.TryGetProperty("error", out var error))
            tcs.TrySetException(new DevToolsException(error.TryGetProperty("message", out var m) ? m.GetString() ?? "error" : error.ToString()));
        else
            tcs.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await SendAsync("Browser.close", null, null, TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DevToolsException or TimeoutException or IOException)
            {
                // Closing anyway.
            }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        try
        {
            _input.Dispose();
        }
        catch (IOException)
        {
        }
        await _reader.ConfigureAwait(false);
        _process.Dispose();
        _writeLock.Dispose();
    }
}
