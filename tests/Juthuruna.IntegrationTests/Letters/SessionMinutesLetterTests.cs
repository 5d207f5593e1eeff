using System.Globalization;
using System.Text.RegularExpressions;
using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Letters;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Committee;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Letters;

/// <summary>
/// The committee session's minutes issued through the register with real Chromium, read back with pdftotext.
/// Sessions are arranged through the committee's core services (the committee pages have their own tests).
/// </summary>
[Collection(SharedApp.Requests)]
public sealed partial class SessionMinutesLetterTests(AppFactory factory)
{
    private const string Place = "مقر الجمعية — قاعة الاجتماعات";

    [Fact]
    public async Task SessionMinutes_two_decided_items_and_a_recusal_print_attendance_votes_decisions_and_signatures_without_the_recused_vote()
    {
        var c = await CommitteeHarness.CreateAsync(factory);
        var absentee = await CommitteeHarness.ExtraUserAsync(factory, c.Tenant, "member3", StaffRoles.CommitteeMember);
        await CommitteeHarness.SeatAsync(c.Admin, absentee.Id, CommitteeRole.Member);
        await NameAsync(c.Tenant, (c.Chair, "سعد الدوسري"), (c.Secretary, "نورة الشهري"), (c.Member, "خالد العنزي"), (c.Member2, "منيرة الحربي"), (absentee, "فهد القرني"));
        var sessionId = await SessionAsync(c, c.Chair, c.Secretary, c.Member, c.Member2);
        var (approvedItem, approvedRequest) = await ItemAsync(c, sessionId);
        var (rejectedItem, rejectedRequest) = await ItemAsync(c, sessionId);

        await VoteAsync(c, c.Chair, approvedItem, VoteChoice.Approve, "الحالة مستحقة والبحث مكتمل");
        await VoteAsync(c, c.Secretary, approvedItem, VoteChoice.Approve, "أوافق على توصية الباحث");
        await VoteAsync(c, c.Member, approvedItem, VoteChoice.Approve, "الإيجار متأخر ثلاثة أشهر");
        await VoteAsync(c, c.Member2, approvedItem, VoteChoice.Recuse, "المستفيدة من أقاربي");
        await CloseAsync(c, approvedItem, CommitteeDecision.Approve, "تعتمد اللجنة المساعدة وفق توصية الباحث", approvedRequest.ServiceId, "3000");
        await VoteAsync(c, c.Chair, rejectedItem, VoteChoice.Reject, "الدخل يتجاوز الحد");
        await VoteAsync(c, c.Secretary, rejectedItem, VoteChoice.Reject, "لا تنطبق الشروط");
        await VoteAsync(c, c.Member, rejectedItem, VoteChoice.Reject, "يوجد دعم قائم من جهة أخرى");
        await VoteAsync(c, c.Member2, rejectedItem, VoteChoice.Abstain, "لم أطلع على المستندات كاملة");
        await CloseAsync(c, rejectedItem, CommitteeDecision.Reject, "دخل الأسرة يتجاوز الحد المعتمد في سياسة الدعم", null, null);

        var (letterId, pdf) = await IssueAsync(c.Tenant, sessionId);

        var text = await PdfText.ExtractAsync(pdf);
        var numbers = await factory.QueryAsync(c.Tenant.Id, db => db.SupportRequests.AsNoTracking()
            .Where(r => r.Id == approvedRequest.RequestId || r.Id == rejectedRequest.RequestId).ToDictionaryAsync(r => r.Id, r => r.Number));
        var letter = await factory.QueryAsync(c.Tenant.Id, db => db.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId));
        Assert.Equal((LetterKind.SessionMinutes, sessionId, "لجنة البحث الاجتماعي"), (letter.Kind, letter.SubjectId, letter.RecipientName));
        Assert.Equal("محضر اجتماع لجنة البحث الاجتماعي رقم 1447/01", letter.Title);
        Assert.DoesNotContain("إلى:", text, StringComparison.Ordinal);

