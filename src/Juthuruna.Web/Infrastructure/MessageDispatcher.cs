using Juthuruna.Features.Notifications.Messaging;
using Juthuruna.Features.Tenants;
using Juthuruna.Tenancy;
using Microsoft.Extensions.Options;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Sends the outbox's due messages for every active association, every
/// <see cref="MessagingOptions.DispatchIntervalSeconds"/>. Each association is worked in its own tenant
/// scope (architecture rule 5), a bounded batch per pass; one association's failure is logged and the others
/// still run. Several web nodes may run it at once: <see cref="MessageDelivery"/> claims each message by a
/// conditional UPDATE before sending it.
/// </summary>
public sealed partial class MessageDispatcher(
    IServiceScopeFactory scopes,
    TenantScopeFactory tenantScopes,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    IHostEnvironment environment,
    ILogger<MessageDispatcher> logger) : BackgroundService
{
    private const int TenantPageSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatcherEnabled)
        {
            return;
        }

        if (settings.Mode == MessagingMode.Local && environment.IsProduction())
        {
            // Local mode keeps messages in memory only: in production nobody would receive them.
            LogLocalModeInProduction();
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, settings.DispatchIntervalSeconds)), clock);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Listing the associations failed (database unreachable…): try again at the next tick.
                    LogRunFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One pass over the active associations; returns what was done in each (failed ones are left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, DeliveryRun>> RunOnceAsync(CancellationToken ct)
    {
        var runs = new Dictionary<Guid, DeliveryRun>();
        Guid? after = null;
        while (true)
        {
            IReadOnlyList<Guid> tenantIds;
            await using (var scope = scopes.CreateAsyncScope())
            {
                tenantIds = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().ActiveAssociationIdsAsync(after, TenantPageSize, ct);
            }

            foreach (var tenantId in tenantIds)
            {
                using var logScope = logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenantId });
                try
                {
                    await using var scope = tenantScopes.BeginScope(tenantId);
                    runs[tenantId] = await scope.ServiceProvider.GetRequiredService<MessageDelivery>().DeliverDueAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTenantFailed(ex, tenantId);
                }
            }

            if (tenantIds.Count < TenantPageSize)
            {
                return runs;
            }

            after = tenantIds[^1];
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message dispatch failed for association {TenantId}")]
    private partial void LogTenantFailed(Exception exception, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messaging:Mode is Local in Production: e-mail and SMS are kept in memory, not sent")]
    private partial void LogLocalModeInProduction();

    [LoggerMessage(Level = LogLevel.Error, Message = "Message dispatch could not run")]
    private partial void LogRunFailed(Exception exception);
}
