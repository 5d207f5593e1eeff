using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Contacts;

[Collection(SharedApp.Files)]
public sealed class ContactTests(AppFactory factory)
{
    private const string Form = "form[data-testid=contact-form]";

    private static string NationalIdFor(int n) => TestBeneficiaries.NationalIdFor(n);

    private async Task<(TestTenant Tenant, StaffClient Officer)> OfficerAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        return (tenant, await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email));
    }

    private Task<Guid> CreateBeneficiaryAsync(Guid tenantId, int n, string mobile = "0551234567") =>
        factory.InTenantAsync(tenantId, async sp =>
        {
            var form = BeneficiaryForm.Blank();
            form.IdentityNumber = NationalIdFor(n);
            form.FirstName = "أحمد";
            form.FatherName = "محمد";
            form.GrandfatherName = "علي";
            form.FamilyName = "الغامدي";
            form.Gender = Gender.Male;
            form.BirthDate = "1985-03-10";
            form.MaritalStatus = MaritalStatus.Married;
            form.Mobile = mobile;
            form.EmploymentStatus = EmploymentStatus.Unemployed;
            form.HousingType = HousingType.Rented;
            var result = await sp.GetRequiredService<BeneficiaryFiles>().CreateAsync(form, confirmSimilar: true, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Id!.Value;
        });

    private static Dictionary<string, string> UnknownCaller(string summary = "يسأل عن مواعيد استقبال طلبات الدعم") => new()
    {
        ["Input.CallerName"] = "سعد الحربي",
        ["Input.CallerMobile"] = "٠٥٥٩٨٧٦٥٤٣",
        ["Input.Channel"] = "Phone",
        ["Input.Direction"] = "Incoming",
        ["Input.Type"] = "Inquiry",
        ["Input.Summary"] = summary,
    };

    private static Guid IdFromRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Contacts/Details/", path, StringComparison.Ordinal);
        return Guid.Parse(path["/Contacts/Details/".Length..]);
    }

    private static string? Value(IHtmlDocument page, string name) =>
        page.QuerySelector($"[name='{name}']") switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            IHtmlSelectElement select => select.Value,
            _ => null,
        };

    private Task<Contact> ContactAsync(Guid tenantId, Guid id) =>
        factory.QueryAsync(tenantId, db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Create_phone_inquiry_from_unknown_caller_stores_channel_and_e164_mobile_without_file()
    {
        var (tenant, officer) = await OfficerAsync();

        var id = IdFromRedirect(await officer.SubmitFormAsync("/Contacts/Create", Form, UnknownCaller()));

        var saved = await ContactAsync(tenant.Id, id);
        Assert.Equal(ContactChannel.Phone, saved.Channel);
        Assert.Equal(ContactType.Inquiry, saved.Type);
        Assert.Equal("+966559876543", saved.CallerMobile);
        Assert.Equal("سعد الحربي", saved.CallerName);
        Assert.Null(saved.BeneficiaryId);
        Assert.Equal(tenant.User(StaffRoles.RelationsOfficer).Id, saved.StaffUserId);
        // Entered in Saudi time (10:00 on the fake clock's day), stored in UTC.
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, saved.OccurredAtUtc);

        var details = await officer.GetDocumentAsync($"/Contacts/Details/{id}");
        Assert.Equal("الاتصالات الهاتفية", details.QuerySelector("[data-testid=channel]")!.TextContent.Trim());
        Assert.NotNull(details.QuerySelector("[data-testid=link-link]"));
    }

    [Fact]
    public async Task Link_unknown_callers_contact_to_file_shows_it_on_the_files_timeline()
    {
        var (tenant, officer) = await OfficerAsync();
        var beneficiaryId = await CreateBeneficiaryAsync(tenant.Id, 11, mobile: "0559876543");
        var id = IdFromRedirect(await officer.SubmitFormAsync("/Contacts/Create", Form, UnknownCaller()));

        // The caller's mobile matches the file: it is suggested on the contact.
        var details = await officer.GetDocumentAsync($"/Contacts/Details/{id}");
        Assert.Contains("أحمد محمد علي الغامدي", details.QuerySelector("[data-testid=suggestions]")!.TextContent, StringComparison.Ordinal);

        // Searching by the identity number finds the file; linking posts its id.
        var search = await officer.GetDocumentAsync($"/Contacts/Link/{id}?q={NationalIdFor(11)}");
        var row = search.QuerySelector($"[data-testid=results] [data-beneficiary-id='{beneficiaryId}'] form") as IHtmlFormElement;
        Assert.NotNull(row);
        var response = await officer.SubmitAsync(row, $"/Contacts/Link/{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(beneficiaryId, (await ContactAsync(tenant.Id, id)).BeneficiaryId);
        var file = await officer.GetDocumentAsync($"/Beneficiaries/Details/{beneficiaryId}");
        var item = file.QuerySelector($"[data-testid=contact-timeline] [data-contact-id='{id}']");
        Assert.NotNull(item);
        Assert.Equal("الاتصالات الهاتفية", item.QuerySelector("[data-testid=channel]")!.TextContent.Trim());
        Assert.Equal("استفسار", item.QuerySelector("[data-testid=type]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Create_from_a_file_links_the_contact_and_lists_it_newest_first()
    {
        var (tenant, officer) = await OfficerAsync();
        var beneficiaryId = await CreateBeneficiaryAsync(tenant.Id, 12);
        var url = $"/Contacts/Create?beneficiaryId={beneficiaryId}";

        var first = IdFromRedirect(await officer.SubmitFormAsync(url, Form, new Dictionary<string, string>
        {
            ["Input.OccurredAt"] = "2026-02-17T09:30", ["Input.Channel"] = "InPerson", ["Input.Type"] = "Request", ["Input.Summary"] = "أحضر صورة الهوية",
        }));
        var second = IdFromRedirect(await officer.SubmitFormAsync(url, Form, new Dictionary<string, string>
        {
            ["Input.Channel"] = "Letter", ["Input.Direction"] = "Outgoing", ["Input.Type"] = "FollowUp", ["Input.Summary"] = "أرسلنا خطاب المتابعة",
            ["Input.FollowUpOn"] = "2026-02-25",
        }));

        var saved = await ContactAsync(tenant.Id, first);
        Assert.Equal(beneficiaryId, saved.BeneficiaryId);
        Assert.Null(saved.CallerName);
        Assert.Equal(new DateTime(2026, 2, 17, 6, 30, 0, DateTimeKind.Utc), saved.OccurredAtUtc);
        Assert.Equal(new DateOnly(2026, 2, 25), (await ContactAsync(tenant.Id, second)).FollowUpOn);

        var file = await officer.GetDocumentAsync($"/Beneficiaries/Details/{beneficiaryId}");
        var ids = file.QuerySelectorAll("[data-testid=contact-timeline] [data-contact-id]").Select(e => e.GetAttribute("data-contact-id")).ToList();
        Assert.Equal([second.ToString(), first.ToString()], ids);
        Assert.NotNull(file.QuerySelector("[data-testid=log-contact-link]"));
    }

    [Fact]
    public async Task Create_invalid_shows_arabic_messages_beside_fields_and_keeps_typed_values()
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = UnknownCaller(summary: "");
        fields["Input.CallerMobile"] = "12345";
        fields["Input.FollowUpOn"] = "2026-02-17";

        var response = await officer.SubmitFormAsync("/Contacts/Create", Form, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal("اكتب ملخص التواصل.", page.QuerySelector("[data-testid=error-Summary]")!.TextContent.Trim());
        Assert.Equal("أدخل رقم جوال سعوديًا صحيحًا، مثل 0551234567.", page.QuerySelector("[data-testid=error-CallerMobile]")!.TextContent.Trim());
        Assert.Equal("لا يمكن أن يكون تاريخ المتابعة في الماضي.", page.QuerySelector("[data-testid=error-FollowUpOn]")!.TextContent.Trim());
        Assert.Equal("12345", Value(page, "Input.CallerMobile"));
        Assert.Equal("سعد الحربي", Value(page, "Input.CallerName"));
        Assert.Equal("2026-02-17", Value(page, "Input.FollowUpOn"));
        Assert.Equal("Phone", Value(page, "Input.Channel"));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Index_filters_by_channel_type_dates_and_follow_ups_due()
    {
        var (tenant, officer) = await OfficerAsync();
        var phone = IdFromRedirect(await officer.SubmitFormAsync("/Contacts/Create", Form, UnknownCaller()));
        var visitFields = UnknownCaller("زيارة للاستفسار عن الخدمات");
        visitFields["Input.Channel"] = "InPerson";
        visitFields["Input.Type"] = "Complaint";
        visitFields["Input.OccurredAt"] = "2026-02-10T11:00";
        visitFields["Input.FollowUpOn"] = "2026-02-18";
        var visit = IdFromRedirect(await officer.SubmitFormAsync("/Contacts/Create", Form, visitFields));

        async Task<List<string?>> RowsAsync(string query) =>
            (await officer.GetDocumentAsync("/Contacts" + query)).QuerySelectorAll("[data-testid=contacts] [data-contact-id]")
                .Select(r => r.GetAttribute("data-contact-id")).ToList();

        Assert.Equal([phone.ToString(), visit.ToString()], await RowsAsync(""));
        Assert.Equal([visit.ToString()], await RowsAsync("?channel=InPerson"));
        Assert.Equal([phone.ToString()], await RowsAsync("?type=Inquiry"));
        Assert.Equal([visit.ToString()], await RowsAsync("?calendar=Gregorian&from=2026-02-09&to=2026-02-10"));
        Assert.Equal([phone.ToString()], await RowsAsync("?calendar=Gregorian&from=2026-02-18"));
        Assert.Equal([visit.ToString()], await RowsAsync("?due=true"));

        var list = await officer.GetDocumentAsync("/Contacts");
        var row = list.QuerySelector($"[data-contact-id='{phone}']")!;
        Assert.Equal("الاتصالات الهاتفية", row.QuerySelector("[data-testid=channel]")!.TextContent.Trim());
        Assert.Contains("سعد الحربي", row.QuerySelector("[data-testid=person]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("موظف RelationsOfficer", row.QuerySelector("[data-testid=staff]")!.TextContent.Trim());

        var home = await officer.GetDocumentAsync("/");
        Assert.Equal("تواصل واحد اليوم", home.QuerySelector("[data-testid=contacts-today]")!.TextContent.Trim());
        Assert.Equal("متابعة واحدة مستحقة", home.QuerySelector("[data-testid=follow-ups-due]")!.TextContent.Trim());
        _ = tenant;
    }

    [Fact]
    public async Task Manager_can_view_but_gets_403_on_create_and_link()
    {
        var (tenant, officer) = await OfficerAsync();
        var id = IdFromRedirect(await officer.SubmitFormAsync("/Contacts/Create", Form, UnknownCaller()));
        var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        await manager.GetDocumentAsync("/Contacts");
        var details = await manager.GetDocumentAsync($"/Contacts/Details/{id}");
        Assert.Null(details.QuerySelector("[data-testid=link-link]"));
        await Forbidden.AssertAsync(await manager.Http.GetAsync("/Contacts/Create"));
        await Forbidden.AssertAsync(await manager.Http.GetAsync($"/Contacts/Link/{id}"));
    }

    [Fact]
    public async Task Another_tenant_gets_404_on_details_and_link_and_changes_nothing()
    {
        var (owner, officer) = await OfficerAsync();
        var id = IdFromRedirect(await officer.SubmitFormAsync("/Contacts/Create", Form, UnknownCaller()));
        var other = await factory.CreateTenantAsync();
        var intruder = await factory.SignInAsync(other.User(StaffRoles.RelationsOfficer).Email);
        var intrudersFile = await CreateBeneficiaryAsync(other.Id, 13);
        var ownersFile = await CreateBeneficiaryAsync(owner.Id, 13);

        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Contacts/Details/{id}");
        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Contacts/Link/{id}");
        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Contacts/Create?beneficiaryId={ownersFile}");
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"/Contacts/Link/{id}",
            db => db.Contacts.Where(c => c.Id == id).Select(c => new { c.BeneficiaryId, c.LinkedAtUtc }).SingleAsync(),
            new Dictionary<string, string> { ["Input.BeneficiaryId"] = intrudersFile.ToString() });

        // The owner cannot link to a file of another association either.
        await TenantLeak.AssertPostNotFoundAsync(factory, officer, owner.Id, $"/Contacts/Link/{id}",
            db => db.Contacts.Where(c => c.Id == id).Select(c => new { c.BeneficiaryId, c.LinkedAtUtc }).SingleAsync(),
            new Dictionary<string, string> { ["Input.BeneficiaryId"] = intrudersFile.ToString() });
    }

    [Fact]
    public async Task Create_posted_twice_makes_one_row_and_the_second_post_redirects_to_it()
    {
        var (tenant, officer) = await OfficerAsync();
        var page = await officer.GetDocumentAsync("/Contacts/Create");
        var form = page.QuerySelector<IHtmlFormElement>(Form)!;
        Assert.NotEqual(Guid.Empty, Guid.Parse(Value(page, "Input.IdempotencyKey")!));

        var first = IdFromRedirect(await officer.SubmitAsync(form, "/Contacts/Create", UnknownCaller()));
        var second = IdFromRedirect(await officer.SubmitAsync(form, "/Contacts/Create", UnknownCaller()));

        Assert.Equal(first, second);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.Contacts.CountAsync()));
    }
}
