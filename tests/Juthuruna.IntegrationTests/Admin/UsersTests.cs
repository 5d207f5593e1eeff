using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Data;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Admin;

[Collection(SharedApp.Administration)]
public sealed class UsersTests(AppFactory factory)
{
    private const string CreateForm = "form[data-testid=create-user-form]";

    [Fact]
    public async Task UsersList_admin_sees_own_association_staff_and_not_the_other_one()
    {
        var mine = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(mine.Admin.Email);

        var page = await admin.GetDocumentAsync("/Admin/Users");

        var emails = page.QuerySelectorAll("[data-testid=users-table] tbody tr").Select(r => r.GetAttribute("data-email")).ToList();
        Assert.Equal(mine.Users.Values.Select(u => u.Email).Order(), emails.Order());
        Assert.DoesNotContain(other.Slug, page.Body!.TextContent, StringComparison.Ordinal);
        var officerRow = Row(page, mine.User(StaffRoles.RelationsOfficer).Email);
        Assert.Contains("موظف علاقات المستفيدين", officerRow.TextContent, StringComparison.Ordinal);
        Assert.NotNull(officerRow.QuerySelector("[data-testid=status-active]"));
        Assert.NotNull(officerRow.QuerySelector("time[datetime]"));
        Assert.Contains("ltr", officerRow.QuerySelector("td:nth-child(2) span")!.ClassList);
    }

    [Fact]
    public async Task UsersList_search_by_email_shows_only_matching_staff()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var page = await admin.GetDocumentAsync("/Admin/Users?q=socialresearcher");

