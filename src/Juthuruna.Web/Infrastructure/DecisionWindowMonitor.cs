using Juthuruna.Features.Notifications;
using Juthuruna.Features.Tenants;
using Juthuruna.Tenancy;
using Microsoft.Extensions.Options;

namespace Juthuruna.Web.Infrastructure;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class ReminderOptions
{
    /// <summary>Off in the integration tests: they raise reminders themselves, at the fake clock's time.</summary>
    public bool RemindersEnabled { get; set; } = true;

    public int ReminderIntervalMinutes { get; set; } = 60;
}

/// <summary>
/// Raises the decision window's reminders for every active association, at start-up and then every
/// <see cref="ReminderOptions.ReminderIntervalMinutes"/>. Each association is worked in its own tenant
/// scope (architecture rule 5); one association's failure is logged and the others still run. Several
/// web nodes may run it at once: the outbox's unique key keeps each reminder single.
/// </summary>
public sealed partial class DecisionWindowMonitor(
    IServiceScopeFactory scopes,
    TenantScopeFactory tenantScopes,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<DecisionWindowMonitor> logger) : BackgroundService
{
    private const int TenantPageSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RemindersEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, settings.ReminderIntervalMinutes)), clock);
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

    /// <summary>One pass over the active associations; returns what was raised in each (failed ones are left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, RemindersRaised>> RunOnceAsync(CancellationToken ct)
    {
        var raised = new Dictionary<Guid, RemindersRaised>();
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
                    raised[tenantId] = await scope.ServiceProvider.GetRequiredService<DecisionWindowReminders>().RaiseAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTenantFailed(ex, tenantId);
                }
            }

            if (tenantIds.Count < TenantPageSize)
            {
                return raised;
            }

            after = tenantIds[^1];
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Decision window reminders failed for association {TenantId}")]
    private partial void LogTenantFailed(Exception exception, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Decision window reminders could not run")]
    private partial void LogRunFailed(Exception exception);
}
