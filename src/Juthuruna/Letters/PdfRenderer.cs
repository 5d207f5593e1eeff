using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Juthuruna.Letters;

/// <summary>
/// Prints HTML to PDF in headless Chromium (ADR 0004). One browser per process, launched on first use (or by
/// the web app's warm-up) and relaunched when it has died; a few pages are reused because a new page costs
/// ~340 ms against ~60 ms for a warm one. At most <see cref="LetterOptions.MaxConcurrency"/> letters print at
/// once, each within <see cref="LetterOptions.TimeoutSeconds"/>. Chromium only ever sees the HTML we give
/// it: it never navigates, and every network request a letter might make is aborted (data: URIs excepted,
/// so logos and QR codes can be inlined).
/// </summary>
public sealed class PdfRenderer : IAsyncDisposable
{
    internal const string InstallCommand = "apt-get install -y chromium fonts-hosny-amiri fonts-noto-core";

    // Flags that work as root without network (environment notes). The resolver rule is a second fence
    // behind request interception: no host name resolves, so nothing can be fetched even if a request slips by.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // PuppeteerSharp joins the arguments into one command line, hence the quotes around the value with spaces.
        "--host-resolver-rules=\"MAP * ~NOTFOUND\"",
    ];

    // Chromium's own footer, so page numbers are right however the letter breaks across pages. Header and
    // footer templates do not inherit the page's styles, hence the explicit font and size, and no kerning (as in
    // LetterDocument: Amiri's kerning makes text extraction split words).
    private const string FooterTemplate =
        "<div dir=\"rtl\" style=\"width:100%;font-size:9pt;font-family:'Amiri','Noto Naskh Arabic',serif;font-kerning:none;text-align:center;\">"
        + "صفحة <span class=\"pageNumber\"></span> من <span class=\"totalPages\"></span></div>";

    private const string EnglishFooterTemplate =
        "<div dir=\"ltr\" style=\"width:100%;font-size:9pt;font-family:'Noto Serif','Amiri',serif;text-align:center;\">"
        + "Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>";

    private const string WarmUpHtml =
        "<!doctype html><html lang=\"ar\" dir=\"rtl\"><meta charset=\"utf-8\"><body style=\"font-family:'Amiri','Noto Naskh Arabic',serif\">"
        + "<p>بسم الله</p><p style=\"font-family:'Noto Naskh Arabic'\">١٤٤٧/٠٩/٠١</p></body></html>";

    private readonly LetterOptions _options;
    private readonly ILogger<PdfRenderer> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _launchLock = new(1, 1);
    private Session? _session;
    private volatile bool _disposed;

    public PdfRenderer(IOptions<LetterOptions> options, ILogger<PdfRenderer> logger)
    {
        _options = options.Value;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
    }

    private TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds));

    /// <summary>
    /// Takes one of the print slots until the result is disposed, for tests that need a letter to wait in the middle
    /// of its print (a renderer busy with other letters) without burning a core on a page that never finishes.
    /// </summary>
    internal async Task<IDisposable> HoldSlotAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        return new SlotHold(_slots);
    }

    private sealed class SlotHold(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }

    /// <summary>The running Chromium's process id, for tests that kill it.</summary>
    internal int? BrowserProcessId => _session?.ProcessId;

    /// <summary>
    /// The PDF (A4, backgrounds printed, letter margins, "صفحة X من Y" footer) of a complete HTML document.
    /// Throws <see cref="PdfRendererUnavailableException"/> when Chromium is missing or cannot start,
    /// <see cref="TimeoutException"/> when the render exceeds the configured time.
    /// </summary>
    public Task<byte[]> RenderAsync(string html, CancellationToken ct) => RenderAsync(html, "ar", ct);

    /// <inheritdoc cref="RenderAsync(string, CancellationToken)"/>
    /// <param name="language">"ar" for the Arabic footer ("صفحة X من Y"), anything else for "Page X of Y".</param>
    public async Task<byte[]> RenderAsync(string html, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Timeout);
        try
        {
            await _slots.WaitAsync(deadline.Token);
            try
            {
                return await RenderInSlotAsync(html, language == "ar" ? FooterTemplate : EnglishFooterTemplate, deadline.Token);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Rendering the PDF took longer than {Timeout.TotalSeconds} s."));
        }
    }

    /// <summary>
    /// Starts Chromium if it is not running. Throws <see cref="PdfRendererUnavailableException"/> when it is missing
    /// or cannot start — so the register can refuse a letter before it takes a number that nothing could be printed on.
    /// </summary>
    public async Task EnsureStartedAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await GetSessionAsync(ct);
    }

    /// <summary>Launches Chromium and prints a small Arabic page so fonts and one page are ready for the first letter.</summary>
    public async Task WarmUpAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await RenderAsync(WarmUpHtml, ct);
        _logger.LogInformation("PDF renderer warmed up in {ElapsedMs} ms.", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task<byte[]> RenderInSlotAsync(string html, string footer, CancellationToken ct)
    {
        // A browser that died since the last letter is noticed by GetSessionAsync; one that died a moment ago
        // fails on its page instead: then it is dropped and the letter printed once more in a fresh browser.
        for (var attempt = 1; ; attempt++)
        {
            var session = await GetSessionAsync(ct);
            IPage? page = null;
            try
            {
                page = session.TryRent() ?? await NewPageAsync(session, ct);
                var pdf = await PrintAsync(page, html, footer, ct);
                if (!session.TryReturn(page))
                {
                    _ = ClosePageQuietlyAsync(page);
                }

                return pdf;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt == 1 && session.IsDead)
            {
                _logger.LogWarning(ex, "Chromium stopped while printing a letter; relaunching it.");
                await DiscardAsync(session);
            }
            catch
            {
                // Timed out or failed half-way: the page's state is unknown, so it is not reused.
                if (page is not null)
                {
                    _ = ClosePageQuietlyAsync(page);
                }

                throw;
            }
        }
    }

    private async Task<byte[]> PrintAsync(IPage page, string html, string footer, CancellationToken ct)
    {
        var timeoutMs = (int)Timeout.TotalMilliseconds;
        await page.SetContentAsync(html, new SetContentOptions
        {
            WaitUntil = [WaitUntilNavigation.Load],
            Timeout = timeoutMs,
            CancellationToken = ct,
        }).WaitAsync(ct);
        return await page.PdfDataAsync(new PdfOptions
        {
            Format = PaperFormat.A4,
            PrintBackground = true,
            WaitForFonts = true,
            MarginOptions = new MarginOptions { Top = "18mm", Bottom = "20mm", Left = "18mm", Right = "18mm" },
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = footer,
            Timeout = timeoutMs,
        }).WaitAsync(ct);
    }

    private static async Task<IPage> NewPageAsync(Session session, CancellationToken ct)
    {
        var page = await session.Browser.NewPageAsync().WaitAsync(ct);
        await page.SetRequestInterceptionAsync(true).WaitAsync(ct);
        page.Request += (_, e) => _ = FilterRequestAsync(e.Request);
        return page;
    }

    private static async Task FilterRequestAsync(IRequest request)
    {
        try
        {
            if (request.Url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                await request.ContinueAsync();
            }
            else
            {
                await request.AbortAsync();
            }
        }
        catch (Exception)
        {
            // The page was closed or moved on; nothing is waiting for this request any more. (Fire-and-forget
            // from an event handler: an escaping exception would only be an unobserved task.)
        }
    }

    private static async Task ClosePageQuietlyAsync(IPage page)
    {
        try
        {
            await page.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // Best effort: a page of a dead browser is gone anyway.
        }
    }

    private async Task<Session> GetSessionAsync(CancellationToken ct)
    {
        var current = _session;
        if (current is { IsDead: false })
        {
            return current;
        }

        await _launchLock.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            current = _session;
            if (current is { IsDead: false })
            {
                return current;
            }

            if (current is not null)
            {
                _logger.LogWarning("Chromium (process {ProcessId}) is no longer running; starting a new one.", current.ProcessId);
                _session = null;
                await current.DisposeQuietlyAsync();
            }

            _session = await LaunchAsync();
            return _session;
        }
        finally
        {
            _launchLock.Release();
        }
    }

    private async Task DiscardAsync(Session session)
    {
        await _launchLock.WaitAsync();
        try
        {
            if (ReferenceEquals(_session, session))
            {
                _session = null;
            }
        }
        finally
        {
            _launchLock.Release();
        }

        await session.DisposeQuietlyAsync();
    }

    // Not cancellable on purpose: a launch abandoned half-way would leave an orphan Chromium; it is bounded
    // by the launch timeout instead, and callers waiting on the lock still honour their own deadline.
    private async Task<Session> LaunchAsync()
    {
        var path = _options.ChromiumPath;
        if (!File.Exists(path))
        {
            _logger.LogWarning(
                "Chromium was not found at {ChromiumPath}: letters cannot be printed to PDF. Install it with `{InstallCommand}` or set Letters:ChromiumPath.",
                path,
                InstallCommand);
            throw new PdfRendererUnavailableException($"Chromium was not found at '{path}'. Install it with: {InstallCommand}");
        }

        var started = Stopwatch.GetTimestamp();
        IBrowser browser;
        try
        {
            browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = (int)Timeout.TotalMilliseconds,
            });
        }
        catch (Exception ex)
        {
            _logger.LogWarning(
                ex,
                "Chromium at {ChromiumPath} could not be started: letters cannot be printed to PDF. Reinstall it with `{InstallCommand}`.",
                path,
                InstallCommand);
            throw new PdfRendererUnavailableException($"Chromium at '{path}' could not be started. Install it with: {InstallCommand}", ex);
        }

        var session = new Session(browser);
        _logger.LogInformation(
            "Chromium started (process {ProcessId}) in {ElapsedMs} ms.",
            session.ProcessId,
            (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _launchLock.WaitAsync();
        var session = _session;
        _session = null;
        _launchLock.Release();
        if (session is not null)
        {
            await session.DisposeQuietlyAsync();
        }

        _launchLock.Dispose();
        _slots.Dispose();
    }

    /// <summary>One launched browser and its idle pages; pages never outlive the browser they came from.</summary>
    private sealed class Session(IBrowser browser)
    {
        private readonly ConcurrentBag<IPage> _idle = [];
        private int _closed;

        public IBrowser Browser => browser;

        public int? ProcessId { get; } = browser.Process?.Id;

        public bool IsDead => Volatile.Read(ref _closed) == 1 || browser.IsClosed || !browser.IsConnected || HasExited();

        public IPage? TryRent()
        {
            while (_idle.TryTake(out var page))
            {
                if (!page.IsClosed)
                {
                    return page;
                }
            }

            return null;
        }

        public bool TryReturn(IPage page)
        {
            if (IsDead || page.IsClosed)
            {
                return false;
            }

            _idle.Add(page);
            return true;
        }

        public async Task DisposeQuietlyAsync()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1)
            {
                return;
            }

            try
            {
                await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception)
            {
                // Already dead or stuck: the kill below makes sure no Chromium is left behind.
            }

            try
            {
                if (browser.Process is { HasExited: false } process)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (Exception)
            {
                // Exited in the meantime.
            }

            browser.Dispose();
        }

        private bool HasExited()
        {
            try
            {
                return browser.Process is { HasExited: true };
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