        InOrder(text, "جلستها", "رقم", "1447/01", "في", "مقر الجمعية");
        InOrder(text, "الأربعاء", "1", "رمضان", "1447", "هـ", "الموافق", "18", "فبراير", "2026", "جلستها");
        InOrder(text, "الحضور", "سعد الدوسري", "رئيس اللجنة", "نورة الشهري", "أمين اللجنة", "خالد العنزي", "عضو", "منيرة الحربي", "عضو");
        InOrder(text, "وتغيّب عن الجلسة", "فهد القرني", "4", "5", "3", "اكتمل النصاب");

        InOrder(text, "البند", "1", numbers[approvedRequest.RequestId], "سعاد عبدالله صالح الزهراني", "توصية البحث الاجتماعي", "موافقة");
        InOrder(text, "سعد الدوسري", "موافق", "الحالة مستحقة والبحث مكتمل", "نورة الشهري", "موافق", "أوافق على توصية الباحث",
            "خالد العنزي", "موافق", "متأخر ثلاثة أشهر", "منيرة الحربي", "تنحّى لتعارض المصالح", "نتيجة التصويت");
        InOrder(text, "الموافقة على الطلب", "تعتمد اللجنة المساعدة وفق توصية الباحث", "الدعم المعتمد", "مساعدة نقدية", "المبلغ", "3,000.00", "ريال");

        InOrder(text, "البند", "2", numbers[rejectedRequest.RequestId], "سعاد عبدالله صالح الزهراني",
            "غير موافق", "الدخل يتجاوز الحد", "منيرة الحربي", "ممتنع عن التصويت", "لم أطلع على المستندات كاملة",
            "رفض الطلب", "دخل الأسرة يتجاوز الحد المعتمد في سياسة الدعم");
        InOrder(text, "توقيعات الأعضاء الحاضرين", "خالد العنزي", "منيرة الحربي", "نورة الشهري", "أمين اللجنة", "سعد الدوسري", "رئيس اللجنة");

