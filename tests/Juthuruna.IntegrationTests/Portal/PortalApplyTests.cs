using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Common.Saudi;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Portal;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Portal;

/// <summary>A beneficiary applies online: the request arrives as a website draft in the officer's queue.</summary>
public sealed class PortalApplyTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Form = "form[data-testid=apply-form]";

    private static int _next = 70_000;

    private static string ApplyUrl(TestTenant tenant) => $"/t/{tenant.Slug}/apply";

    private async Task<Guid> ServiceAsync(TestTenant tenant, string name = "مساعدة إيجار") =>
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var n = Interlocked.Increment(ref _next);
            var service = new SupportService { Code = $"P{n}", NameAr = $"{name} {n}", NameEn = $"Rent aid {n}" };
            db.SupportServices.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });

    private static Dictionary<string, string> Fields(Guid serviceId, string? identity = null) => new()
    {
        ["Input.FullName"] = "نورة  سالم عبدالله القحطاني",
        ["Input.IdentityNumber"] = identity ?? TestBeneficiaries.NationalIdFor(Interlocked.Increment(ref _next)),
        ["Input.Mobile"] = "0551112233",
        ["Input.BirthDateCalendar"] = "Hijri",
        ["Input.BirthDate"] = "1410-05-17",
        ["Input.ServiceId"] = serviceId.ToString(),
        ["Input.Description"] = "أرملة وأعول ثلاثة أبناء، وتأخر سداد الإيجار شهرين.",
        ["Input.ConsentToContact"] = "true",
    };

    /// <summary>
    /// The answer page after an application, which shows no request number (it goes to the registered mobile only);
    /// returns the association's latest request number, from the database.
    /// </summary>
    private async Task<string> ReceivedNumberAsync(StaffClient visitor, HttpResponseMessage response, TestTenant tenant) =>
        (await ReceivedAsync(visitor, response, tenant)).Number;

    private async Task<(string Number, string Answer)> ReceivedAsync(StaffClient visitor, HttpResponseMessage response, TestTenant tenant)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/t/{tenant.Slug}/apply/received", response.Headers.Location!.OriginalString);
        var page = await visitor.GetDocumentAsync(response.Headers.Location.OriginalString);
        var answer = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("JTH-", answer, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=number-by-sms]"));
        var number = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.OrderByDescending(r => r.Number).Select(r => r.Number).FirstAsync());
        return (number, answer);
    }

    [Fact]
    public async Task Apply_new_applicant_creates_a_website_draft_in_the_officers_queue_and_a_file_marked_from_the_website()
    {
        var tenant = await factory.CreateTenantAsync();
        var serviceId = await ServiceAsync(tenant);
        using var visitor = factory.CreateStaffClient();
        var fields = Fields(serviceId);

        var number = await ReceivedNumberAsync(visitor, await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, fields), tenant);

        var request = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.SingleAsync());
        Assert.Equal(number, request.Number);
        Assert.Equal((RequestState.Draft, ContactChannel.Website, serviceId), (request.State, request.Channel, request.ServiceId));
        Assert.Equal(Actor.Portal.UserId, request.CreatedBy);
        var file = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.SingleAsync(b => b.Id == request.BeneficiaryId));
        Assert.True(file.OpenedOnWebsite);
        Assert.Equal(fields["Input.IdentityNumber"], file.IdentityNumber);
        Assert.Equal(("نورة", "سالم", "عبدالله", "القحطاني"), (file.FirstName, file.FatherName, file.GrandfatherName, file.FamilyName));
        Assert.Equal("+966551112233", file.Mobile);
        Assert.Equal(Juthuruna.Common.Dates.DualDate.FromHijri(1410, 5, 17), file.BirthDate);
        // Recorded as by the portal, not by a staff member.
        var audit = await factory.QueryAsync(tenant.Id, db => db.AuditEntries.Where(a => a.EntityId == request.Id.ToString() && a.Action == AuditAction.Created).Select(a => a.UserId).SingleAsync());
        Assert.Equal(AuditEntry.PortalUser, audit);
        // "Request received" to the mobile typed, which is the new file's registered one.
        var sms = await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.Where(m => m.Kind == MessageKind.RequestReceived).ToListAsync());
        Assert.Equal("+966551112233", Assert.Single(sms).Recipient);
        Assert.Contains(number, sms[0].Body, StringComparison.Ordinal);

        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var queue = await officer.GetDocumentAsync("/Requests?State=Draft");
        var row = queue.QuerySelector($"tr[data-number='{number}']");
        Assert.NotNull(row);
        Assert.NotNull(row.QuerySelector("[data-testid=from-website]"));
        var details = await officer.GetDocumentAsync($"/Requests/Details/{request.Id}");
        Assert.Contains("المستفيد، عبر الموقع الإلكتروني للجمعية", details.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_invalid_identity_mobile_and_date_come_back_beside_the_fields_with_what_was_typed()
    {
        var tenant = await factory.CreateTenantAsync();
        var serviceId = await ServiceAsync(tenant);
        using var visitor = factory.CreateStaffClient();
        var fields = Fields(serviceId);
        fields["Input.IdentityNumber"] = "١٠٠٠٠٠٠٠٠١"; // Arabic-Indic digits, wrong check digit
        fields["Input.Mobile"] = "٠١١٢٣٤٥٦٧";
        fields["Input.BirthDate"] = "1500-01-01";
        fields["Input.ConsentToContact"] = "false";

        var response = await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        foreach (var field in new[] { "Input.IdentityNumber", "Input.Mobile", "Input.BirthDate", "Input.ConsentToContact" })
        {
            Assert.Matches("[\\u0600-\\u06FF]", page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        }

        Assert.Equal("١٠٠٠٠٠٠٠٠١", page.QuerySelector<IHtmlInputElement>("[name='Input.IdentityNumber']")!.Value);
        Assert.Equal("٠١١٢٣٤٥٦٧", page.QuerySelector<IHtmlInputElement>("[name='Input.Mobile']")!.Value);
        Assert.Equal("1500-01-01", page.QuerySelector<IHtmlInputElement>("[name='Input.BirthDate']")!.Value);
        Assert.Equal("نورة  سالم عبدالله القحطاني", page.QuerySelector<IHtmlInputElement>("[name='Input.FullName']")!.Value);
        Assert.Equal(fields["Input.Description"], page.QuerySelector<IHtmlTextAreaElement>("[name='Input.Description']")!.Value);
        Assert.Equal("Hijri", page.QuerySelector<IHtmlSelectElement>("[name='Input.BirthDateCalendar']")!.Value);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.SupportRequests.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));
    }

    [Fact]
    public async Task Apply_arabic_indic_digits_are_accepted()
    {
        var tenant = await factory.CreateTenantAsync();
        var serviceId = await ServiceAsync(tenant);
        using var visitor = factory.CreateStaffClient();
        var identity = TestBeneficiaries.NationalIdFor(Interlocked.Increment(ref _next));
        var fields = Fields(serviceId, identity);
        fields["Input.IdentityNumber"] = string.Concat(identity.Select(c => (char)('٠' + (c - '0'))));
        fields["Input.Mobile"] = "٠٥٥١١١٢٢٣٣";
        fields["Input.BirthDate"] = "١٧/٠٥/١٤١٠";

        await ReceivedNumberAsync(visitor, await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, fields), tenant);

        var file = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.SingleAsync());
        Assert.Equal((identity, "+966551112233"), (file.IdentityNumber, file.Mobile));
    }

    [Fact]
    public async Task Apply_existing_beneficiary_keeps_their_stored_data_and_the_sms_goes_to_the_registered_mobile()
    {
        var tenant = await factory.CreateTenantAsync();
        var serviceId = await ServiceAsync(tenant);
        var desk = await TestRequests.VerifiedAsync(factory, tenant); // a file with mobile +966551234567
        var before = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Id == desk.BeneficiaryId));
        using var visitor = factory.CreateStaffClient();
        var fields = Fields(serviceId, before.IdentityNumber);
        fields["Input.Mobile"] = "0559998877";

        var number = await ReceivedNumberAsync(visitor, await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, fields), tenant);

        var after = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Id == desk.BeneficiaryId));
        Assert.Equal(
            (before.FirstName, before.FamilyName, before.Mobile, before.BirthDate, before.Version, before.OpenedOnWebsite),
            (after.FirstName, after.FamilyName, after.Mobile, after.BirthDate, after.Version, after.OpenedOnWebsite));
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));
        var request = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.SingleAsync(r => r.Number == number));
        Assert.Equal(desk.BeneficiaryId, request.BeneficiaryId);
        // What was typed stays with the request for the officer to compare.
        var note = await factory.QueryAsync(tenant.Id, db => db.RequestHistory.Where(h => h.RequestId == request.Id).Select(h => h.Note).SingleAsync());
        Assert.Contains("+966559998877", note!, StringComparison.Ordinal);
        Assert.Contains("نورة سالم عبدالله القحطاني", note!, StringComparison.Ordinal);
        var sms = await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.Where(m => m.DedupKey == $"RequestReceived:{request.Id}:Sms").SingleAsync());
        Assert.Equal("+966551234567", sms.Recipient);
    }

    [Fact]
    public async Task Apply_with_someone_elses_identity_number_answers_as_for_anyone_and_texts_the_open_number_only_to_the_registered_mobile()
    {
        var tenant = await factory.CreateTenantAsync();
        var serviceId = await ServiceAsync(tenant);
        var identity = TestBeneficiaries.NationalIdFor(Interlocked.Increment(ref _next));
        using var applicant = factory.CreateStaffClient();
        var (number, firstAnswer) = await ReceivedAsync(applicant, await applicant.SubmitFormAsync(ApplyUrl(tenant), Form, Fields(serviceId, identity)), tenant);

        // Someone else types her identity number with another name and mobile.
        using var stranger = factory.CreateStaffClient();
        var fields = Fields(serviceId, identity);
        fields["Input.FullName"] = "فهد سالم العتيبي";
        fields["Input.Mobile"] = "0597776655";
        var response = await stranger.SubmitFormAsync(ApplyUrl(tenant), Form, fields);

        // The same answer as a first application: no number, no hint that a request exists.
        var (_, answer) = await ReceivedAsync(stranger, response, tenant);
        Assert.Equal(firstAnswer, answer);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.SupportRequests.CountAsync()));
        // The number goes to the mobile registered on her file, never to the one typed.
        var sms = await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.Where(m => m.DedupKey.StartsWith("ApplicationAlreadyOpen:")).ToListAsync());
        Assert.Equal("+966551112233", Assert.Single(sms).Recipient);
        Assert.Contains(number, sms[0].Body, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.CountAsync(m => m.Recipient == "+966597776655")));

        // Asked again the same day: the same answer, and her phone is not flooded.
        await ReceivedAsync(stranger, await stranger.SubmitFormAsync(ApplyUrl(tenant), Form, fields), tenant);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.CountAsync(m => m.DedupKey.StartsWith("ApplicationAlreadyOpen:"))));
    }

    [Fact]
    public async Task Apply_compound_first_name_is_kept_whole_and_a_name_with_symbols_is_refused()
    {
        var tenant = await factory.CreateTenantAsync();
        var serviceId = await ServiceAsync(tenant);
        using var visitor = factory.CreateStaffClient();

        var refused = await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, new Dictionary<string, string>(Fields(serviceId)) { ["Input.FullName"] = "<script> alert 1 x" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("يُكتب الاسم بحروف عربية أو لاتينية فقط، ويجوز فيه المسافة والشرطة (-) والفاصلة العليا (').",
            (await StaffClient.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Input.FullName']")!.TextContent.Trim());
        // "عبد الله القحطاني" is a first and a family name: the father's name is missing.
        var short_ = await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, new Dictionary<string, string>(Fields(serviceId)) { ["Input.FullName"] = "عبد الله القحطاني" });
        Assert.Matches("[\u0600-\u06FF]", (await StaffClient.ParseAsync(short_)).QuerySelector("[data-valmsg-for='Input.FullName']")!.TextContent);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));

        var fields = Fields(serviceId);
        fields["Input.FullName"] = "عبد الله بن سعد آل سعود";
        await ReceivedNumberAsync(visitor, await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, fields), tenant);

        var file = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.SingleAsync());
        Assert.Equal(("عبد الله", "بن سعد", "", "آل سعود"), (file.FirstName, file.FatherName, file.GrandfatherName, file.FamilyName));
        Assert.Equal("عبدالله بنسعد السعود", file.SearchKey);
    }

    [Fact]
    public async Task Apply_identity_number_listed_as_a_household_member_elsewhere_is_noted_for_the_officer()
    {
        var tenant = await factory.CreateTenantAsync();
        var serviceId = await ServiceAsync(tenant);
        var wife = TestBeneficiaries.NationalIdFor(Interlocked.Increment(ref _next));
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var husband = TestBeneficiaries.Fields("خالد");
        husband["Input.Members[0].Name"] = "نورة سالم القحطاني";
        husband["Input.Members[0].Relation"] = "Spouse";
        husband["Input.Members[0].IdentityNumber"] = wife;
        await TestBeneficiaries.CreateAsync(officer, husband);
        var husbandFile = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Select(b => b.FileNumber).SingleAsync());
        using var visitor = factory.CreateStaffClient();

        await ReceivedNumberAsync(visitor, await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, Fields(serviceId, wife)), tenant);

        var note = await factory.QueryAsync(tenant.Id, db => db.RequestHistory.Select(h => h.Note).SingleAsync());
        Assert.Contains(husbandFile, note!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_the_same_form_posted_twice_opens_one_request()
    {
        var tenant = await factory.CreateTenantAsync();
        var serviceId = await ServiceAsync(tenant);
        using var visitor = factory.CreateStaffClient();
        var form = (await visitor.GetDocumentAsync(ApplyUrl(tenant))).QuerySelector<IHtmlFormElement>(Form)!;
        var fields = Fields(serviceId);

        var first = await ReceivedNumberAsync(visitor, await visitor.SubmitAsync(form, ApplyUrl(tenant), fields), tenant);
        var second = await ReceivedNumberAsync(visitor, await visitor.SubmitAsync(form, ApplyUrl(tenant), fields), tenant);

        Assert.Equal(first, second);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.SupportRequests.CountAsync()));
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.PortalAttempts.CountAsync(a => a.Purpose == PortalAttemptPurpose.Application)));
    }

    [Fact]
    public async Task Apply_more_than_five_applications_an_hour_from_one_address_is_429_until_the_hour_passes()
    {
        var tenant = await factory.CreateTenantAsync();
        var serviceId = await ServiceAsync(tenant);
        using var visitor = factory.CreateStaffClient();
        for (var i = 0; i < 5; i++)
        {
            await ReceivedNumberAsync(visitor, await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, Fields(serviceId)), tenant);
        }

        var refused = await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, Fields(serviceId));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Matches("[\\u0600-\\u06FF]", (await StaffClient.ParseAsync(refused)).QuerySelector("[data-testid=too-many]")!.TextContent);
        Assert.Equal(5, await factory.QueryAsync(tenant.Id, db => db.SupportRequests.CountAsync()));

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        await ReceivedNumberAsync(visitor, await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, Fields(serviceId)), tenant);
    }

    [Fact]
    public async Task Apply_inactive_or_other_associations_service_is_refused()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        await ServiceAsync(tenant);
        var foreignService = await ServiceAsync(other);
        using var visitor = factory.CreateStaffClient();

        var response = await visitor.SubmitFormAsync(ApplyUrl(tenant), Form, Fields(foreignService));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("[\\u0600-\\u06FF]", (await StaffClient.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.ServiceId']")!.TextContent);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.SupportRequests.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(other.Id, db => db.SupportRequests.CountAsync()));
    }

    [Fact]
    public async Task Apply_received_page_without_an_application_goes_back_to_the_form()
    {
        var tenant = await factory.CreateTenantAsync();
        using var visitor = factory.CreateStaffClient();

        var response = await visitor.Http.GetAsync($"/t/{tenant.Slug}/apply/received");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ApplyUrl(tenant), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Desk_created_request_queues_one_request_received_message_to_the_registered_mobile()
    {
        var tenant = await factory.CreateTenantAsync();

        var desk = await TestRequests.VerifiedAsync(factory, tenant);

        var messages = await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.Where(m => m.Kind == MessageKind.RequestReceived).ToListAsync());
        var sms = Assert.Single(messages);
        Assert.Equal(($"RequestReceived:{desk.RequestId}:Sms", "+966551234567"), (sms.DedupKey, sms.Recipient));
        var number = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == desk.RequestId).Select(r => r.Number).SingleAsync());
        Assert.Contains(number, sms.Body, StringComparison.Ordinal);
    }
}
