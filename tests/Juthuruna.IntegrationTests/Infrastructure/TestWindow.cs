using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Infrastructure;

/// <summary>Arranges the decision window: today on the fake clock, a request's dates, one run of the reminders.</summary>
public static class TestWindow
{
    /// <summary>Today in Riyadh on the factory's clock.</summary>
    public static DateOnly Today(AppFactory factory) => DateOnly.FromDateTime(DualDate.ToRiyadh(factory.Clock.GetUtcNow().UtcDateTime));

    /// <summary>Changes a request's row directly: its due date, or a decision reached (state, decided on).</summary>
    public static Task SetAsync(AppFactory factory, TestTenant tenant, Guid requestId, Action<SupportRequest> change) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var request = await db.SupportRequests.SingleAsync(r => r.Id == requestId);
            change(request);
            await db.SaveChangesAsync();
        });

    /// <summary>A verified request whose decision is due <paramref name="daysFromToday"/> days from today (negative: overdue).</summary>
    public static async Task<Guid> RequestDueInAsync(AppFactory factory, TestTenant tenant, int daysFromToday)
    {
        var arranged = await TestRequests.VerifiedAsync(factory, tenant);
        var due = Today(factory).AddDays(daysFromToday);
        await SetAsync(factory, tenant, arranged.RequestId, r => r.DecisionDueOn = due);
        // The beneficiary's "request received" SMS, queued when the request was opened, is not what the window's
        // reminders are about: these tests look at the messages the reminders write.
        await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages
            .Where(m => m.Kind == Juthuruna.Features.Notifications.MessageKind.RequestReceived).ExecuteDeleteAsync());
        return arranged.RequestId;
    }

    public static Task<RemindersRaised> RaiseAsync(AppFactory factory, TestTenant tenant) =>
        factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<DecisionWindowReminders>().RaiseAsync(CancellationToken.None));

    public sealed record Raised(NotificationKind Kind, Guid RecipientUserId, Guid? RequestId, string DedupKey);

    /// <summary>The tenant's outbox as the tenant sees it.</summary>
    public static Task<List<Raised>> OutboxAsync(AppFactory factory, TestTenant tenant) =>
        factory.QueryAsync(tenant.Id, db => db.Notifications
            .OrderBy(n => n.Kind).ThenBy(n => n.DedupKey)
            .Select(n => new Raised(n.Kind, n.RecipientUserId, n.RequestId, n.DedupKey))
            .ToListAsync());
}
