using Juthuruna.Data;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Notifications.Messaging;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Notifications;

/// <summary>Arranges outgoing messages and runs the dispatcher as the web host would.</summary>
public static class TestMessages
{
    public sealed record Stored(Guid Id, MessageChannel Channel, string Recipient, string Subject, string Body, DeliveryStatus Status, int Attempts, DateTime NextAttemptAtUtc, string? LastError, DateTime? SentAtUtc);

    /// <summary>Pending messages written straight to the tenant's outbox, due now.</summary>
    public static Task<List<Guid>> AddAsync(AppFactory factory, TestTenant tenant, int count, MessageChannel channel = MessageChannel.Email, Action<OutgoingMessage>? change = null) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var ids = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                var message = new OutgoingMessage
                {
                    Kind = MessageKind.RequestReceived,
                    Channel = channel,
                    DedupKey = $"test:{Guid.NewGuid():N}",
                    Recipient = channel == MessageChannel.Email ? $"beneficiary{i}@{tenant.Slug}.test" : "+966556766873",
                    Subject = channel == MessageChannel.Email ? $"استلام طلبكم رقم {i}" : "",
                    Body = $"تم استلام طلب الدعم الخاص بكم برقم {i}",
                    Status = DeliveryStatus.Pending,
                    NextAttemptAtUtc = now,
                    CreatedAtUtc = now,
                };
                change?.Invoke(message);
                db.OutgoingMessages.Add(message);
                ids.Add(message.Id);
            }

            await db.SaveChangesAsync();
            return ids;
        });

    public static Task<List<Stored>> StoredAsync(AppFactory factory, TestTenant tenant) =>
        factory.QueryAsync(tenant.Id, db => db.OutgoingMessages
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id)
            .Select(m => new Stored(m.Id, m.Channel, m.Recipient, m.Subject, m.Body, m.Status, m.Attempts, m.NextAttemptAtUtc, m.LastError, m.SentAtUtc))
            .ToListAsync());

    /// <summary>One pass of the web host's dispatcher over every association.</summary>
    public static Task<IReadOnlyDictionary<Guid, DeliveryRun>> DispatchAsync(AppFactory factory) =>
        factory.Services.GetRequiredService<MessageDispatcher>().RunOnceAsync(CancellationToken.None);

    /// <summary>A second dispatcher over the same database: another web node, or the process after a restart.</summary>
    public static MessageDispatcher AnotherNode(AppFactory factory) =>
        ActivatorUtilities.CreateInstance<MessageDispatcher>(factory.Services);

    /// <summary>What the local sink kept for one association.</summary>
    public static List<LocalOutboxEntry> Kept(AppFactory factory, TestTenant tenant) =>
        factory.Services.GetRequiredService<LocalOutboxSink>().Latest().Where(e => e.TenantId == tenant.Id).ToList();
}
