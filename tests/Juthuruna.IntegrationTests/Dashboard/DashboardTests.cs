using AngleSharp.Dom;
using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Research;
using Juthuruna.Features.Staff;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Committee;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Dashboard;

/// <summary>The home dashboard's "my work today": what waits for the signed-in researcher or committee member by name.</summary>
[Collection(SharedApp.Files)]
public sealed class DashboardTests(AppFactory factory)
{
    private static List<string> RequestIds(IDocument page, string testId) =>
        page.QuerySelectorAll($"[data-testid={testId}]").Select(e => e.GetAttribute("data-request-id")!).ToList();

    private static List<string> ItemIds(IDocument page) =>
        page.QuerySelectorAll("[data-testid=awaiting-vote-item]").Select(e => e.GetAttribute("data-item-id")!).ToList();

    private async Task<TestUser> AddResearcherAsync(TestTenant tenant)
    {
        var email = $"researcher2-{Guid.NewGuid():N}@{tenant.Slug}.test";
        var id = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var (result, userId) = await sp.GetRequiredService<StaffAccounts>().CreateAsync(
                new NewStaffUser("نورة الباحثة", email, AppFactory.Password, [StaffRoles.SocialResearcher], null), CancellationToken.None);
            Assert.True(result.Succeeded);
            return userId!.Value;
        });
        return new TestUser(id, email, StaffRoles.SocialResearcher);
    }

    /// <summary>A verified request assigned by the desk to <paramref name="researcherId"/>.</summary>
    private async Task<Guid> AssignedToAsync(TestTenant tenant, Guid researcherId)
    {
        var arranged = await TestRequests.VerifiedAsync(factory, tenant);
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var version = await sp.GetRequiredService<AppDbContext>().SupportRequests.Where(r => r.Id == arranged.RequestId).Select(r => r.Version).SingleAsync();
            var assigned = await sp.GetRequiredService<ResearchCommands>().AssignResearcherAsync(
                arranged.RequestId, researcherId, version, TestRequests.Actor(tenant, StaffRoles.RelationsOfficer), CancellationToken.None);
            Assert.True(assigned.Succeeded);
        });
        return arranged.RequestId;
    }

    private Task SetDueAsync(TestTenant tenant, Guid requestId, DateOnly due) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.SupportRequests.SingleAsync(r => r.Id == requestId)).DecisionDueOn = due;
            await db.SaveChangesAsync();
        });

    /// <summary>The committee defers a request awaiting it with questions: a decided item written directly, then the Defer transition.</summary>
    private Task DeferAsync(TestTenant tenant, Guid requestId, string questions) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var chair = tenant.User(StaffRoles.CommitteeChair).Id;
            var session = new CommitteeSession
            {
                Number = CommitteeSession.FormatNumber(1447, 90), HijriYear = 1447, HeldOn = DateOnly.FromDateTime(now),
                Place = "مقر الجمعية", CreatedBy = chair, CreatedAtUtc = now,
            };
            db.CommitteeSessions.Add(session);
            db.AgendaItems.Add(new AgendaItem
            {
                SessionId = session.Id, RequestId = requestId, Position = 1, Status = AgendaItemStatus.Decided,
                Decision = CommitteeDecision.Defer, Reasons = questions, DecidedBy = chair, DecidedAtUtc = now,
            });
            await db.SaveChangesAsync();
            await TestRequests.ApplyDecisionAsync(sp, requestId, CommitteeDecision.Defer, questions, TestRequests.Actor(tenant, StaffRoles.CommitteeChair));
        });

    [Fact]
    public async Task Researcher_dashboard_lists_only_requests_assigned_to_them_nearest_due_first()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        var researcher = tenant.User(StaffRoles.SocialResearcher);
        var colleague = await AddResearcherAsync(tenant);
        var later = await AssignedToAsync(tenant, researcher.Id);
        var sooner = await AssignedToAsync(tenant, researcher.Id);
        await SetDueAsync(tenant, later, new DateOnly(2026, 3, 10));
        await SetDueAsync(tenant, sooner, new DateOnly(2026, 2, 20));
        var colleagues = await AssignedToAsync(tenant, colleague.Id);
        var submitted = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        var otherTenants = await TestRequests.UnderResearchAsync(factory, other);
        using var client = await factory.SignInAsync(researcher.Email);

        var page = await client.GetDocumentAsync("/");

        Assert.Equal([sooner.ToString(), later.ToString()], RequestIds(page, "assigned-item"));
        Assert.Equal("2", page.QuerySelector("[data-testid=assigned-count]")!.TextContent.Trim());
        var first = page.QuerySelector($"[data-testid=assigned-item][data-request-id='{sooner}']")!;
        Assert.Equal($"/Requests/Details/{sooner}", first.QuerySelector("[data-testid=request-link]")!.GetAttribute("href"));
        Assert.Contains("الزهراني", first.QuerySelector("[data-testid=beneficiary-name]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-02-20", first.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("text-bg-warning", first.QuerySelector("[data-testid=days-left]")!.ClassName, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("[data-testid=no-report]"));
        Assert.DoesNotContain(colleagues.ToString(), page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(submitted.RequestId.ToString(), page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(otherTenants.RequestId.ToString(), page.DocumentElement.OuterHtml, StringComparison.Ordinal);

        using var colleagueClient = await factory.SignInAsync(colleague.Email);
        Assert.Equal([colleagues.ToString()], RequestIds(await colleagueClient.GetDocumentAsync("/"), "assigned-item"));
    }

    [Fact]
    public async Task Researcher_dashboard_shows_a_saved_draft_and_the_committees_questions_after_a_deferral()
    {
        var tenant = await factory.CreateTenantAsync();
        var researcher = tenant.User(StaffRoles.SocialResearcher);
        var drafted = await TestRequests.UnderResearchAsync(factory, tenant);
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var saved = await sp.GetRequiredService<ResearchCommands>().SaveReportAsync(
                drafted.RequestId, null,
                new ResearchReportInput(VisitType.PhoneCall, new DateOnly(2026, 2, 17), "أسرة من ستة أفراد", "لم تكتمل الزيارة بعد", "مساعدة في الإيجار",
                    ResearchRecommendation.Approve, [drafted.ServiceId], "3000"),
                TestRequests.Actor(tenant, StaffRoles.SocialResearcher), CancellationToken.None);
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
        });
        var deferred = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        await DeferAsync(tenant, deferred.RequestId, "ما مصدر دخل الابن الأكبر؟");
        using var client = await factory.SignInAsync(researcher.Email);

        var page = await client.GetDocumentAsync("/");

        var draftRow = page.QuerySelector($"[data-testid=assigned-item][data-request-id='{drafted.RequestId}']")!;
        Assert.NotNull(draftRow.QuerySelector("[data-testid=draft-report]"));
        Assert.Null(draftRow.QuerySelector("[data-testid=deferred]"));
        var deferredRow = page.QuerySelector($"[data-testid=assigned-item][data-request-id='{deferred.RequestId}']")!;
        Assert.NotNull(deferredRow.QuerySelector("[data-testid=deferred]"));
        Assert.Contains("ما مصدر دخل الابن الأكبر؟", deferredRow.QuerySelector("[data-testid=committee-questions]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(deferredRow.QuerySelector("[data-testid=no-report]"));
    }

    [Fact]
    public async Task Researcher_dashboard_lists_open_referrals_addressed_to_them_until_answered()
    {
        var tenant = await factory.CreateTenantAsync();
        var researcher = tenant.User(StaffRoles.SocialResearcher);
        var colleague = await AddResearcherAsync(tenant);
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        var referralId = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var requests = sp.GetRequiredService<RequestCommands>();
            var officer = TestRequests.Actor(tenant, StaffRoles.RelationsOfficer);
            Assert.True((await requests.ReferAsync(request.RequestId, researcher.Id, "هل الأسرة مسجلة في الضمان؟", officer, CancellationToken.None)).Succeeded);
            Assert.True((await requests.ReferAsync(request.RequestId, colleague.Id, "سؤال لزميلة أخرى", officer, CancellationToken.None)).Succeeded);
            return await sp.GetRequiredService<AppDbContext>().Referrals.Where(f => f.ResearcherId == researcher.Id).Select(f => f.Id).SingleAsync();
        });
        using var client = await factory.SignInAsync(researcher.Email);

        var page = await client.GetDocumentAsync("/");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=referral-item]"));
        Assert.Equal($"/Requests/Details/{request.RequestId}", row.QuerySelector("[data-testid=request-link]")!.GetAttribute("href"));
        Assert.Equal("هل الأسرة مسجلة في الضمان؟", row.QuerySelector("[data-testid=referral-question]")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("[data-testid=referrals-count]")!.TextContent.Trim());

        await factory.InTenantAsync(tenant.Id, async sp =>
            Assert.True((await sp.GetRequiredService<RequestCommands>().AnswerReferralAsync(
                request.RequestId, referralId, "نعم، مسجلة منذ ١٤٤٥", TestRequests.Actor(tenant, StaffRoles.SocialResearcher), CancellationToken.None)).Succeeded));
        var answered = await client.GetDocumentAsync("/");
        Assert.Empty(answered.QuerySelectorAll("[data-testid=referral-item]"));
        Assert.NotNull(answered.QuerySelector("[data-testid=referrals-empty]"));
    }

    [Fact]
    public async Task Member_dashboard_shows_an_item_awaiting_their_vote_until_they_vote()
    {
        var c = await CommitteeHarness.CreateAsync(factory);
        var (_, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member, c.Member2);

        var before = await c.MemberClient.GetDocumentAsync("/");

        Assert.Equal([itemId.ToString()], ItemIds(before));
        var row = before.QuerySelector("[data-testid=awaiting-vote-item]")!;
        Assert.Equal($"/Committee/Items/{itemId}", row.QuerySelector("[data-testid=item-link]")!.GetAttribute("href"));
        Assert.Contains("1447/01", row.QuerySelector("[data-testid=item-link]")!.TextContent, StringComparison.Ordinal);
        var number = await factory.QueryAsync(c.Tenant.Id, db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.Number).SingleAsync());
        Assert.Equal(number, row.QuerySelector("[data-testid=request-number]")!.TextContent.Trim());
        Assert.Contains("الزهراني", row.QuerySelector("[data-testid=beneficiary-name]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("[data-testid=days-left]"));
        Assert.Null(row.QuerySelector("[data-testid=not-yet-present]"));
        Assert.Null(before.QuerySelector("[data-testid=committee-queue]"));

        await CommitteeHarness.VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "أوافق على توصية الباحث");
        await CommitteeHarness.VotedAsync(c.Member2Client, itemId, VoteChoice.Recuse, "المستفيدة من أقاربي");

        var after = await c.MemberClient.GetDocumentAsync("/");
        Assert.Empty(ItemIds(after));
        Assert.NotNull(after.QuerySelector("[data-testid=awaiting-vote-empty]"));
        Assert.Empty(ItemIds(await c.Member2Client.GetDocumentAsync("/")));
        Assert.Equal([itemId.ToString()], ItemIds(await c.ChairClient.GetDocumentAsync("/")));
    }

    [Fact]
    public async Task Member_dashboard_shows_an_upcoming_session_before_attendance_but_not_a_past_one_they_missed()
    {
        var c = await CommitteeHarness.CreateAsync(factory);
        var (_, upcomingItem, _) = await c.SessionWithItemOnAsync(factory, "2026-02-25", c.Chair, c.Secretary);
        var (pastSession, pastItem, _) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member2);
        await factory.InTenantAsync(c.Tenant.Id, async sp =>
        {
            // Held yesterday and still open; every seat dates back far enough to have sat on it.
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.CommitteeSessions.SingleAsync(s => s.Id == pastSession)).HeldOn = new DateOnly(2026, 2, 17);
            foreach (var seat in await db.CommitteeMembers.ToListAsync())
            {
                seat.ActiveFrom = new DateOnly(2026, 1, 1);
            }

            await db.SaveChangesAsync();
        });

        var member = await c.MemberClient.GetDocumentAsync("/");
        var member2 = await c.Member2Client.GetDocumentAsync("/");

        Assert.Equal([upcomingItem.ToString()], ItemIds(member));
        Assert.NotNull(member.QuerySelector("[data-testid=awaiting-vote-item] [data-testid=not-yet-present]"));
        Assert.Equal([pastItem.ToString(), upcomingItem.ToString()], ItemIds(member2));
    }

    [Fact]
    public async Task Secretary_dashboard_counts_the_queue_not_yet_on_an_agenda_and_links_to_the_committee()
    {
        var c = await CommitteeHarness.CreateAsync(factory);
        await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        await TestRequests.AwaitingCommitteeAsync(factory, c.Tenant);
        await TestRequests.AwaitingCommitteeAsync(factory, c.Tenant);

        var secretary = await c.SecretaryClient.GetDocumentAsync("/");
        var chair = await c.ChairClient.GetDocumentAsync("/");

        Assert.Equal("طلبان بانتظار اللجنة لم يُدرجا في جدول أعمال بعد", secretary.QuerySelector("[data-testid=queue-count]")!.TextContent.Trim());
        Assert.Equal("/Committee", secretary.QuerySelector("[data-testid=committee-link]")!.GetAttribute("href"));
        Assert.Equal("2", chair.QuerySelector("[data-testid=queue-count]")!.GetAttribute("data-count"));
        Assert.Single(ItemIds(secretary));
    }

    [Fact]
    public async Task Member_dashboard_never_shows_another_associations_items()
    {
        var mine = await CommitteeHarness.CreateAsync(factory);
        var theirs = await CommitteeHarness.CreateAsync(factory);
        var (_, theirItem, theirRequest) = await theirs.SessionWithItemAsync(factory, theirs.Chair, theirs.Secretary, theirs.Member, theirs.Member2);
        await TestRequests.AwaitingCommitteeAsync(factory, theirs.Tenant);

        var page = await mine.MemberClient.GetDocumentAsync("/");
        var secretary = await mine.SecretaryClient.GetDocumentAsync("/");

        Assert.Empty(ItemIds(page));
        Assert.NotNull(page.QuerySelector("[data-testid=awaiting-vote-empty]"));
        Assert.DoesNotContain(theirItem.ToString(), page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(theirRequest.ToString(), page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("لا طلبات بانتظار اللجنة خارج جداول الأعمال", secretary.QuerySelector("[data-testid=queue-count]")!.TextContent.Trim());
        Assert.Equal([theirItem.ToString()], ItemIds(await theirs.MemberClient.GetDocumentAsync("/")));
    }

    [Fact]
    public async Task Committee_role_without_a_seat_and_officer_see_no_my_work_section()
    {
        var tenant = await factory.CreateTenantAsync();
        await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        await TestRequests.UnderResearchAsync(factory, tenant);
        using var member = await factory.SignInAsync(tenant.User(StaffRoles.CommitteeMember).Email);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var memberPage = await member.GetDocumentAsync("/");
        var officerPage = await officer.GetDocumentAsync("/");

        Assert.Null(memberPage.QuerySelector("[data-testid=my-work]"));
        Assert.Null(officerPage.QuerySelector("[data-testid=my-work]"));
        Assert.Equal(StaffRoles.RelationsOfficer, officerPage.QuerySelector("[data-testid=role-cards] [data-role]")!.GetAttribute("data-role"));
        Assert.Equal("طلبان مفتوحان", officerPage.QuerySelector("[data-testid=requests-open]")!.TextContent.Trim());
        Assert.NotNull(officerPage.QuerySelector("[data-testid=contact-counts]"));
    }
}
