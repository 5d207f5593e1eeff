using System.Net;
using Juthuruna.Data;
using Juthuruna.Features.Staff;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Host;

public sealed class TenantsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string CreatePage = "/Host/Tenants/Create";
    private const string CreateForm = "form[data-testid=create-association-form]";

    [Fact]
    public async Task Create_valid_form_provisions_association_whose_admin_signs_in()
    {
        using var host = await SignInHostAdminAsync();
        var slug = NewSlug();
        var form = ValidForm(slug);

        var response = await host.SubmitFormAsync(CreatePage, CreateForm, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Host/Tenants", response.Headers.Location!.OriginalString);
        var list = await host.GetDocumentAsync("/Host/Tenants");
        Assert.Contains("تم إنشاء جمعية الأمل الخيرية", list.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector($"tr[data-slug='{slug}']"));

        var tenant = await PlatformQueryAsync(db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug));
        Assert.False(tenant.IsPlatform);
        Assert.False(tenant.IsSuspended);
        Assert.Equal("جمعية الأمل الخيرية", tenant.NameAr);
        Assert.Equal($"Al-Amal Charity {slug}", tenant.NameEn);
        Assert.Equal("مكة المكرمة", tenant.City);
        Assert.Equal("4321", tenant.LicenceNumber);
        Assert.Equal("AML", tenant.Settings.NumberPrefix);

        var roles = await factory.QueryAsync(tenant.Id, db => db.Roles.Select(r => r.Name!).ToListAsync());
        Assert.Equal(StaffRoles.AssociationRoles.Order(), roles.Order());
        var branches = await factory.QueryAsync(tenant.Id, db => db.Branches.Select(b => new { b.Code, b.IsHeadOffice }).ToListAsync());
        Assert.Equal(new { Code = "HQ", IsHeadOffice = true }, Assert.Single(branches));
        var admin = await factory.QueryAsync(tenant.Id, db => db.Users.Select(u => new
        {
            u.Email,
            u.FullName,
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
        }).ToListAsync());
        var only = Assert.Single(admin);
        Assert.Equal(form["Input.AdminEmail"], only.Email);
        Assert.Equal("هند السبيعي", only.FullName);
        Assert.Equal([StaffRoles.TenantAdmin], only.Roles);

        using var newAdmin = await factory.SignInAsync(form["Input.AdminEmail"], form["Input.AdminPassword"]);
        var dashboard = await newAdmin.GetDocumentAsync("/");
        Assert.Equal("جمعية الأمل الخيرية", dashboard.QuerySelector("[data-testid=association-name]")!.TextContent.Trim());
        Assert.NotNull(dashboard.QuerySelector($"[data-role={StaffRoles.TenantAdmin}]"));
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "Input.Slug", "Bad Slug!", "استخدم من 3 إلى 50 حرفًا إنجليزيًا صغيرًا أو أرقامًا أو شرطات." },
        { "Input.AdminPassword", "short", "يجب ألا تقل كلمة المرور عن 8 أحرف." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Create_invalid_field_shows_arabic_message_beside_it_and_keeps_values(string field, string value, string message)
    {
        using var host = await SignInHostAdminAsync();
        var form = ValidForm(NewSlug());
        form[field] = value;

        var response = await host.SubmitFormAsync(CreatePage, CreateForm, form);

        await AssertRejectedAsync(response, form, field, message);
    }

    [Fact]
    public async Task Create_duplicate_slug_shows_arabic_message_beside_slug()
    {
        var existing = await factory.CreateTenantAsync();
        using var host = await SignInHostAdminAsync();
        var form = ValidForm(existing.Slug);

        var response = await host.SubmitFormAsync(CreatePage, CreateForm, form);

        await AssertRejectedAsync(response, form, "Input.Slug", "هذا الاسم المختصر مستخدم من قبل.");
    }

    [Fact]
    public async Task Create_admin_email_used_by_another_association_shows_arabic_message_beside_it()
    {
        var other = await factory.CreateTenantAsync();
        using var host = await SignInHostAdminAsync();
        var form = ValidForm(NewSlug());
        form["Input.AdminEmail"] = other.User(StaffRoles.Manager).Email.ToUpperInvariant();

        var response = await host.SubmitFormAsync(CreatePage, CreateForm, form);

        await AssertRejectedAsync(response, form, "Input.AdminEmail", "هذا البريد الإلكتروني مستخدم في حساب آخر.");
    }

    [Fact]
    public async Task Suspend_association_signs_its_staff_out_and_refuses_sign_in_until_reactivated()
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = tenant.User(StaffRoles.RelationsOfficer);
        using var staff = await factory.SignInAsync(officer.Email);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/")).StatusCode);
        using var host = await SignInHostAdminAsync();
        var details = $"/Host/Tenants/Details/{tenant.Id}";

        var suspend = await host.SubmitFormAsync(details, "form[data-testid=suspend-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);
        Assert.True(await IsSuspendedAsync(tenant.Id));
        var afterSuspend = await host.GetDocumentAsync(details);
        Assert.Contains("تم إيقاف", afterSuspend.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("موقوفة", afterSuspend.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        var list = await host.GetDocumentAsync("/Host/Tenants");
        Assert.Equal("موقوفة", list.QuerySelector($"tr[data-slug='{tenant.Slug}'] [data-testid=status]")!.TextContent.Trim());

        var nextRequest = await staff.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, nextRequest.StatusCode);
        Assert.StartsWith("/Account/Login", nextRequest.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var again = factory.CreateStaffClient();
        var refused = await StaffClient.ParseAsync(await again.SignInAsync(officer.Email, AppFactory.Password));
        // Refused with the one message of every refused sign-in: the form does not say the association is suspended (ADR 0023).
        Assert.Equal(Juthuruna.IntegrationTests.Account.LoginTests.Refused, refused.QuerySelector("[data-testid=login-error]")!.TextContent.Trim());

        var reactivate = await host.SubmitFormAsync(details, "form[data-testid=reactivate-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, reactivate.StatusCode);
        Assert.False(await IsSuspendedAsync(tenant.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(officer.Email, AppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Suspend_platform_tenant_is_refused_with_arabic_message()
    {
        var platform = await factory.CreateHostAdminAsync();
        using var host = await SignInHostAdminAsync();

        var page = await host.GetDocumentAsync($"/Host/Tenants/Details/{platform.Id}");
        var response = await host.PostWithTokenAsync($"/Host/Tenants/Details/{platform.Id}?handler=Suspend");

        Assert.Null(page.QuerySelector("form[data-testid=suspend-form]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await StaffClient.ParseAsync(response);
        Assert.Contains("لا يمكن إيقاف المنصة نفسها", result.QuerySelector("[data-testid=tenant-error]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await IsSuspendedAsync(platform.Id));
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/Host/Tenants")).StatusCode);
    }

    [Fact]
    public async Task Details_unknown_id_answers_404_for_view_and_suspend()
    {
        using var host = await SignInHostAdminAsync();
        var unknown = Guid.NewGuid();

        var view = await host.Http.GetAsync($"/Host/Tenants/Details/{unknown}");
        var suspend = await host.PostWithTokenAsync($"/Host/Tenants/Details/{unknown}?handler=Suspend");

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, suspend.StatusCode);
    }

    public static TheoryData<string> AssociationRoles => new(StaffRoles.AssociationRoles);

    [Theory]
    [MemberData(nameof(AssociationRoles))]
    public async Task Host_pages_association_staff_of_any_role_are_forbidden(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        var victim = await factory.CreateTenantAsync();
        using var client = await factory.SignInAsync(tenant.User(role).Email);

        foreach (var url in new[] { "/Host/Tenants", CreatePage, $"/Host/Tenants/Details/{victim.Id}" })
        {
            await Forbidden.AssertAsync(await client.Http.GetAsync(url));
        }

        await Forbidden.AssertAsync(await client.PostWithTokenAsync($"/Host/Tenants/Details/{victim.Id}?handler=Suspend"));
        Assert.False(await IsSuspendedAsync(victim.Id));
        Assert.Null((await client.GetDocumentAsync("/")).QuerySelector("a[href='/Host/Tenants']"));
    }

    [Theory]
    [InlineData("/Host/Tenants")]
    [InlineData(CreatePage)]
    public async Task Host_pages_anonymous_redirect_to_login(string url)
    {
        using var client = factory.CreateStaffClient();

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_shows_staff_count_of_each_association_and_not_the_platform()
    {
        var larger = await factory.CreateTenantAsync("larger");
        var smaller = await factory.CreateTenantAsync("smaller");
        await factory.InTenantAsync(larger.Id, async sp =>
        {
            var accounts = sp.GetRequiredService<StaffAccounts>();
            for (var i = 1; i <= 2; i++)
            {
                var (result, _) = await accounts.CreateAsync(
                    new NewStaffUser($"موظف إضافي {(i == 1 ? "أول" : "ثان")}", $"extra{i}@{larger.Slug}.test", AppFactory.Password, [StaffRoles.RelationsOfficer], null),
                    CancellationToken.None);
                Assert.True(result.Succeeded);
            }
        });
        await factory.InTenantAsync(smaller.Id, sp =>
            sp.GetRequiredService<StaffAccounts>().SetActiveAsync(smaller.User(StaffRoles.Manager).Id, false, smaller.Admin.Id, CancellationToken.None));
        using var host = await SignInHostAdminAsync();

        var page = await host.GetDocumentAsync("/Host/Tenants");

        // One user per association role (eight, the board member included) plus two; the count includes the disabled one.
        Assert.Equal("10", StaffCount(larger.Slug));
        Assert.Equal("8", StaffCount(smaller.Slug));
        Assert.Null(page.QuerySelector("tr[data-slug='platform']"));
        Assert.Contains($"جمعية {larger.Slug}", page.QuerySelector($"tr[data-slug='{larger.Slug}']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"tr[data-slug='{larger.Slug}'] time[datetime]"));

        string StaffCount(string slug) => page.QuerySelector($"tr[data-slug='{slug}'] [data-testid=staff-count]")!.TextContent.Trim();
    }

    private async Task<StaffClient> SignInHostAdminAsync()
    {
        var platform = await factory.CreateHostAdminAsync();
        return await factory.SignInAsync(platform.HostAdmin.Email);
    }

    private static string NewSlug() => $"amal-{Guid.NewGuid().ToString("N")[..10]}";

    private static Dictionary<string, string> ValidForm(string slug) => new()
    {
        ["Input.Slug"] = slug,
        ["Input.NameAr"] = "جمعية الأمل الخيرية",
        ["Input.NameEn"] = $"Al-Amal Charity {slug}",
        ["Input.City"] = "مكة المكرمة",
        ["Input.Phone"] = "0125551234",
        ["Input.Email"] = $"info@{slug}.test",
        ["Input.LicenceNumber"] = "4321",
        ["Input.NumberPrefix"] = "AML",
        ["Input.AdminFullName"] = "هند السبيعي",
        ["Input.AdminEmail"] = $"admin@{slug}.test",
        ["Input.AdminPassword"] = "Strong-pass-2026",
    };

    private async Task AssertRejectedAsync(HttpResponseMessage response, Dictionary<string, string> form, string field, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector($"span[data-valmsg-for='{field}']")!.TextContent.Trim());
        foreach (var (name, value) in form.Where(f => f.Key != "Input.AdminPassword"))
        {
            Assert.Equal(value, page.QuerySelector($"input[name='{name}']")!.GetAttribute("value"));
        }

        Assert.True(string.IsNullOrEmpty(page.QuerySelector("input[name='Input.AdminPassword']")!.GetAttribute("value")));
        // Nothing of the rejected association was created (its English name is unique to this form).
        var created = await PlatformQueryAsync(db => db.Tenants.CountAsync(t => t.NameEn == form["Input.NameEn"]));
        Assert.Equal(0, created);
    }

    private Task<bool> IsSuspendedAsync(Guid tenantId) =>
        PlatformQueryAsync(db => db.Tenants.Where(t => t.Id == tenantId).Select(t => t.IsSuspended).SingleAsync());

    // Tenant rows are platform-level: any scope reads them.
    private async Task<T> PlatformQueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
