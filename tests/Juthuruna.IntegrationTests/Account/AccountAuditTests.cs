using System.Net;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Staff;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.IntegrationTests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Account;

/// <summary>
/// Account events in the administrator's audit log (issue 17, item 11). A host behind a known proxy, so each sign-in
/// comes from the address its X-Forwarded-For names.
/// </summary>
public sealed class AccountAuditTests(KnownProxyAppFactory factory) : IClassFixture<KnownProxyAppFactory>
{
    [Fact]
    public async Task AccountAudit_sign_ins_refused_and_accepted_are_rows_the_admin_sees_with_the_client_address()
    {
        var tenant = await factory.CreateTenantAsync();
        var manager = tenant.User(StaffRoles.Manager);
        var locked = tenant.User(StaffRoles.SocialResearcher);
        await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<Juthuruna.Data.AppDbContext>().Users
            .Where(u => u.Id == locked.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10))));

        using (var visitor = ForwardedVisitors.Visitor(factory, "203.0.113.41"))
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.SignInAsync(manager.Email, "wrong-password")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await visitor.SignInAsync(manager.Email, AppFactory.Password)).StatusCode);
        }

        using (var visitor = ForwardedVisitors.Visitor(factory, "203.0.113.42"))
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.SignInAsync(locked.Email, AppFactory.Password)).StatusCode);
        }

        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var page = await admin.GetDocumentAsync($"/Admin/Audit?EntityType={AccountEvents.Kind}&EntityId={manager.Id}");
        var rows = AuditRows(page);

        // Newest first: the accepted sign-in, the refused one, the account's creation.
        Assert.Equal(["تسجيل دخول", "دخول مرفوض", "إنشاء"], rows.Select(r => r.Action));
        Assert.Equal("موظف Manager", rows[0].User);
        Assert.Equal("تسجيل دخول", rows[0].Action);
        Assert.Equal("حساب موظف", rows[0].Kind);
        Assert.StartsWith("موظف Manager", rows[0].Record, StringComparison.Ordinal);
        Assert.Contains("عنوان الجهاز (IP): — ← 203.0.113.41", rows[0].Changes);
        Assert.Equal($"محاولة دخول باسم {manager.Email}", rows[1].User);
        Assert.Equal("دخول مرفوض", rows[1].Action);
        Assert.Contains("النتيجة: — ← كلمة مرور خاطئة", rows[1].Changes);
        Assert.Contains("عنوان الجهاز (IP): — ← 203.0.113.41", rows[1].Changes);

        var lockedRows = AuditRows(await admin.GetDocumentAsync($"/Admin/Audit?EntityType={AccountEvents.Kind}&EntityId={locked.Id}"));
        var lockedRow = lockedRows[0];
        Assert.Equal("دخول مرفوض", lockedRow.Action);
        Assert.Contains("النتيجة: — ← الحساب مقفل بعد محاولات خاطئة", lockedRow.Changes);
        Assert.Contains("عنوان الجهاز (IP): — ← 203.0.113.42", lockedRow.Changes);
    }

    [Fact]
    public async Task AccountAudit_unknown_email_is_logged_for_the_platform_with_the_typed_email_cleaned_and_cut()
    {
        var platform = await factory.CreateHostAdminAsync();
        var tenant = await factory.CreateTenantAsync();
        // A right-to-left override inside, and longer than the log keeps.
        var typed = "\u202E" + new string('a', 120) + $"@{tenant.Slug}.test";
        using (var visitor = ForwardedVisitors.Visitor(factory, "203.0.113.43"))
        {
            var response = await visitor.SignInAsync(typed, "wrong-password");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(LoginTests.Refused, (await StaffClient.ParseAsync(response)).QuerySelector("[data-testid=login-error]")!.TextContent.Trim());
        }

        var logged = await factory.QueryAsync(platform.Id, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.SignInFailed && a.UserId == AuditEntry.SignInUser).ToListAsync());
        var entry = Assert.Single(logged, a => a.Changes!.Contains(new string('a', 50), StringComparison.Ordinal));
        var email = AuditChanges.Read(entry.Changes).Single(c => c.Field == "Email").New!;
        Assert.Equal(new string('a', AccountEvents.MaxTypedEmail), email);
        Assert.Equal("203.0.113.43", AuditChanges.Read(entry.Changes).Single(c => c.Field == "ClientAddress").New);
        Assert.Equal(AccountEvents.Kind, entry.EntityType);

        // No association can be told about an e-mail none of them has: the association's log has nothing of it.
        var inTenant = await factory.QueryAsync(tenant.Id, db => db.AuditEntries.AsNoTracking().CountAsync(a => a.Action == AuditAction.SignInFailed));
        Assert.Equal(0, inTenant);
    }

    [Fact]
    public async Task AccountAudit_administrators_changes_to_accounts_are_rows_with_who_did_them()
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = tenant.User(StaffRoles.RelationsOfficer);
        Guid created = default;
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            sp.GetRequiredService<CurrentUser>().Use(tenant.Admin.Id);
            var accounts = sp.GetRequiredService<StaffAccounts>();
            var (result, id) = await accounts.CreateAsync(new NewStaffUser("سارة الحربي", $"sara@{tenant.Slug}.test", AppFactory.Password, [StaffRoles.SocialResearcher], null), CancellationToken.None);
            Assert.True(result.Succeeded);
            created = id!.Value;
            Assert.True((await accounts.SetActiveAsync(officer.Id, false, tenant.Admin.Id, CancellationToken.None)).Succeeded);
            Assert.True((await accounts.SetActiveAsync(officer.Id, true, tenant.Admin.Id, CancellationToken.None)).Succeeded);
            Assert.True((await accounts.SetRolesAsync(officer.Id, [StaffRoles.RelationsOfficer, StaffRoles.Manager], tenant.Admin.Id, CancellationToken.None)).Succeeded);
            Assert.True((await accounts.ResetPasswordAsync(officer.Id, "Another-password-2", CancellationToken.None)).Succeeded);
            Assert.True((await accounts.UnlockAsync(officer.Id, CancellationToken.None)).Succeeded);
            // Refused changes leave no row.
            Assert.False((await accounts.ResetPasswordAsync(officer.Id, "short", CancellationToken.None)).Succeeded);
            Assert.False((await accounts.SetActiveAsync(tenant.Admin.Id, false, tenant.Admin.Id, CancellationToken.None)).Succeeded);
        });

        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var officerRows = AuditRows(await admin.GetDocumentAsync($"/Admin/Audit?EntityType={AccountEvents.Kind}&EntityId={officer.Id}"));
        var createdRow = Assert.Single(AuditRows(await admin.GetDocumentAsync($"/Admin/Audit?EntityType={AccountEvents.Kind}&EntityId={created}")));

        Assert.Equal(["فك قفل الحساب", "تعيين كلمة المرور من المدير", "تغيير الأدوار", "تفعيل الحساب", "تعطيل الحساب", "إنشاء"], officerRows.Select(r => r.Action));
        Assert.All(officerRows.Take(5), r => Assert.Equal("مدير النظام", r.User));
        Assert.Contains("الأدوار: RelationsOfficer ← Manager, RelationsOfficer", officerRows[2].Changes);
        Assert.Equal("إنشاء", createdRow.Action);
        Assert.Equal("مدير النظام", createdRow.User);
        Assert.Contains($"البريد الإلكتروني: — ← sara@{tenant.Slug}.test", createdRow.Changes);
        Assert.Contains("الأدوار: — ← SocialResearcher", createdRow.Changes);
    }

    private sealed record Row(string User, string Action, string Kind, string Record, IReadOnlyList<string> Changes);

    private static List<Row> AuditRows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=audit-row]").Select(r => new Row(
            r.QuerySelector("[data-testid=audit-user]")!.TextContent.Trim(),
            r.QuerySelector("[data-testid=audit-action]")!.TextContent.Trim(),
            r.QuerySelector("[data-testid=audit-entity-type]")!.TextContent.Trim(),
            r.QuerySelector("[data-testid=audit-record]")!.TextContent.Trim(),
            r.QuerySelectorAll("[data-testid=audit-change]").Select(c => string.Join(" ", c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList())).ToList();
}
