using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Research;
using Juthuruna.Features.Staff;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Research;

public sealed class ResearchTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string AssignForm = "form[data-testid=assign-form]";
    private const string ReportForm = "form[data-testid=report-form]";
    private const string AttachForm = "form[data-testid=report-attach-form]";
    private const string Stale = "عدّل شخص آخر هذا الطلب";

    private static string Url(Guid id) => $"/Requests/Details/{id}";

    /// <summary>The research step's own page (issue 14: one page per step).</summary>
    private static string StepUrl(Guid id) => $"/Requests/{id}/Research";

    /// <summary>A second social researcher of the tenant (the factory gives one user per role).</summary>
    private async Task<TestUser> AddResearcherAsync(TestTenant tenant, string name = "نورة الباحثة")
    {
        var email = $"researcher2-{Guid.NewGuid():N}@{tenant.Slug}.test";
        var id = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var (result, userId) = await sp.GetRequiredService<StaffAccounts>().CreateAsync(
                new NewStaffUser(name, email, AppFactory.Password, [StaffRoles.SocialResearcher], null), CancellationToken.None);
            Assert.True(result.Succeeded);
            return userId!.Value;
        });
        return new TestUser(id, email, StaffRoles.SocialResearcher);
    }

    internal static Dictionary<string, string> CompleteReport(Guid serviceId) => new()
    {
        ["Report.VisitType"] = nameof(VisitType.HomeVisit),
        ["Report.Calendar"] = nameof(CalendarKind.Hijri),
        ["Report.VisitedOn"] = "٢٠/٠٨/١٤٤٧",
        ["Report.HouseholdSituation"] = "أرملة تعول أربعة أبناء في شقة مستأجرة بحي الحمدانية",
        ["Report.Findings"] = "الدخل الشهري ١٨٠٠ ريال من الضمان ولا يغطي الإيجار",
        ["Report.Needs"] = "سداد إيجار ستة أشهر",
        ["Report.Recommendation"] = nameof(ResearchRecommendation.Approve),
        ["Report.RecommendedServiceIds"] = serviceId.ToString(),
        ["Report.RecommendedAmount"] = "٣٠٠٠",
    };

    private Task<RequestState> StateAsync(TestTenant tenant, Guid id) =>
        factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.State).SingleAsync());

    [Fact]
    public async Task Assign_shows_each_researchers_workload_and_puts_the_request_under_research()
    {
        var tenant = await factory.CreateTenantAsync();
        await TestRequests.UnderResearchAsync(factory, tenant);
        var second = await AddResearcherAsync(tenant);
        var verified = await TestRequests.VerifiedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var page = await officer.GetDocumentAsync(StepUrl(verified.RequestId));
        var response = await officer.SubmitFormAsync(StepUrl(verified.RequestId), AssignForm, new Dictionary<string, string> { ["Assignment.ResearcherId"] = second.Id.ToString() });

        var options = page.QuerySelectorAll($"{AssignForm} option");
        var busy = options.Single(o => o.GetAttribute("value") == tenant.User(StaffRoles.SocialResearcher).Id.ToString());
        var free = options.Single(o => o.GetAttribute("value") == second.Id.ToString());
        Assert.Contains("طلبات قيد البحث: 1", busy.TextContent, StringComparison.Ordinal);
        Assert.Contains("طلبات قيد البحث: 0", free.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.SingleAsync(r => r.Id == verified.RequestId));
        Assert.Equal(RequestState.UnderResearch, request.State);
        Assert.Equal(second.Id, request.ResearcherId);
        var history = await factory.QueryAsync(tenant.Id, db => db.RequestHistory.Where(h => h.RequestId == verified.RequestId && h.Trigger == RequestTrigger.AssignResearcher).ToListAsync());
        Assert.Equal(tenant.User(StaffRoles.RelationsOfficer).Id, Assert.Single(history).UserId);
        var after = await officer.GetDocumentAsync(Url(verified.RequestId));
        Assert.Equal("نورة الباحثة", after.QuerySelector("[data-testid=assigned-researcher]")!.TextContent);
    }

    [Fact]
    public async Task Assign_by_a_researcher_is_forbidden_and_the_form_is_not_shown()
    {
        var tenant = await factory.CreateTenantAsync();
        var verified = await TestRequests.VerifiedAsync(factory, tenant);
        var researcher = tenant.User(StaffRoles.SocialResearcher);
        using var client = await factory.SignInAsync(researcher.Email);
        var version = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == verified.RequestId).Select(r => r.Version).SingleAsync());

        var page = await client.GetDocumentAsync(Url(verified.RequestId));
        var forged = await client.PostWithTokenAsync($"{StepUrl(verified.RequestId)}?handler=AssignResearcher", new Dictionary<string, string>
        {
            ["Assignment.ResearcherId"] = researcher.Id.ToString(),
            ["Assignment.Version"] = version.ToString(),
        });

        Assert.Null(page.QuerySelector("[data-testid=research-step]"));
        await Forbidden.AssertAsync(forged);
        Assert.Equal(RequestState.Verified, await StateAsync(tenant, verified.RequestId));
    }

    [Fact]
    public async Task Assign_form_posted_twice_has_one_effect_and_the_second_says_the_page_is_stale()
    {
        var tenant = await factory.CreateTenantAsync();
        var verified = await TestRequests.VerifiedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var page = await officer.GetDocumentAsync(StepUrl(verified.RequestId));
        var form = page.QuerySelector<IHtmlFormElement>(AssignForm)!;

        var fields = new Dictionary<string, string> { ["Assignment.ResearcherId"] = tenant.User(StaffRoles.SocialResearcher).Id.ToString() };

        var first = await officer.SubmitAsync(form, StepUrl(verified.RequestId), fields);
        var second = await officer.SubmitAsync(form, StepUrl(verified.RequestId), fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(Stale, (await StaffClient.ParseAsync(second)).QuerySelector("[data-testid=assignment-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.RequestHistory.CountAsync(h => h.RequestId == verified.RequestId && h.To == RequestState.UnderResearch)));
    }

    [Fact]
    public async Task Reassign_under_research_changes_the_researcher_without_a_transition_and_the_audit_keeps_the_trace()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.UnderResearchAsync(factory, tenant);
        var second = await AddResearcherAsync(tenant);
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        var response = await manager.SubmitFormAsync(StepUrl(arranged.RequestId), AssignForm, new Dictionary<string, string> { ["Assignment.ResearcherId"] = second.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.SingleAsync(r => r.Id == arranged.RequestId));
        Assert.Equal(RequestState.UnderResearch, request.State);
        Assert.Equal(second.Id, request.ResearcherId);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.RequestHistory.CountAsync(h => h.RequestId == arranged.RequestId && h.To == RequestState.UnderResearch)));
        var audit = await factory.QueryAsync(tenant.Id, db => db.AuditEntries
            .Where(a => a.EntityType == nameof(SupportRequest) && a.EntityId == arranged.RequestId.ToString() && a.Action == AuditAction.Updated && a.UserId == tenant.User(StaffRoles.Manager).Id.ToString())
            .Select(a => a.Changes).ToListAsync());
        Assert.Contains(audit, c => c!.Contains(nameof(SupportRequest.ResearcherId), StringComparison.Ordinal) && c.Contains(second.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_draft_with_arabic_indic_digits_is_saved_and_bad_input_comes_back_beside_the_field()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.UnderResearchAsync(factory, tenant);
        using var researcher = await factory.SignInAsync(tenant.User(StaffRoles.SocialResearcher).Email);
        var url = Url(arranged.RequestId);

        var saved = await researcher.SubmitFormAsync(StepUrl(arranged.RequestId), ReportForm, new Dictionary<string, string>
        {
            ["Report.VisitType"] = nameof(VisitType.PhoneCall),
            ["Report.Calendar"] = nameof(CalendarKind.Hijri),
            ["Report.VisitedOn"] = "١٥/٠٨/١٤٤٧",
            ["Report.Needs"] = "سلة غذائية شهرية",
            ["Report.RecommendedAmount"] = "٢٥٠٠٫٥٠",
        }, "Report.Submit", "false");
        var badDate = await researcher.SubmitFormAsync(StepUrl(arranged.RequestId), ReportForm, new Dictionary<string, string>
        {
            ["Report.VisitedOn"] = "٣٢/١٣/١٤٤٧",
            ["Report.Needs"] = "تعديل",
        }, "Report.Submit", "false");
        var badAmount = await researcher.SubmitFormAsync(StepUrl(arranged.RequestId), ReportForm, new Dictionary<string, string>
        {
            ["Report.Needs"] = "",
            ["Report.RecommendedAmount"] = "ألفان",
        }, "Report.Submit", "false");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draft = await factory.QueryAsync(tenant.Id, db => db.ResearchReports.SingleAsync(r => r.RequestId == arranged.RequestId));
        Assert.Equal(DualDate.FromHijri(1447, 8, 15), draft.VisitedOn);
        Assert.Equal(250_050, draft.RecommendedAmountHalalas);
        Assert.Equal(VisitType.PhoneCall, draft.VisitType);
        Assert.Null(draft.SubmittedAtUtc);
        var datePage = await StaffClient.ParseAsync(badDate);
        Assert.Contains("أدخل التاريخ بصيغة", datePage.QuerySelector("[data-valmsg-for='Report.VisitedOn']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("٣٢/١٣/١٤٤٧", datePage.QuerySelector<IHtmlInputElement>("#Report_VisitedOn")!.Value);
        Assert.Equal("تعديل", datePage.QuerySelector<IHtmlTextAreaElement>("#Report_Needs")!.Value);
        var amountPage = await StaffClient.ParseAsync(badAmount);
        Assert.Contains("أدخل المبلغ بالريال", amountPage.QuerySelector("[data-valmsg-for='Report.RecommendedAmount']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("اكتب احتياجات الأسرة", amountPage.QuerySelector("[data-valmsg-for='Report.Needs']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ألفان", amountPage.QuerySelector<IHtmlInputElement>("#Report_RecommendedAmount")!.Value);
        var unchanged = await factory.QueryAsync(tenant.Id, db => db.ResearchReports.SingleAsync(r => r.RequestId == arranged.RequestId));
        Assert.Equal(draft.Version, unchanged.Version);
        Assert.Equal("سلة غذائية شهرية", unchanged.Needs);
    }

    [Fact]
    public async Task Report_submitted_puts_the_request_in_the_committee_queue_and_every_reader_sees_it_read_only()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.UnderResearchAsync(factory, tenant);
        var researcherUser = tenant.User(StaffRoles.SocialResearcher);
        using var researcher = await factory.SignInAsync(researcherUser.Email);
        var url = Url(arranged.RequestId);
        await researcher.SubmitFormAsync(StepUrl(arranged.RequestId), ReportForm, new Dictionary<string, string> { ["Report.Needs"] = "سداد الإيجار" }, "Report.Submit", "false");

        var incomplete = await researcher.SubmitFormAsync(StepUrl(arranged.RequestId), ReportForm, new Dictionary<string, string> { ["Report.Needs"] = "سداد الإيجار" }, "Report.Submit", "true");
        var stateAfterIncomplete = await StateAsync(tenant, arranged.RequestId);
        var submitted = await researcher.SubmitFormAsync(StepUrl(arranged.RequestId), ReportForm, CompleteReport(arranged.ServiceId), "Report.Submit", "true");

        var incompletePage = await StaffClient.ParseAsync(incomplete);
        Assert.Contains("اختر التوصية", incompletePage.QuerySelector("[data-valmsg-for='Report.Recommendation']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("اختر طريقة مقابلة الأسرة", incompletePage.QuerySelector("[data-valmsg-for='Report.VisitType']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestState.UnderResearch, stateAfterIncomplete);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(RequestState.AwaitingCommittee, await StateAsync(tenant, arranged.RequestId));
        var report = await factory.QueryAsync(tenant.Id, db => db.ResearchReports.SingleAsync(r => r.RequestId == arranged.RequestId));
        Assert.NotNull(report.SubmittedAtUtc);
        Assert.Equal([arranged.ServiceId], report.RecommendedServiceIds);
        Assert.Equal(300_000, report.RecommendedAmountHalalas);
        Assert.Equal(DualDate.FromHijri(1447, 8, 20), report.VisitedOn);
        var history = await factory.QueryAsync(tenant.Id, db => db.RequestHistory.SingleAsync(h => h.RequestId == arranged.RequestId && h.Trigger == RequestTrigger.SubmitResearch));
        Assert.Equal((RequestState.UnderResearch, RequestState.AwaitingCommittee, researcherUser.Id), (history.From!.Value, history.To, history.UserId));

        using var member = await factory.SignInAsync(tenant.User(StaffRoles.CommitteeMember).Email);
        var page = await member.GetDocumentAsync(url);
        var shown = page.QuerySelector("[data-testid=research-report]")!;
        Assert.Contains("سداد إيجار ستة أشهر", shown.QuerySelector("[data-testid=report-needs]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("موافقة", shown.QuerySelector("[data-testid=report-recommendation]")!.TextContent);
        Assert.Contains("3,000.00", shown.QuerySelector("[data-testid=report-amount]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("زيارة منزلية", shown.QuerySelector("[data-testid=report-visit-type]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=research-step]"));
        Assert.Null((await researcher.GetDocumentAsync(StepUrl(arranged.RequestId))).QuerySelector(ReportForm));
    }

    [Fact]
    public async Task Report_by_a_researcher_not_assigned_is_refused_and_an_officer_is_forbidden()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.UnderResearchAsync(factory, tenant);
        var other = await AddResearcherAsync(tenant);
        using var otherClient = await factory.SignInAsync(other.Email);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var fields = new Dictionary<string, string> { ["Report.Needs"] = "محاولة كتابة", ["Report.Submit"] = "false" };

        var page = await otherClient.GetDocumentAsync(Url(arranged.RequestId));
        var refused = await otherClient.PostWithTokenAsync($"{StepUrl(arranged.RequestId)}?handler=SaveReport", fields);
        var forbidden = await officer.PostWithTokenAsync($"{StepUrl(arranged.RequestId)}?handler=SaveReport", fields);

        Assert.Null(page.QuerySelector("[data-testid=research-step]"));
        Assert.NotNull(page.QuerySelector("[data-testid=research-in-progress]"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("لا يكتب تقرير هذا الطلب إلا الباحث المسند إليه", (await StaffClient.ParseAsync(refused)).QuerySelector("[data-testid=report-error]")!.TextContent, StringComparison.Ordinal);
        await Forbidden.AssertAsync(forbidden);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.ResearchReports.CountAsync()));
    }

    [Fact]
    public async Task Report_attachment_disguised_as_pdf_is_refused_and_a_real_one_is_kept_with_the_report()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.UnderResearchAsync(factory, tenant);
        using var researcher = await factory.SignInAsync(tenant.User(StaffRoles.SocialResearcher).Email);
        var url = Url(arranged.RequestId);
        await researcher.SubmitFormAsync(StepUrl(arranged.RequestId), ReportForm, new Dictionary<string, string> { ["Report.Needs"] = "سداد الإيجار" }, "Report.Submit", "false");
        var pdf = "%PDF-1.7\nعقد الإيجار"u8.ToArray();

        var disguised = await researcher.UploadAsync(StepUrl(arranged.RequestId), AttachForm, "ReportAttachment.Upload", "عقد.pdf", "MZ\u0090\u0000 not a pdf"u8.ToArray(), "application/pdf");
        var kept = await researcher.UploadAsync(StepUrl(arranged.RequestId), AttachForm, "ReportAttachment.Upload", "عقد.pdf", pdf, "application/pdf",
            new Dictionary<string, string> { ["ReportAttachment.Description"] = "عقد الإيجار" });
        await researcher.SubmitFormAsync(StepUrl(arranged.RequestId), ReportForm, CompleteReport(arranged.ServiceId), "Report.Submit", "true");

        Assert.Equal(HttpStatusCode.OK, disguised.StatusCode);
        Assert.Contains("ليس مستند PDF", (await StaffClient.ParseAsync(disguised)).QuerySelector("[data-valmsg-for='ReportAttachment.Upload']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var reportId = await factory.QueryAsync(tenant.Id, db => db.ResearchReports.Select(r => r.Id).SingleAsync());
        var file = await factory.QueryAsync(tenant.Id, db => db.StoredFiles.SingleAsync());
        Assert.Equal((ResearchReport.FileOwnerKind, reportId), (file.OwnerKind, file.OwnerId));
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var link = (await officer.GetDocumentAsync(url)).QuerySelector("[data-testid=research-report] [data-testid=report-attachment]")!;
        Assert.Equal($"/Files/Download/{file.Id}", link.GetAttribute("href"));
        Assert.Equal(pdf, await (await officer.Http.GetAsync(link.GetAttribute("href"))).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Report_after_a_deferral_starts_a_new_round_with_the_committees_questions_and_keeps_the_first_report()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        await DeferAsync(tenant, arranged.RequestId, "ما مصدر دخل الابن الأكبر؟ وهل العقد ساري؟");
        using var researcher = await factory.SignInAsync(tenant.User(StaffRoles.SocialResearcher).Email);
        var url = Url(arranged.RequestId);

        var page = await researcher.GetDocumentAsync(StepUrl(arranged.RequestId));
        var requestPage = await researcher.GetDocumentAsync(url);
        var resubmitted = await researcher.SubmitFormAsync(StepUrl(arranged.RequestId), ReportForm, CompleteReport(arranged.ServiceId), "Report.Submit", "true");

        Assert.Contains("ما مصدر دخل الابن الأكبر؟", page.QuerySelector("[data-testid=committee-questions]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(requestPage.QuerySelectorAll("[data-testid=research-report]"));
        Assert.Equal("", page.QuerySelector<IHtmlTextAreaElement>("#Report_Needs")!.Value);
        Assert.Equal("أعادته اللجنة إلى البحث", requestPage.QuerySelector("[data-testid=committee-decision][data-decision=Defer] .badge")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Equal(RequestState.AwaitingCommittee, await StateAsync(tenant, arranged.RequestId));
        Assert.Equal(2, await factory.QueryAsync(tenant.Id, db => db.ResearchReports.CountAsync(r => r.SubmittedAtUtc != null)));
        var after = await researcher.GetDocumentAsync(url);
        Assert.Equal(2, after.QuerySelectorAll("[data-testid=research-report]").Length);
    }

    private Task DeferAsync(TestTenant tenant, Guid requestId, string questions) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var chair = tenant.User(StaffRoles.CommitteeChair).Id;
            var session = new CommitteeSession { Number = "1447/77", HijriYear = 1447, HeldOn = new DateOnly(2026, 2, 18), Place = "مقر الجمعية", CreatedBy = chair, CreatedAtUtc = now };
            db.CommitteeSessions.Add(session);
            db.AgendaItems.Add(new AgendaItem
            {
                SessionId = session.Id, RequestId = requestId, Position = 1, Status = AgendaItemStatus.Decided, Decision = CommitteeDecision.Defer,
                Reasons = questions, DecidedBy = chair, DecidedAtUtc = now,
            });
            await db.SaveChangesAsync();
            await TestRequests.ApplyDecisionAsync(sp, requestId, CommitteeDecision.Defer, questions, TestRequests.Actor(tenant, StaffRoles.CommitteeChair));
        });

    [Fact]
    public async Task Research_posts_for_another_association_are_not_found_and_change_nothing()
    {
        var victim = await factory.CreateTenantAsync();
        var verified = await TestRequests.VerifiedAsync(factory, victim);
        var underResearch = await TestRequests.UnderResearchAsync(factory, victim);
        var intruder = await factory.CreateTenantAsync();
        using var intruderOfficer = await factory.SignInAsync(intruder.User(StaffRoles.RelationsOfficer).Email);
        using var intruderResearcher = await factory.SignInAsync(intruder.User(StaffRoles.SocialResearcher).Email);
        using var intruderAdmin = await factory.SignInAsync(intruder.Admin.Email);
        var version = await factory.QueryAsync(victim.Id, db => db.SupportRequests.Where(r => r.Id == verified.RequestId).Select(r => r.Version).SingleAsync());

        await TenantLeak.AssertPostNotFoundAsync(factory, intruderOfficer, victim.Id, $"{StepUrl(verified.RequestId)}?handler=AssignResearcher",
            db => db.SupportRequests.Where(r => r.Id == verified.RequestId).Select(r => new { r.State, r.ResearcherId, r.Version }).SingleAsync(),
            new Dictionary<string, string> { ["Assignment.ResearcherId"] = intruder.User(StaffRoles.SocialResearcher).Id.ToString(), ["Assignment.Version"] = version.ToString() });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruderResearcher, victim.Id, $"{StepUrl(underResearch.RequestId)}?handler=SaveReport",
            db => db.ResearchReports.CountAsync(),
            new Dictionary<string, string> { ["Report.Needs"] = "x", ["Report.Submit"] = "false" });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruderAdmin, victim.Id, $"{StepUrl(underResearch.RequestId)}?handler=SaveReport",
            db => db.ResearchReports.CountAsync(),
            new Dictionary<string, string> { ["Report.Needs"] = "x", ["Report.Submit"] = "true" });
        var upload = await intruderAdmin.UploadWithTokenAsync($"{StepUrl(underResearch.RequestId)}?handler=AttachToReport", "ReportAttachment.Upload", "x.pdf", "%PDF-1.7"u8.ToArray());
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(victim.Id, db => db.StoredFiles.CountAsync()));
    }
}
