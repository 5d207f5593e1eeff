using System.Net;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Juthuruna.IntegrationTests.Committee.CommitteeHarness;

namespace Juthuruna.IntegrationTests.Committee;

[Collection(SharedApp.Files)]
public sealed class CommitteeTests(AppFactory factory)
{
    [Fact]
    public async Task Committee_full_path_three_votes_one_recusal_chair_approves_and_the_request_is_approved()
    {
        var c = await CreateAsync(factory);
        var (sessionId, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member, c.Member2);

        var session = await c.SecretaryClient.GetDocumentAsync($"/Committee/Sessions/Details/{sessionId}");
        Assert.Equal("1447/01", session.QuerySelector("[data-testid=session-number]")!.TextContent);
        var requestPage = await c.ChairClient.GetDocumentAsync($"/Requests/Details/{requestId}");
        Assert.EndsWith($"/Committee/Items/{itemId}", requestPage.QuerySelector("[data-testid=agenda-item-link]")!.GetAttribute("href"), StringComparison.Ordinal);

        await VotedAsync(c.ChairClient, itemId, VoteChoice.Approve, "الحالة مستحقة والبحث مكتمل");
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "أوافق على توصية الباحث");
        await VotedAsync(c.Member2Client, itemId, VoteChoice.Recuse, "المستفيدة من أقاربي");

