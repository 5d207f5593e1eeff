using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Data;
using Juthuruna.Features.Services;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Admin;

[Collection(SharedApp.Administration)]
public sealed class ServicesTests(AppFactory factory)
{
    private const string Form = "form[data-testid=service-form]";

    private async Task<(TestTenant Tenant, StaffClient Admin)> AdminAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        await SeedDocumentTypesAsync(tenant.Id);
        return (tenant, await factory.SignInAsync(tenant.Admin.Email));
    }

    /// <summary>Three document types, created through the service like the demo seed does.</summary>
    private Task SeedDocumentTypesAsync(Guid tenantId) =>
        factory.InTenantAsync(tenantId, async sp =>
        {
            var documentTypes = sp.GetRequiredService<DocumentTypes>();
            foreach (var (code, name, expiry, maxAge) in new[]
                     {
                         ("NATIONAL-ID", "الهوية الوطنية", true, (string?)null),
                         ("LEASE", "عقد الإيجار", true, null),
                         ("SALARY-CERT", "تعريف بالراتب", false, "90"),
                     })
            {
                var result = await documentTypes.CreateAsync(new DocumentTypeForm { Code = code, NameAr = name, HasExpiryDate = expiry, MaxAgeDays = maxAge }, CancellationToken.None);
                Assert.True(result.Succeeded);
            }
        });

    private Task<Guid> DocumentTypeIdAsync(Guid tenantId, string code) =>
        factory.QueryAsync(tenantId, db => db.DocumentTypes.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    /// <summary>The radio group of a document type on the checklist (rows are ordered by code, but the test does not rely on it).</summary>
    private static string LevelField(IHtmlDocument page, string code) =>
        $"Input.Requirements[{page.QuerySelector($"tr[data-document-type='{code}']")!.GetAttribute("data-index")}].Level";

    private static string? CheckedLevel(IHtmlDocument page, string code) =>
        page.QuerySelectorAll<IHtmlInputElement>($"input[name='{LevelField(page, code)}']").SingleOrDefault(r => r.IsChecked)?.Value;

    private static Dictionary<string, string> Fields(IHtmlDocument page, string code = "rent-aid", string nameAr = "مساعدة إيجار", string amount = "٥٠٠٠٫٥٠")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.NameAr"] = nameAr,
            ["Input.NameEn"] = "Rent assistance",
            ["Input.Description"] = "تُصرف للمؤجر مباشرة.",
            ["Input.DefaultAmount"] = amount,
        };
        fields[LevelField(page, "NATIONAL-ID")] = "Mandatory";
        fields[LevelField(page, "LEASE")] = "Mandatory";
        fields[LevelField(page, "SALARY-CERT")] = "Optional";
        return fields;
    }

    private static async Task<HttpResponseMessage> CreateAsync(StaffClient admin, Func<IHtmlDocument, Dictionary<string, string>> fields)
    {
        var page = await admin.GetDocumentAsync("/Admin/Services/Create");
        return await admin.SubmitAsync(page.QuerySelector<IHtmlFormElement>(Form)!, "/Admin/Services/Create", fields(page));
    }

    private Task<List<SupportService>> StoredAsync(Guid tenantId) =>
        factory.QueryAsync(tenantId, db => db.SupportServices.AsNoTracking().Include(s => s.Requirements).OrderBy(s => s.Code).ToListAsync());

    private async Task<Dictionary<string, bool>> RequirementsAsync(Guid tenantId, Guid serviceId) =>
        (await factory.InTenantAsync(tenantId, sp => sp.GetRequiredService<ServiceCatalogue>().RequirementsForAsync(serviceId, CancellationToken.None)))
        .ToDictionary(r => r.Code, r => r.IsMandatory);

    private async Task<Guid> CreatedIdAsync(TestTenant tenant, StaffClient admin)
    {
        var response = await CreateAsync(admin, page => Fields(page));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(await StoredAsync(tenant.Id)).Id;
    }

    private static string? Value(IHtmlDocument page, string name) =>
        page.QuerySelector($"[name='{name}']") switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            _ => null,
        };

    private static string Error(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-testid=error-{field}]")!.TextContent.Trim();

    [Fact]
    public async Task Create_stores_the_service_its_amount_in_halalas_and_its_checklist()
    {
        var (tenant, admin) = await AdminAsync();

        var response = await CreateAsync(admin, page => Fields(page));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Services", response.Headers.Location!.OriginalString);
        var saved = Assert.Single(await StoredAsync(tenant.Id));
        Assert.Equal("RENT-AID", saved.Code);
        Assert.Equal("مساعدة إيجار", saved.NameAr);
        Assert.Equal(500050, saved.DefaultAmountHalalas);
        Assert.True(saved.IsActive);
        Assert.All(saved.Requirements, r => Assert.Equal(tenant.Id, r.TenantId));
        Assert.Equal(
            new Dictionary<string, bool> { ["LEASE"] = true, ["NATIONAL-ID"] = true, ["SALARY-CERT"] = false },
            await RequirementsAsync(tenant.Id, saved.Id));

        var list = await admin.GetDocumentAsync("/Admin/Services");
        var row = list.QuerySelector("tr[data-code='RENT-AID']")!;
        Assert.Equal("5,000.50", row.QuerySelector("[data-testid=default-amount]")!.TextContent.Trim());
        Assert.Equal("2", row.QuerySelector("[data-testid=mandatory-count]")!.TextContent.Trim());
        Assert.Equal("1", row.QuerySelector("[data-testid=optional-count]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Create_empty_name_and_bad_amount_show_messages_and_keep_the_typed_values_and_checklist()
    {
        var (tenant, admin) = await AdminAsync();

        var response = await CreateAsync(admin, page => Fields(page, nameAr: "", amount: "خمسون"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal("أدخل الاسم بالعربية.", Error(page, "NameAr"));
        Assert.Equal("أدخل المبلغ بالريال، مثل 1500 أو 1500.50.", Error(page, "DefaultAmount"));
        Assert.Equal("rent-aid", Value(page, "Input.Code"));
        Assert.Equal("خمسون", Value(page, "Input.DefaultAmount"));
        Assert.Equal("تُصرف للمؤجر مباشرة.", Value(page, "Input.Description"));
        Assert.Equal("Mandatory", CheckedLevel(page, "LEASE"));
        Assert.Equal("Optional", CheckedLevel(page, "SALARY-CERT"));
        Assert.Empty(await StoredAsync(tenant.Id));
    }

    [Fact]
    public async Task Create_duplicate_code_is_refused_beside_the_code_field()
    {
        var (tenant, admin) = await AdminAsync();
        await CreatedIdAsync(tenant, admin);

        var response = await CreateAsync(admin, page => Fields(page, code: "RENT-AID", nameAr: "إيجار مكرر"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal("هذا الرمز مستخدم لخدمة أخرى.", Error(page, "Code"));
        Assert.Equal("إيجار مكرر", Value(page, "Input.NameAr"));
        Assert.Single(await StoredAsync(tenant.Id));
    }

    [Fact]
    public async Task Create_with_another_associations_document_type_is_refused_and_nothing_is_linked()
    {
        var (tenant, admin) = await AdminAsync();
        var other = await factory.CreateTenantAsync();
        await SeedDocumentTypesAsync(other.Id);
        var foreignType = await DocumentTypeIdAsync(other.Id, "LEASE");

        var response = await admin.PostWithTokenAsync("/Admin/Services/Create", new Dictionary<string, string>
        {
            ["Input.Code"] = "SNEAKY",
            ["Input.NameAr"] = "خدمة",
            ["Input.Requirements[0].DocumentTypeId"] = foreignType.ToString(),
            ["Input.Requirements[0].Level"] = "Mandatory",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("اختر أنواع مستندات من أنواع الجمعية.", Error(await StaffClient.ParseAsync(response), "Requirements"));
        Assert.Empty(await StoredAsync(tenant.Id));
        Assert.Equal(0, await factory.QueryAsync(other.Id, db => db.ServiceRequirements.CountAsync()));
    }

    [Fact]
    public async Task Edit_changes_the_checklist_in_place_and_renews_the_version()
    {
        var (tenant, admin) = await AdminAsync();
        var id = await CreatedIdAsync(tenant, admin);
        var before = Assert.Single(await StoredAsync(tenant.Id));
        var nationalId = await DocumentTypeIdAsync(tenant.Id, "NATIONAL-ID");
        var untouched = before.Requirements.Single(r => r.DocumentTypeId == nationalId).Id;
        var page = await admin.GetDocumentAsync($"/Admin/Services/Edit/{id}");
        Assert.Equal("Mandatory", CheckedLevel(page, "LEASE"));
        Assert.Equal("5000.50", Value(page, "Input.DefaultAmount"));

        var response = await admin.SubmitAsync(page.QuerySelector<IHtmlFormElement>(Form)!, $"/Admin/Services/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.NameAr"] = "مساعدة في الإيجار",
            ["Input.DefaultAmount"] = "",
            [LevelField(page, "LEASE")] = "NotRequired",
            [LevelField(page, "SALARY-CERT")] = "Mandatory",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single(await StoredAsync(tenant.Id));
        Assert.Equal("مساعدة في الإيجار", saved.NameAr);
        Assert.Null(saved.DefaultAmountHalalas);
        Assert.NotEqual(before.Version, saved.Version);
        Assert.Equal(new Dictionary<string, bool> { ["NATIONAL-ID"] = true, ["SALARY-CERT"] = true }, await RequirementsAsync(tenant.Id, id));
        Assert.Contains(saved.Requirements, r => r.Id == untouched);
    }

    [Fact]
    public async Task Edit_stale_save_keeps_typed_values_shows_the_saved_ones_and_a_second_save_wins()
    {
        var (tenant, admin) = await AdminAsync();
        var id = await CreatedIdAsync(tenant, admin);
        var editPage = await admin.GetDocumentAsync($"/Admin/Services/Edit/{id}");

        await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<AppDbContext>().SupportServices
            .Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NameAr, "إيجار (تعديل آخر)").SetProperty(x => x.Version, Guid.NewGuid())));

        var typed = new Dictionary<string, string> { ["Input.NameAr"] = "إعانة إيجار", [LevelField(editPage, "LEASE")] = "Optional" };
        var response = await admin.SubmitAsync(editPage.QuerySelector<IHtmlFormElement>(Form)!, $"/Admin/Services/Edit/{id}", typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-testid=stale-warning]"));
        Assert.Equal("إيجار (تعديل آخر)", page.QuerySelector("[data-testid=saved-name]")!.TextContent.Trim());
        Assert.Equal("إعانة إيجار", Value(page, "Input.NameAr"));
        Assert.Equal("Optional", CheckedLevel(page, "LEASE"));
        Assert.Equal("إيجار (تعديل آخر)", Assert.Single(await StoredAsync(tenant.Id)).NameAr);
        Assert.True((await RequirementsAsync(tenant.Id, id))["LEASE"]);

        var again = await admin.SubmitAsync(page.QuerySelector<IHtmlFormElement>(Form)!, $"/Admin/Services/Edit/{id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("إعانة إيجار", Assert.Single(await StoredAsync(tenant.Id)).NameAr);
        Assert.False((await RequirementsAsync(tenant.Id, id))["LEASE"]);
    }

    [Fact]
    public async Task Deactivate_keeps_the_service_but_removes_it_from_the_active_services()
    {
        var (tenant, admin) = await AdminAsync();
        var id = await CreatedIdAsync(tenant, admin);

        var response = await admin.SubmitFormAsync($"/Admin/Services/Edit/{id}", "form[data-testid=deactivate-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(Assert.Single(await StoredAsync(tenant.Id)).IsActive);
        var active = await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<ServiceCatalogue>().ActiveServicesAsync(CancellationToken.None));
        Assert.Empty(active);
        var list = await admin.GetDocumentAsync("/Admin/Services");
        Assert.NotNull(list.QuerySelector("tr[data-code='RENT-AID'] [data-testid=status-inactive]"));
    }

    [Fact]
    public async Task Deactivated_document_type_is_not_offered_for_new_services_and_not_asked_for_any_more()
    {
        var (tenant, admin) = await AdminAsync();
        var id = await CreatedIdAsync(tenant, admin);
        var lease = await DocumentTypeIdAsync(tenant.Id, "LEASE");
        await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<DocumentTypes>().SetActiveAsync(lease, false, CancellationToken.None));

        var create = await admin.GetDocumentAsync("/Admin/Services/Create");
        var edit = await admin.GetDocumentAsync($"/Admin/Services/Edit/{id}");

        Assert.Null(create.QuerySelector("tr[data-document-type='LEASE']"));
        Assert.Equal("Mandatory", CheckedLevel(edit, "LEASE")); // still shown where it is used, so the admin can remove it
        Assert.False((await RequirementsAsync(tenant.Id, id)).ContainsKey("LEASE"));
    }

    [Fact]
    public async Task Non_admins_get_403_on_every_service_page()
    {
        var (tenant, admin) = await AdminAsync();
        var id = await CreatedIdAsync(tenant, admin);

        foreach (var role in new[] { StaffRoles.RelationsOfficer, StaffRoles.Manager })
        {
            using var staff = await factory.SignInAsync(tenant.User(role).Email);
            foreach (var url in new[] { "/Admin/Services", "/Admin/Services/Create", $"/Admin/Services/Edit/{id}" })
            {
                await Forbidden.AssertAsync(await staff.Http.GetAsync(url));
            }

            await Forbidden.AssertAsync(await staff.PostWithTokenAsync($"/Admin/Services/Edit/{id}?handler=Deactivate"));
        }

        Assert.True(Assert.Single(await StoredAsync(tenant.Id)).IsActive);
    }

    [Fact]
    public async Task Another_associations_admin_gets_404_on_edit_and_deactivate_and_changes_nothing()
    {
        var (owner, ownerAdmin) = await AdminAsync();
        var id = await CreatedIdAsync(owner, ownerAdmin);
        var (intruderTenant, intruder) = await AdminAsync();
        var intruderType = await DocumentTypeIdAsync(intruderTenant.Id, "LEASE");
        var version = Assert.Single(await StoredAsync(owner.Id)).Version;

        Func<AppDbContext, Task<object>> snapshot = async db => new
        {
            Service = await db.SupportServices.Where(s => s.Id == id).Select(s => new { s.Code, s.NameAr, s.IsActive, s.Version }).SingleAsync(),
            Requirements = await db.ServiceRequirements.Where(r => r.ServiceId == id).OrderBy(r => r.Id).Select(r => new { r.Id, r.DocumentTypeId, r.IsMandatory }).ToListAsync(),
        };

        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Admin/Services/Edit/{id}");
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"/Admin/Services/Edit/{id}", snapshot, new Dictionary<string, string>
        {
            ["Version"] = version.ToString(),
            ["Input.Code"] = "HACKED",
            ["Input.NameAr"] = "مخترق",
            ["Input.Requirements[0].DocumentTypeId"] = intruderType.ToString(),
            ["Input.Requirements[0].Level"] = "Mandatory",
        });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"/Admin/Services/Edit/{id}?handler=Deactivate", snapshot);
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"/Admin/Services/Edit/{id}?handler=Activate", snapshot);
        var list = await intruder.GetDocumentAsync("/Admin/Services");
        Assert.Null(list.QuerySelector("tr[data-code='RENT-AID']"));
    }
}