        // The recused member's line says only that: not their statement, and no vote of theirs.
        Assert.DoesNotContain("المستفيدة من أقاربي", text, StringComparison.Ordinal);
        var recusedLine = text[text.IndexOf("منيرة الحربي", text.IndexOf("البند", StringComparison.Ordinal), StringComparison.Ordinal)..text.IndexOf("نتيجة التصويت", StringComparison.Ordinal)];
        Assert.DoesNotContain("موافق", recusedLine, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(Plain(text), Plain("تنحّى لتعارض المصالح")));
        // The absent member signs nothing.
        Assert.DoesNotContain("فهد القرني", text[text.IndexOf("توقيعات الأعضاء الحاضرين", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionMinutes_with_an_open_item_are_refused_and_consume_no_number()
    {
        var c = await CommitteeHarness.CreateAsync(factory);
        var sessionId = await SessionAsync(c, c.Chair, c.Secretary, c.Member);
        var (decided, decidedRequest) = await ItemAsync(c, sessionId);
        var (open, _) = await ItemAsync(c, sessionId);
        await VoteAsync(c, c.Chair, decided, VoteChoice.Approve, "مستحقة");
        await VoteAsync(c, c.Member, decided, VoteChoice.Approve, "مستحقة");
        await CloseAsync(c, decided, CommitteeDecision.Approve, "موافقة وفق التوصية", decidedRequest.ServiceId, null);

        var refused = await TryIssueAsync(c.Tenant, sessionId);

        Assert.False(refused.Succeeded);
        Assert.Equal("لا يصدر المحضر إلا بعد البتّ في جميع بنود جدول أعمال الجلسة أو تأجيلها؛ ولا يزال في الجلسة بند مفتوح.", Assert.Single(refused.Errors).Message);
        Assert.False(await factory.QueryAsync(c.Tenant.Id, db => db.Letters.AnyAsync()));

        // Once the last item is deferred the minutes are issued, under the year's first number.
        await VoteAsync(c, c.Chair, open, VoteChoice.Approve, "تحتاج استيضاحًا");
        await CloseAsync(c, open, CommitteeDecision.Defer, "التحقق من دخل الأسرة من الضمان الاجتماعي", null, null);
        var (letterId, pdf) = await IssueAsync(c.Tenant, sessionId);
        Assert.Equal("TST/1447/0001", await factory.QueryAsync(c.Tenant.Id, db => db.Letters.Where(l => l.Id == letterId).Select(l => l.Number).SingleAsync()));
        var text = await PdfText.ExtractAsync(pdf);
        InOrder(text, "الموافقة على الطلب", "موافقة وفق التوصية", "الدعم المعتمد", "المبلغ", "لم يُحدَّد",
            "تأجيل البتّ وإعادة الطلب إلى الباحث الاجتماعي", "استفسارات اللجنة", "التحقق من دخل الأسرة من الضمان الاجتماعي");
        // Present but silent on the deferred item: the secretary's line says so.
        InOrder(text, "البند", "2", "موظف", "لم يصوّت");
    }

    [Fact]
    public async Task SessionMinutes_are_issued_from_the_session_page_by_the_seated_secretary_only()
    {
        var c = await CommitteeHarness.CreateAsync(factory);
        var sessionId = await SessionAsync(c, c.Chair, c.Secretary, c.Member);
        var (item, request) = await ItemAsync(c, sessionId);
        await VoteAsync(c, c.Chair, item, VoteChoice.Approve, "مستحقة");
        await VoteAsync(c, c.Member, item, VoteChoice.Approve, "مستحقة");
        await CloseAsync(c, item, CommitteeDecision.Approve, "موافقة وفق التوصية", request.ServiceId, null);
        var url = $"/Committee/Sessions/Details/{sessionId}";

        using var secretary = await factory.SignInAsync(c.Secretary.Email);
        var issued = await secretary.SubmitFormAsync(url, "[data-testid=issue-letter-form]", new Dictionary<string, string>());

        Assert.Equal(System.Net.HttpStatusCode.Redirect, issued.StatusCode);
        var page = await secretary.GetDocumentAsync(issued.Headers.Location!.OriginalString);
        Assert.Equal("TST/1447/0001", page.QuerySelector("[data-testid=letter-number]")!.TextContent.Trim());
        var card = await secretary.GetDocumentAsync(url);
        Assert.Equal("TST/1447/0001", card.QuerySelector("[data-testid=letters-table] [data-testid=letter-number]")!.TextContent.Trim());
        // The minutes are addressed to no one: the verification page names the committee, not initials.
        Assert.Equal("لجنة البحث الاجتماعي", await factory.QueryAsync(c.Tenant.Id, db => db.Letters.Select(l => l.RecipientInitials).SingleAsync()));

        // A member reads the session but neither keeps its minutes nor reads the register.
        using var member = await factory.SignInAsync(c.Member.Email);
        Assert.Null((await member.GetDocumentAsync(url)).QuerySelector("[data-testid=letters-panel]"));
        await Forbidden.AssertAsync(await member.PostWithTokenAsync("/Letters/Issue", new Dictionary<string, string>
        {
            ["Kind"] = nameof(LetterKind.SessionMinutes), ["SubjectId"] = sessionId.ToString(), ["Language"] = "ar", ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        }));

        // Another association's secretary: not found, nothing issued.
        var other = await factory.CreateTenantAsync();
        using var intruder = await factory.SignInAsync(other.User(StaffRoles.CommitteeSecretary).Email);
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, c.Tenant.Id, "/Letters/Issue", db => db.Letters.CountAsync(), new Dictionary<string, string>
        {
            ["Kind"] = nameof(LetterKind.SessionMinutes), ["SubjectId"] = sessionId.ToString(), ["Language"] = "ar", ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });
    }

    [Fact]
    public async Task SessionMinutes_without_agenda_items_are_refused()
    {
        var c = await CommitteeHarness.CreateAsync(factory);
        var sessionId = await SessionAsync(c, c.Chair, c.Secretary, c.Member);

        var refused = await TryIssueAsync(c.Tenant, sessionId);

        Assert.Equal("لا يصدر المحضر إلا بعد إدراج بنود على جدول أعمال الجلسة والبتّ فيها جميعًا أو تأجيلها.", Assert.Single(refused.Errors).Message);
        Assert.False(await factory.QueryAsync(c.Tenant.Id, db => db.Letters.AnyAsync()));
    }

    [Fact]
    public async Task SessionMinutes_of_many_items_run_over_pages_numbered_page_x_of_y()
    {
        var c = await CommitteeHarness.CreateAsync(factory);
        var sessionId = await SessionAsync(c, c.Chair, c.Secretary, c.Member);
        for (var i = 0; i < 6; i++)
        {
            var (item, request) = await ItemAsync(c, sessionId);
            await VoteAsync(c, c.Chair, item, VoteChoice.Approve, "الأسرة مستحقة وفق تقرير البحث الاجتماعي والمستندات مكتملة");
            await VoteAsync(c, c.Secretary, item, VoteChoice.Approve, "أوافق على توصية الباحث الاجتماعي بعد الاطلاع على التقرير");
            await VoteAsync(c, c.Member, item, VoteChoice.Approve, "الحالة مستحقة");
            await CloseAsync(c, item, CommitteeDecision.Approve, "تعتمد اللجنة المساعدة وفق توصية الباحث على دفعتين", request.ServiceId, "1500");
        }

        var (_, pdf) = await IssueAsync(c.Tenant, sessionId);

        var file = PdfText.WriteTemp(pdf);
        int pages;
        try
        {
            var info = await PdfText.RunAsync("pdfinfo", file);
            pages = int.Parse(PagesLine().Match(info).Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }

        Assert.True(pages >= 2, $"{pages} page(s)");
        var text = await PdfText.ExtractAsync(pdf, layout: true);
        var total = pages.ToString(CultureInfo.InvariantCulture);
        for (var page = 1; page <= pages; page++)
        {
            // pdftotext sometimes reads a nearly empty page's footer right to left as a whole ("5 من 5 صفحة").
            Assert.Matches($"صفحة\\s*{page}\\s*من\\s*{total}|{page}\\s*من\\s*{total}\\s*صفحة", text);
        }

        // The signatures come after the last item, on the last page.
        var lastPage = text.Split('\f', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Contains("توقيعات الأعضاء الحاضرين", lastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionMinutes_preview_shows_the_sample_session_in_both_languages()
    {
        var tenant = await factory.CreateTenantAsync();

        var (ar, en) = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var register = sp.GetRequiredService<LetterRegister>();
            return (await register.PreviewAsync(LetterKind.SessionMinutes, "ar", CancellationToken.None),
                await register.PreviewAsync(LetterKind.SessionMinutes, "en", CancellationToken.None));
        });

        var arabic = await PdfText.ExtractAsync(ar);
        InOrder(arabic, "1448/03", "الموافقة على الطلب", "رفض الطلب", "تأجيل البتّ", "توقيعات الأعضاء الحاضرين");
        var english = await PdfText.ExtractAsync(en);
        InOrder(english, "1448/03", "Approval of the request", "Rejection of the request", "Deferral", "Signatures of the members present");
    }

    /// <summary>
    /// <see cref="PdfText.AssertInOrder"/> without Arabic diacritics or white space on either side: pdftotext moves a
    /// shadda before the letter it sits on (يصوّت comes out as يصّوت) and breaks some words (ريال as ر يال).
    /// </summary>
    private static void InOrder(string text, params string[] parts) => PdfText.AssertInOrder(Plain(text), [.. parts.Select(Plain)]);

    private static string Plain(string text) => Diacritics().Replace(text, "");

    private async Task NameAsync(TestTenant tenant, params (TestUser User, string Name)[] names) =>
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            foreach (var (user, name) in names)
            {
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.FullName, name));
            }
        });

