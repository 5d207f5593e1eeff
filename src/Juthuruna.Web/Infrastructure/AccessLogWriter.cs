using Juthuruna.Features.Audit;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Writes the queued "Viewed" rows (<see cref="AccessLogBuffer"/>) off the request path: it waits for a view, gathers
/// for <see cref="AccessLogBuffer.BatchDelay"/>, then writes the batch. A failed write is logged and retried on the
/// next turn (the views stay pending). When the host stops — after the server has finished its requests — the queue
/// stops taking views and everything waiting is written (ADR 0013).
/// </summary>
public sealed partial class AccessLogWriter(AccessLogBuffer queue, ILogger<AccessLogWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.WaitForViewsAsync(stoppingToken))
            {
                await Task.Delay(queue.BatchDelay, stoppingToken);
                try
                {
                    await queue.FlushAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogWriteFailed(e);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await queue.StopAsync();
        }
        catch (Exception e)
        {
            LogWriteFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Access log: writing the queued views failed; they stay queued and are tried again")]
    private partial void LogWriteFailed(Exception exception);
}
