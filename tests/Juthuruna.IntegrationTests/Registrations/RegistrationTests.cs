using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Registrations;

[Collection(SharedApp.Requests)]
public sealed class RegistrationTests(AppFactory factory)
{
    private const string RegistrationForm = "form[data-testid=registration-form]";

    private static string Url(Guid id) => $"/Requests/Details/{id}";

    /// <summary>The registration step's own page (issue 14: one page per step).</summary>
    private static string StepUrl(Guid id) => $"/Requests/{id}/Registration";

    private static Task<HttpResponseMessage> RegisterAsync(StaffClient client, Guid requestId, string from, string to, string calendar = "Gregorian") =>
        client.SubmitFormAsync(StepUrl(requestId), RegistrationForm, new Dictionary<string, string>
        {
            ["Register.Calendar"] = calendar,
            ["Register.EligibleFrom"] = from,
            ["Register.EligibleTo"] = to,
        });

    [Fact]
    public async Task Register_gives_the_file_a_new_beneficiary_number_and_a_second_approved_request_of_the_file_reuses_it()
    {
        var tenant = await factory.CreateTenantAsync();
        var first = await TestRequests.ApprovedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var form = (await officer.GetDocumentAsync(StepUrl(first.RequestId))).QuerySelector("[data-testid=registration]")!;
        var registered = await RegisterAsync(officer, first.RequestId, "01/09/1447", "٢٩/١٢/١٤٤٧", "Hijri");
        var second = await TestRequests.AwaitingCommitteeAsync(factory, tenant, sameFileAs: first);
        await TestRequests.ApproveAsync(factory, tenant, second.RequestId, [second.ServiceId], 150_000);
        var registeredAgain = await RegisterAsync(officer, second.RequestId, "2026-09-01", "2027-02-28");

        Assert.Contains("3,000.00", form.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, registeredAgain.StatusCode);
        var registrations = await factory.QueryAsync(tenant.Id, db => db.Registrations.OrderBy(r => r.EligibleFrom).ToListAsync());
        Assert.Equal(["TST-00001", "TST-00001"], registrations.Select(r => r.BeneficiaryNumber));
        Assert.Equal((new DateOnly(2026, 2, 18), DualDate.FromHijri(1447, 12, 29)), (registrations[0].EligibleFrom, registrations[0].EligibleTo));
        Assert.Equal([first.ServiceId], registrations[0].ApprovedServiceIds);
        Assert.Equal(300_000, registrations[0].ApprovedAmountHalalas);
        Assert.Equal(150_000, registrations[1].ApprovedAmountHalalas);
        Assert.Equal("TST-00001", await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Where(b => b.Id == first.BeneficiaryId).Select(b => b.BeneficiaryNumber).SingleAsync()));
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.TenantCounters.Where(c => c.Name == Registration.BeneficiaryNumberCounter).Select(c => c.Value).SingleAsync()));
        Assert.Equal(RequestState.Registered, await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == first.RequestId).Select(r => r.State).SingleAsync()));
        var history = await factory.QueryAsync(tenant.Id, db => db.RequestHistory.SingleAsync(h => h.RequestId == first.RequestId && h.Trigger == RequestTrigger.Register));
        Assert.Equal((RequestState.Approved, RequestState.Registered), (history.From!.Value, history.To));

        var requestPage = await officer.GetDocumentAsync(Url(first.RequestId));
        Assert.Equal("TST-00001", requestPage.QuerySelector("[data-testid=registration] [data-testid=beneficiary-number]")!.TextContent);
        Assert.Contains("1 رمضان 1447 هـ — 18 فبراير 2026 م", requestPage.QuerySelector("[data-testid=eligibility]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(requestPage.QuerySelector("[data-testid=registration-step]"));
        var file = await officer.GetDocumentAsync($"/Beneficiaries/Details/{first.BeneficiaryId}");
        Assert.Equal("TST-00001", file.QuerySelector("[data-testid=beneficiary-number]")!.TextContent);
        var rows = file.QuerySelectorAll("[data-testid=registration-row]");
        Assert.Equal(2, rows.Length);
        Assert.Contains(rows, row => row.QuerySelector("[data-testid=eligibility]")!.TextContent.Contains("29 ذو الحجة 1447 هـ", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.QuerySelector($"a[href='/Requests/Details/{second.RequestId}']") is not null);
    }

    [Fact]
    public async Task Register_with_the_end_before_the_start_or_a_bad_date_is_refused_beside_the_field_with_the_typed_values()
    {
        var tenant = await factory.CreateTenantAsync();
        var approved = await TestRequests.ApprovedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var reversed = await StaffClient.ParseAsync(await RegisterAsync(officer, approved.RequestId, "2026-08-17", "2026-02-18"));
        var badDate = await StaffClient.ParseAsync(await RegisterAsync(officer, approved.RequestId, "٣٠/٠٢/٢٠٢٦", "2026-08-17"));
        var missing = await StaffClient.ParseAsync(await RegisterAsync(officer, approved.RequestId, "2026-02-18", ""));

        Assert.Contains("لا يمكن أن تسبق نهايةُ الاستحقاق بدايتَه", reversed.QuerySelector("[data-valmsg-for='Register.EligibleTo']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-08-17", reversed.QuerySelector<IHtmlInputElement>("#Register_EligibleFrom")!.Value);
        Assert.Equal("Gregorian", reversed.QuerySelector<IHtmlSelectElement>("#Register_Calendar")!.Value);
        Assert.Contains("أدخل التاريخ بصيغة", badDate.QuerySelector("[data-valmsg-for='Register.EligibleFrom']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("٣٠/٠٢/٢٠٢٦", badDate.QuerySelector<IHtmlInputElement>("#Register_EligibleFrom")!.Value);
        Assert.Contains("أدخل آخر يوم في فترة الاستحقاق", missing.QuerySelector("[data-valmsg-for='Register.EligibleTo']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Registrations.CountAsync()));
        Assert.Null(await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Where(b => b.Id == approved.BeneficiaryId).Select(b => b.BeneficiaryNumber).SingleAsync()));
        Assert.Equal(RequestState.Approved, await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == approved.RequestId).Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task Register_by_a_researcher_is_forbidden_and_the_form_is_not_shown()
    {
        var tenant = await factory.CreateTenantAsync();
        var approved = await TestRequests.ApprovedAsync(factory, tenant);
        using var researcher = await factory.SignInAsync(tenant.User(StaffRoles.SocialResearcher).Email);
        var version = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == approved.RequestId).Select(r => r.Version).SingleAsync());

        var page = await researcher.GetDocumentAsync(Url(approved.RequestId));
        using var step = await researcher.Http.GetAsync(StepUrl(approved.RequestId));
        var forged = await researcher.PostWithTokenAsync($"{StepUrl(approved.RequestId)}?handler=Register", new Dictionary<string, string>
        {
            ["Register.Calendar"] = "Gregorian",
            ["Register.EligibleFrom"] = "2026-02-18",
            ["Register.EligibleTo"] = "2026-08-17",
            ["Register.Version"] = version.ToString(),
        });

        Assert.Null(page.QuerySelector("[data-testid=registration-step]"));
        Assert.NotNull(page.QuerySelector("[data-testid=committee-decision][data-decision=Approve]"));
        await Forbidden.AssertAsync(step);
        await Forbidden.AssertAsync(forged);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Registrations.CountAsync()));
    }

    [Fact]
    public async Task Register_form_posted_twice_registers_once()
    {
        var tenant = await factory.CreateTenantAsync();
        var approved = await TestRequests.ApprovedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var form = (await officer.GetDocumentAsync(StepUrl(approved.RequestId))).QuerySelector<IHtmlFormElement>(RegistrationForm)!;
        var fields = new Dictionary<string, string> { ["Register.Calendar"] = "Gregorian", ["Register.EligibleFrom"] = "2026-02-18", ["Register.EligibleTo"] = "2026-08-17" };

        var first = await officer.SubmitAsync(form, StepUrl(approved.RequestId), fields);
        var second = await officer.SubmitAsync(form, StepUrl(approved.RequestId), fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("عدّل شخص آخر هذا الطلب", (await StaffClient.ParseAsync(second)).QuerySelector("[data-testid=registration-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.Registrations.CountAsync()));
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.RequestHistory.CountAsync(h => h.Trigger == RequestTrigger.Register)));
    }

    [Fact]
    public async Task Register_post_for_another_association_is_not_found_and_changes_nothing()
    {
        var victim = await factory.CreateTenantAsync();
        var approved = await TestRequests.ApprovedAsync(factory, victim);
        var intruder = await factory.CreateTenantAsync();
        using var intruderOfficer = await factory.SignInAsync(intruder.User(StaffRoles.RelationsOfficer).Email);
        var version = await factory.QueryAsync(victim.Id, db => db.SupportRequests.Where(r => r.Id == approved.RequestId).Select(r => r.Version).SingleAsync());

        await TenantLeak.AssertPostNotFoundAsync(factory, intruderOfficer, victim.Id, $"{StepUrl(approved.RequestId)}?handler=Register",
            db => db.SupportRequests.Where(r => r.Id == approved.RequestId).Select(r => new { r.State, r.Version, Registrations = db.Registrations.Count() }).SingleAsync(),
            new Dictionary<string, string>
            {
                ["Register.Calendar"] = "Gregorian",
                ["Register.EligibleFrom"] = "2026-02-18",
                ["Register.EligibleTo"] = "2026-08-17",
                ["Register.Version"] = version.ToString(),
            });
    }
}
