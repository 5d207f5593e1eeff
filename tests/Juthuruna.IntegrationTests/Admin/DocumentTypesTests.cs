using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Services;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Admin;

[Collection(SharedApp.Administration)]
public sealed class DocumentTypesTests(AppFactory factory)
{
    private const string Form = "form[data-testid=document-type-form]";

    private static Dictionary<string, string> Fields(string code = "salary-cert", string nameAr = "تعريف بالراتب", string maxAge = "90", bool hasExpiry = false) => new()
    {
        ["Input.Code"] = code,
        ["Input.NameAr"] = nameAr,
        ["Input.NameEn"] = "Salary certificate",
        ["Input.MaxAgeDays"] = maxAge,
        ["Input.HasExpiryDate"] = hasExpiry ? "true" : "false",
    };

    private async Task<(TestTenant Tenant, StaffClient Admin)> AdminAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        return (tenant, await factory.SignInAsync(tenant.Admin.Email));
    }

    private static Task<HttpResponseMessage> CreateAsync(StaffClient client, Dictionary<string, string> fields) =>
        client.SubmitFormAsync("/Admin/DocumentTypes/Create", Form, fields);

    private Task<List<DocumentType>> StoredAsync(Guid tenantId) =>
        factory.QueryAsync(tenantId, db => db.DocumentTypes.AsNoTracking().OrderBy(d => d.Code).ToListAsync());

    private async Task<Guid> SeedAsync(Guid tenantId, string code = "NATIONAL-ID", string nameAr = "الهوية الوطنية") =>
        await factory.InTenantAsync(tenantId, async sp =>
        {
            var result = await sp.GetRequiredService<DocumentTypes>().CreateAsync(
                new DocumentTypeForm { Code = code, NameAr = nameAr, HasExpiryDate = true }, CancellationToken.None);
            return result.Id!.Value;
        });

    private static string? Value(IHtmlDocument page, string name) =>
        (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value;

    private static string Error(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-testid=error-{field}]")!.TextContent.Trim();

    [Fact]
    public async Task Create_valid_input_is_stored_normalised_and_listed()
    {
        var (tenant, admin) = await AdminAsync();

        var response = await CreateAsync(admin, Fields(code: " salary-cert ", maxAge: "٩٠"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/DocumentTypes", response.Headers.Location!.OriginalString);
        var saved = Assert.Single(await StoredAsync(tenant.Id));
        Assert.Equal("SALARY-CERT", saved.Code);
        Assert.Equal("تعريف بالراتب", saved.NameAr);
        Assert.Equal("Salary certificate", saved.NameEn);
        Assert.Equal(90, saved.MaxAgeDays);
        Assert.False(saved.HasExpiryDate);
        Assert.True(saved.IsActive);
        Assert.Equal(tenant.Id, saved.TenantId);

        var list = await admin.GetDocumentAsync("/Admin/DocumentTypes");
        Assert.Contains("تعريف بالراتب", list.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelector("tr[data-code='SALARY-CERT']")!;
        Assert.Contains("تعريف بالراتب", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("90", row.QuerySelector("[data-testid=max-age]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("[data-testid=status-active]"));
    }

    [Fact]
    public async Task Create_with_expiry_date_and_no_age_limit_is_stored()
    {
        var (tenant, admin) = await AdminAsync();

        var response = await CreateAsync(admin, Fields(code: "LEASE", nameAr: "عقد الإيجار", maxAge: "", hasExpiry: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single(await StoredAsync(tenant.Id));
        Assert.True(saved.HasExpiryDate);
        Assert.Null(saved.MaxAgeDays);
    }

    [Fact]
    public async Task Create_empty_arabic_name_shows_arabic_message_and_keeps_the_typed_values()
    {
        var (tenant, admin) = await AdminAsync();

        var response = await CreateAsync(admin, Fields(nameAr: " "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal("أدخل الاسم بالعربية.", Error(page, "NameAr"));
        Assert.Equal("salary-cert", Value(page, "Input.Code"));
        Assert.Equal("90", Value(page, "Input.MaxAgeDays"));
        Assert.Empty(await StoredAsync(tenant.Id));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ثلاثون")]
    [InlineData("3651")]
    [InlineData("1.5")]
    public async Task Create_invalid_max_age_is_refused_beside_the_field(string maxAge)
    {
        var (tenant, admin) = await AdminAsync();

        var page = await StaffClient.ParseAsync(await CreateAsync(admin, Fields(maxAge: maxAge)));

        Assert.Equal("أقصى عمر للمستند عدد صحيح من الأيام من 1 إلى 3650، أو فارغ إن لم يكن هناك حد.", Error(page, "MaxAgeDays"));
        Assert.Equal(maxAge, Value(page, "Input.MaxAgeDays"));
        Assert.Empty(await StoredAsync(tenant.Id));
    }

    [Fact]
    public async Task Create_bad_code_is_refused_beside_the_field()
    {
        var (tenant, admin) = await AdminAsync();

        var page = await StaffClient.ParseAsync(await CreateAsync(admin, Fields(code: "هوية")));

        Assert.Equal("الرمز من 2 إلى 20 حرفًا إنجليزيًا أو رقمًا أو شرطة، مثل NATIONAL-ID.", Error(page, "Code"));
        Assert.Empty(await StoredAsync(tenant.Id));
    }

    [Fact]
    public async Task Create_duplicate_code_in_the_association_is_refused_but_another_association_may_use_it()
    {
        var (tenant, admin) = await AdminAsync();
        var (otherTenant, otherAdmin) = await AdminAsync();
        await SeedAsync(tenant.Id, "SALARY-CERT");

        var refused = await CreateAsync(admin, Fields(code: "salary-cert", nameAr: "تعريف راتب آخر"));
        var allowed = await CreateAsync(otherAdmin, Fields(code: "salary-cert"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await StaffClient.ParseAsync(refused);
        Assert.Equal("هذا الرمز مستخدم لنوع مستند آخر.", Error(page, "Code"));
        Assert.Equal("تعريف راتب آخر", Value(page, "Input.NameAr"));
        Assert.Single(await StoredAsync(tenant.Id));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Single(await StoredAsync(otherTenant.Id));
    }

    [Fact]
    public async Task Edit_saves_changes_and_renews_the_version()
    {
        var (tenant, admin) = await AdminAsync();
        var id = await SeedAsync(tenant.Id);
        var before = Assert.Single(await StoredAsync(tenant.Id)).Version;

        var response = await admin.SubmitFormAsync($"/Admin/DocumentTypes/Edit/{id}", Form, new Dictionary<string, string>
        {
            ["Input.NameAr"] = "الهوية الوطنية / الإقامة",
            ["Input.MaxAgeDays"] = "365",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single(await StoredAsync(tenant.Id));
        Assert.Equal("الهوية الوطنية / الإقامة", saved.NameAr);
        Assert.Equal(365, saved.MaxAgeDays);
        Assert.True(saved.HasExpiryDate); // the ticked box came back from the edit form
        Assert.Equal("NATIONAL-ID", saved.Code);
        Assert.NotEqual(before, saved.Version);
    }

    [Fact]
    public async Task Edit_to_a_code_another_type_uses_is_refused()
    {
        var (tenant, admin) = await AdminAsync();
        await SeedAsync(tenant.Id, "LEASE", "عقد الإيجار");
        var id = await SeedAsync(tenant.Id);

        var response = await admin.SubmitFormAsync($"/Admin/DocumentTypes/Edit/{id}", Form, new Dictionary<string, string> { ["Input.Code"] = "lease" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("هذا الرمز مستخدم لنوع مستند آخر.", Error(await StaffClient.ParseAsync(response), "Code"));
        Assert.Equal(["LEASE", "NATIONAL-ID"], (await StoredAsync(tenant.Id)).Select(d => d.Code));
    }

    [Fact]
    public async Task Edit_stale_save_keeps_typed_values_shows_the_saved_ones_and_a_second_save_wins()
    {
        var (tenant, admin) = await AdminAsync();
        var id = await SeedAsync(tenant.Id);
        var editPage = await admin.GetDocumentAsync($"/Admin/DocumentTypes/Edit/{id}");

        // Someone else saves meanwhile.
        await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<Juthuruna.Data.AppDbContext>().DocumentTypes
            .Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NameAr, "هوية (تعديل آخر)").SetProperty(d => d.Version, Guid.NewGuid())));

        var response = await admin.SubmitAsync(editPage.QuerySelector<IHtmlFormElement>(Form)!, $"/Admin/DocumentTypes/Edit/{id}",
            new Dictionary<string, string> { ["Input.NameAr"] = "الهوية الوطنية السارية", ["Input.MaxAgeDays"] = "30" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("عدّل شخص آخر هذا السجل", page.QuerySelector("[data-testid=stale-warning]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("هوية (تعديل آخر)", page.QuerySelector("[data-testid=saved-name]")!.TextContent.Trim());
        Assert.Equal("الهوية الوطنية السارية", Value(page, "Input.NameAr"));
        Assert.Equal("30", Value(page, "Input.MaxAgeDays"));
        Assert.Equal("هوية (تعديل آخر)", Assert.Single(await StoredAsync(tenant.Id)).NameAr);

        var again = await admin.SubmitAsync(page.QuerySelector<IHtmlFormElement>(Form)!, $"/Admin/DocumentTypes/Edit/{id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var saved = Assert.Single(await StoredAsync(tenant.Id));
        Assert.Equal("الهوية الوطنية السارية", saved.NameAr);
        Assert.Equal(30, saved.MaxAgeDays);
    }

    [Fact]
    public async Task Deactivate_keeps_the_type_marks_it_inactive_and_reactivate_restores_it()
    {
        var (tenant, admin) = await AdminAsync();
        var id = await SeedAsync(tenant.Id);

        var deactivated = await admin.SubmitFormAsync($"/Admin/DocumentTypes/Edit/{id}", "form[data-testid=deactivate-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.False(Assert.Single(await StoredAsync(tenant.Id)).IsActive);
        var list = await admin.GetDocumentAsync("/Admin/DocumentTypes");
        Assert.NotNull(list.QuerySelector("tr[data-code='NATIONAL-ID'] [data-testid=status-inactive]"));

        var reactivated = await admin.SubmitFormAsync($"/Admin/DocumentTypes/Edit/{id}", "form[data-testid=activate-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        Assert.True(Assert.Single(await StoredAsync(tenant.Id)).IsActive);
    }

    [Fact]
    public async Task Relations_officer_gets_403_on_every_document_type_page()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await SeedAsync(tenant.Id);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var home = await officer.GetDocumentAsync("/");
        Assert.Null(home.QuerySelector("[data-testid=nav-document-types]"));
        foreach (var url in new[] { "/Admin/DocumentTypes", "/Admin/DocumentTypes/Create", $"/Admin/DocumentTypes/Edit/{id}" })
        {
            await Forbidden.AssertAsync(await officer.Http.GetAsync(url));
        }

        await Forbidden.AssertAsync(await officer.PostWithTokenAsync("/Admin/DocumentTypes/Create", Fields()));
        await Forbidden.AssertAsync(await officer.PostWithTokenAsync($"/Admin/DocumentTypes/Edit/{id}?handler=Deactivate"));
        Assert.True(Assert.Single(await StoredAsync(tenant.Id)).IsActive);
    }

    [Fact]
    public async Task Admin_sees_the_nav_link()
    {
        var (_, admin) = await AdminAsync();

        var home = await admin.GetDocumentAsync("/");

        Assert.Equal("/Admin/DocumentTypes", home.QuerySelector("[data-testid=nav-document-types]")!.GetAttribute("href"));
        Assert.Equal("/Admin/Services", home.QuerySelector("[data-testid=nav-services]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Another_associations_admin_gets_404_on_edit_and_deactivate_and_changes_nothing()
    {
        var owner = await factory.CreateTenantAsync();
        var id = await SeedAsync(owner.Id);
        var (_, intruder) = await AdminAsync();

        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Admin/DocumentTypes/Edit/{id}");
        var fields = Fields(code: "HACKED", nameAr: "مخترق");
        var snapshot = (Func<Juthuruna.Data.AppDbContext, Task<object>>)(async db =>
            await db.DocumentTypes.Where(d => d.Id == id).Select(d => new { d.Code, d.NameAr, d.IsActive, d.Version }).SingleAsync());
        var version = Assert.Single(await StoredAsync(owner.Id)).Version;
        fields["Version"] = version.ToString();
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"/Admin/DocumentTypes/Edit/{id}", snapshot, fields);
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"/Admin/DocumentTypes/Edit/{id}?handler=Deactivate", snapshot);
        var list = await intruder.GetDocumentAsync("/Admin/DocumentTypes");
        Assert.Null(list.QuerySelector("tr[data-code='NATIONAL-ID']"));
    }
}
