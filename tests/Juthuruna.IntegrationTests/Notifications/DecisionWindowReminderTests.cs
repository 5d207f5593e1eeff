using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Features.Tenants;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Notifications;

/// <summary>
/// The decision window's reminders on the fake clock. These tests move the clock forward, so they keep their
/// own factory (this class): every test reckons from the clock's current day.
/// </summary>
public sealed class DecisionWindowReminderTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private void AdvanceTo(DateOnly day) => factory.Clock.Advance(TimeSpan.FromDays(day.DayNumber - TestWindow.Today(factory).DayNumber));

    [Fact]
    public async Task Reminders_follow_the_clock_secretary_at_four_days_manager_when_overdue_each_once()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        var due = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == request.RequestId).Select(r => r.DecisionDueOn!.Value).SingleAsync());
        var secretary = tenant.User(StaffRoles.CommitteeSecretary).Id;
        var manager = tenant.User(StaffRoles.Manager).Id;

        AdvanceTo(due.AddDays(-10));
        Assert.Equal(RemindersRaised.None, await TestWindow.RaiseAsync(factory, tenant));
        Assert.Empty(await TestWindow.OutboxAsync(factory, tenant));

        AdvanceTo(due.AddDays(-DecisionWindow.AtRiskDays));
        Assert.Equal(new RemindersRaised(1, 0), await TestWindow.RaiseAsync(factory, tenant));
        var reminder = Assert.Single(await TestWindow.OutboxAsync(factory, tenant));
        Assert.Equal(new TestWindow.Raised(NotificationKind.DecisionDueSoon, secretary, request.RequestId, $"DecisionDueSoon:{request.RequestId}:{secretary}"), reminder);

        Assert.Equal(RemindersRaised.None, await TestWindow.RaiseAsync(factory, tenant));
        AdvanceTo(due);
        Assert.Equal(RemindersRaised.None, await TestWindow.RaiseAsync(factory, tenant));

        AdvanceTo(due.AddDays(1));
        Assert.Equal(new RemindersRaised(0, 1), await TestWindow.RaiseAsync(factory, tenant));
        Assert.Equal(RemindersRaised.None, await TestWindow.RaiseAsync(factory, tenant));
        var outbox = await TestWindow.OutboxAsync(factory, tenant);
        Assert.Equal(2, outbox.Count);
        Assert.Equal(new TestWindow.Raised(NotificationKind.DecisionOverdue, manager, request.RequestId, $"DecisionOverdue:{request.RequestId}:{manager}"), outbox[1]);
        var stored = await factory.QueryAsync(tenant.Id, db => db.Notifications.Select(n => new { n.Status, n.ReadAtUtc, n.CreatedAtUtc }).ToListAsync());
        Assert.All(stored, n => Assert.Equal(DeliveryStatus.Pending, n.Status));
        Assert.All(stored, n => Assert.Null(n.ReadAtUtc));
    }

    [Fact]
    public async Task Reminders_go_to_the_secretary_seated_today_not_to_the_staff_role()
    {
        var tenant = await factory.CreateTenantAsync();
        var today = TestWindow.Today(factory);
        var seated = tenant.User(StaffRoles.CommitteeMember).Id;
        var formerSecretary = tenant.User(StaffRoles.CommitteeChair).Id;
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.CommitteeMembers.Add(new CommitteeMember { UserId = seated, Role = CommitteeRole.Secretary, ActiveFrom = today.AddDays(-30) });
            db.CommitteeMembers.Add(new CommitteeMember { UserId = formerSecretary, Role = CommitteeRole.Secretary, ActiveFrom = today.AddDays(-400), ActiveTo = today.AddDays(-31) });
            await db.SaveChangesAsync();
        });
        var requestId = await TestWindow.RequestDueInAsync(factory, tenant, 2);

        Assert.Equal(new RemindersRaised(1, 0), await TestWindow.RaiseAsync(factory, tenant));

        var reminder = Assert.Single(await TestWindow.OutboxAsync(factory, tenant));
        Assert.Equal(seated, reminder.RecipientUserId);
        Assert.Equal(requestId, reminder.RequestId);
    }

    [Fact]
    public async Task Reminders_reach_every_active_manager_and_skip_disabled_ones()
    {
        var tenant = await factory.CreateTenantAsync();
        var (secondManager, disabledManager) = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var accounts = sp.GetRequiredService<Juthuruna.Features.Staff.StaffAccounts>();
            var (_, second) = await accounts.CreateAsync(new Juthuruna.Features.Staff.NewStaffUser("مدير ثان", $"manager2@{tenant.Slug}.test", AppFactory.Password, [StaffRoles.Manager], null), CancellationToken.None);
            var (_, disabled) = await accounts.CreateAsync(new Juthuruna.Features.Staff.NewStaffUser("مدير سابق", $"manager3@{tenant.Slug}.test", AppFactory.Password, [StaffRoles.Manager], null), CancellationToken.None);
            var db = sp.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == disabled!.Value);
            user.IsActive = false;
            await db.SaveChangesAsync();
            return (second!.Value, disabled!.Value);
        });
        await TestWindow.RequestDueInAsync(factory, tenant, -3);

        Assert.Equal(new RemindersRaised(0, 2), await TestWindow.RaiseAsync(factory, tenant));

        var recipients = (await TestWindow.OutboxAsync(factory, tenant)).Select(n => n.RecipientUserId).ToHashSet();
        Assert.Equal(new[] { tenant.User(StaffRoles.Manager).Id, secondManager }.Order(), recipients.Order());
        Assert.DoesNotContain(disabledManager, recipients);
    }

    [Fact]
    public async Task Reminders_ignore_decided_and_closed_requests_and_cover_the_committee_queue()
    {
        var tenant = await factory.CreateTenantAsync();
        var today = TestWindow.Today(factory);
        var approved = await TestWindow.RequestDueInAsync(factory, tenant, -2);
        await TestWindow.SetAsync(factory, tenant, approved, r => { r.State = RequestState.Approved; r.DecidedOn = today.AddDays(-1); });
        var rejected = await TestWindow.RequestDueInAsync(factory, tenant, 1);
        await TestWindow.SetAsync(factory, tenant, rejected, r => { r.State = RequestState.Rejected; r.DecidedOn = today; });
        var withdrawn = await TestWindow.RequestDueInAsync(factory, tenant, 3);
        await TestWindow.SetAsync(factory, tenant, withdrawn, r => r.State = RequestState.Withdrawn);
        var queued = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        await TestWindow.SetAsync(factory, tenant, queued.RequestId, r => r.DecisionDueOn = today.AddDays(-1));

        Assert.Equal(new RemindersRaised(0, 1), await TestWindow.RaiseAsync(factory, tenant));

        var escalation = Assert.Single(await TestWindow.OutboxAsync(factory, tenant));
        Assert.Equal(queued.RequestId, escalation.RequestId);
        Assert.Equal(NotificationKind.DecisionOverdue, escalation.Kind);
    }

    [Fact]
    public async Task Reminders_of_one_association_never_touch_another()
    {
        var owner = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        var requestId = await TestWindow.RequestDueInAsync(factory, owner, 1);

        Assert.Equal(RemindersRaised.None, await TestWindow.RaiseAsync(factory, other));
        Assert.Empty(await TestWindow.OutboxAsync(factory, owner));

        Assert.Equal(new RemindersRaised(1, 0), await TestWindow.RaiseAsync(factory, owner));
        Assert.Empty(await TestWindow.OutboxAsync(factory, other));
        var reminder = Assert.Single(await TestWindow.OutboxAsync(factory, owner));
        Assert.Equal(owner.User(StaffRoles.CommitteeSecretary).Id, reminder.RecipientUserId);
        Assert.Equal(requestId, reminder.RequestId);
    }

    [Fact]
    public async Task Reminders_walk_every_page_of_a_large_backlog_in_one_run()
    {
        var tenant = await factory.CreateTenantAsync();
        var ids = new List<Guid>();
        foreach (var days in new[] { 0, 1, 1, 2, 4 })
        {
            ids.Add(await TestWindow.RequestDueInAsync(factory, tenant, days));
        }

        var raised = await factory.InTenantAsync(tenant.Id, sp =>
        {
            var reminders = sp.GetRequiredService<DecisionWindowReminders>();
            reminders.PageSize = 2;
            return reminders.RaiseAsync(CancellationToken.None);
        });

        Assert.Equal(new RemindersRaised(5, 0), raised);
        Assert.Equal(ids.Order(), (await TestWindow.OutboxAsync(factory, tenant)).Select(n => n.RequestId!.Value).Order());
    }

    [Fact]
    public async Task Reminders_two_runs_at_once_raise_each_reminder_once()
    {
        var tenant = await factory.CreateTenantAsync();
        for (var i = 0; i < 3; i++)
        {
            await TestWindow.RequestDueInAsync(factory, tenant, i);
        }

        var runs = await Task.WhenAll(TestWindow.RaiseAsync(factory, tenant), TestWindow.RaiseAsync(factory, tenant));

        Assert.Equal(3, runs.Sum(r => r.DueSoon));
        var outbox = await TestWindow.OutboxAsync(factory, tenant);
        Assert.Equal(3, outbox.Count);
        Assert.Equal(3, outbox.Select(n => n.DedupKey).Distinct().Count());
    }

    [Fact]
    public async Task Monitor_one_pass_raises_in_each_active_association_and_skips_suspended_ones()
    {
        var first = await factory.CreateTenantAsync();
        var second = await factory.CreateTenantAsync();
        var suspended = await factory.CreateTenantAsync();
        await TestWindow.RequestDueInAsync(factory, first, 2);
        await TestWindow.RequestDueInAsync(factory, second, -1);
        await TestWindow.RequestDueInAsync(factory, suspended, 2);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantProvisioning>().SetSuspendedAsync(suspended.Id, true, CancellationToken.None);
        }

        var raised = await factory.Services.GetRequiredService<DecisionWindowMonitor>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(new RemindersRaised(1, 0), raised[first.Id]);
        Assert.Equal(new RemindersRaised(0, 1), raised[second.Id]);
        Assert.False(raised.ContainsKey(suspended.Id));
        Assert.Equal(first.User(StaffRoles.CommitteeSecretary).Id, Assert.Single(await TestWindow.OutboxAsync(factory, first)).RecipientUserId);
        Assert.Equal(second.User(StaffRoles.Manager).Id, Assert.Single(await TestWindow.OutboxAsync(factory, second)).RecipientUserId);
        Assert.Empty(await TestWindow.OutboxAsync(factory, suspended));
    }
}
