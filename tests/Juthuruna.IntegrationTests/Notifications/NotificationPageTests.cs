using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Notifications;

[Collection(SharedApp.Administration)]
public sealed class NotificationPageTests(AppFactory factory)
{
    private sealed record Reminded(TestTenant Tenant, Guid RequestId, string Number, Guid NotificationId);

    /// <summary>A request due in two days and the reminder raised for it to the tenant's committee secretary.</summary>
    private async Task<Reminded> RemindedAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        var requestId = await TestWindow.RequestDueInAsync(factory, tenant, 2);
        await TestWindow.RaiseAsync(factory, tenant);
        var secretary = tenant.User(StaffRoles.CommitteeSecretary).Id;
        var (number, notificationId) = await factory.QueryAsync(tenant.Id, async db => (
            await db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.Number).SingleAsync(),
            await db.Notifications.Where(n => n.RecipientUserId == secretary).Select(n => n.Id).SingleAsync()));
        return new Reminded(tenant, requestId, number, notificationId);
    }

    private Task<DateTime?> ReadAtAsync(Reminded r) =>
        factory.QueryAsync(r.Tenant.Id, db => db.Notifications.Where(n => n.Id == r.NotificationId).Select(n => n.ReadAtUtc).SingleAsync());

    [Fact]
    public async Task Notifications_secretary_sees_the_reminder_in_arabic_with_the_request_number_and_the_bell_count()
    {
        var reminded = await RemindedAsync();
        using var secretary = await factory.SignInAsync(reminded.Tenant.User(StaffRoles.CommitteeSecretary).Email);

        var page = await secretary.GetDocumentAsync("/Notifications");

        var item = Assert.Single(page.QuerySelectorAll("[data-testid=notification]"));
        Assert.Contains("اقتراب موعد قرار اللجنة", item.QuerySelector("[data-testid=notification-title]")!.TextContent);
        var link = item.QuerySelector<IHtmlAnchorElement>("[data-testid=notification-request]")!;
        Assert.Equal(reminded.Number, link.TextContent.Trim());
        Assert.Equal($"/Requests/Details/{reminded.RequestId}", link.GetAttribute("href"));
        Assert.Equal("بقي يومان", item.QuerySelector("[data-testid=days-left]")!.TextContent.Trim());
        Assert.Contains("سعاد عبدالله صالح الزهراني", item.TextContent);
        Assert.Equal("false", item.GetAttribute("data-read"));
        Assert.Equal("1", page.QuerySelector("[data-testid=notification-bell] [data-testid=unread-count]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Notifications_mark_as_read_clears_the_highlight_and_the_bell()
    {
        var reminded = await RemindedAsync();
        using var secretary = await factory.SignInAsync(reminded.Tenant.User(StaffRoles.CommitteeSecretary).Email);

        var response = await secretary.SubmitFormAsync("/Notifications", "form[data-testid=read-form]", new Dictionary<string, string>());
        var again = await secretary.PostWithTokenAsync($"/Notifications?handler=Read&id={reminded.NotificationId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var readAt = await ReadAtAsync(reminded);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, readAt);
        var page = await secretary.GetDocumentAsync("/Notifications");
        Assert.Equal("true", page.QuerySelector("[data-testid=notification]")!.GetAttribute("data-read"));
        Assert.Null(page.QuerySelector("[data-testid=read-form]"));
        Assert.Null(page.QuerySelector("[data-testid=unread-count]"));
    }

    [Fact]
    public async Task Notifications_mark_all_as_read_reads_only_the_users_own()
    {
        var reminded = await RemindedAsync();
        await TestWindow.RequestDueInAsync(factory, reminded.Tenant, -1);
        await TestWindow.RaiseAsync(factory, reminded.Tenant);
        using var secretary = await factory.SignInAsync(reminded.Tenant.User(StaffRoles.CommitteeSecretary).Email);

        var response = await secretary.SubmitFormAsync("/Notifications", "form[data-testid=read-all-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var unread = await factory.QueryAsync(reminded.Tenant.Id, db => db.Notifications.Where(n => n.ReadAtUtc == null).Select(n => n.RecipientUserId).ToListAsync());
        Assert.Equal([reminded.Tenant.User(StaffRoles.Manager).Id], unread);
    }

    [Fact]
    public async Task Notifications_list_only_the_signed_in_users_own()
    {
        var reminded = await RemindedAsync();
        using var officer = await factory.SignInAsync(reminded.Tenant.User(StaffRoles.RelationsOfficer).Email);

        var page = await officer.GetDocumentAsync("/Notifications");

        Assert.Empty(page.QuerySelectorAll("[data-testid=notification]"));
        Assert.NotNull(page.QuerySelector("[data-testid=notifications-empty]"));
        Assert.Null(page.QuerySelector("[data-testid=unread-count]"));
    }

    [Fact]
    public async Task Notifications_another_users_notification_is_not_found_and_stays_unread()
    {
        var reminded = await RemindedAsync();
        using var manager = await factory.SignInAsync(reminded.Tenant.User(StaffRoles.Manager).Email);

        await TenantLeak.AssertPostNotFoundAsync(factory, manager, reminded.Tenant.Id, $"/Notifications?handler=Read&id={reminded.NotificationId}",
            db => db.Notifications.Where(n => n.Id == reminded.NotificationId).Select(n => n.ReadAtUtc).SingleAsync());
    }

    [Fact]
    public async Task Notifications_another_associations_notification_is_not_found_and_stays_unread()
    {
        var reminded = await RemindedAsync();
        var intruderTenant = await factory.CreateTenantAsync();
        using var intruder = await factory.SignInAsync(intruderTenant.User(StaffRoles.CommitteeSecretary).Email);

        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, reminded.Tenant.Id, $"/Notifications?handler=Read&id={reminded.NotificationId}",
            db => db.Notifications.Where(n => n.Id == reminded.NotificationId).Select(n => n.ReadAtUtc).SingleAsync());
        await intruder.PostWithTokenAsync("/Notifications?handler=ReadAll");
        Assert.Null(await ReadAtAsync(reminded));
    }

    [Fact]
    public async Task Notifications_page_newest_first_by_keyset_with_older_and_newest_links_repeating_and_skipping_none()
    {
        var tenant = await factory.CreateTenantAsync();
        var manager = tenant.User(StaffRoles.Manager).Id;
        var start = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        // 120 notifications; every three share a time, so the id has to break ties on the page boundaries.
        var ids = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<Juthuruna.Data.AppDbContext>();
            var made = Enumerable.Range(0, 120).Select(i => new Juthuruna.Features.Notifications.Notification
            {
                Kind = Juthuruna.Features.Notifications.NotificationKind.DecisionOverdue,
                RecipientUserId = manager,
                DedupKey = $"paging-test:{i}",
                CreatedAtUtc = start.AddMinutes(i / 3),
            }).ToList();
            db.Notifications.AddRange(made);
            await db.SaveChangesAsync();
            return made.Select(n => n.Id).ToList();
        });
        using var client = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        var seen = new List<string>();
        var url = "/Notifications";
        var pages = 0;
        IDocument page;
        do
        {
            page = await client.GetDocumentAsync(url);
            var items = page.QuerySelectorAll("[data-testid=notification]").Select(n => n.GetAttribute("data-id")!).ToList();
            Assert.InRange(items.Count, 1, Juthuruna.Features.Notifications.NotificationInbox.ListSize);
            Assert.Equal(pages > 0, page.QuerySelector("[data-testid=newest-notifications]") is not null);
            seen.AddRange(items);
            pages++;
            url = page.QuerySelector("[data-testid=older-notifications]")?.GetAttribute("href") ?? "";
        }
        while (url.Length > 0 && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(120, seen.Count);
        Assert.Equal(120, seen.Distinct().Count());
        Assert.True(ids.Select(i => i.ToString()).ToHashSet().SetEquals(seen));
        // Newest first: the last three created share the newest time and lead the first page.
        var times = await factory.QueryAsync(tenant.Id, db => db.Notifications.Where(n => n.RecipientUserId == manager).ToDictionaryAsync(n => n.Id.ToString(), n => n.CreatedAtUtc));
        Assert.Equal(seen.OrderByDescending(i => times[i]).Select(i => times[i]), seen.Select(i => times[i]));
    }
}
