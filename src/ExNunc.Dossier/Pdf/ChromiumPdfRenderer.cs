using System.Text.Json.Nodes;
using ExNunc.Dossier.Html;
using ExNunc.Dossier.Model;

namespace ExNunc.Dossier.Pdf;

/// <summary>PDF output needs a program that is not installed. <see cref="Package"/> is the Debian package to install.</summary>
public sealed class RendererUnavailableException(string message, string package) : Exception(message)
{
    public string Package { get; } = package;
}

/// <summary>
/// Prints dossiers to PDF with headless Chromium: the HTML rendering of the document model, laid out
/// by a real browser engine and cut into pages by Paged.js (footnotes at the foot of the page that
/// cites them, page numbers in the contents, "Page n of m" in the footer; text selectable, DejaVu
/// fonts embedded as subsets, one bookmark per heading from the document outline). One Chromium process is started
/// and kept warm for any number of documents, each printed in its own tab and closed after; a batch
/// does not pay for a process start per document. The browser gets no network: host resolution is
/// mapped to nothing and the page's content-security policy allows no fetches and no scripts of its
/// own; the only scripts that run are the vendored Paged.js and its driver, evaluated over DevTools.
/// </summary>
public sealed class ChromiumPdfRenderer : IAsyncDisposable
{
    /// <summary>The Debian package that provides the renderer.</summary>
    public const string DebianPackage = "chromium";

    /// <summary>Set to the path of a Chromium or Chrome binary to use that one.</summary>
    public const string ExecutableVariable = "EXNUNC_CHROMIUM";

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    private readonly DevToolsPipe _pipe;
    private readonly string _profile;

    private ChromiumPdfRenderer(DevToolsPipe pipe, string profile)
    {
        _pipe = pipe;
        _profile = profile;
    }

    /// <summary>The Chromium executable: <see cref="ExecutableVariable"/> if set, else the first candidate on PATH; null if none.</summary>
    public static string? FindExecutable() =>
        FindExecutable(Environment.GetEnvironmentVariable(ExecutableVariable), Environment.GetEnvironmentVariable("PATH"));

