using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Juthuruna.Pdf;

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

    // The page box and its "صفحة X من Y" footer, as CSS @page rules put before the document's own styles: Chromium
    // numbers the pages however the letter breaks. A margin box costs nothing like Puppeteer's footer template
    // (displayHeaderFooter lays out a second document for every page; docs/benchmarks.md, issue 13). Margin boxes do
    // not inherit the body's styles, hence the explicit font and size, and no kerning (as in LetterDocument: Amiri's
    // kerning makes text extraction split words).
    private const string ArabicPageStyle =
        "<style>@page { size: A4; margin: 18mm 18mm 20mm 18mm; @bottom-center { content: \"صفحة \" counter(page) \" من \" counter(pages);"
        + " direction: rtl; font-family: 'Amiri', 'Noto Naskh Arabic', serif; font-size: 9pt; font-kerning: none; } }</style>";

    private const string EnglishPageStyle =
        "<style>@page { size: A4; margin: 18mm 18mm 20mm 18mm; @bottom-center { content: \"Page \" counter(page) \" of \" counter(pages);"
        + " direction: ltr; font-family: 'Noto Serif', 'Amiri', serif; font-size: 9pt; } }</style>";

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
    /// Takes one of the print slots (and the admission a printing letter has) until the result is disposed, for
    /// tests that need a letter to wait in the middle of its print (a renderer busy with other letters) without
    /// burning a core on a page that never finishes.
    /// </summary>
    internal async Task<IDisposable> HoldSlotAsync(CancellationToken ct)
    {
        var ticket = Admit();
        try
        {
            await _slots.WaitAsync(ct);
        }
        catch
        {
            ticket.Dispose();
            throw;
        }

        return new SlotHold(_slots, ticket);
    }

    private sealed class SlotHold(SemaphoreSlim slots, PrintTicket ticket) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
                ticket.Dispose();
            }
        }
    }

    /// <summary>Letters admitted and not yet printed: printing, or waiting for a slot.</summary>
    private int _admitted;

    private int Capacity => Math.Max(1, _options.MaxConcurrency) + Math.Max(0, _options.QueueLimit);

    /// <summary>
    /// A place for one letter: refused at once with <see cref="PdfRendererBusyException"/> when every slot prints and
    /// <see cref="LetterOptions.QueueLimit"/> letters already wait. The register takes it before the letter's number,
    /// so a refused letter leaves no entry; the ticket is given back when its print ends or when it is disposed.
    /// </summary>
    public PrintTicket Admit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Increment(ref _admitted) > Capacity)
        {
            Interlocked.Decrement(ref _admitted);
            _logger.LogWarning(
                "PDF renderer busy: {Slots} letter(s) printing and {QueueLimit} waiting; a letter was refused (Letters:QueueLimit).",
                Math.Max(1, _options.MaxConcurrency),
                Math.Max(0, _options.QueueLimit));
            throw new PdfRendererBusyException("Every print slot is busy and the queue is full.");
        }

        return new PrintTicket(this);
    }

    /// <summary>One admitted letter's right to print once (see <see cref="Admit"/>).</summary>
    public sealed class PrintTicket : IDisposable
    {
        private readonly PdfRenderer _renderer;
        private int _released;

        internal PrintTicket(PdfRenderer renderer) => _renderer = renderer;

        /// <inheritdoc cref="PdfRenderer.RenderAsync(string, string, CancellationToken)"/>
        public async Task<byte[]> RenderAsync(string html, string language, CancellationToken ct)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) == 1, this);
            try
            {
                return await _renderer.RenderAdmittedAsync(html, language, ct);
            }
            finally
            {
                Dispose();
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref _renderer._admitted);
            }
        }
    }

    /// <summary>The running Chromium's process id, for tests that kill it.</summary>
    internal int? BrowserProcessId => _session?.ProcessId;

    /// <summary>
    /// The PDF (A4, backgrounds printed, letter margins, "صفحة X من Y" footer) of a complete HTML document.
    /// Throws <see cref="PdfRendererUnavailableException"/> when Chromium is missing or cannot start,
    /// <see cref="TimeoutException"/> when the render exceeds the configured time, <see cref="PdfRendererBusyException"/>
    /// at once when the queue is full.
    /// </summary>
    public Task<byte[]> RenderAsync(string html, CancellationToken ct) => RenderAsync(html, "ar", ct);

    /// <inheritdoc cref="RenderAsync(string, CancellationToken)"/>
    /// <param name="language">"ar" for the Arabic footer ("صفحة X من Y"), anything else for "Page X of Y".</param>
    public async Task<byte[]> RenderAsync(string html, string language, CancellationToken ct)
    {
        using var ticket = Admit();
        return await ticket.RenderAsync(html, language, ct);
    }

    private async Task<byte[]> RenderAdmittedAsync(string html, string language, CancellationToken ct)
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
                return await RenderInSlotAsync(WithPageStyle(html, language == "ar" ? ArabicPageStyle : EnglishPageStyle), deadline.Token);
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

    private async Task<byte[]> RenderInSlotAsync(string html, CancellationToken ct)
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
                var pdf = await PrintAsync(page, html, ct);
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

    /// <summary>
    /// The page style goes first in the head (or first in the document when it has none), so that a rule of the
    /// letter's own (its <c>@page { size: A4 }</c>) still applies on top.
    /// </summary>
    internal static string WithPageStyle(string html, string style)
    {
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        if (head >= 0)
        {
            return html.Insert(head + "<head>".Length, style);
        }

        // No <head>: after the doctype and the <html> start tag if there are any (a style before them would put
        // the page in quirks mode), else at the very start.
        var htmlTag = html.IndexOf("<html", StringComparison.OrdinalIgnoreCase);
        var at = htmlTag >= 0 ? html.IndexOf('>', htmlTag) + 1 : 0;
        return html.Insert(at, style);
    }

    private async Task<byte[]> PrintAsync(IPage page, string html, CancellationToken ct)
    {
        var timeoutMs = (int)Timeout.TotalMilliseconds;
        await page.SetContentAsync(html, new SetContentOptions
        {
            WaitUntil = [WaitUntilNavigation.Load],
            Timeout = timeoutMs,
            CancellationToken = ct,
        }).WaitAsync(ct);
        // Size and margins come from the page style (PreferCSSPageSize); the footer is its @bottom-center box.
        return await page.PdfDataAsync(new PdfOptions
        {
            Format = PaperFormat.A4,
            PreferCSSPageSize = true,
            PrintBackground = true,
            WaitForFonts = true,
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
