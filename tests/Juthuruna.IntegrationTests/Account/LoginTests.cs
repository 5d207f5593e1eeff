using System.Net;
using Juthuruna.Features.Staff;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Account;

[Collection(SharedApp.Administration)]
public sealed class LoginTests(AppFactory factory)
{
    /// <summary>The one message of every refused sign-in (ADR 0023).</summary>
    public const string Refused = "البريد الإلكتروني أو كلمة المرور غير صحيحة، أو أن هذا الحساب لا يمكنه الدخول الآن. إن تكرر ذلك فراجع مدير النظام في جمعيتك.";

    [Fact]
    public async Task Login_page_is_arabic_and_right_to_left()
    {
        using var client = factory.CreateStaffClient();

        var page = await client.GetDocumentAsync("/Account/Login");

        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("تسجيل الدخول", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("bootstrap.rtl.min.css", page.Head!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_anonymous_redirects_to_login()
    {
        using var client = factory.CreateStaffClient();

        var response = await client.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_valid_credentials_lands_on_dashboard_of_own_association()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var dashboard = await client.GetDocumentAsync("/");

        Assert.Equal($"جمعية {tenant.Slug}", dashboard.QuerySelector("[data-testid=association-name]")!.TextContent.Trim());
        Assert.NotNull(dashboard.QuerySelector($"[data-role={StaffRoles.RelationsOfficer}]"));
        Assert.Null(dashboard.QuerySelector($"[data-role={StaffRoles.TenantAdmin}]"));
    }

    [Fact]
    public async Task Login_wrong_password_shows_arabic_error_and_keeps_email()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = factory.CreateStaffClient();
        var email = tenant.User(StaffRoles.Manager).Email;

        var response = await client.SignInAsync(email, "wrong-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("البريد الإلكتروني أو كلمة المرور غير صحيحة", page.QuerySelector("[data-testid=login-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Login_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        using var client = factory.CreateStaffClient();

        var page = await StaffClient.ParseAsync(await client.SignInAsync("nobody@nowhere.test", "whatever-password"));

        Assert.Contains("البريد الإلكتروني أو كلمة المرور غير صحيحة", page.QuerySelector("[data-testid=login-error]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_five_wrong_passwords_locks_the_account_even_for_the_right_one()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = tenant.User(StaffRoles.SocialResearcher);
        using var client = factory.CreateStaffClient();

        await client.SignInAsync(user.Email, "wrong-password");
        var afterOne = await factory.QueryAsync(tenant.Id, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync());
        for (var i = 0; i < 4; i++)
        {
            await client.SignInAsync(user.Email, "wrong-password");
        }

        var response = await client.SignInAsync(user.Email, AppFactory.Password);

        Assert.Equal(1, afterOne);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        // The lock is not announced: the same message as a wrong password (ADR 0023).
        Assert.Equal(Refused, page.QuerySelector("[data-testid=login-error]")!.TextContent.Trim());
        // Identity's lockout runs on the system clock, not the test's fake one.
        var lockoutEnd = await factory.QueryAsync(tenant.Id, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(15));
    }

    [Fact]
    public async Task Login_after_lockout_expires_succeeds()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = tenant.User(StaffRoles.CommitteeMember);
        using var client = factory.CreateStaffClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(user.Email, "wrong-password");
        }

        // Fifteen minutes pass (Identity's lockout uses the system clock, so move the stored end instead).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<Juthuruna.Data.AppDbContext>().Users
                .Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));
        }

        var response = await client.SignInAsync(user.Email, AppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Login_disabled_user_is_refused_with_the_message_of_a_wrong_password()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = tenant.User(StaffRoles.Manager);
        await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<StaffAccounts>().SetActiveAsync(user.Id, false, tenant.Admin.Id, CancellationToken.None));
        using var client = factory.CreateStaffClient();

        var response = await client.SignInAsync(user.Email, AppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal(Refused, page.QuerySelector("[data-testid=login-error]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Login_refusals_unknown_wrong_locked_disabled_suspended_answer_the_same_page()
    {
        var tenant = await factory.CreateTenantAsync();
        var suspended = await factory.CreateTenantAsync();
        var locked = tenant.User(StaffRoles.SocialResearcher);
        var disabled = tenant.User(StaffRoles.CommitteeMember);
        await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<StaffAccounts>().SetActiveAsync(disabled.Id, false, tenant.Admin.Id, CancellationToken.None));
        await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<Juthuruna.Data.AppDbContext>().Users
            .Where(u => u.Id == locked.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10))));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Juthuruna.Data.AppDbContext>().Tenants
                .Where(t => t.Id == suspended.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsSuspended, true));
        }

        var attempts = new (string Case, string Email, string Password)[]
        {
            ("unknown", $"nobody-{tenant.Slug}@nowhere.test", AppFactory.Password),
            ("wrong password", tenant.User(StaffRoles.Manager).Email, "wrong-password"),
            ("locked, right password", locked.Email, AppFactory.Password),
            ("disabled, right password", disabled.Email, AppFactory.Password),
            ("association suspended, right password", suspended.User(StaffRoles.Manager).Email, AppFactory.Password),
        };
        var answers = new List<(string Case, HttpStatusCode Status, string Error, string Form)>();
        foreach (var (name, email, password) in attempts)
        {
            using var client = factory.CreateStaffClient();
            var response = await client.SignInAsync(email, password);
            var page = await StaffClient.ParseAsync(response);
            // The page without what differs by design: the typed e-mail kept in its field and the antiforgery token.
            var form = page.QuerySelector("main")!.TextContent;
            answers.Add((name, response.StatusCode, page.QuerySelector("[data-testid=login-error]")!.TextContent.Trim(), form));
        }

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.Equal(Refused, a.Error);
            Assert.Equal(answers[0].Form, a.Form);
        });
    }

    [Fact]
    public async Task Session_of_user_disabled_meanwhile_ends_on_next_request()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = tenant.User(StaffRoles.RelationsOfficer);
        using var client = await factory.SignInAsync(user.Email);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);

        await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<StaffAccounts>().SetActiveAsync(user.Id, false, tenant.Admin.Id, CancellationToken.None));
        var response = await client.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_of_suspended_association_ends_on_next_request()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Juthuruna.Data.AppDbContext>();
            await db.Tenants.Where(t => t.Id == tenant.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsSuspended, true));
        }

        var response = await client.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        var logout = await client.PostWithTokenAsync("/Account/Logout");
        var after = await client.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}
