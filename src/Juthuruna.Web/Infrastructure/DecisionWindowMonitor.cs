using Juthuruna.Features.Notifications;
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
/// <see cref="ReminderOptions.ReminderIntervalMinutes"/>. Several web nodes may run it at once: the outbox's
/// unique key keeps each reminder single.
/// </summary>
public sealed class DecisionWindowMonitor(
    IServiceScopeFactory scopes,
    TenantScopeFactory tenantScopes,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<DecisionWindowMonitor> logger) : AssociationJob<RemindersRaised>(scopes, tenantScopes, clock, logger)
{
    protected override bool Enabled => options.Value.RemindersEnabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.ReminderIntervalMinutes));

    protected override Task<RemindersRaised> RunForAssociationAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DecisionWindowReminders>().RaiseAsync(ct);

    protected override string Name => "Decision window reminders";
}
