using System.Net;
using System.Text.RegularExpressions;
using Juthuruna.Common.Dates;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Words;

/// <summary>Issue 12, item 7: the audit log and the contacts log read as an administrator reads, in Arabic, dates in either calendar.</summary>
[Collection(SharedApp.Administration)]
public sealed partial class AuditLogPageTests(AppFactory factory)
{
    [Fact]
    public async Task Audit_rows_show_arabic_labels_the_record_by_name_and_the_person_by_name()
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var id = await TestBeneficiaries.CreateAsync(officer);
        await officer.GetDocumentAsync($"/Beneficiaries/Details/{id}");
        var fileNumber = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Where(b => b.Id == id).Select(b => b.FileNumber).SingleAsync());
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var page = await admin.GetDocumentAsync("/Admin/Audit");

        var rows = page.QuerySelectorAll("[data-testid=audit-row]");
        Assert.Contains(rows, r => r.QuerySelector("[data-testid=audit-action]")!.TextContent.Trim() == "اطلاع على السجل");
        var created = Assert.Single(rows, r => r.QuerySelector("[data-testid=audit-action]")!.TextContent.Trim() == "إنشاء"
                                               && r.QuerySelector("[data-testid=audit-entity-type]")!.TextContent.Trim() == "ملف مستفيد");
        var link = created.QuerySelector("[data-testid=audit-record] a")!;
        Assert.Equal($"/Beneficiaries/Details/{id}", link.GetAttribute("href"));
        Assert.Contains(fileNumber, link.TextContent, StringComparison.Ordinal);
        Assert.Equal("موظف RelationsOfficer", created.QuerySelector("[data-testid=audit-user]")!.TextContent.Trim());
        Assert.Contains(created.QuerySelectorAll("[data-testid=audit-change]"), c => c.TextContent.Contains("الاسم الأول", StringComparison.Ordinal));
        var table = page.QuerySelector("[data-testid=audit-rows]")!.TextContent;
        Assert.DoesNotContain("Beneficiary", table, StringComparison.Ordinal);
        Assert.DoesNotContain("FirstName", table, StringComparison.Ordinal);
        Assert.DoesNotMatch(GuidPattern(), table);
    }

    [Fact]
    public async Task Audit_request_fields_and_states_read_in_arabic()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var page = await admin.GetDocumentAsync("/Admin/Audit?EntityType=SupportRequest");

        var text = page.QuerySelector("[data-testid=audit-rows]")!.TextContent;
        Assert.Contains("موعد قرار اللجنة", text, StringComparison.Ordinal);
        Assert.Contains("مكتمل التحقق", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DecisionDueOn", text, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("[data-testid=audit-entity-type]"), e => Assert.Equal("طلب دعم", e.TextContent.Trim()));
        Assert.Contains(page.QuerySelectorAll("[data-testid=audit-record] a"), a => a.GetAttribute("href") == $"/Requests/Details/{request.RequestId}");
    }

    [Fact]
    public async Task Audit_filters_offer_record_kinds_and_staff_from_lists_and_filter_by_them()
    {
        var tenant = await factory.CreateTenantAsync();
        var officerUser = tenant.User(StaffRoles.RelationsOfficer);
        var officer = await factory.SignInAsync(officerUser.Email);
        await TestBeneficiaries.CreateAsync(officer);
        await TestRequests.VerifiedAsync(factory, tenant);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var page = await admin.GetDocumentAsync("/Admin/Audit");
        var kinds = page.QuerySelectorAll("[data-testid=filter-kind] option").Select(o => (o.GetAttribute("value"), o.TextContent.Trim())).ToList();
        Assert.Contains(("Beneficiary", "ملف مستفيد"), kinds);
        Assert.Contains(("SupportRequest", "طلب دعم"), kinds);
        var staff = page.QuerySelectorAll("[data-testid=filter-actor] option").Select(o => (o.GetAttribute("value"), o.TextContent.Trim())).ToList();
        Assert.Contains((officerUser.Id.ToString(), "موظف RelationsOfficer"), staff);

        var beneficiaries = await admin.GetDocumentAsync("/Admin/Audit?EntityType=Beneficiary");
        Assert.NotEmpty(beneficiaries.QuerySelectorAll("[data-testid=audit-row]"));
        Assert.All(beneficiaries.QuerySelectorAll("[data-testid=audit-entity-type]"), e => Assert.Equal("ملف مستفيد", e.TextContent.Trim()));

        var byOfficer = await admin.GetDocumentAsync($"/Admin/Audit?Actor={officerUser.Id}");
        Assert.NotEmpty(byOfficer.QuerySelectorAll("[data-testid=audit-row]"));
        Assert.All(byOfficer.QuerySelectorAll("[data-testid=audit-user]"), e => Assert.Equal("موظف RelationsOfficer", e.TextContent.Trim()));

        var unknown = await admin.Http.GetAsync("/Admin/Audit?EntityType=AspNetUsers");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Audit_dates_are_typed_in_hijri_or_gregorian_and_a_bad_date_gets_a_message()
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        await TestBeneficiaries.CreateAsync(officer);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var today = TestWindow.Today(factory);
        var hijriToday = DateEntry.Format(today, CalendarKind.Hijri);
        var hijriTomorrow = DateEntry.Format(today.AddDays(1), CalendarKind.Hijri);

        var page = await admin.GetDocumentAsync("/Admin/Audit");
        Assert.Null(page.QuerySelector("input[type=date]"));
        Assert.NotEmpty((await admin.GetDocumentAsync($"/Admin/Audit?Calendar=Hijri&From={hijriToday}&To={hijriToday}")).QuerySelectorAll("[data-testid=audit-row]"));
        Assert.Empty((await admin.GetDocumentAsync($"/Admin/Audit?Calendar=Hijri&From={hijriTomorrow}")).QuerySelectorAll("[data-testid=audit-row]"));
        var gregorian = today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEmpty((await admin.GetDocumentAsync($"/Admin/Audit?Calendar=Gregorian&From={gregorian}")).QuerySelectorAll("[data-testid=audit-row]"));

        var bad = await admin.GetDocumentAsync("/Admin/Audit?Calendar=Hijri&From=13/13/1447", HttpStatusCode.BadRequest);
        Assert.Equal("أدخل التاريخ بصيغة يوم/شهر/سنة.", bad.QuerySelector("[data-testid=error-from]")!.TextContent.Trim());
        Assert.Equal("13/13/1447", bad.QuerySelector("[data-testid=filter-from]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Contacts_date_filter_takes_hijri_dates_as_text()
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var today = TestWindow.Today(factory);
        var created = await officer.SubmitFormAsync("/Contacts/Create", "form[data-testid=contact-form]", new Dictionary<string, string>
        {
            ["Input.Channel"] = "Phone",
            ["Input.Direction"] = "Incoming",
            ["Input.Type"] = "Inquiry",
            ["Input.CallerName"] = "سعد الحربي",
            ["Input.CallerMobile"] = "0551234567",
            ["Input.Summary"] = "استفسار عن الخدمات",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var hijriToday = DateEntry.Format(today, CalendarKind.Hijri);
        var hijriTomorrow = DateEntry.Format(today.AddDays(1), CalendarKind.Hijri);

        var list = await officer.GetDocumentAsync("/Contacts");
        Assert.Null(list.QuerySelector("input[type=date]"));
        Assert.Single((await officer.GetDocumentAsync($"/Contacts?calendar=Hijri&from={hijriToday}&to={hijriToday}")).QuerySelectorAll("[data-testid=contacts] [data-contact-id]"));
        Assert.Null((await officer.GetDocumentAsync($"/Contacts?calendar=Hijri&from={hijriTomorrow}")).QuerySelector("[data-testid=contacts] [data-contact-id]"));

        var bad = await officer.GetDocumentAsync("/Contacts?calendar=Hijri&from=1447-15-40", HttpStatusCode.BadRequest);
        Assert.Equal("أدخل التاريخ بصيغة يوم/شهر/سنة.", bad.QuerySelector("[data-testid=error-from]")!.TextContent.Trim());
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex GuidPattern();
}