    internal static string? FindExecutable(string? configured, string? searchPath)
    {
        if (configured is { Length: > 0 })
            return File.Exists(configured) ? configured : null;
        foreach (var dir in (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in Candidates)
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path)) return path;
            }
        return null;
    }

    /// <summary>Throws <see cref="RendererUnavailableException"/> naming the package when Chromium is not installed.</summary>
    public static string RequireExecutable() => FindExecutable() ?? throw Missing();

    internal static RendererUnavailableException Missing() => new(
        $"PDF output needs Chromium, which is not installed: install the Debian package '{DebianPackage}' (sudo apt-get install {DebianPackage}), " +
        $"or set {ExecutableVariable} to a Chromium binary. DOCX output works without it (--format docx).", DebianPackage);

    public static async Task<ChromiumPdfRenderer> StartAsync(CancellationToken ct = default)
    {
        var executable = RequireExecutable();
        var profile = Path.Combine(Path.GetTempPath(), "exnunc-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var pipe = DevToolsPipe.Start(executable,
        [
            "--headless",
            // Chromium refuses to run as root with its sandbox, and containers often lack user namespaces.
            // It only ever loads the HTML we generate, without network, in a throw-away profile; the only
            // scripts are the embedded Paged.js and its driver.
            "--no-sandbox",
            "--remote-debugging-pipe",
            "--user-data-dir=" + profile,
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--font-render-hinting=none",
            "--mute-audio",
            "about:blank",
        ]);
        var renderer = new ChromiumPdfRenderer(pipe, profile);
        try
        {
            await pipe.SendAsync("Browser.getVersion", null, null, TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
        }
        catch
        {
            var tail = pipe.ErrorTail();
            await renderer.DisposeAsync().ConfigureAwait(false);
            throw new RendererUnavailableException($"Chromium ({executable}) did not start:\n{tail}", DebianPackage);
        }
        return renderer;
    }

    public Task<byte[]> RenderAsync(DossierDocument document, CancellationToken ct = default) =>
        RenderHtmlAsync(HtmlRenderer.Render(document), ct);

    /// <summary>
    /// Prints one HTML page written for CSS paged media (<see cref="HtmlRenderer"/>) to PDF, in a tab of its
    /// own: Paged.js lays it out in page boxes (footnotes, page numbers in the contents, footer), then
    /// Chromium prints each box on a sheet of its size.
    /// </summary>
    public async Task<byte[]> RenderHtmlAsync(string html, CancellationToken ct = default)
    {
        var target = await Send("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, ct).ConfigureAwait(false);
        var targetId = target.GetProperty("targetId").GetString()!;
        try
        {
            var attached = await Send("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true }, null, ct).ConfigureAwait(false);
            var session = attached.GetProperty("sessionId").GetString()!;
            var tree = await Send("Page.getFrameTree", null, session, ct).ConfigureAwait(false);
            var frameId = tree.GetProperty("frameTree").GetProperty("frame").GetProperty("id").GetString()!;
            await Send("Page.setDocumentContent", new JsonObject { ["frameId"] = frameId, ["html"] = html }, session, ct).ConfigureAwait(false);
            // The page's content-security policy allows no scripts of its own; these two are evaluated by
            // the DevTools client, which the policy does not govern.
            await Evaluate(PagedJs.Library, session, ct).ConfigureAwait(false);
            var pages = await Evaluate(PagedJs.Layout, session, ct).ConfigureAwait(false);
            if (pages.ValueKind != System.Text.Json.JsonValueKind.Number || pages.GetInt32() < 1)
                throw new DevToolsException($"Paged.js laid out no pages ({pages}).");
            var printed = await Send("Page.printToPDF", new JsonObject
            {
                ["printBackground"] = true,
                // Paged.js writes @page { size: 210mm 297mm; margin: 0 } and draws the margins in each page box.
                ["preferCSSPageSize"] = true,
                ["paperWidth"] = 8.27,
                ["paperHeight"] = 11.69,
                ["marginTop"] = 0,
                ["marginRight"] = 0,
                ["marginBottom"] = 0,
                ["marginLeft"] = 0,
                ["displayHeaderFooter"] = false,
                ["generateTaggedPDF"] = true,
                ["generateDocumentOutline"] = true,
                ["transferMode"] = "ReturnAsStream",
            }, session, ct).ConfigureAwait(false);
            var handle = printed.GetProperty("stream").GetString()!;
            using var pdf = new MemoryStream();
            while (true)
            {
                var chunk = await Send("IO.read", new JsonObject { ["handle"] = handle, ["size"] = 1 << 20 }, session, ct).ConfigureAwait(false);
                var data = chunk.GetProperty("data").GetString() ?? "";
                if (data.Length > 0)
                {
                    var bytes = chunk.TryGetProperty("base64Encoded", out var b64) && b64.GetBoolean()
                        ? Convert.FromBase64String(data)
                        : System.Text.Encoding.Latin1.GetBytes(data);
                    pdf.Write(bytes);
                }
                if (chunk.TryGetProperty("eof", out var eof) && eof.GetBoolean()) break;
            }
            await Send("IO.close", new JsonObject { ["handle"] = handle }, session, ct).ConfigureAwait(false);
            return pdf.ToArray();
        }
        finally
        {
            if (!_pipe.HasExited)
                await Send("Target.closeTarget", new JsonObject { ["targetId"] = targetId }, null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Evaluates a script in the page, waiting for the promise it returns; a script error throws.</summary>
    private async Task<System.Text.Json.JsonElement> Evaluate(string script, string session, CancellationToken ct)
    {
        var evaluated = await Send("Runtime.evaluate", new JsonObject
        {
            ["expression"] = script,
            ["awaitPromise"] = true,
            ["returnByValue"] = true,
        }, session, ct).ConfigureAwait(false);
        if (evaluated.TryGetProperty("exceptionDetails", out var error))
        {
            var message = error.TryGetProperty("exception", out var e) && e.TryGetProperty("description", out var d) ? d.GetString() : error.ToString();
            throw new DevToolsException($"Laying out the dossier in pages failed: {message}");
        }
        return evaluated.TryGetProperty("result", out var result) && result.TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    private Task<System.Text.Json.JsonElement> Send(string method, JsonObject? parameters, string? session, CancellationToken ct) =>
        _pipe.SendAsync(method, parameters, session, CommandTimeout, ct);

    public async ValueTask DisposeAsync()
    {
        await _pipe.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile; the folder is in the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
