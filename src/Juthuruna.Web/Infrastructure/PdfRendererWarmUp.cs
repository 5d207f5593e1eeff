using Juthuruna.Pdf;
using Microsoft.Extensions.Options;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Starts Chromium in the background at start-up so the first letter does not pay the ~1 s cold start.
/// Never blocks or fails start-up: without Chromium the app runs and only letters are unavailable
/// (the renderer has already logged how to install it).
/// </summary>
public sealed class PdfRendererWarmUp(PdfRenderer renderer, IOptions<LetterOptions> options, ILogger<PdfRendererWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUpOnStart)
        {
            return;
        }

        // Off the start-up path: launching Chromium does synchronous work before its first await.
        await Task.Yield();
        try
        {
            await renderer.WarmUpAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before the browser was ready.
        }
        catch (PdfRendererUnavailableException ex)
        {
            logger.LogWarning("PDF letters are unavailable: {Reason}", ex.Message);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Warming up the PDF renderer failed; the first letter will try again.");
        }
    }
}
