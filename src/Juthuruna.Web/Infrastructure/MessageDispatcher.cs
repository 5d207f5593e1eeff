using Juthuruna.Features.Notifications.Messaging;
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
public sealed class MessageDispatcher(
    IServiceScopeFactory scopes,
    TenantScopeFactory tenantScopes,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    IHostEnvironment environment,
    ILogger<MessageDispatcher> logger) : AssociationJob<DeliveryRun>(scopes, tenantScopes, clock, logger)
{
    protected override bool Enabled => options.Value.DispatcherEnabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.DispatchIntervalSeconds));

    protected override string Name => "Message dispatch";

    protected override void OnStarting()
    {
        if (options.Value.Mode == MessagingMode.Local && environment.IsProduction())
        {
            // Local mode keeps messages in memory only: in production nobody would receive them.
            Logger.LogWarning("Messaging:Mode is Local in Production: e-mail and SMS are kept in memory, not sent");
        }
    }

    protected override Task<DeliveryRun> RunForAssociationAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<MessageDelivery>().DeliverDueAsync(ct);
}
