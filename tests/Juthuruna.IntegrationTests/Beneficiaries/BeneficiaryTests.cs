using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Beneficiaries;

[Collection(SharedApp.Files)]
public sealed class BeneficiaryTests(AppFactory factory)
{
    private const string Form = "form[data-testid=beneficiary-form]";
    private const string WrongCheckDigitMessage = "رقم الهوية غير صحيح: رقم التحقق لا يطابق. تأكد من الأرقام.";

    private static string NationalIdFor(int n) => TestBeneficiaries.NationalIdFor(n);

    private static Dictionary<string, string> Fields(string identityNumber, string firstName = "أحمد", string birthDate = "1985-03-10") => new()
    {
        ["Input.IdentityType"] = "NationalId",
        ["Input.IdentityNumber"] = identityNumber,
        ["Input.FirstName"] = firstName,
        ["Input.FatherName"] = "محمد",
        ["Input.GrandfatherName"] = "علي",
        ["Input.FamilyName"] = "الغامدي",
        ["Input.Gender"] = "Male",
        ["Input.BirthDateCalendar"] = "Gregorian",
        ["Input.BirthDate"] = birthDate,
        ["Input.Nationality"] = "سعودي",
        ["Input.MaritalStatus"] = "Married",
        ["Input.Mobile"] = "0551234567",
        ["Input.EmploymentStatus"] = "Unemployed",
        ["Input.HousingType"] = "Rented",
    };