        var recused = await c.Member2Client.GetDocumentAsync($"/Committee/Items/{itemId}");
        Assert.Null(recused.QuerySelector("[data-testid=tally]"));
        Assert.Empty(recused.QuerySelectorAll("[data-testid=vote]"));
        Assert.NotNull(recused.QuerySelector("[data-testid=recused-note]"));
        Assert.Contains("الزهراني", recused.QuerySelector("[data-testid=beneficiary-name]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(recused.QuerySelector("[data-testid=research-report]"));
        var chairView = await c.ChairClient.GetDocumentAsync($"/Committee/Items/{itemId}");
        Assert.Equal("موافقة 2 · رفض 0 · امتناع 0 · تنحٍّ 1", chairView.QuerySelector("[data-testid=tally-counts]")!.TextContent.Trim());
        Assert.Equal("True", chairView.QuerySelector("[data-testid=quorum]")!.GetAttribute("data-met"));
        Assert.Null((await c.MemberClient.GetDocumentAsync($"/Committee/Items/{itemId}")).QuerySelector(CloseForm));

        var closed = await CloseAsync(c.ChairClient, itemId, CommitteeDecision.Approve, "تعتمد اللجنة المساعدة وفق توصية الباحث");

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var request = await factory.QueryAsync(c.Tenant.Id, db => db.SupportRequests.SingleAsync(r => r.Id == requestId));
        Assert.Equal(RequestState.Approved, request.State);
        Assert.Equal(new DateOnly(2026, 2, 18), request.DecidedOn);
        var history = await factory.QueryAsync(c.Tenant.Id, db => db.RequestHistory.Where(h => h.RequestId == requestId && h.To == RequestState.Approved).ToListAsync());
        var row = Assert.Single(history);
        Assert.Equal("تعتمد اللجنة المساعدة وفق توصية الباحث", row.Note);
        Assert.Equal(c.Chair.Id, row.UserId);
        var item = await factory.QueryAsync(c.Tenant.Id, db => db.AgendaItems.SingleAsync(i => i.Id == itemId));
        Assert.Equal((AgendaItemStatus.Decided, CommitteeDecision.Approve), (item.Status, item.Decision));
        Assert.Equal((2, 0, 0, 1), (item.VotesApprove, item.VotesReject, item.Abstentions, item.Recusals));
        Assert.Equal(CommitteeSeats.NoApprovedPolicies, item.PolicyVersions);
        Assert.Equal(c.Chair.Id, item.DecidedBy);
        Assert.Equal([request.ServiceId], item.ApprovedServiceIds);
        Assert.Equal(300_000, item.ApprovedAmountHalalas);
        var recusedAfter = await c.Member2Client.GetDocumentAsync($"/Committee/Items/{itemId}");
        Assert.Null(recusedAfter.QuerySelector("[data-testid=decision-tally]"));
        Assert.NotNull(recusedAfter.QuerySelector("[data-testid=decision]"));

        // Every item decided: the secretary closes the session.
        var closeSession = await c.SecretaryClient.SubmitFormAsync($"/Committee/Sessions/Details/{sessionId}", "form[data-testid=close-session-form]", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, closeSession.StatusCode);
        Assert.Equal(SessionStatus.Closed, await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeSessions.Where(s => s.Id == sessionId).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Committee_request_withdrawn_while_on_the_agenda_leaves_it_and_the_session_can_close()
    {
        var c = await CreateAsync(factory);
        var (sessionId, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "أوافق");
        var officer = await factory.SignInAsync(c.Tenant.User(StaffRoles.RelationsOfficer).Email);

        var withdrawn = await officer.SubmitFormAsync($"/Requests/Details/{requestId}", "form[action*='handler=Transition']",
            new Dictionary<string, string> { ["Action.Note"] = "تنازلت المستفيدة عن الطلب هاتفيًا" }, submitName: "Action.Trigger", submitValue: nameof(RequestTrigger.Withdraw));

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.False(await factory.QueryAsync(c.Tenant.Id, db => db.AgendaItems.AnyAsync(i => i.Id == itemId)));
        Assert.False(await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeVotes.AnyAsync(v => v.AgendaItemId == itemId)));
        await c.ChairClient.GetDocumentAsync($"/Committee/Items/{itemId}", HttpStatusCode.NotFound);
        var closeSession = await c.SecretaryClient.SubmitFormAsync($"/Committee/Sessions/Details/{sessionId}", "form[data-testid=close-session-form]", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, closeSession.StatusCode);
    }

    [Fact]
    public async Task Committee_decision_records_the_approved_policy_versions_in_force_when_decided()
    {
        var c = await CreateAsync(factory);
        await TestPolicies.ApprovedAsync(factory, c.Tenant, "سياسة علاقات المستفيدين", Juthuruna.Features.Policies.PolicyKind.BeneficiaryRelationsPolicy,
            "# السياسة", "5", Juthuruna.Common.Dates.DualDate.FromHijri(1447, 7, 3));
        await TestPolicies.ApprovedAsync(factory, c.Tenant, "دليل سياسة الدعم", Juthuruna.Features.Policies.PolicyKind.SupportPolicyGuide,
            "# الدليل", "4", Juthuruna.Common.Dates.DualDate.FromHijri(1447, 5, 15));
        // A draft is not in force: it is not cited.
        await TestPolicies.DraftAsync(factory, c.Tenant, "مسودة لائحة", "# مسودة");
        var (_, itemId, _) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member, c.Member2);
        await VotedAsync(c.ChairClient, itemId, VoteChoice.Approve, "مستحقة");
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "مستحقة");

        Assert.Equal(HttpStatusCode.Redirect, (await CloseAsync(c.ChairClient, itemId, CommitteeDecision.Approve, "تعتمد اللجنة المساعدة")).StatusCode);

        var recorded = await factory.QueryAsync(c.Tenant.Id, db => db.AgendaItems.Where(i => i.Id == itemId).Select(i => i.PolicyVersions).SingleAsync());
        Assert.Equal("دليل سياسة الدعم: الإصدار 1 (جلسة المجلس 4، 15/5/1447 هـ)؛ سياسة علاقات المستفيدين: الإصدار 1 (جلسة المجلس 5، 3/7/1447 هـ)", recorded);
        var page = await c.ChairClient.GetDocumentAsync($"/Committee/Items/{itemId}");
        Assert.Contains("سياسة علاقات المستفيدين: الإصدار 1", page.QuerySelector("[data-testid=policy-versions]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committee_item_shows_the_submitted_report_with_its_attachments_to_members()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Member);
        var fileId = await factory.InTenantAsync(c.Tenant.Id, async sp =>
        {
            var reportId = await sp.GetRequiredService<Juthuruna.Data.AppDbContext>().ResearchReports.Where(r => r.RequestId == requestId).Select(r => r.Id).SingleAsync();
            using var scan = new MemoryStream([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A]);
            var saved = await sp.GetRequiredService<Juthuruna.Features.Files.FileStorage>()
                .SaveAsync(new Juthuruna.Features.Files.IncomingFile(scan, "صور-الزيارة.pdf"), ResearchReport.FileOwnerKind, reportId, "صور الزيارة المنزلية", CancellationToken.None);
            return saved.File!.Id;
        });

        var page = await c.MemberClient.GetDocumentAsync($"/Committee/Items/{itemId}");

        var attachment = page.QuerySelector("[data-testid=research-report] [data-testid=report-attachment]")!;
        Assert.Equal($"/Files/Download/{fileId}", attachment.GetAttribute("href"));
        Assert.Contains("صور-الزيارة.pdf", attachment.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committee_home_lists_upcoming_sessions_nearest_first_then_past_ones_latest_first_with_their_item_counts()
    {
        var c = await CreateAsync(factory);
        var past = await c.CreateSessionAsync("2026-02-10");
        var (today, _, _) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary);
        var later = await c.CreateSessionAsync("2026-02-25");
        var yesterday = await c.CreateSessionAsync("2026-02-17");

        var page = await c.MemberClient.GetDocumentAsync("/Committee");

        var sessions = page.QuerySelectorAll("[data-testid=session]").ToList();
        Assert.Equal([today, later, yesterday, past], sessions.Select(e => Guid.Parse(e.GetAttribute("data-session-id")!)));
        Assert.Equal(("1", "1"), (sessions[0].GetAttribute("data-items"), sessions[0].GetAttribute("data-open-items")));
        Assert.All(sessions.Skip(1), e => Assert.Equal(("0", "0"), (e.GetAttribute("data-items"), e.GetAttribute("data-open-items"))));
    }

    [Fact]
    public async Task Committee_home_lists_the_queue_nearest_due_first_with_days_left()
    {
        var c = await CreateAsync(factory);
        var first = await TestRequests.AwaitingCommitteeAsync(factory, c.Tenant);
        var second = await TestRequests.AwaitingCommitteeAsync(factory, c.Tenant);
        await factory.InTenantAsync(c.Tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<Juthuruna.Data.AppDbContext>();
            (await db.SupportRequests.SingleAsync(r => r.Id == first.RequestId)).DecisionDueOn = new DateOnly(2026, 3, 1);
            (await db.SupportRequests.SingleAsync(r => r.Id == second.RequestId)).DecisionDueOn = new DateOnly(2026, 2, 20);
            await db.SaveChangesAsync();
        });

        var page = await c.MemberClient.GetDocumentAsync("/Committee");

        var queue = page.QuerySelectorAll("[data-testid=queue-item]").Select(e => Guid.Parse(e.GetAttribute("data-request-id")!)).ToList();
        Assert.Equal([second.RequestId, first.RequestId], queue);
        Assert.Equal("بقي يومان", page.QuerySelector("[data-testid=days-left]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=create-session]"));
        Assert.NotNull((await c.SecretaryClient.GetDocumentAsync("/Committee")).QuerySelector("[data-testid=create-session]"));
        Assert.NotNull(page.QuerySelector("[data-testid=nav-committee]"));
    }

    [Fact]
    public async Task Close_without_quorum_is_refused_with_a_message_and_nothing_changes()
    {
        var c = await CreateAsync(factory);
        // Three of four present (quorum 3), but one recuses: two eligible.
        var (_, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Member, c.Member2);
        await VotedAsync(c.ChairClient, itemId, VoteChoice.Approve, "مستحقة");
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "مستحقة");
        await VotedAsync(c.Member2Client, itemId, VoteChoice.Recuse, "قريبة لي");

        var response = await CloseAsync(c.ChairClient, itemId, CommitteeDecision.Approve, "موافقة");

        Assert.Contains("النصاب غير مكتمل: الحاضرون غير المتنحين 2، والمطلوب 3.", (await StaffClient.ParseAsync(response)).QuerySelector("[data-valmsg-for='Close.Decision']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestState.AwaitingCommittee, await StateAsync(c, requestId));
        Assert.Equal(AgendaItemStatus.Open, await factory.QueryAsync(c.Tenant.Id, db => db.AgendaItems.Where(i => i.Id == itemId).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Close_on_a_tie_follows_the_chairs_vote()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member, c.Member2);
        await VotedAsync(c.ChairClient, itemId, VoteChoice.Reject, "الدخل يتجاوز حد الاستحقاق");
        await VotedAsync(c.SecretaryClient, itemId, VoteChoice.Approve, "الأسرة كبيرة");
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "الإيجار متأخر");
        await VotedAsync(c.Member2Client, itemId, VoteChoice.Reject, "لا تنطبق الشروط");

        var approve = await CloseAsync(c.ChairClient, itemId, CommitteeDecision.Approve, "موافقة");
        Assert.Contains("نتيجة التصويت لا تؤدي إلى هذا القرار", (await StaffClient.ParseAsync(approve)).QuerySelector("[data-valmsg-for='Close.Decision']")!.TextContent, StringComparison.Ordinal);

        var reject = await CloseAsync(c.ChairClient, itemId, CommitteeDecision.Reject, "ترجيح رئيس اللجنة: الدخل يتجاوز الحد");

        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        Assert.Equal(RequestState.Rejected, await StateAsync(c, requestId));
        var item = await factory.QueryAsync(c.Tenant.Id, db => db.AgendaItems.SingleAsync(i => i.Id == itemId));
        Assert.Equal((2, 2), (item.VotesApprove, item.VotesReject));
    }

    [Fact]
    public async Task Close_on_a_tie_with_the_chair_abstaining_allows_only_a_deferral_back_to_research_with_the_questions()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member, c.Member2);
        await VotedAsync(c.ChairClient, itemId, VoteChoice.Abstain, "أحتاج معلومات أكثر");
        await VotedAsync(c.SecretaryClient, itemId, VoteChoice.Abstain, "أحتاج معلومات أكثر");
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "مستحقة");
        await VotedAsync(c.Member2Client, itemId, VoteChoice.Reject, "غير مستحقة");

        foreach (var decision in new[] { CommitteeDecision.Approve, CommitteeDecision.Reject })
        {
            var refused = await CloseAsync(c.ChairClient, itemId, decision, "قرار");
            Assert.Contains("لا تملك اللجنة إلا التأجيل", (await StaffClient.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Close.Decision']")!.TextContent, StringComparison.Ordinal);
        }

        var deferred = await CloseAsync(c.ChairClient, itemId, CommitteeDecision.Defer, "ما مصدر دخل الابن الأكبر؟ وهل عقد الإيجار موثق؟");

        Assert.Equal(HttpStatusCode.Redirect, deferred.StatusCode);
        Assert.Equal(RequestState.UnderResearch, await StateAsync(c, requestId));
        var history = await factory.QueryAsync(c.Tenant.Id, db => db.RequestHistory.Where(h => h.RequestId == requestId).OrderBy(h => h.AtUtc).ThenBy(h => h.Id).ToListAsync());
        var last = history[^1];
        Assert.Equal((RequestState.AwaitingCommittee, RequestState.UnderResearch, RequestTrigger.Defer), (last.From, last.To, last.Trigger));
        Assert.Equal("ما مصدر دخل الابن الأكبر؟ وهل عقد الإيجار موثق؟", last.Note);
        Assert.Null(await factory.QueryAsync(c.Tenant.Id, db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.DecidedOn).SingleAsync()));
    }

    [Fact]
    public async Task Vote_posted_twice_keeps_one_row_and_says_it_was_recorded()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, _) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        var form = await FormAsync(c.MemberClient, $"/Committee/Items/{itemId}", VoteForm);
        var fields = new Dictionary<string, string> { ["Vote.Choice"] = nameof(VoteChoice.Approve), ["Vote.Reason"] = "مستحقة" };

