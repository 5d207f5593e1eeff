using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Notifications.Messaging;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Notifications;

/// <summary>
/// The dispatcher in Local mode (messages kept by the local sink). These tests move the clock forward, so they
/// keep their own factory.
/// </summary>
public sealed class MessageDispatchTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Reminder_writes_one_arabic_email_to_the_secretary_with_both_dates_and_the_dispatcher_sends_it_once()
    {
        var tenant = await factory.CreateTenantAsync();
        var requestId = await TestWindow.RequestDueInAsync(factory, tenant, 2);
        var number = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.Number).SingleAsync());

        await TestWindow.RaiseAsync(factory, tenant);
        await TestWindow.RaiseAsync(factory, tenant);

        var message = Assert.Single(await TestMessages.StoredAsync(factory, tenant));
        Assert.Equal(MessageChannel.Email, message.Channel);
        Assert.Equal(tenant.User(StaffRoles.CommitteeSecretary).Email, message.Recipient);
        Assert.Equal($"تذكير: يقترب موعد البت في الطلب رقم {number}", message.Subject);
        Assert.Contains(number, message.Body);
        var dueOn = DualDate.Format(TestWindow.Today(factory).AddDays(2), CultureInfo.GetCultureInfo("ar-SA"));
        Assert.Contains(dueOn, message.Body);
        Assert.Contains("هـ", dueOn); // Hijri…
        Assert.EndsWith(" م", dueOn); // …and Gregorian
        Assert.Equal(DeliveryStatus.Pending, message.Status);
        var notificationId = await factory.QueryAsync(tenant.Id, db => db.Notifications.Select(n => n.Id).SingleAsync());
        Assert.Equal(notificationId, await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.Select(m => m.NotificationId).SingleAsync()));

        var run = await TestMessages.DispatchAsync(factory);
        Assert.Equal(new DeliveryRun(1, 0, 0, 0), run[tenant.Id]);
        await TestMessages.DispatchAsync(factory);

        var kept = Assert.Single(TestMessages.Kept(factory, tenant));
        Assert.Equal((message.Recipient, message.Subject, message.Body), (kept.Recipient, kept.Subject, kept.Body));
        var sent = Assert.Single(await TestMessages.StoredAsync(factory, tenant));
        Assert.Equal((DeliveryStatus.Sent, 1), (sent.Status, sent.Attempts));
        Assert.NotNull(sent.SentAtUtc);
    }

    [Fact]
    public async Task Overdue_escalation_emails_the_manager()
    {
        var tenant = await factory.CreateTenantAsync();
        await TestWindow.RequestDueInAsync(factory, tenant, -1);

        await TestWindow.RaiseAsync(factory, tenant);

        var message = Assert.Single(await TestMessages.StoredAsync(factory, tenant));
        Assert.Equal(tenant.User(StaffRoles.Manager).Email, message.Recipient);
        Assert.StartsWith("تجاوز موعد البت في الطلب رقم", message.Subject);
    }

    [Fact]
    public async Task Dispatcher_two_nodes_running_at_once_send_each_message_once()
    {
        var tenant = await factory.CreateTenantAsync();
        var ids = await TestMessages.AddAsync(factory, tenant, 12);
        var first = TestMessages.AnotherNode(factory);
        var second = TestMessages.AnotherNode(factory);

        await Task.WhenAll(
            Task.Run(() => first.RunOnceAsync(CancellationToken.None)),
            Task.Run(() => second.RunOnceAsync(CancellationToken.None)));
        await TestMessages.DispatchAsync(factory);

        var kept = TestMessages.Kept(factory, tenant);
        Assert.Equal(ids.Order(), kept.Select(k => k.MessageId).Order());
        var stored = await TestMessages.StoredAsync(factory, tenant);
        Assert.All(stored, m => Assert.Equal((DeliveryStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task Dispatcher_after_a_restart_retries_a_message_whose_lease_expired_but_not_one_still_held()
    {
        var tenant = await factory.CreateTenantAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        // Claimed by a node that died two minutes into a five-minute lease…
        var orphaned = Assert.Single(await TestMessages.AddAsync(factory, tenant, 1, change: m =>
        {
            m.Attempts = 1;
            m.ClaimToken = Guid.NewGuid();
            m.LeaseUntilUtc = now.AddMinutes(-1);
        }));
        // …and one another node is sending right now.
        var held = Assert.Single(await TestMessages.AddAsync(factory, tenant, 1, change: m =>
        {
            m.Attempts = 1;
            m.ClaimToken = Guid.NewGuid();
            m.LeaseUntilUtc = now.AddMinutes(3);
        }));

        var restarted = TestMessages.AnotherNode(factory);
        await restarted.RunOnceAsync(CancellationToken.None);

        Assert.Equal([orphaned], TestMessages.Kept(factory, tenant).Select(k => k.MessageId));
        var stored = (await TestMessages.StoredAsync(factory, tenant)).ToDictionary(m => m.Id);
        Assert.Equal((DeliveryStatus.Sent, 2), (stored[orphaned].Status, stored[orphaned].Attempts));
        Assert.Equal((DeliveryStatus.Pending, 1), (stored[held].Status, stored[held].Attempts));
    }

    [Fact]
    public async Task Delivery_in_one_association_scope_sends_only_its_own_messages()
    {
        var mine = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        var myIds = await TestMessages.AddAsync(factory, mine, 2);
        await TestMessages.AddAsync(factory, other, 2);

        var run = await factory.InTenantAsync(mine.Id, sp => sp.GetRequiredService<MessageDelivery>().DeliverDueAsync(CancellationToken.None));

        Assert.Equal(2, run.Sent);
        Assert.Equal(myIds.Order(), TestMessages.Kept(factory, mine).Select(k => k.MessageId).Order());
        Assert.Empty(TestMessages.Kept(factory, other));
        Assert.All(await TestMessages.StoredAsync(factory, other), m => Assert.Equal((DeliveryStatus.Pending, 0), (m.Status, m.Attempts)));
    }
}
