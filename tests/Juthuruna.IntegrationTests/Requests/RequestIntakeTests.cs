using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Data;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Requests;

[Collection(SharedApp.Requests)]
public sealed class RequestIntakeTests(AppFactory factory)
{
    private const string RequestForm = "form[data-testid=request-form]";
    private const string ActionForm = "form[action*='handler=Transition']";

    private sealed record Desk(TestTenant Tenant, StaffClient Officer, Guid BeneficiaryId, Guid ServiceId);

    private async Task<Desk> DeskAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var beneficiaryId = await TestBeneficiaries.CreateAsync(officer);
        var serviceId = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var service = new SupportService { Code = "FOOD", NameAr = "سلة غذائية", NameEn = "Food basket" };
            db.SupportServices.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
        return new Desk(tenant, officer, beneficiaryId, serviceId);
    }

    private static async Task<Guid> OpenAsync(Desk desk, string description = "أسرة من ستة أفراد تحتاج سلة غذائية شهرية")
    {
        var response = await desk.Officer.SubmitFormAsync($"/Requests/Create?beneficiaryId={desk.BeneficiaryId}", RequestForm, new Dictionary<string, string>
        {
            ["Input.ServiceId"] = desk.ServiceId.ToString(),
            ["Input.Channel"] = "Phone",
            ["Input.Description"] = description,
            ["Input.AmountRequested"] = "٥٠٠",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static Task<HttpResponseMessage> ActAsync(StaffClient client, Guid id, RequestTrigger trigger, string note = "") =>
        client.SubmitFormAsync($"/Requests/Details/{id}", ActionForm, new Dictionary<string, string> { ["Action.Note"] = note }, submitName: "Action.Trigger", submitValue: trigger.ToString());

    private Task<RequestState> StateAsync(Desk desk, Guid id) =>
        factory.QueryAsync(desk.Tenant.Id, db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.State).SingleAsync());

    [Fact]
    public async Task Create_from_a_file_opens_a_numbered_draft_with_its_first_history_row()
    {
        var desk = await DeskAsync();

        var id = await OpenAsync(desk);

        var request = await factory.QueryAsync(desk.Tenant.Id, db => db.SupportRequests.SingleAsync(r => r.Id == id));
        Assert.Equal("TST-1447-000001", request.Number);
        Assert.Equal(RequestState.Draft, request.State);
        Assert.Equal(50_000, request.AmountRequestedHalalas);
        Assert.Equal(Juthuruna.Features.Contacts.ContactChannel.Phone, request.Channel);
        var history = await factory.QueryAsync(desk.Tenant.Id, db => db.RequestHistory.Where(h => h.RequestId == id).ToListAsync());
        Assert.Equal(RequestState.Draft, Assert.Single(history).To);
        var page = await desk.Officer.GetDocumentAsync($"/Requests/Details/{id}");
        Assert.Equal("TST-1447-000001", page.QuerySelector("[data-testid=request-number]")!.TextContent);
        Assert.Equal("مسودة", page.QuerySelector("[data-testid=request-state]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Create_numbers_are_gapless_per_association()
    {
        var desk = await DeskAsync();
        var other = await DeskAsync();

        var first = await OpenAsync(desk);
        var second = await OpenAsync(desk, "طلب ثانٍ");
        var otherFirst = await OpenAsync(other);

        var numbers = await factory.QueryAsync(desk.Tenant.Id, db => db.SupportRequests.OrderBy(r => r.Number).Select(r => r.Number).ToListAsync());
        Assert.Equal(["TST-1447-000001", "TST-1447-000002"], numbers);
        Assert.Equal("TST-1447-000001", await factory.QueryAsync(other.Tenant.Id, db => db.SupportRequests.Where(r => r.Id == otherFirst).Select(r => r.Number).SingleAsync()));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Create_without_service_or_need_shows_arabic_messages_and_keeps_typed_values()
    {
        var desk = await DeskAsync();

        var response = await desk.Officer.SubmitFormAsync($"/Requests/Create?beneficiaryId={desk.BeneficiaryId}", RequestForm, new Dictionary<string, string>
        {
            ["Input.ServiceId"] = "",
            ["Input.Description"] = "",
            ["Input.AmountRequested"] = "خمسمائة",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("اختر الخدمة المطلوبة", page.QuerySelector("[data-valmsg-for='Input.ServiceId']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("صف الاحتياج", page.QuerySelector("[data-valmsg-for='Input.Description']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("أدخل المبلغ بالريال", page.QuerySelector("[data-valmsg-for='Input.AmountRequested']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("خمسمائة", page.QuerySelector<IHtmlInputElement>("[name='Input.AmountRequested']")!.Value);
        Assert.Equal(0, await factory.QueryAsync(desk.Tenant.Id, db => db.SupportRequests.CountAsync()));
    }

    [Fact]
    public async Task Create_posted_twice_opens_one_request()
    {
        var desk = await DeskAsync();
        var page = await desk.Officer.GetDocumentAsync($"/Requests/Create?beneficiaryId={desk.BeneficiaryId}");
        var form = page.QuerySelector<IHtmlFormElement>(RequestForm)!;
        var fields = new Dictionary<string, string>
        {
            ["Input.ServiceId"] = desk.ServiceId.ToString(),
            ["Input.Description"] = "احتياج",
        };

        var first = await desk.Officer.SubmitAsync(form, $"/Requests/Create?beneficiaryId={desk.BeneficiaryId}", fields);
        var second = await desk.Officer.SubmitAsync(form, $"/Requests/Create?beneficiaryId={desk.BeneficiaryId}", fields);

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await factory.QueryAsync(desk.Tenant.Id, db => db.SupportRequests.CountAsync()));
    }

    [Fact]
    public async Task Create_posted_several_times_at_once_opens_one_request_and_answers_each_post_with_it()
    {
        var desk = await DeskAsync();
        var page = await desk.Officer.GetDocumentAsync($"/Requests/Create?beneficiaryId={desk.BeneficiaryId}");
        var form = page.QuerySelector<IHtmlFormElement>(RequestForm)!;
        var fields = new Dictionary<string, string>
        {
            ["Input.ServiceId"] = desk.ServiceId.ToString(),
            ["Input.Description"] = "احتياج",
        };

        // A double click on a slow connection: the same form (same key) arrives several times before the first is saved.
        var posts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            desk.Officer.SubmitAsync(form, $"/Requests/Create?beneficiaryId={desk.BeneficiaryId}", fields)));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.StatusCode));
        Assert.Single(posts.Select(p => p.Headers.Location).Distinct());
        Assert.Equal(1, await factory.QueryAsync(desk.Tenant.Id, db => db.SupportRequests.CountAsync()));
    }

    [Fact]
    public async Task Intake_return_complete_declare_verify_reaches_verified_with_the_due_date_in_both_calendars()
    {
        var desk = await DeskAsync();
        var id = await OpenAsync(desk);

        await ActAsync(desk.Officer, id, RequestTrigger.Submit);
        var verifyTooEarly = await StaffClient.ParseAsync(await ActAsync(desk.Officer, id, RequestTrigger.Verify));
        var returnWithoutReason = await StaffClient.ParseAsync(await ActAsync(desk.Officer, id, RequestTrigger.ReturnForCompletion));
        await ActAsync(desk.Officer, id, RequestTrigger.ReturnForCompletion, "صورة الهوية منتهية، يرجى إحضار هوية سارية");
        var returned = await StateAsync(desk, id);
        await ActAsync(desk.Officer, id, RequestTrigger.Resubmit, "أحضر الهوية السارية");
        var declared = await desk.Officer.SubmitFormAsync($"/Requests/{id}/Declaration", "form[data-testid=declaration-form]", new Dictionary<string, string>
        {
            ["Declaration.ApplicantName"] = "أحمد محمد علي الغامدي",
            ["Declaration.Method"] = "ConfirmedOnScreen",
        });
        var verified = await ActAsync(desk.Officer, id, RequestTrigger.Verify);

        Assert.Contains("يجب تسجيل إقرار المتقدم", verifyTooEarly.QuerySelector("[data-testid=action-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("اذكر السبب", returnWithoutReason.QuerySelector("[data-valmsg-for='Action.Note']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestState.ReturnedForCompletion, returned);
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var request = await factory.QueryAsync(desk.Tenant.Id, db => db.SupportRequests.SingleAsync(r => r.Id == id));
        Assert.Equal(RequestState.Verified, request.State);
        Assert.Equal(new DateOnly(2026, 3, 4), request.DecisionDueOn); // 18 Feb 2026 + 14 calendar days
        var page = await desk.Officer.GetDocumentAsync($"/Requests/Details/{id}");
        var due = page.QuerySelector("[data-testid=decision-due]")!.TextContent;
        Assert.Contains("15 رمضان 1447 هـ — 4 مارس 2026 م", due, StringComparison.Ordinal);
        Assert.Contains("بقي 14 يومًا", page.QuerySelector("[data-testid=days-left]")!.TextContent, StringComparison.Ordinal);
        var history = await factory.QueryAsync(desk.Tenant.Id, db => db.RequestHistory.Where(h => h.RequestId == id).OrderBy(h => h.AtUtc).Select(h => h.To).ToListAsync());
        Assert.Equal(
            [RequestState.Draft, RequestState.DocumentsReview, RequestState.ReturnedForCompletion, RequestState.DocumentsReview, RequestState.Verified],
            history);
    }

    private async Task<(Guid IdType, Guid SalaryType)> RequireDocumentsAsync(Desk desk) =>
        await factory.InTenantAsync(desk.Tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var id = new DocumentType { Code = "NID", NameAr = "الهوية الوطنية", HasExpiryDate = true };
            var salary = new DocumentType { Code = "SALARY", NameAr = "تعريف بالراتب", MaxAgeDays = 90 };
            db.DocumentTypes.AddRange(id, salary);
            db.ServiceRequirements.Add(new ServiceRequirement { ServiceId = desk.ServiceId, DocumentTypeId = id.Id, IsMandatory = true });
            db.ServiceRequirements.Add(new ServiceRequirement { ServiceId = desk.ServiceId, DocumentTypeId = salary.Id, IsMandatory = false });
            await db.SaveChangesAsync();
            return (id.Id, salary.Id);
        });

    private static Task<HttpResponseMessage> CheckAsync(StaffClient client, Guid requestId, Guid documentTypeId, Dictionary<string, string> fields) =>
        client.SubmitFormAsync($"/Requests/{requestId}/Documents", $"form[data-testid=document-form]:has(input[value='{documentTypeId}'])", fields);

    [Fact]
    public async Task Documents_expired_id_blocks_verification_until_a_valid_one_is_checked()
    {
        var desk = await DeskAsync();
        var (idType, salaryType) = await RequireDocumentsAsync(desk);
        var id = await OpenAsync(desk);
        await ActAsync(desk.Officer, id, RequestTrigger.Submit); // submitted on 18 Feb 2026 = 1 Ramadan 1447
        await desk.Officer.SubmitFormAsync($"/Requests/{id}/Declaration", "form[data-testid=declaration-form]", new Dictionary<string, string>
        {
            ["Declaration.ApplicantName"] = "أحمد محمد علي الغامدي",
        });

        // The ID expired on 29 Sha'ban 1447, the day before submission: expired whatever the officer marked.
        await CheckAsync(desk.Officer, id, idType, new() { ["Document.Found"] = "Matched", ["Document.Calendar"] = "Hijri", ["Document.ExpiryDate"] = "29/08/1447" });
        var blocked = await StaffClient.ParseAsync(await ActAsync(desk.Officer, id, RequestTrigger.Verify));
        var status = await factory.QueryAsync(desk.Tenant.Id, db => db.DocumentChecks.Where(c => c.RequestId == id && c.DocumentTypeId == idType).Select(c => c.Status).SingleAsync());
        await ActAsync(desk.Officer, id, RequestTrigger.ReturnForCompletion, "الهوية منتهية الصلاحية");
        await ActAsync(desk.Officer, id, RequestTrigger.Resubmit, "أحضر هوية سارية");
        await CheckAsync(desk.Officer, id, idType, new() { ["Document.Found"] = "Matched", ["Document.Calendar"] = "Hijri", ["Document.ExpiryDate"] = "١٥/٠٣/١٤٥٠", ["Document.SeenInOriginal"] = "true" });
        var verified = await ActAsync(desk.Officer, id, RequestTrigger.Verify);

        Assert.Equal(DocumentStatus.Expired, status);
        Assert.Contains("يجب مطابقة كل مستند إلزامي", blocked.QuerySelector("[data-testid=action-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(RequestState.Verified, await StateAsync(desk, id));
        var check = await factory.QueryAsync(desk.Tenant.Id, db => db.DocumentChecks.SingleAsync(c => c.RequestId == id && c.DocumentTypeId == idType));
        Assert.Equal(DocumentStatus.Matched, check.Status);
        Assert.True(check.SeenInOriginal);
        Assert.Equal(desk.Tenant.User(StaffRoles.RelationsOfficer).Id, check.CheckedBy);
        Assert.Null(await factory.QueryAsync(desk.Tenant.Id, db => db.DocumentChecks.SingleOrDefaultAsync(c => c.RequestId == id && c.DocumentTypeId == salaryType)));
    }

    [Fact]
    public async Task Documents_matched_without_the_date_its_type_needs_shows_the_message_beside_the_field()
    {
        var desk = await DeskAsync();
        var (idType, _) = await RequireDocumentsAsync(desk);
        var id = await OpenAsync(desk);

        var response = await CheckAsync(desk.Officer, id, idType, new() { ["Document.Found"] = "Matched", ["Document.ExpiryDate"] = "" });
        var badDate = await CheckAsync(desk.Officer, id, idType, new() { ["Document.Found"] = "Matched", ["Document.ExpiryDate"] = "31/02/2026", ["Document.Calendar"] = "Gregorian" });

        Assert.Contains("أدخل تاريخ انتهاء المستند", (await StaffClient.ParseAsync(response)).QuerySelector("[data-valmsg-for='Document.ExpiryDate']")!.TextContent, StringComparison.Ordinal);
        var page = await StaffClient.ParseAsync(badDate);
        Assert.Contains("أدخل التاريخ بصيغة", page.QuerySelector("[data-valmsg-for='Document.ExpiryDate']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("31/02/2026", page.QuerySelector<IHtmlInputElement>($"#expiry-{idType}")!.Value);
        Assert.Equal(0, await factory.QueryAsync(desk.Tenant.Id, db => db.DocumentChecks.CountAsync()));
    }

    [Fact]
    public async Task Documents_copy_uploaded_with_the_check_is_kept_and_downloadable()
    {
        var desk = await DeskAsync();
        var (idType, _) = await RequireDocumentsAsync(desk);
        var id = await OpenAsync(desk);
        var pdf = "%PDF-1.7\nصورة الهوية"u8.ToArray();
        var form = $"form[data-testid=document-form]:has(input[value='{idType}'])";

        var saved = await desk.Officer.UploadAsync($"/Requests/{id}/Documents", form, "Document.Upload", "هوية.pdf", pdf, "application/pdf",
            new Dictionary<string, string> { ["Document.Found"] = "Matched", ["Document.Calendar"] = "Gregorian", ["Document.ExpiryDate"] = "01/01/2030" });
        var disguised = await desk.Officer.UploadAsync($"/Requests/{id}/Documents", form, "Document.Upload", "هوية.pdf", "MZ\u0090\u0000 not a pdf"u8.ToArray(), "application/pdf",
            new Dictionary<string, string> { ["Document.Found"] = "Matched", ["Document.Calendar"] = "Gregorian", ["Document.ExpiryDate"] = "01/01/2030" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var fileId = await factory.QueryAsync(desk.Tenant.Id, db => db.DocumentChecks.Where(c => c.RequestId == id && c.DocumentTypeId == idType).Select(c => c.FileId).SingleAsync());
        Assert.NotNull(fileId);
        var download = await desk.Officer.Http.GetAsync($"/Files/Download/{fileId}");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, disguised.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await StaffClient.ParseAsync(disguised)).QuerySelector("[data-valmsg-for='Document.Upload']")!.TextContent));
        Assert.Equal(1, await factory.QueryAsync(desk.Tenant.Id, db => db.StoredFiles.CountAsync()));
        var intruder = await DeskAsync();
        await TenantLeak.AssertGetNotFoundAsync(intruder.Officer, $"/Files/Download/{fileId}");
    }

    [Fact]
    public async Task Declaration_signed_on_paper_needs_its_scan_and_keeps_it()
    {
        var desk = await DeskAsync();
        var id = await OpenAsync(desk);
        var url = $"/Requests/{id}/Declaration";

        var withoutScan = await desk.Officer.SubmitFormAsync(url, "form[data-testid=declaration-form]", new Dictionary<string, string>
        {
            ["Declaration.ApplicantName"] = "أحمد محمد علي الغامدي",
            ["Declaration.Method"] = nameof(DeclarationMethod.SignedPaperScanned),
        });
        var withScan = await desk.Officer.UploadAsync(url, "form[data-testid=declaration-form]", "Declaration.Scan", "إقرار.png",
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png",
            new Dictionary<string, string> { ["Declaration.ApplicantName"] = "أحمد محمد علي الغامدي", ["Declaration.Method"] = nameof(DeclarationMethod.SignedPaperScanned) });

        Assert.Contains("أرفق صورة الإقرار الموقّع", (await StaffClient.ParseAsync(withoutScan)).QuerySelector("[data-valmsg-for='Declaration.Scan']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withScan.StatusCode);
        var declaration = await factory.QueryAsync(desk.Tenant.Id, db => db.Declarations.SingleAsync(d => d.RequestId == id));
        Assert.Equal(DeclarationMethod.SignedPaperScanned, declaration.Method);
        Assert.NotNull(declaration.ScanFileId);
        Assert.Contains("مسؤول مسؤولية مباشرة", declaration.Text, StringComparison.Ordinal);
        var page = await desk.Officer.GetDocumentAsync($"/Requests/Details/{id}");
        Assert.Equal($"/Files/Download/{declaration.ScanFileId}", page.QuerySelector("[data-testid=declaration-scan]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Request_document_referral_and_answer_posts_for_another_association_are_not_found()
    {
        var victim = await DeskAsync();
        var (idType, _) = await RequireDocumentsAsync(victim);
        var id = await OpenAsync(victim);
        var researcher = victim.Tenant.User(StaffRoles.SocialResearcher);
        await victim.Officer.SubmitFormAsync($"/Requests/{id}/Referrals", "form[data-testid=referral-form]", new Dictionary<string, string>
        {
            ["Referral.ResearcherId"] = researcher.Id.ToString(),
            ["Referral.Question"] = "سؤال",
        });
        var referralId = await factory.QueryAsync(victim.Tenant.Id, db => db.Referrals.Select(r => r.Id).SingleAsync());
        var intruder = await DeskAsync();
        using var intruderAdmin = await factory.SignInAsync(intruder.Tenant.Admin.Email);

        await TenantLeak.AssertPostNotFoundAsync(factory, intruder.Officer, victim.Tenant.Id, $"/Requests/{id}/Documents?handler=CheckDocument",
            db => db.DocumentChecks.CountAsync(),
            new Dictionary<string, string> { ["Document.DocumentTypeId"] = idType.ToString(), ["Document.Found"] = "Missing" });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder.Officer, victim.Tenant.Id, $"/Requests/{id}/Referrals?handler=Refer",
            db => db.Referrals.CountAsync(),
            new Dictionary<string, string> { ["Referral.ResearcherId"] = intruder.Tenant.User(StaffRoles.SocialResearcher).Id.ToString(), ["Referral.Question"] = "x" });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruderAdmin, victim.Tenant.Id, $"/Requests/{id}/Referrals?handler=Answer",
            db => db.Referrals.Select(r => r.Answer).SingleAsync(),
            new Dictionary<string, string> { ["Answer.ReferralId"] = referralId.ToString(), ["Answer.Text"] = "x" });
    }

    [Fact]
    public async Task Transition_from_a_stale_page_has_no_effect_and_says_so()
    {
        var desk = await DeskAsync();
        var id = await OpenAsync(desk);
        var stalePage = await desk.Officer.GetDocumentAsync($"/Requests/Details/{id}");
        var staleForm = stalePage.QuerySelector<IHtmlFormElement>(ActionForm)!;

        var first = await desk.Officer.SubmitAsync(staleForm, $"/Requests/Details/{id}", new Dictionary<string, string>(), "Action.Trigger", nameof(RequestTrigger.Submit));
        var second = await desk.Officer.SubmitAsync(staleForm, $"/Requests/Details/{id}", new Dictionary<string, string>(), "Action.Trigger", nameof(RequestTrigger.Submit));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("عدّل شخص آخر هذا الطلب", (await StaffClient.ParseAsync(second)).QuerySelector("[data-testid=action-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await factory.QueryAsync(desk.Tenant.Id, db => db.RequestHistory.CountAsync(h => h.RequestId == id)));
    }

    [Fact]
    public async Task Transition_not_in_the_table_is_refused_and_changes_nothing()
    {
        var desk = await DeskAsync();
        var id = await OpenAsync(desk);
        var version = await factory.QueryAsync(desk.Tenant.Id, db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

        var response = await desk.Officer.PostWithTokenAsync($"/Requests/{id}/Transition?handler=Transition", new Dictionary<string, string>
        {
            ["Action.Trigger"] = nameof(RequestTrigger.Verify),
            ["Action.Version"] = version.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("هذا الإجراء غير متاح", (await StaffClient.ParseAsync(response)).QuerySelector("[data-testid=action-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestState.Draft, await StateAsync(desk, id));
    }

    [Fact]
    public async Task Researcher_sees_no_desk_actions_but_answers_a_referral()
    {
        var desk = await DeskAsync();
        var id = await OpenAsync(desk);
        var researcher = desk.Tenant.User(StaffRoles.SocialResearcher);
        await desk.Officer.SubmitFormAsync($"/Requests/{id}/Referrals", "form[data-testid=referral-form]", new Dictionary<string, string>
        {
            ["Referral.ResearcherId"] = researcher.Id.ToString(),
            ["Referral.Question"] = "هل يشمل الدعم الأسر المستأجرة خارج جدة؟",
        });
        using var client = await factory.SignInAsync(researcher.Email);

        var page = await client.GetDocumentAsync($"/Requests/Details/{id}");
        var answered = await client.SubmitFormAsync($"/Requests/{id}/Referrals", "form[action*=\'handler=Answer\']", new Dictionary<string, string>
        {
            ["Answer.Text"] = "نعم، إذا كان السكن داخل نطاق خدمة الجمعية.",
        });

        Assert.Null(page.QuerySelector("[data-testid=actions]"));
        Assert.Equal($"/Requests/{id}/Referrals", page.QuerySelector("[data-testid=referrals-step]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var officerView = await desk.Officer.GetDocumentAsync($"/Requests/Details/{id}");
        Assert.Contains("نعم، إذا كان السكن", officerView.QuerySelector("[data-testid=referral-answer]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestState.Draft, await StateAsync(desk, id)); // a referral does not block nor move the workflow
    }

    [Fact]
    public async Task Queue_lists_open_requests_of_the_association_only()
    {
        var desk = await DeskAsync();
        var other = await DeskAsync();
        await OpenAsync(desk);
        await OpenAsync(other);

        var queue = await desk.Officer.GetDocumentAsync("/Requests");

        var rows = queue.QuerySelectorAll("[data-testid=queue] tbody tr");
        Assert.Single(rows);
        Assert.Contains("سلة غذائية", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_puts_requests_awaiting_a_decision_by_due_date_before_decided_ones_with_older_due_dates()
    {
        var tenant = await factory.CreateTenantAsync();
        var approved = await TestRequests.ApprovedAsync(factory, tenant);
        var verified = await TestRequests.VerifiedAsync(factory, tenant);
        await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<AppDbContext>().SupportRequests.Where(r => r.Id == approved.RequestId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.DecisionDueOn, new DateOnly(2026, 2, 1))));
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var rows = (await officer.GetDocumentAsync("/Requests")).QuerySelectorAll("[data-testid=queue] tbody tr");

        Assert.Equal(2, rows.Length);
        Assert.Contains(verified.RequestId.ToString(), rows[0].InnerHtml, StringComparison.Ordinal);
        Assert.Contains(approved.RequestId.ToString(), rows[1].InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_filtered_by_a_finished_state_lists_those_requests_most_recently_finished_first()
    {
        var tenant = await factory.CreateTenantAsync();
        var earlier = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        var later = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        var open = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        await TestRequests.RejectAsync(factory, tenant, later.RequestId, "لا تنطبق الشروط");
        await TestRequests.RejectAsync(factory, tenant, earlier.RequestId, "لا تنطبق الشروط");
        // The step that finished each request: "later" was rejected after "earlier", whatever order they were decided in here.
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.SupportRequests.Where(r => r.Id == earlier.RequestId).ExecuteUpdateAsync(u => u.SetProperty(r => r.UpdatedAtUtc, new DateTime(2026, 2, 10, 9, 0, 0, DateTimeKind.Utc)));
            await db.SupportRequests.Where(r => r.Id == later.RequestId).ExecuteUpdateAsync(u => u.SetProperty(r => r.UpdatedAtUtc, new DateTime(2026, 2, 15, 9, 0, 0, DateTimeKind.Utc)));
        });
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var rejected = await officer.GetDocumentAsync("/Requests?State=Rejected");
        var awaiting = await officer.GetDocumentAsync("/Requests?State=AwaitingCommittee");
        var queue = await officer.GetDocumentAsync("/Requests");

        var rows = rejected.QuerySelectorAll("[data-testid=queue] tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains(later.RequestId.ToString(), rows[0].InnerHtml, StringComparison.Ordinal);
        Assert.Contains(earlier.RequestId.ToString(), rows[1].InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(rows[0].QuerySelector("[data-testid=finished-on] time[datetime='2026-02-15T09:00:00Z']"));
        Assert.NotNull(rejected.QuerySelector("#State option[value=Rejected][selected]"));
        Assert.Contains(open.RequestId.ToString(), Assert.Single(awaiting.QuerySelectorAll("[data-testid=queue] tbody tr")).InnerHtml, StringComparison.Ordinal);
        Assert.Null(awaiting.QuerySelector("[data-testid=finished-on]"));
        Assert.Single(queue.QuerySelectorAll("[data-testid=queue] tbody tr"));
        Assert.Equal("لا توجد طلبات مطابقة.", (await officer.GetDocumentAsync("/Requests?State=Withdrawn")).QuerySelector("[data-testid=queue-empty]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Request_pages_of_another_association_are_not_found_and_nothing_changes()
    {
        var victim = await DeskAsync();
        var id = await OpenAsync(victim);
        var intruder = await DeskAsync();

        await TenantLeak.AssertGetNotFoundAsync(intruder.Officer, $"/Requests/Details/{id}");
        await TenantLeak.AssertGetNotFoundAsync(intruder.Officer, $"/Requests/Create?beneficiaryId={victim.BeneficiaryId}");
        var version = await factory.QueryAsync(victim.Tenant.Id, db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder.Officer, victim.Tenant.Id, $"/Requests/{id}/Transition?handler=Transition",
            db => db.SupportRequests.Where(r => r.Id == id).Select(r => new { r.State, r.Version }).SingleAsync(),
            new Dictionary<string, string> { ["Action.Trigger"] = nameof(RequestTrigger.Submit), ["Action.Version"] = version.ToString() });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder.Officer, victim.Tenant.Id, $"/Requests/{id}/Declaration?handler=Declare",
            db => db.Declarations.CountAsync(d => d.RequestId == id),
            new Dictionary<string, string> { ["Declaration.ApplicantName"] = "x", ["Declaration.Method"] = "ConfirmedOnScreen" });
    }
}
