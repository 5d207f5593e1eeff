using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Hygiene;

/// <summary>
/// What people type is data: phone fields take phone characters only, bidi controls never reach the database,
/// user text is isolated in lists, every free text has a limit that the refusal names, typed dates stay within
/// the calendars the app shows, and machine-readable dates are valid HTML.
/// </summary>
[Collection(SharedApp.Administration)]
public sealed partial class InputHygieneTests(AppFactory factory)
{
    private const string Rlo = "\u202E";
    private const string TooLongPrefix = "النص أطول من المسموح. الحد الأقصى لعدد الأحرف: ";

    private async Task<(TestTenant Tenant, StaffClient Officer)> OfficerAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        return (tenant, await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email));
    }

    private static Dictionary<string, string> UnknownCaller(string mobile = "0559876543", string summary = "يسأل عن مواعيد الاستقبال") => new()
    {
        ["Input.CallerName"] = "سعد الحربي",
        ["Input.CallerMobile"] = mobile,
        ["Input.Channel"] = "Phone",
        ["Input.Direction"] = "Incoming",
        ["Input.Type"] = "Inquiry",
        ["Input.Summary"] = summary,
    };

    private static string? FieldError(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } message ? message : null;

    [Theory]
    [InlineData("0556766873x")]
    [InlineData("x0556766873")]
    [InlineData("05567-6687٣ب")]
    public async Task Beneficiary_create_mobile_with_stray_letters_is_refused_beside_the_field_and_nothing_is_stored(string mobile)
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = TestBeneficiaries.Fields();
        fields["Input.Mobile"] = mobile;

        var response = await officer.SubmitFormAsync("/Beneficiaries/Create", TestBeneficiaries.Form, fields);
        var page = await StaffClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("أدخل رقم جوال سعوديًا صحيحًا، مثل 0551234567.", page.QuerySelector("[data-testid=error-Mobile]")!.TextContent.Trim());
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));
    }

    [Theory]
    [InlineData("0556766873x")]
    [InlineData("x0556766873")]
    public async Task Contact_caller_mobile_with_stray_letters_is_refused_and_nothing_is_stored(string mobile)
    {
        var (tenant, officer) = await OfficerAsync();

        var response = await officer.SubmitFormAsync("/Contacts/Create", "form[data-testid=contact-form]", UnknownCaller(mobile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(FieldError(await StaffClient.ParseAsync(response), "Input.CallerMobile"));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Bidi_controls_typed_in_a_name_a_note_a_contact_and_a_complaint_are_not_stored()
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = TestBeneficiaries.Fields();
        fields["Input.FamilyName"] = Rlo + "الغامدي";
        fields["Input.Notes"] = "مرفق " + Rlo + "exe.pdf و\u2066معزول\u2069";
        var beneficiaryId = await TestBeneficiaries.CreateAsync(officer, fields);
        var contact = await officer.SubmitFormAsync("/Contacts/Create", "form[data-testid=contact-form]", UnknownCaller(summary: "أرسل " + Rlo + "exe.pdf"));
        using var visitor = factory.CreateStaffClient();
        var complaint = await visitor.SubmitFormAsync($"/t/{tenant.Slug}/feedback", "form[data-testid=portal-feedback-form]", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Complaint",
            ["Input.Category"] = "Delays",
            ["Input.Subject"] = Rlo + "exe.pdf",
            ["Input.Text"] = "لم يصلني رد\u202B على طلبي.",
            ["Input.Name"] = "سعد الدوسري",
            ["Input.Mobile"] = "0551234567",
        });

        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, complaint.StatusCode);
        var beneficiary = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Id == beneficiaryId));
        Assert.Equal("الغامدي", beneficiary.FamilyName);
        Assert.Equal("مرفق exe.pdf ومعزول", beneficiary.Notes);
        Assert.Equal("أرسل exe.pdf", await factory.QueryAsync(tenant.Id, db => db.Contacts.Select(c => c.Summary).SingleAsync()));
        var item = await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.AsNoTracking().SingleAsync());
        Assert.Equal("exe.pdf", item.Subject);
        Assert.Equal("لم يصلني رد على طلبي.", item.Text);
    }

    [Fact]
    public async Task Lists_render_user_names_and_summaries_isolated_in_bdi()
    {
        var (_, officer) = await OfficerAsync();
        await TestBeneficiaries.CreateAsync(officer, TestBeneficiaries.Fields("Ahmed"));
        await officer.SubmitFormAsync("/Contacts/Create", "form[data-testid=contact-form]", UnknownCaller(summary: "Inquiry (Latin text)"));

        var files = await officer.GetDocumentAsync("/Beneficiaries");
        var contacts = await officer.GetDocumentAsync("/Contacts");

        var name = files.QuerySelector("tr[data-file] td a bdi");
        Assert.NotNull(name);
        Assert.StartsWith("Ahmed", name.TextContent, StringComparison.Ordinal);
        Assert.Equal("سعد الحربي", contacts.QuerySelector("[data-testid=person] bdi")!.TextContent);
        Assert.Contains(contacts.QuerySelectorAll("tr[data-contact-id] bdi"), b => b.TextContent == "Inquiry (Latin text)");
    }

    [Fact]
    public async Task Request_action_note_over_the_limit_is_refused_with_the_limit_and_nothing_is_stored()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.VerifiedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var historyBefore = await factory.QueryAsync(tenant.Id, db => db.RequestHistory.CountAsync(h => h.RequestId == arranged.RequestId));

        var response = await officer.SubmitFormAsync($"/Requests/Details/{arranged.RequestId}", "form[action*='handler=Transition']",
            new Dictionary<string, string> { ["Action.Note"] = new string('س', RequestHistory.MaxNote + 1) },
            submitName: "Action.Trigger", submitValue: nameof(RequestTrigger.Withdraw));
        var page = await StaffClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TooLongPrefix + "2000.", FieldError(page, "Action.Note"));
        Assert.Equal("2000", page.QuerySelector("textarea[name='Action.Note']")!.GetAttribute("maxlength"));
        var request = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.AsNoTracking().SingleAsync(r => r.Id == arranged.RequestId));
        Assert.Equal(RequestState.Verified, request.State);
        Assert.Equal(historyBefore, await factory.QueryAsync(tenant.Id, db => db.RequestHistory.CountAsync(h => h.RequestId == arranged.RequestId)));
    }

    [Fact]
    public async Task Beneficiary_notes_over_the_limit_are_refused_with_the_limit_and_nothing_is_stored()
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = TestBeneficiaries.Fields();
        fields["Input.Notes"] = new string('ن', 2001);

        var response = await officer.SubmitFormAsync("/Beneficiaries/Create", TestBeneficiaries.Form, fields);
        var page = await StaffClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TooLongPrefix + "2000.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));
    }

    [Fact]
    public async Task Complaint_pasted_over_the_limit_is_kept_in_the_form_and_refused_with_the_limit()
    {
        var tenant = await factory.CreateTenantAsync();
        using var visitor = factory.CreateStaffClient();
        var text = new string('ش', 4001);

        var response = await visitor.SubmitFormAsync($"/t/{tenant.Slug}/feedback", "form[data-testid=portal-feedback-form]", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Complaint",
            ["Input.Category"] = "Delays",
            ["Input.Subject"] = "تأخر الرد",
            ["Input.Text"] = text,
            ["Input.Name"] = "سعد الدوسري",
            ["Input.Mobile"] = "0551234567",
        });
        var page = await StaffClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TooLongPrefix + "4000.", page.QuerySelector("[data-testid=error-Text]")!.TextContent.Trim());
        Assert.Equal(text, page.QuerySelector<IHtmlTextAreaElement>("[name='Input.Text']")!.Value);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.CountAsync()));
    }

    [Fact]
    public async Task Layouts_load_the_text_counter_for_long_text_areas()
    {
        var (tenant, officer) = await OfficerAsync();
        using var visitor = factory.CreateStaffClient();

        var staff = await officer.GetDocumentAsync("/Contacts/Create");
        var portal = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/feedback");
        var script = await visitor.Http.GetAsync("/js/text-counter.js");

        Assert.NotNull(staff.QuerySelector("script[src^='/js/text-counter.js']"));
        Assert.NotNull(portal.QuerySelector("script[src^='/js/text-counter.js']"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.All(staff.QuerySelectorAll("textarea"), area => Assert.NotNull(area.GetAttribute("maxlength")));
        Assert.All(portal.QuerySelectorAll("textarea"), area => Assert.NotNull(area.GetAttribute("maxlength")));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("3000-01-01")]
    public async Task Contact_follow_up_date_outside_the_calendars_range_is_refused_beside_the_field(string followUpOn)
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = UnknownCaller();
        fields["Input.FollowUpOn"] = followUpOn;

        var response = await officer.SubmitFormAsync("/Contacts/Create", "form[data-testid=contact-form]", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(FieldError(await StaffClient.ParseAsync(response), "Input.FollowUpOn"));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Contacts.CountAsync()));
    }

    [Theory]
    [InlineData("0001-01-01T00:00")]
    [InlineData("1850-01-01T10:00")]
    public async Task Contact_time_outside_the_calendars_range_is_refused_beside_the_field(string occurredAt)
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = UnknownCaller();
        fields["Input.OccurredAt"] = occurredAt;

        var response = await officer.SubmitFormAsync("/Contacts/Create", "form[data-testid=contact-form]", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(FieldError(await StaffClient.ParseAsync(response), "Input.OccurredAt"));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Time_elements_carry_a_valid_date_or_utc_time_in_whole_seconds()
    {
        var (_, officer) = await OfficerAsync();
        await TestBeneficiaries.CreateAsync(officer);
        await officer.SubmitFormAsync("/Contacts/Create", "form[data-testid=contact-form]", UnknownCaller());

        var values = new List<string>();
        foreach (var url in new[] { "/Beneficiaries", "/Contacts" })
        {
            var page = await officer.GetDocumentAsync(url);
            values.AddRange(page.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime") ?? ""));
        }

        Assert.Contains(values, v => v.Contains('T', StringComparison.Ordinal)); // a UTC instant (the contact's time)
        Assert.Contains(values, v => !v.Contains('T', StringComparison.Ordinal)); // a date (the birth date)
        Assert.All(values, v => Assert.Matches(ValidDateTime(), v));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$")]
    private static partial Regex ValidDateTime();
}