        var first = await c.MemberClient.SubmitAsync(form, $"/Committee/Items/{itemId}", fields);
        var second = await c.MemberClient.SubmitAsync(form, $"/Committee/Items/{itemId}", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("صوتك مسجل مسبقًا", await ErrorAsync(second), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeVotes.CountAsync(v => v.AgendaItemId == itemId)));
    }

    [Fact]
    public async Task Vote_double_click_at_once_keeps_one_row()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, _) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        var form = await FormAsync(c.MemberClient, $"/Committee/Items/{itemId}", VoteForm);
        var fields = new Dictionary<string, string> { ["Vote.Choice"] = nameof(VoteChoice.Reject), ["Vote.Reason"] = "غير مستحقة" };

        var responses = await Task.WhenAll(
            c.MemberClient.SubmitAsync(form, $"/Committee/Items/{itemId}", fields),
            c.MemberClient.SubmitAsync(form, $"/Committee/Items/{itemId}", fields));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Contains("صوتك مسجل مسبقًا", await ErrorAsync(responses.Single(r => r.StatusCode != HttpStatusCode.Redirect)), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeVotes.CountAsync(v => v.AgendaItemId == itemId)));
    }

    [Fact]
    public async Task Vote_changed_before_close_updates_the_same_row()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, _) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "مستحقة");
        var before = await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeVotes.SingleAsync(v => v.AgendaItemId == itemId));

        await VotedAsync(c.MemberClient, itemId, VoteChoice.Reject, "تبيّن أن لديها دخلًا آخر");

        var after = await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeVotes.SingleAsync(v => v.AgendaItemId == itemId));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal((VoteChoice.Reject, "تبيّن أن لديها دخلًا آخر"), (after.Choice, after.Reason));
        var page = await c.MemberClient.GetDocumentAsync($"/Committee/Items/{itemId}");
        Assert.Equal("Reject", page.QuerySelector("[data-testid=vote]")!.GetAttribute("data-choice"));
    }

    [Fact]
    public async Task Vote_without_a_reason_is_refused_beside_the_field()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, _) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);

        var response = await VoteAsync(c.MemberClient, itemId, VoteChoice.Recuse, " ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("اذكر بيان تعارض المصالح", (await StaffClient.ParseAsync(response)).QuerySelector("[data-valmsg-for='Vote.Reason']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeVotes.CountAsync()));
    }

    [Fact]
    public async Task Vote_on_a_closed_item_is_refused_and_nothing_changes()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, _) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        await VotedAsync(c.ChairClient, itemId, VoteChoice.Approve, "مستحقة");
        await VotedAsync(c.SecretaryClient, itemId, VoteChoice.Approve, "مستحقة");
        var staleForm = await FormAsync(c.MemberClient, $"/Committee/Items/{itemId}", VoteForm);
        Assert.Equal(HttpStatusCode.Redirect, (await CloseAsync(c.ChairClient, itemId, CommitteeDecision.Approve, "موافقة")).StatusCode);

        var response = await c.MemberClient.SubmitAsync(staleForm, $"/Committee/Items/{itemId}",
            new Dictionary<string, string> { ["Vote.Choice"] = nameof(VoteChoice.Reject), ["Vote.Reason"] = "متأخر" });

        Assert.Contains("هذا البند مغلق", await ErrorAsync(response), StringComparison.Ordinal);
        Assert.Equal(2, await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeVotes.CountAsync(v => v.AgendaItemId == itemId)));
    }

    [Fact]
    public async Task Vote_by_a_signed_in_user_without_a_seat_is_forbidden()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, _) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        using var manager = await factory.SignInAsync(c.Tenant.User(StaffRoles.Manager).Email);

        var page = await manager.GetDocumentAsync($"/Committee/Items/{itemId}");
        Assert.Null(page.QuerySelector(VoteForm));
        Assert.NotNull(page.QuerySelector("[data-testid=tally]"));
        var response = await manager.PostWithTokenAsync($"/Committee/Items/{itemId}?handler=Vote",
            new Dictionary<string, string> { ["Vote.Choice"] = nameof(VoteChoice.Approve), ["Vote.Reason"] = "أوافق" });

        await Forbidden.AssertAsync(response);
        Assert.Equal(0, await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeVotes.CountAsync()));
        using var officer = await factory.SignInAsync(c.Tenant.User(StaffRoles.RelationsOfficer).Email);
        await Forbidden.AssertAsync(await officer.Http.GetAsync($"/Committee/Items/{itemId}"));
        await Forbidden.AssertAsync(await officer.Http.GetAsync("/Committee"));
    }

    [Fact]
    public async Task Close_by_a_member_who_is_not_the_chair_is_forbidden()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        await VotedAsync(c.ChairClient, itemId, VoteChoice.Approve, "مستحقة");
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "مستحقة");
        var version = await factory.QueryAsync(c.Tenant.Id, db => db.AgendaItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync());

        var response = await c.SecretaryClient.PostWithTokenAsync($"/Committee/Items/{itemId}?handler=Close", new Dictionary<string, string>
        {
            ["Close.Decision"] = nameof(CommitteeDecision.Approve),
            ["Close.Reasons"] = "موافقة",
            ["Close.Version"] = version.ToString(),
        });

        await Forbidden.AssertAsync(response);
        Assert.Equal(RequestState.AwaitingCommittee, await StateAsync(c, requestId));
    }

    [Fact]
    public async Task Close_by_two_chairs_at_once_has_exactly_one_effect()
    {
        var c = await CreateAsync(factory);
        var viceChair = await ExtraUserAsync(factory, c.Tenant, "vicechair", StaffRoles.CommitteeChair);
        await SeatAsync(c.Admin, viceChair.Id, CommitteeRole.Chair);
        using var viceClient = await factory.SignInAsync(viceChair.Email);
        var (_, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, viceChair, c.Secretary, c.Member);
        await VotedAsync(c.ChairClient, itemId, VoteChoice.Approve, "مستحقة");
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "مستحقة");
        var fields = new Dictionary<string, string> { ["Close.Decision"] = nameof(CommitteeDecision.Approve), ["Close.Reasons"] = "موافقة اللجنة", ["Close.ConfirmMissingVotes"] = "true" };
        var chairForm = await FormAsync(c.ChairClient, $"/Committee/Items/{itemId}", CloseForm);
        var viceForm = await FormAsync(viceClient, $"/Committee/Items/{itemId}", CloseForm);

        var responses = await Task.WhenAll(
            c.ChairClient.SubmitAsync(chairForm, $"/Committee/Items/{itemId}", fields),
            viceClient.SubmitAsync(viceForm, $"/Committee/Items/{itemId}", fields),
            c.ChairClient.SubmitAsync(chairForm, $"/Committee/Items/{itemId}", fields));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Contains("سبق إغلاق هذا البند", await ErrorAsync(refused), StringComparison.Ordinal);
        }

        Assert.Equal(RequestState.Approved, await StateAsync(c, requestId));
        Assert.Equal(1, await factory.QueryAsync(c.Tenant.Id, db => db.RequestHistory.CountAsync(h => h.RequestId == requestId && h.To == RequestState.Approved)));
    }

    [Fact]
    public async Task Close_from_a_page_shown_before_a_new_vote_is_refused_until_reviewed()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        await VotedAsync(c.ChairClient, itemId, VoteChoice.Approve, "مستحقة");
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "مستحقة");
        var staleClose = await FormAsync(c.ChairClient, $"/Committee/Items/{itemId}", CloseForm);
        await VotedAsync(c.SecretaryClient, itemId, VoteChoice.Reject, "غير مستحقة");

        var response = await c.ChairClient.SubmitAsync(staleClose, $"/Committee/Items/{itemId}",
            new Dictionary<string, string> { ["Close.Decision"] = nameof(CommitteeDecision.Approve), ["Close.Reasons"] = "موافقة" });

        Assert.Contains("تغيّرت الأصوات على هذا البند", await ErrorAsync(response), StringComparison.Ordinal);
        Assert.Equal(RequestState.AwaitingCommittee, await StateAsync(c, requestId));
    }

    [Fact]
    public async Task Agenda_offers_only_queued_requests_not_already_on_an_open_item_and_removes_an_item_without_votes()
    {
        var c = await CreateAsync(factory);
        var (sessionId, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        var other = await c.CreateSessionAsync();

        var page = await c.SecretaryClient.GetDocumentAsync($"/Committee/Sessions/Details/{other}");
        Assert.Null(page.QuerySelector("form[data-testid=add-item-form]"));
        var again = await c.SecretaryClient.PostWithTokenAsync($"/Committee/Sessions/Details/{other}?handler=AddItem", new Dictionary<string, string> { ["RequestId"] = requestId.ToString() });
        Assert.Contains("هذا الطلب مدرج في جدول أعمال بالفعل", (await StaffClient.ParseAsync(again)).QuerySelector("[data-valmsg-for=RequestId]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1447/02", (await c.SecretaryClient.GetDocumentAsync($"/Committee/Sessions/Details/{other}")).QuerySelector("[data-testid=session-number]")!.TextContent);

        var removed = await c.SecretaryClient.SubmitFormAsync($"/Committee/Sessions/Details/{sessionId}", "form[data-testid=remove-item-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await factory.QueryAsync(c.Tenant.Id, db => db.AgendaItems.AnyAsync(i => i.Id == itemId)));
        var queue = await c.SecretaryClient.GetDocumentAsync("/Committee");
        Assert.NotNull(queue.QuerySelector($"[data-testid=queue-item][data-request-id='{requestId}']"));
    }

    [Fact]
    public async Task Session_create_by_a_member_without_the_secretary_or_chair_seat_is_forbidden()
    {
        var c = await CreateAsync(factory);

        await Forbidden.AssertAsync(await c.MemberClient.Http.GetAsync("/Committee/Sessions/Create"));
        var response = await c.MemberClient.PostWithTokenAsync("/Committee/Sessions/Create", new Dictionary<string, string> { ["Input.HeldOn"] = "1447-08-30", ["Input.Place"] = "القاعة" });

        await Forbidden.AssertAsync(response);
        Assert.Equal(0, await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeSessions.CountAsync()));
    }

    private Task<RequestState> StateAsync(CommitteeHarness c, Guid requestId) =>
        factory.QueryAsync(c.Tenant.Id, db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.State).SingleAsync());
}