    /// <summary>The secretary opens a session today and records <paramref name="present"/>.</summary>
    private async Task<Guid> SessionAsync(CommitteeHarness c, params TestUser[] present) =>
        await factory.InTenantAsync(c.Tenant.Id, async sp =>
        {
            var sessions = sp.GetRequiredService<CommitteeSessions>();
            var today = DualDate.Today(sp.GetRequiredService<TimeProvider>());
            var secretary = new Actor(c.Secretary.Id, [StaffRoles.CommitteeSecretary]);
            var created = await sessions.CreateAsync(new NewCommitteeSession(today, Place), secretary, CancellationToken.None);
            Succeeded(created);
            Succeeded(await sessions.RecordAttendanceAsync(created.Id!.Value, [.. present.Select(u => u.Id)], secretary, CancellationToken.None));
            return created.Id!.Value;
        });

    /// <summary>A new request in the committee's queue, put on the session's agenda.</summary>
    private async Task<(Guid ItemId, TestRequests.Arranged Request)> ItemAsync(CommitteeHarness c, Guid sessionId)
    {
        var request = await TestRequests.AwaitingCommitteeAsync(factory, c.Tenant);
        var itemId = await factory.InTenantAsync(c.Tenant.Id, async sp =>
        {
            var added = await sp.GetRequiredService<CommitteeSessions>().AddItemAsync(
                sessionId, request.RequestId, new Actor(c.Secretary.Id, [StaffRoles.CommitteeSecretary]), CancellationToken.None);
            Succeeded(added);
            return added.Id!.Value;
        });
        return (itemId, request);
    }

