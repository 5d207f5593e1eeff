using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Feedback;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Portal;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Feedback;

/// <summary>Suggestions and complaints: the portal form and follow-up, the staff desk, the setting, limits and isolation.</summary>
public sealed class FeedbackTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string PortalForm = "form[data-testid=portal-feedback-form]";
    private const string FollowForm = "form[data-testid=follow-form]";
    private const string Mobile = "0551234567";

    [Fact]
    public async Task Portal_submission_creates_a_website_item_due_after_the_setting_and_shows_its_reference()
    {
        var tenant = await factory.CreateTenantAsync();
        using var visitor = factory.CreateStaffClient();

        var response = await visitor.SubmitFormAsync($"/t/{tenant.Slug}/feedback", PortalForm, PortalFields("٠٥٥١٢٣٤٥٦٧"));
        var sent = await visitor.GetDocumentAsync(RedirectTarget(response));

        var item = await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.SingleAsync());
        Assert.Equal(ContactChannel.Website, item.Channel);
        Assert.Equal(FeedbackKind.Complaint, item.Kind);
        Assert.Equal("+966551234567", item.Mobile);
        Assert.Null(item.RecordedBy);
        Assert.Equal(DualDate.Today(factory.Clock).AddDays(7), item.DueOn);
        Assert.Equal($"SC-{DualDate.ToHijri(DualDate.Today(factory.Clock)).Year}-0001", item.Reference);
        Assert.Equal(item.Reference, sent.QuerySelector("[data-testid=feedback-reference]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Portal_form_posted_twice_records_one_item()
    {
        var tenant = await factory.CreateTenantAsync();
        using var visitor = factory.CreateStaffClient();
        var page = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/feedback");
        var form = page.QuerySelector<IHtmlFormElement>(PortalForm)!;

        var first = await visitor.SubmitAsync(form, $"/t/{tenant.Slug}/feedback", PortalFields());
        var second = await visitor.SubmitAsync(form, $"/t/{tenant.Slug}/feedback", PortalFields());

        Assert.Equal(RedirectTarget(first), RedirectTarget(second));
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.CountAsync()));
    }

    [Fact]
    public async Task Portal_form_with_errors_comes_back_with_the_typing_and_errors_beside_the_fields()
    {
        var tenant = await factory.CreateTenantAsync();
        using var visitor = factory.CreateStaffClient();
        var fields = PortalFields("12345");
        fields["Input.Subject"] = "";

        var response = await visitor.SubmitFormAsync($"/t/{tenant.Slug}/feedback", PortalForm, fields);
        var page = await StaffClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("أدخل الموضوع.", page.QuerySelector("[data-testid=error-Subject]")!.TextContent.Trim());
        Assert.Contains("جوال", page.QuerySelector("[data-testid=error-Mobile]")!.TextContent);
        Assert.Equal("لم يصلني رد على طلبي.", page.QuerySelector<IHtmlTextAreaElement>("[name='Input.Text']")!.Value);
        Assert.Equal("12345", page.QuerySelector<IHtmlInputElement>("[name='Input.Mobile']")!.Value);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.CountAsync()));
    }

    [Fact]
    public async Task Follow_with_reference_and_mobile_shows_the_status_then_the_answer()
    {
        var tenant = await factory.CreateTenantAsync();
        var (id, reference) = await RecordAsync(tenant);
        using var visitor = factory.CreateStaffClient();
        var arabicReference = reference.Replace("1", "١", StringComparison.Ordinal).ToLowerInvariant();

        var before = await FollowAsync(visitor, tenant.Slug, arabicReference, "٠٥٥١٢٣٤٥٦٧");
        Assert.Equal("جديد", before.QuerySelector("[data-testid=follow-status]")!.TextContent.Trim());
        Assert.Null(before.QuerySelector("[data-testid=follow-response]"));

        await AnswerAsync(tenant, id, "تمت معالجة طلبكم وسيتواصل معكم الباحث.");
        var after = await FollowAsync(visitor, tenant.Slug, reference, Mobile);

        Assert.Equal("تمت الإجابة", after.QuerySelector("[data-testid=follow-status]")!.TextContent.Trim());
        Assert.Equal("تمت معالجة طلبكم وسيتواصل معكم الباحث.", after.QuerySelector("[data-testid=follow-response]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Follow_with_a_wrong_mobile_says_not_found_and_reveals_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        var (_, reference) = await RecordAsync(tenant);
        using var visitor = factory.CreateStaffClient();

        var page = await FollowAsync(visitor, tenant.Slug, reference, "0559999999");

        Assert.Null(page.QuerySelector("[data-testid=follow-result]"));
        Assert.Contains("لا يوجد مقترح أو شكوى", page.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.DoesNotContain("تأخر الرد", page.Body!.TextContent);
    }

    [Fact]
    public async Task Follow_a_reference_of_another_association_is_not_found()
    {
        var owner = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        var (_, reference) = await RecordAsync(owner);
        using var visitor = factory.CreateStaffClient();

        var page = await FollowAsync(visitor, other.Slug, reference, Mobile);

        Assert.Null(page.QuerySelector("[data-testid=follow-result]"));
        Assert.Contains("لا يوجد مقترح أو شكوى", page.QuerySelector("[data-testid=form-errors]")!.TextContent);
    }

    [Fact]
    public async Task Staff_record_from_the_desk_keeps_the_channel_and_shows_the_item()
    {
        var tenant = await factory.CreateTenantAsync();
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var fields = PortalFields();
        fields["Input.Channel"] = "Phone";

        var response = await officer.SubmitFormAsync("/Feedback/Create", "form[data-testid=feedback-form]", fields);
        var details = await officer.GetDocumentAsync(RedirectTarget(response));

        var item = await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.SingleAsync());
        Assert.Equal(ContactChannel.Phone, item.Channel);
        Assert.Equal(tenant.User(StaffRoles.RelationsOfficer).Id, item.RecordedBy);
        Assert.Equal(item.Reference, details.QuerySelector("[data-testid=feedback-reference]")!.TextContent.Trim());
        var list = await officer.GetDocumentAsync("/Feedback");
        Assert.Contains(item.Reference, list.QuerySelector("[data-testid=feedback-list]")!.TextContent);
    }

    [Fact]
    public async Task Staff_record_with_errors_keeps_the_typing_beside_the_errors()
    {
        var tenant = await factory.CreateTenantAsync();
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var fields = PortalFields();
        fields["Input.Text"] = "";

        var response = await officer.SubmitFormAsync("/Feedback/Create", "form[data-testid=feedback-form]", fields);
        var page = await StaffClient.ParseAsync(response);

        Assert.Equal("اكتب المقترح أو الشكوى.", page.QuerySelector("[data-testid=error-Text]")!.TextContent.Trim());
        Assert.Equal("اختر قناة التواصل.", page.QuerySelector("[data-testid=error-Channel]")!.TextContent.Trim());
        Assert.Equal("تأخر الرد", page.QuerySelector<IHtmlInputElement>("[name='Input.Subject']")!.Value);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.CountAsync()));
    }

    [Fact]
    public async Task Assign_answer_and_close_record_history_and_answering_queues_one_sms()
    {
        var tenant = await factory.CreateTenantAsync();
        var (id, reference) = await RecordAsync(tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var url = $"/Feedback/Details/{id}";
        var manager = tenant.User(StaffRoles.Manager);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, "form[data-testid=assign-form]", new Dictionary<string, string> { ["AssigneeId"] = manager.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, "form[data-testid=answer-form]", new Dictionary<string, string> { ["ResponseText"] = "شكرًا لكم، تمت المعالجة." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, "form[data-testid=close-form]", new Dictionary<string, string>())).StatusCode);

        var item = await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.SingleAsync(f => f.Id == id));
        Assert.Equal(FeedbackStatus.Closed, item.Status);
        Assert.Equal(manager.Id, item.AssigneeId);
        Assert.Equal("شكرًا لكم، تمت المعالجة.", item.Response);
        var messages = await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.Where(m => m.Kind == MessageKind.ComplaintAnswered).ToListAsync());
        var sms = Assert.Single(messages);
        Assert.Equal(MessageChannel.Sms, sms.Channel);
        Assert.Equal("+966551234567", sms.Recipient);
        Assert.Contains(reference, sms.Body);
        var page = await officer.GetDocumentAsync(url);
        var history = page.QuerySelectorAll("[data-testid=feedback-history] li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, history.Count);
        Assert.Contains("الاستلام", history[0]);
        Assert.Contains("مغلق", history[3]);
        Assert.Null(page.QuerySelector("form[data-testid=answer-form]"));
    }

    [Fact]
    public async Task Closing_an_unanswered_item_needs_a_note()
    {
        var tenant = await factory.CreateTenantAsync();
        var (id, _) = await RecordAsync(tenant);
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);
        var url = $"/Feedback/Details/{id}";

        var refused = await StaffClient.ParseAsync(await manager.SubmitFormAsync(url, "form[data-testid=close-form]", new Dictionary<string, string>()));
        Assert.Contains("ملاحظة إغلاق", refused.QuerySelector("[data-testid=error-ClosureNote]")!.TextContent);

        await manager.SubmitFormAsync(url, "form[data-testid=close-form]", new Dictionary<string, string> { ["ClosureNote"] = "تواصلنا هاتفيًا وسُحبت الشكوى." });
        var item = await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.SingleAsync(f => f.Id == id));
        Assert.Equal(FeedbackStatus.Closed, item.Status);
        Assert.Equal("تواصلنا هاتفيًا وسُحبت الشكوى.", item.ClosureNote);
    }

    [Fact]
    public async Task Answer_on_a_stale_page_is_refused_and_keeps_the_typing()
    {
        var tenant = await factory.CreateTenantAsync();
        var (id, _) = await RecordAsync(tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var url = $"/Feedback/Details/{id}";
        var stale = (await officer.GetDocumentAsync(url)).QuerySelector<IHtmlFormElement>("form[data-testid=answer-form]")!;
        using (var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email))
        {
            await manager.SubmitFormAsync(url, "form[data-testid=assign-form]", new Dictionary<string, string> { ["AssigneeId"] = tenant.User(StaffRoles.Manager).Id.ToString() });
        }

        var response = await officer.SubmitAsync(stale, url, new Dictionary<string, string> { ["ResponseText"] = "ردّ كُتب على صفحة قديمة" });
        var page = await StaffClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("عدّل مستخدم آخر", page.QuerySelector("[data-testid=feedback-errors]")!.TextContent);
        Assert.Equal("ردّ كُتب على صفحة قديمة", page.QuerySelector<IHtmlTextAreaElement>("[name='ResponseText']")!.Value);
        var item = await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.SingleAsync(f => f.Id == id));
        Assert.Null(item.Response);
        Assert.Equal(FeedbackStatus.InProgress, item.Status);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.CountAsync(m => m.Kind == MessageKind.ComplaintAnswered)));
    }

    [Fact]
    public async Task List_filters_overdue_items_and_highlights_them()
    {
        var tenant = await factory.CreateTenantAsync();
        var (late, lateReference) = await RecordAsync(tenant);
        var (_, freshReference) = await RecordAsync(tenant);
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<Juthuruna.Data.AppDbContext>();
            var item = await db.FeedbackItems.SingleAsync(f => f.Id == late);
            item.DueOn = DualDate.Today(factory.Clock).AddDays(-1);
            await db.SaveChangesAsync();
        });
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var overdue = await officer.GetDocumentAsync("/Feedback?overdue=true");
        var all = await officer.GetDocumentAsync("/Feedback");

        var rows = overdue.QuerySelectorAll("[data-testid=feedback-row]");
        Assert.Single(rows);
        Assert.Contains(lateReference, rows[0].TextContent);
        Assert.Equal("true", all.QuerySelectorAll("[data-testid=feedback-row]").Single(r => r.TextContent.Contains(lateReference, StringComparison.Ordinal)).GetAttribute("data-overdue"));
        Assert.Equal("false", all.QuerySelectorAll("[data-testid=feedback-row]").Single(r => r.TextContent.Contains(freshReference, StringComparison.Ordinal)).GetAttribute("data-overdue"));
    }

    [Theory]
    [InlineData(StaffRoles.SocialResearcher)]
    [InlineData(StaffRoles.CommitteeMember)]
    [InlineData(StaffRoles.CommitteeChair)]
    public async Task Feedback_pages_are_forbidden_to_other_roles(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        var (id, _) = await RecordAsync(tenant);
        using var user = await factory.SignInAsync(tenant.User(role).Email);

        await Forbidden.AssertAsync(await user.Http.GetAsync("/Feedback"));
        await Forbidden.AssertAsync(await user.Http.GetAsync("/Feedback/Create"));
        await Forbidden.AssertAsync(await user.Http.GetAsync($"/Feedback/Details/{id}"));
        await Forbidden.AssertAsync(await user.PostWithTokenAsync($"/Feedback/Details/{id}?handler=Answer", new Dictionary<string, string> { ["ResponseText"] = "x" }));
    }

    [Fact]
    public async Task Details_of_another_association_is_not_found_and_changes_nothing()
    {
        var owner = await factory.CreateTenantAsync();
        var intruderTenant = await factory.CreateTenantAsync();
        var (id, _) = await RecordAsync(owner);
        var version = await factory.QueryAsync(owner.Id, db => db.FeedbackItems.Where(f => f.Id == id).Select(f => f.Version).SingleAsync());
        using var intruder = await factory.SignInAsync(intruderTenant.User(StaffRoles.RelationsOfficer).Email);

        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Feedback/Details/{id}");
        foreach (var handler in new[] { "Assign", "Answer", "Close" })
        {
            await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"/Feedback/Details/{id}?handler={handler}",
                db => db.FeedbackItems.Where(f => f.Id == id).Select(f => new { f.Status, f.Response, f.AssigneeId, f.Version }).SingleAsync(),
                new Dictionary<string, string>
                {
                    ["Version"] = version.ToString(),
                    ["AssigneeId"] = intruderTenant.User(StaffRoles.RelationsOfficer).Id.ToString(),
                    ["ResponseText"] = "رد دخيل",
                    ["ClosureNote"] = "إغلاق دخيل",
                });
        }
    }

    [Fact]
    public async Task Portal_submissions_are_limited_per_address()
    {
        var tenant = await factory.CreateTenantAsync();
        using var visitor = factory.CreateStaffClient();
        for (var i = 0; i < PortalLimits.FeedbackSubmission.MaxAttempts; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await visitor.SubmitFormAsync($"/t/{tenant.Slug}/feedback", PortalForm, PortalFields())).StatusCode);
        }

        var refused = await visitor.SubmitFormAsync($"/t/{tenant.Slug}/feedback", PortalForm, PortalFields());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("أعد المحاولة بعد ساعة", (await StaffClient.ParseAsync(refused)).QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Equal(PortalLimits.FeedbackSubmission.MaxAttempts, await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.CountAsync()));

        factory.Clock.Advance(PortalLimits.FeedbackSubmission.Window + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SubmitFormAsync($"/t/{tenant.Slug}/feedback", PortalForm, PortalFields())).StatusCode);
    }

    [Fact]
    public async Task Follow_lookups_are_limited_per_address()
    {
        var tenant = await factory.CreateTenantAsync();
        var (_, reference) = await RecordAsync(tenant);
        using var visitor = factory.CreateStaffClient();
        var form = (await visitor.GetDocumentAsync($"/t/{tenant.Slug}/feedback/follow")).QuerySelector<IHtmlFormElement>(FollowForm)!;
        var wrong = new Dictionary<string, string> { ["Reference"] = reference, ["Mobile"] = "0559999999" };
        for (var i = 0; i < PortalLimits.FeedbackLookup.MaxAttempts; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.SubmitAsync(form, $"/t/{tenant.Slug}/feedback/follow", wrong)).StatusCode);
        }

        var refused = await visitor.SubmitAsync(form, $"/t/{tenant.Slug}/feedback/follow", new Dictionary<string, string> { ["Reference"] = reference, ["Mobile"] = Mobile });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Null((await StaffClient.ParseAsync(refused)).QuerySelector("[data-testid=follow-result]"));

        factory.Clock.Advance(PortalLimits.FeedbackLookup.Window + TimeSpan.FromMinutes(1));
        var page = await FollowAsync(visitor, tenant.Slug, reference, Mobile);
        Assert.NotNull(page.QuerySelector("[data-testid=follow-result]"));
    }

    [Fact]
    public async Task Admin_edits_the_response_days_and_new_items_are_due_accordingly()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        const string form = "form[data-testid=feedback-settings-form]";

        var refused = await StaffClient.ParseAsync(await admin.SubmitFormAsync("/Admin/Settings", form, new Dictionary<string, string> { ["Feedback.ComplaintResponseDays"] = "0" }));
        Assert.Contains("من 1 إلى 60", refused.QuerySelector("[data-testid=error-ComplaintResponseDays]")!.TextContent);
        Assert.Equal("0", refused.QuerySelector<IHtmlInputElement>("[name='Feedback.ComplaintResponseDays']")!.Value);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/Admin/Settings", form, new Dictionary<string, string> { ["Feedback.ComplaintResponseDays"] = "3" })).StatusCode);
        var (id, _) = await RecordAsync(tenant);

        var item = await factory.QueryAsync(tenant.Id, db => db.FeedbackItems.SingleAsync(f => f.Id == id));
        Assert.Equal(DualDate.Today(factory.Clock).AddDays(3), item.DueOn);
        Assert.Equal("3", (await admin.GetDocumentAsync("/Admin/Settings")).QuerySelector<IHtmlInputElement>("[name='Feedback.ComplaintResponseDays']")!.Value);
    }

    private static Dictionary<string, string> PortalFields(string mobile = Mobile) => new()
    {
        ["Input.Kind"] = "Complaint",
        ["Input.Category"] = "Delays",
        ["Input.Subject"] = "تأخر الرد",
        ["Input.Text"] = "لم يصلني رد على طلبي.",
        ["Input.Name"] = "سعد الدوسري",
        ["Input.Mobile"] = mobile,
    };

    private static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<IHtmlDocument> FollowAsync(StaffClient visitor, string slug, string reference, string mobile)
    {
        var response = await visitor.SubmitFormAsync($"/t/{slug}/feedback/follow", FollowForm, new Dictionary<string, string> { ["Reference"] = reference, ["Mobile"] = mobile });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await StaffClient.ParseAsync(response);
    }

    private Task<(Guid Id, string Reference)> RecordAsync(TestTenant tenant) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var result = await sp.GetRequiredService<FeedbackDesk>().RecordAsync(new FeedbackForm
            {
                Kind = FeedbackKind.Complaint,
                Category = FeedbackCategory.Delays,
                Channel = ContactChannel.Phone,
                Subject = "تأخر الرد",
                Text = "لم يصلني رد على طلبي.",
                Name = "سعد الدوسري",
                Mobile = Mobile,
                WantsReply = true,
                IdempotencyKey = Guid.NewGuid(),
            }, tenant.User(StaffRoles.RelationsOfficer).Id, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return (result.Id!.Value, result.Reference!);
        });

    private Task AnswerAsync(TestTenant tenant, Guid id, string text) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<Juthuruna.Data.AppDbContext>();
            var version = await db.FeedbackItems.Where(f => f.Id == id).Select(f => f.Version).SingleAsync();
            var result = await sp.GetRequiredService<FeedbackDesk>().AnswerAsync(id, text, version, tenant.User(StaffRoles.RelationsOfficer).Id, CancellationToken.None);
            Assert.True(result.Succeeded);
        });
}