        var emails = page.QuerySelectorAll("[data-testid=users-table] tbody tr").Select(r => r.GetAttribute("data-email")).ToList();
        Assert.Equal([tenant.User(StaffRoles.SocialResearcher).Email], emails);
    }

    [Fact]
    public async Task CreateUser_valid_input_stores_user_with_roles_and_user_can_sign_in()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var email = $"new.researcher@{tenant.Slug}.test";

        var response = await admin.SubmitFormAsync("/Admin/Users/Create", CreateForm, Fields("سارة الغامدي", email, "long-enough-pw",
            $"{StaffRoles.SocialResearcher}\n{StaffRoles.CommitteeMember}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Users", response.Headers.Location!.OriginalString);
        var list = await admin.GetDocumentAsync("/Admin/Users");
        Assert.Contains("سارة الغامدي", list.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(Row(list, email));
        var roles = await RolesOfAsync(tenant.Id, email);
        Assert.Equal([StaffRoles.CommitteeMember, StaffRoles.SocialResearcher], roles);
        using var newUser = await factory.SignInAsync(email, "long-enough-pw");
    }

    [Fact]
    public async Task CreateUser_same_email_created_at_once_creates_one_account_and_tells_the_others()
    {
        var tenant = await factory.CreateTenantAsync();
        var email = $"twice-{Guid.NewGuid():N}@example.test";

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => factory.InTenantAsync(tenant.Id, sp =>
            sp.GetRequiredService<Juthuruna.Features.Staff.StaffAccounts>().CreateAsync(
                new Juthuruna.Features.Staff.NewStaffUser("موظف مكرر", email, "Test-password-1", [StaffRoles.RelationsOfficer], null), CancellationToken.None)))));

        Assert.Single(results, r => r.Result.Succeeded);
        Assert.All(results.Where(r => !r.Result.Succeeded), r => Assert.Equal("Email", Assert.Single(r.Result.Errors).Field));
        var normalized = email.ToUpperInvariant();
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.Users.CountAsync(u => u.NormalizedEmail == normalized)));
    }

    [Fact]
    public async Task CreateUser_with_an_office_shows_the_office_in_the_list()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var email = $"office@{tenant.Slug}.test";
        var branch = await factory.QueryAsync(tenant.Id, db => db.Branches.Select(b => new { b.Id, b.NameAr }).FirstAsync());
        var fields = Fields("موظف المكتب", email, "long-enough-pw", StaffRoles.RelationsOfficer);
        fields["Input.BranchId"] = branch.Id.ToString();

        var response = await admin.SubmitFormAsync("/Admin/Users/Create", CreateForm, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetDocumentAsync("/Admin/Users");
        Assert.Contains(branch.NameAr, Row(list, email).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_with_an_office_of_another_association_is_refused()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var email = $"foreign-office@{tenant.Slug}.test";
        var foreignBranch = await factory.QueryAsync(other.Id, db => db.Branches.Select(b => b.Id).FirstAsync());
        var fields = Fields("مكتب غريب", email, "long-enough-pw", StaffRoles.RelationsOfficer);
        fields["Input.BranchId"] = foreignBranch.ToString();

        var response = await admin.SubmitAsync(
            (await admin.GetDocumentAsync("/Admin/Users/Create")).QuerySelector<IHtmlFormElement>(CreateForm)!, "/Admin/Users/Create", fields);

        var page = await AssertFormReturnedAsync(response);
        Assert.Contains("اختر مكتبًا من مكاتب الجمعية", Message(page, "Input.BranchId"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task CreateUser_invalid_email_shows_arabic_message_beside_the_field()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var response = await admin.SubmitFormAsync("/Admin/Users/Create", CreateForm, Fields("سارة", "not-an-email", "long-enough-pw", StaffRoles.Manager));

        var page = await AssertFormReturnedAsync(response);
        Assert.Contains("أدخل بريدًا إلكترونيًا صحيحًا", Message(page, "Input.Email"), StringComparison.Ordinal);
        Assert.Equal("not-an-email", page.QuerySelector<IHtmlInputElement>("input[name='Input.Email']")!.Value);
    }

    [Fact]
    public async Task CreateUser_short_password_shows_arabic_message_and_keeps_typed_name_and_email_but_not_password()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var email = $"short@{tenant.Slug}.test";

        var response = await admin.SubmitFormAsync("/Admin/Users/Create", CreateForm, Fields("عبدالله الحربي", email, "short", StaffRoles.Manager));

        var page = await AssertFormReturnedAsync(response);
        Assert.Contains("يجب ألا تقل كلمة المرور عن 8 أحرف", Message(page, "Input.Password"), StringComparison.Ordinal);
        Assert.Equal("عبدالله الحربي", page.QuerySelector<IHtmlInputElement>("input[name='Input.FullName']")!.Value);
        Assert.Equal(email, page.QuerySelector<IHtmlInputElement>("input[name='Input.Email']")!.Value);
        Assert.Equal("", page.QuerySelector<IHtmlInputElement>("input[name='Input.Password']")!.Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>($"input[name='Input.Roles'][value={StaffRoles.Manager}]")!.IsChecked);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task CreateUser_email_of_a_colleague_is_refused()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var response = await admin.SubmitFormAsync("/Admin/Users/Create", CreateForm,
            Fields("نسخة", tenant.User(StaffRoles.Manager).Email.ToUpperInvariant(), "long-enough-pw", StaffRoles.Manager));

        var page = await AssertFormReturnedAsync(response);
        Assert.Contains("هذا البريد الإلكتروني مستخدم في حساب آخر", Message(page, "Input.Email"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_email_used_in_another_association_is_refused()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var taken = other.User(StaffRoles.Manager).Email;

        var response = await admin.SubmitFormAsync("/Admin/Users/Create", CreateForm, Fields("شخص آخر", taken, "long-enough-pw", StaffRoles.Manager));

        var page = await AssertFormReturnedAsync(response);
        Assert.Contains("هذا البريد الإلكتروني مستخدم في حساب آخر", Message(page, "Input.Email"), StringComparison.Ordinal);
        var normalized = taken.ToUpperInvariant();
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Users.CountAsync(u => u.NormalizedEmail == normalized)));
    }

    [Fact]
    public async Task CreateUser_no_role_chosen_is_refused()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var email = $"norole@{tenant.Slug}.test";

        var response = await admin.SubmitFormAsync("/Admin/Users/Create", CreateForm, new Dictionary<string, string>
        {
            ["Input.FullName"] = "بلا دور",
            ["Input.Email"] = email,
            ["Input.Password"] = "long-enough-pw",
        });

        var page = await AssertFormReturnedAsync(response);
        Assert.Contains("اختر دورًا واحدًا على الأقل", Message(page, "Input.Roles"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task CreateUser_same_form_posted_twice_creates_one_user()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var email = $"twice@{tenant.Slug}.test";
        var form = (await admin.GetDocumentAsync("/Admin/Users/Create")).QuerySelector<IHtmlFormElement>(CreateForm)!;
        var fields = Fields("مرتان", email, "long-enough-pw", StaffRoles.RelationsOfficer);

        var first = await admin.SubmitAsync(form, "/Admin/Users/Create", fields);
        var second = await admin.SubmitAsync(form, "/Admin/Users/Create", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var page = await AssertFormReturnedAsync(second);
        Assert.Contains("هذا البريد الإلكتروني مستخدم في حساب آخر", Message(page, "Input.Email"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task DisableUser_ends_their_open_session_and_list_shows_them_disabled()
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = tenant.User(StaffRoles.RelationsOfficer);
        using var session = await factory.SignInAsync(officer.Email);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/")).StatusCode);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{officer.Id}", "form[data-testid=disable-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var edit = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("تم تعطيل الحساب", edit.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        var next = await session.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/Login", next.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var list = await admin.GetDocumentAsync("/Admin/Users");
        Assert.NotNull(Row(list, officer.Email).QuerySelector("[data-testid=status-disabled]"));
    }

    [Fact]
    public async Task EnableUser_after_disabling_lets_them_sign_in_again()
    {
        var tenant = await factory.CreateTenantAsync();
        var manager = tenant.User(StaffRoles.Manager);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        await admin.SubmitFormAsync($"/Admin/Users/Edit/{manager.Id}", "form[data-testid=disable-form]", new Dictionary<string, string>());
        using (var refused = factory.CreateStaffClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await refused.SignInAsync(manager.Email, AppFactory.Password)).StatusCode);
        }

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{manager.Id}", "form[data-testid=enable-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.QueryAsync(tenant.Id, db => db.Users.Where(u => u.Id == manager.Id).Select(u => u.IsActive).SingleAsync()));
        using var session = await factory.SignInAsync(manager.Email);
        var list = await admin.GetDocumentAsync("/Admin/Users");
        Assert.NotNull(Row(list, manager.Email).QuerySelector("[data-testid=status-active]"));
    }

    [Fact]
    public async Task DisableUser_admin_own_account_is_refused_with_a_message()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{tenant.Admin.Id}", "form[data-testid=disable-form]", new Dictionary<string, string>());

        var page = await AssertFormReturnedAsync(response);
        Assert.Contains("لا يمكنك تعطيل حسابك", page.QuerySelector("[data-testid=edit-error]")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(tenant.Id, db => db.Users.Where(u => u.Id == tenant.Admin.Id).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_user_signs_in_with_the_new_password_and_not_the_old_one()
    {
        var tenant = await factory.CreateTenantAsync();
        var researcher = tenant.User(StaffRoles.SocialResearcher);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{researcher.Id}", "form[data-testid=reset-password-form]",
            new Dictionary<string, string> { ["Input.NewPassword"] = "brand-new-password" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var oldOne = factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.OK, (await oldOne.SignInAsync(researcher.Email, AppFactory.Password)).StatusCode);
        using var newOne = await factory.SignInAsync(researcher.Email, "brand-new-password");
    }

    [Fact]
    public async Task ResetPassword_too_short_shows_message_beside_the_field_and_keeps_the_password()
    {
        var tenant = await factory.CreateTenantAsync();
        var researcher = tenant.User(StaffRoles.SocialResearcher);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var hashBefore = await factory.QueryAsync(tenant.Id, db => db.Users.Where(u => u.Id == researcher.Id).Select(u => u.PasswordHash).SingleAsync());

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{researcher.Id}", "form[data-testid=reset-password-form]",
            new Dictionary<string, string> { ["Input.NewPassword"] = "short" });

        var page = await AssertFormReturnedAsync(response);
        Assert.Contains("يجب ألا تقل كلمة المرور عن 8 أحرف", Message(page, "Input.NewPassword"), StringComparison.Ordinal);
        Assert.Equal(hashBefore, await factory.QueryAsync(tenant.Id, db => db.Users.Where(u => u.Id == researcher.Id).Select(u => u.PasswordHash).SingleAsync()));
    }

    [Fact]
    public async Task ChangeRoles_database_holds_the_new_roles()
    {
        var tenant = await factory.CreateTenantAsync();
        var member = tenant.User(StaffRoles.CommitteeMember);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{member.Id}", "form[data-testid=roles-form]",
            new Dictionary<string, string> { ["Input.Roles"] = $"{StaffRoles.CommitteeChair}\n{StaffRoles.Manager}" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([StaffRoles.CommitteeChair, StaffRoles.Manager], await RolesOfAsync(tenant.Id, member.Email));
        var edit = await admin.GetDocumentAsync($"/Admin/Users/Edit/{member.Id}");
        Assert.True(edit.QuerySelector<IHtmlInputElement>($"input[name='Input.Roles'][value={StaffRoles.CommitteeChair}]")!.IsChecked);
        Assert.False(edit.QuerySelector<IHtmlInputElement>($"input[name='Input.Roles'][value={StaffRoles.CommitteeMember}]")!.IsChecked);
    }

    [Fact]
    public async Task Unlock_locked_out_user_clears_the_lockout()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = tenant.User(StaffRoles.CommitteeSecretary);
        using (var guesser = factory.CreateStaffClient())
        {
            for (var i = 0; i < 5; i++)
            {
                await guesser.SignInAsync(user.Email, "wrong-password");
            }
        }

        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var list = await admin.GetDocumentAsync("/Admin/Users");
        Assert.NotNull(Row(list, user.Email).QuerySelector("[data-testid=status-locked]"));

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", "form[data-testid=unlock-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await factory.QueryAsync(tenant.Id, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync()));
        using var session = await factory.SignInAsync(user.Email);
    }

    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Users/Create")]
    [InlineData("/Admin/Users/Edit/{0}")]
    public async Task UsersPages_non_admin_is_forbidden(string url)
    {
        var tenant = await factory.CreateTenantAsync();
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var response = await officer.Http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, tenant.User(StaffRoles.Manager).Id));

        await Forbidden.AssertAsync(response);
    }

    [Fact]
    public async Task UsersPages_non_admin_post_changes_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        var manager = tenant.User(StaffRoles.Manager);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var response = await officer.PostWithTokenAsync($"/Admin/Users/Edit/{manager.Id}?handler=Disable");

        await Forbidden.AssertAsync(response);
        Assert.True(await factory.QueryAsync(tenant.Id, db => db.Users.Where(u => u.Id == manager.Id).Select(u => u.IsActive).SingleAsync()));
    }

    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Users/Create")]
    [InlineData("/Admin/Users/Edit/0195f0a4-1111-7000-8000-000000000001")]
    public async Task UsersPages_anonymous_redirects_to_login(string url)
    {
        using var client = factory.CreateStaffClient();

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditUser_unknown_id_in_own_association_is_404()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var response = await admin.Http.GetAsync($"/Admin/Users/Edit/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EditUser_of_another_association_get_is_404()
    {
        var owner = await factory.CreateTenantAsync();
        var intruderTenant = await factory.CreateTenantAsync();
        using var intruder = await factory.SignInAsync(intruderTenant.Admin.Email);

        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Admin/Users/Edit/{owner.User(StaffRoles.Manager).Id}");
        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Admin/Users/Edit/{owner.Admin.Id}");
    }

    [Theory]
    [InlineData("Disable", null)]
    [InlineData("Enable", null)]
    [InlineData("Roles", StaffRoles.TenantAdmin)]
    [InlineData("ResetPassword", "intruder-password")]
    [InlineData("Unlock", null)]
    public async Task EditUser_of_another_association_post_is_404_and_changes_nothing(string handler, string? value)
    {
        var owner = await factory.CreateTenantAsync();
        var intruderTenant = await factory.CreateTenantAsync();
        using var intruder = await factory.SignInAsync(intruderTenant.Admin.Email);
        var victim = owner.User(StaffRoles.Manager);
        var fields = handler switch
        {
            "Roles" => new Dictionary<string, string> { ["Input.Roles"] = value! },
            "ResetPassword" => new Dictionary<string, string> { ["Input.NewPassword"] = value! },
            _ => null,
        };

        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"/Admin/Users/Edit/{victim.Id}?handler={handler}",
            async db => new
            {
                User = await db.Users.Where(u => u.Id == victim.Id)
                    .Select(u => new { u.IsActive, u.SecurityStamp, u.PasswordHash, u.LockoutEnd, u.AccessFailedCount }).SingleAsync(),
                Roles = await RoleNamesAsync(db, victim.Id),
            },
            fields);
    }

    private static Dictionary<string, string> Fields(string fullName, string email, string password, string roles) => new()
    {
        ["Input.FullName"] = fullName,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.Roles"] = roles,
    };

    private static IElement Row(IHtmlDocument page, string email) =>
        page.QuerySelectorAll("[data-testid=users-table] tbody tr").SingleOrDefault(r => r.GetAttribute("data-email") == email)
        ?? throw new Xunit.Sdk.XunitException($"No row for {email}.");

    private static string Message(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    private static async Task<IHtmlDocument> AssertFormReturnedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await StaffClient.ParseAsync(response);
    }

    private Task<List<string>> RolesOfAsync(Guid tenantId, string email) =>
        factory.QueryAsync(tenantId, async db =>
        {
            var normalized = email.ToUpperInvariant();
            var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync();
            return await RoleNamesAsync(db, userId);
        });

    private static async Task<List<string>> RoleNamesAsync(AppDbContext db, Guid userId) =>
        (await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync())
        .Order(StringComparer.Ordinal).ToList();
}