    private Task VoteAsync(CommitteeHarness c, TestUser member, Guid itemId, VoteChoice choice, string reason) =>
        factory.InTenantAsync(c.Tenant.Id, async sp =>
        {
            var voted = await sp.GetRequiredService<CommitteeVoting>().VoteAsync(itemId, choice, reason, new Actor(member.Id, [member.Role]), CancellationToken.None);
            Succeeded(voted.Result);
        });

    private Task CloseAsync(CommitteeHarness c, Guid itemId, CommitteeDecision decision, string reasons, Guid? serviceId, string? amount) =>
        factory.InTenantAsync(c.Tenant.Id, async sp =>
        {
            var version = await sp.GetRequiredService<AppDbContext>().AgendaItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync();
            var closed = await sp.GetRequiredService<CommitteeVoting>().CloseAsync(
                itemId, new CloseItem(decision, reasons, serviceId is { } id ? [id] : [], amount, version, ConfirmMissingVotes: true),
                new Actor(c.Chair.Id, [StaffRoles.CommitteeChair]), CancellationToken.None);
            Succeeded(closed);
        });

    private static void Succeeded(CommitteeResult result) =>
        Assert.True(result.Succeeded, result.Forbidden ? "forbidden" : string.Join("; ", result.Errors.Select(e => e.Message)));

    private Task<RequestResult> TryIssueAsync(TestTenant tenant, Guid sessionId) =>
        factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<LetterRegister>().IssueAsync(
            LetterKind.SessionMinutes, sessionId, "ar", Guid.NewGuid(), TestRequests.Actor(tenant, StaffRoles.CommitteeSecretary), CancellationToken.None));

    private async Task<(Guid Id, byte[] Pdf)> IssueAsync(TestTenant tenant, Guid sessionId)
    {
        var result = await TryIssueAsync(tenant, sessionId);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var pdf = await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<LetterQueries>().PdfAsync(result.Id!.Value, CancellationToken.None));
        return (result.Id!.Value, pdf!.Value.Content);
    }

    [GeneratedRegex("[\u064B-\u0652\\s]")]
    private static partial Regex Diacritics();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