    private async Task<(TestTenant Tenant, StaffClient Officer)> OfficerAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        return (tenant, await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email));
    }

    private static Task<HttpResponseMessage> CreateAsync(StaffClient client, Dictionary<string, string> fields) =>
        client.SubmitFormAsync("/Beneficiaries/Create", Form, fields);

    private static Guid IdFromRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Beneficiaries/Details/", path, StringComparison.Ordinal);
        return Guid.Parse(path["/Beneficiaries/Details/".Length..]);
    }

    private static string? Value(IHtmlDocument page, string name) =>
        page.QuerySelector($"[name='{name}']") switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            IHtmlSelectElement select => select.Value,
            _ => null,
        };

    private Task<int> CountAsync(Guid tenantId) => factory.QueryAsync(tenantId, db => db.Beneficiaries.CountAsync());

    [Fact]
    public async Task Create_with_household_and_incomes_stores_normalised_values_and_shows_per_capita_income()
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = Fields(NationalIdFor(1));
        fields["Input.Mobile"] = "+966 55 123 4567";
        fields["Input.NameEn"] = "Ahmad Al-Ghamdi";
        fields["Input.PostalCode"] = "23456";
        fields["Input.Incomes[0].Amount"] = "1500.50"; // salary
        fields["Input.Incomes[2].Amount"] = "500";     // citizen account
        fields["Input.Members[0].Name"] = "سارة أحمد";
        fields["Input.Members[0].Relation"] = "Daughter";
        fields["Input.Members[0].IdentityNumber"] = NationalIdFor(2);
        fields["Input.Members[0].BirthDateCalendar"] = "Hijri";
        fields["Input.Members[0].BirthDate"] = "1430-01-01";
        fields["Input.Members[0].MonthlyIncome"] = "1000";
        fields["Input.Members[1].Name"] = "خالد أحمد";
        fields["Input.Members[1].Relation"] = "Son";

        var id = IdFromRedirect(await CreateAsync(officer, fields));

        var saved = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal("B-000001", saved.FileNumber);
        Assert.Equal("+966551234567", saved.Mobile);
        Assert.Equal("احمد محمد علي الغامدي ahmad al-ghamdi", saved.SearchKey);
        Assert.Equal(tenant.Id, saved.TenantId);
        Assert.Equal([(IncomeKind.Salary, 150050L), (IncomeKind.CitizenAccount, 50000L)],
            saved.IncomeSources.OrderBy(i => i.Kind).Select(i => (i.Kind, i.MonthlyHalalas)).ToList());
        Assert.Equal(2, saved.HouseholdMembers.Count);
        var daughter = saved.HouseholdMembers.Single(m => m.Relation == HouseholdRelation.Daughter);
        Assert.Equal(100000, daughter.MonthlyIncomeHalalas);
        Assert.Equal(new DateOnly(2008, 12, 29), daughter.BirthDate); // 1 Muharram 1430
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, saved.CreatedAtUtc);

        var details = await officer.GetDocumentAsync($"/Beneficiaries/Details/{id}");
        Assert.Equal("أحمد محمد علي الغامدي", details.QuerySelector("[data-testid=beneficiary-name]")!.TextContent.Trim());
        Assert.Equal("0551234567", details.QuerySelector("[data-testid=mobile]")!.TextContent.Trim());
        Assert.Equal("3", details.QuerySelector("[data-testid=household-size]")!.TextContent.Trim());
        // (1,500.50 + 500 + 1,000) / 3 people
        Assert.Equal("1,000.16", details.QuerySelector("[data-testid=per-capita-income]")!.TextContent.Trim());
        var birthDate = details.QuerySelector("[data-testid=birth-date]")!.TextContent;
        Assert.Contains("هـ", birthDate, StringComparison.Ordinal);
        Assert.Contains("10 مارس 1985 م", birthDate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_birth_date_entered_in_hijri_is_stored_as_the_gregorian_date()
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = Fields(NationalIdFor(3), birthDate: "01/09/1405");
        fields["Input.BirthDateCalendar"] = "Hijri";

        var id = IdFromRedirect(await CreateAsync(officer, fields));

        var birthDate = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Where(b => b.Id == id).Select(b => b.BirthDate).SingleAsync());
        Assert.Equal(Juthuruna.Common.Dates.DualDate.FromHijri(1405, 9, 1), birthDate);
    }

    [Fact]
    public async Task Create_arabic_indic_digits_in_id_mobile_and_amounts_are_accepted()
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = Fields("١٠٠٠٠٠٠٠٠٨");
        fields["Input.Mobile"] = "٠٥٥١٢٣٤٥٦٧";
        fields["Input.Incomes[1].Amount"] = "٢٥٠٠٫٥"; // social security
        fields["Input.PostalCode"] = "٢٣٤٥٦";

        var id = IdFromRedirect(await CreateAsync(officer, fields));

        var saved = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal("1000000008", saved.IdentityNumber);
        Assert.Equal("+966551234567", saved.Mobile);
        Assert.Equal("23456", saved.Address.PostalCode);
        Assert.Equal(250050, saved.IncomeSources.Single(i => i.Kind == IncomeKind.SocialSecurity).MonthlyHalalas);
    }

    [Fact]
    public async Task Create_wrong_national_id_check_digit_shows_arabic_message_and_keeps_every_value()
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = Fields("1000000009");
        fields["Input.Notes"] = "يراجع يوم الأحد";
        fields["Input.Incomes[0].Amount"] = "1500.50";
        fields["Input.Members[0].Name"] = "سارة";
        fields["Input.Members[0].Relation"] = "Daughter";

        var response = await CreateAsync(officer, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal(WrongCheckDigitMessage, page.QuerySelector("[data-testid=error-IdentityNumber]")!.TextContent.Trim());
        foreach (var (name, value) in fields)
        {
            Assert.Equal(value, Value(page, name));
        }

        Assert.Equal(0, await CountAsync(tenant.Id));
    }

    [Fact]
    public async Task Create_bad_mobile_shows_arabic_message()
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = Fields(NationalIdFor(4));
        fields["Input.Mobile"] = "0123";

        var page = await StaffClient.ParseAsync(await CreateAsync(officer, fields));

        Assert.Equal("أدخل رقم جوال سعوديًا صحيحًا، مثل 0551234567.", page.QuerySelector("[data-testid=error-Mobile]")!.TextContent.Trim());
        Assert.Equal("0123", Value(page, "Input.Mobile"));
        Assert.Equal(0, await CountAsync(tenant.Id));
    }

    [Fact]
    public async Task Create_duplicate_identity_number_is_refused_with_a_link_to_the_existing_file()
    {
        var (tenant, officer) = await OfficerAsync();
        var first = IdFromRedirect(await CreateAsync(officer, Fields(NationalIdFor(5))));

        var response = await CreateAsync(officer, Fields(NationalIdFor(5), firstName: "سعد", birthDate: "1990-01-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("يوجد ملف مستفيد برقم الهوية هذا مسبقًا: B-000001", page.QuerySelector("[data-testid=error-IdentityNumber]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Beneficiaries/Details/{first}", page.QuerySelector("[data-testid=duplicate-link]")!.GetAttribute("href"));
        Assert.Equal("سعد", Value(page, "Input.FirstName"));
        Assert.Equal(1, await CountAsync(tenant.Id));
    }

    [Fact]
    public async Task Create_same_identity_number_in_another_association_is_allowed()
    {
        var (tenantA, officerA) = await OfficerAsync();
        var (tenantB, officerB) = await OfficerAsync();

        IdFromRedirect(await CreateAsync(officerA, Fields(NationalIdFor(6))));
        IdFromRedirect(await CreateAsync(officerB, Fields(NationalIdFor(6))));

        Assert.Equal(1, await CountAsync(tenantA.Id));
        Assert.Equal(1, await CountAsync(tenantB.Id));
        // Each association numbers its own files.
        Assert.Equal("B-000001", await factory.QueryAsync(tenantB.Id, db => db.Beneficiaries.Select(b => b.FileNumber).SingleAsync()));
    }

    [Fact]
    public async Task Create_similar_name_and_same_birth_date_warns_then_saves_when_confirmed()
    {
        var (tenant, officer) = await OfficerAsync();
        IdFromRedirect(await CreateAsync(officer, Fields(NationalIdFor(7), firstName: "أحمد")));

        // Another ID, the same person's name typed without hamza, the same birth date.
        var warned = await CreateAsync(officer, Fields(NationalIdFor(8), firstName: "احمد"));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await StaffClient.ParseAsync(warned);
        Assert.NotNull(page.QuerySelector("[data-testid=similar-warning]"));
        Assert.Equal(1, await CountAsync(tenant.Id));

        var confirmed = await officer.SubmitAsync(page.QuerySelector<IHtmlFormElement>(Form)!, "/Beneficiaries/Create",
            new Dictionary<string, string> { ["ConfirmSimilar"] = "true" });

        IdFromRedirect(confirmed);
        Assert.Equal(2, await CountAsync(tenant.Id));
    }

    [Fact]
    public async Task Create_same_form_posted_twice_creates_one_file()
    {
        var (tenant, officer) = await OfficerAsync();
        var page = await officer.GetDocumentAsync("/Beneficiaries/Create");
        var form = page.QuerySelector<IHtmlFormElement>(Form)!;

        var first = await officer.SubmitAsync(form, "/Beneficiaries/Create", Fields(NationalIdFor(9)));
        var second = await officer.SubmitAsync(form, "/Beneficiaries/Create", Fields(NationalIdFor(9)));

        IdFromRedirect(first);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull((await StaffClient.ParseAsync(second)).QuerySelector("[data-testid=duplicate-link]"));
        Assert.Equal(1, await CountAsync(tenant.Id));
    }

    [Fact]
    public async Task Search_finds_by_normalised_name_identity_number_mobile_and_file_number()
    {
        var (_, officer) = await OfficerAsync();
        var fields = Fields(NationalIdFor(10), firstName: "أحمد");
        fields["Input.Mobile"] = "+966501112233";
        IdFromRedirect(await CreateAsync(officer, fields));
        var other = Fields(NationalIdFor(11), firstName: "سعد", birthDate: "1970-01-01");
        other["Input.FamilyName"] = "القحطاني";
        other["Input.Mobile"] = "0559998877";
        IdFromRedirect(await CreateAsync(officer, other));

        async Task<List<string>> Search(string q) =>
            (await officer.GetDocumentAsync($"/Beneficiaries?q={Uri.EscapeDataString(q)}"))
            .QuerySelectorAll("[data-file]").Select(r => r.GetAttribute("data-file")!).ToList();

        Assert.Equal(["B-000001"], await Search("احمد"));
        Assert.Equal(["B-000001"], await Search("الغامدى"));
        Assert.Equal(["B-000001"], await Search(NationalIdFor(10)));
        Assert.Equal(["B-000001"], await Search("0501112233"));
        Assert.Equal(["B-000002"], await Search("0559998877"));
        Assert.Equal(["B-000002"], await Search("٠٥٥٩٩٩٨٨٧٧"));
        Assert.Equal(["B-000002"], await Search("B-000002"));
        Assert.Equal(["B-000002", "B-000001"], await Search(""));
        Assert.Empty(await Search("فاطمة"));
    }

    [Fact]
    public async Task Edit_saves_changes_and_renews_the_version()
    {
        var (tenant, officer) = await OfficerAsync();
        var id = IdFromRedirect(await CreateAsync(officer, Fields(NationalIdFor(12))));
        var before = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Where(b => b.Id == id).Select(b => b.Version).SingleAsync());

        var response = await officer.SubmitFormAsync($"/Beneficiaries/Edit/{id}", Form, new Dictionary<string, string>
        {
            ["Input.Mobile"] = "0561234567",
            ["Input.Incomes[3].Amount"] = "2000",
        });

        Assert.Equal(id, IdFromRedirect(response));
        var saved = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal("+966561234567", saved.Mobile);
        Assert.Equal(200000, saved.IncomeSources.Single(i => i.Kind == IncomeKind.Pension).MonthlyHalalas);
        Assert.NotEqual(before, saved.Version);
    }

    [Fact]
    public async Task Edit_opt_out_of_non_essential_messages_is_saved_and_shown_on_the_file()
    {
        var (tenant, officer) = await OfficerAsync();
        var id = IdFromRedirect(await CreateAsync(officer, Fields(NationalIdFor(13))));

        await officer.SubmitFormAsync($"/Beneficiaries/Edit/{id}", Form, new Dictionary<string, string> { ["Input.NonEssentialMessagesOptOut"] = "true" });

        Assert.True(await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Where(b => b.Id == id).Select(b => b.NonEssentialMessagesOptOut).SingleAsync()));
        var file = await officer.GetDocumentAsync($"/Beneficiaries/Details/{id}");
        Assert.Equal("الرسائل الأساسية فقط", file.QuerySelector("[data-testid=messages-preference]")!.TextContent.Trim());
        var edit = await officer.GetDocumentAsync($"/Beneficiaries/Edit/{id}");
        Assert.True(edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[type=checkbox][name='Input.NonEssentialMessagesOptOut']")!.IsChecked);
    }

    [Fact]
    public async Task Edit_stale_save_keeps_typed_values_shows_the_other_change_and_loses_nothing()
    {
        var (tenant, officer) = await OfficerAsync();
        var id = IdFromRedirect(await CreateAsync(officer, Fields(NationalIdFor(13))));
        var editPage = await officer.GetDocumentAsync($"/Beneficiaries/Edit/{id}");

        // Someone else saves meanwhile.
        await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<Juthuruna.Data.AppDbContext>().Beneficiaries
            .Where(b => b.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Mobile, "+966559999999").SetProperty(b => b.Version, Guid.NewGuid())));

        var typed = new Dictionary<string, string> { ["Input.Notes"] = "زيارة منزلية مطلوبة", ["Input.District"] = "الحمدانية" };
        var response = await officer.SubmitAsync(editPage.QuerySelector<IHtmlFormElement>(Form)!, $"/Beneficiaries/Edit/{id}", typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("عدّل شخص آخر هذا الملف", page.QuerySelector("[data-testid=stale-warning]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0559999999", page.QuerySelector("[data-testid=saved-mobile]")!.TextContent.Trim());
        Assert.Equal("زيارة منزلية مطلوبة", Value(page, "Input.Notes"));
        Assert.Equal("الحمدانية", Value(page, "Input.District"));
        var afterStale = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal("+966559999999", afterStale.Mobile);
        Assert.Null(afterStale.Notes);

        // Having seen the other change, the user saves again on purpose.
        var again = await officer.SubmitAsync(page.QuerySelector<IHtmlFormElement>(Form)!, $"/Beneficiaries/Edit/{id}", new Dictionary<string, string>());

        IdFromRedirect(again);
        var final = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal("زيارة منزلية مطلوبة", final.Notes);
    }

    [Fact]
    public async Task Social_researcher_reads_files_but_gets_403_on_create_and_edit()
    {
        var (tenant, officer) = await OfficerAsync();
        var id = IdFromRedirect(await CreateAsync(officer, Fields(NationalIdFor(14))));
        using var researcher = await factory.SignInAsync(tenant.User(StaffRoles.SocialResearcher).Email);

        var list = await researcher.GetDocumentAsync("/Beneficiaries");
        var details = await researcher.GetDocumentAsync($"/Beneficiaries/Details/{id}");
        var create = await researcher.Http.GetAsync("/Beneficiaries/Create");
        var edit = await researcher.Http.GetAsync($"/Beneficiaries/Edit/{id}");
        var post = await researcher.PostWithTokenAsync("/Beneficiaries/Create", Fields(NationalIdFor(15)));

        Assert.NotNull(list.QuerySelector("[data-testid=nav-beneficiaries]"));
        Assert.Null(list.QuerySelector("[data-testid=create-link]"));
        Assert.Null(details.QuerySelector("[data-testid=edit-link]"));
        foreach (var response in new[] { create, edit, post })
        {
            await Forbidden.AssertAsync(response);
        }

        Assert.Equal(1, await CountAsync(tenant.Id));
    }

    [Fact]
    public async Task Another_associations_officer_gets_404_on_details_and_edit_and_changes_nothing()
    {
        var (owner, officer) = await OfficerAsync();
        var id = IdFromRedirect(await CreateAsync(officer, Fields(NationalIdFor(16))));
        var intruderTenant = await factory.CreateTenantAsync();
        using var intruder = await factory.SignInAsync(intruderTenant.User(StaffRoles.RelationsOfficer).Email);

        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Beneficiaries/Details/{id}");
        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Beneficiaries/Edit/{id}");
        var fields = Fields(NationalIdFor(16), firstName: "مخترق");
        fields["Version"] = Guid.NewGuid().ToString();
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"/Beneficiaries/Edit/{id}",
            db => db.Beneficiaries.Where(b => b.Id == id).Select(b => new { b.FirstName, b.Mobile, b.Version, b.UpdatedAtUtc }).SingleAsync(),
            fields);
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"/Beneficiaries/Edit/{id}",
            db => db.Beneficiaries.Where(b => b.Id == id).Select(b => new { b.FirstName, b.Version }).SingleAsync());
        var search = await intruder.GetDocumentAsync($"/Beneficiaries?q={NationalIdFor(16)}");
        Assert.Empty(search.QuerySelectorAll("[data-file]"));
    }
}
