using AngleSharp.Dom;
using Juthuruna.Common.Dates;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Requests;

[Collection(SharedApp.Requests)]
public sealed class DecisionWindowPageTests(AppFactory factory)
{
    private sealed record Board(TestTenant Tenant, string Overdue, string OverdueInQueue, string AtRisk);

    /// <summary>
    /// Overdue (verified, and in the committee queue), at risk, not yet at risk; and four decided requests:
    /// this Hijri year two within the window and one late, and one decided in the previous Hijri year.
    /// </summary>
    private async Task<Board> ArrangeAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        var today = TestWindow.Today(factory);
        var overdue = await TestWindow.RequestDueInAsync(factory, tenant, -3);
        var queued = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        await TestWindow.SetAsync(factory, tenant, queued.RequestId, r => r.DecisionDueOn = today.AddDays(-1));
        var atRisk = await TestWindow.RequestDueInAsync(factory, tenant, 3);
        await TestWindow.RequestDueInAsync(factory, tenant, DecisionWindow.AtRiskDays + 1);

        await DecidedAsync(tenant, RequestState.Approved, due: today.AddDays(5), decided: today.AddDays(-1));
        await DecidedAsync(tenant, RequestState.Rejected, due: today.AddDays(-2), decided: today.AddDays(-2));
        await DecidedAsync(tenant, RequestState.Registered, due: today.AddDays(-6), decided: today.AddDays(-4));
        var lastYear = DualDate.FromHijri(DualDate.ToHijri(today).Year, 1, 1).AddDays(-1);
        await DecidedAsync(tenant, RequestState.Approved, due: lastYear, decided: lastYear);

        return new Board(tenant, await NumberAsync(tenant, overdue), await NumberAsync(tenant, queued.RequestId), await NumberAsync(tenant, atRisk));
    }

    private async Task DecidedAsync(TestTenant tenant, RequestState state, DateOnly due, DateOnly decided)
    {
        var id = await TestWindow.RequestDueInAsync(factory, tenant, 0);
        await TestWindow.SetAsync(factory, tenant, id, r =>
        {
            r.State = state;
            r.DecisionDueOn = due;
            r.DecidedOn = decided;
        });
    }

    private Task<string> NumberAsync(TestTenant tenant, Guid id) =>
        factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());

    private static string[] Numbers(IParentNode page, string table) =>
        page.QuerySelectorAll($"[data-testid={table}] tbody tr").Select(tr => tr.GetAttribute("data-number")!).ToArray();

    [Fact]
    public async Task Window_lists_overdue_and_at_risk_requests_and_the_share_counts_overdue_undecided_as_missed()
    {
        var board = await ArrangeAsync();
        using var manager = await factory.SignInAsync(board.Tenant.User(StaffRoles.Manager).Email);

        var page = await manager.GetDocumentAsync("/Requests/Window");

        // Oldest due first: three days overdue before one day overdue.
        Assert.Equal([board.Overdue, board.OverdueInQueue], Numbers(page, "overdue"));
        Assert.Equal([board.AtRisk], Numbers(page, "at-risk"));
        Assert.Equal(["متأخر 3 أيام", "متأخر يومًا واحدًا"], page.QuerySelectorAll("[data-testid=overdue] [data-testid=days-left]").Select(b => b.TextContent.Trim()));
        Assert.Equal("بقيت 3 أيام", page.QuerySelector("[data-testid=at-risk] [data-testid=days-left]")!.TextContent.Trim());
        // Two decided in time, one late, and two overdue still undecided: those have missed the window too.
        Assert.Equal("2 من 5 (40%)", page.QuerySelector("[data-testid=share-text]")!.TextContent.Trim());
        Assert.Contains("وعددها الآن: 2", page.QuerySelector("[data-testid=share-overdue-note]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(DualDate.ToHijri(TestWindow.Today(factory)).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("[data-testid=share-period]")!.TextContent);
        Assert.NotNull(page.QuerySelector($"[data-testid=overdue] a[href='/Requests/Details/{await IdOfAsync(board, board.Overdue)}']"));
    }

    private Task<Guid> IdOfAsync(Board board, string number) =>
        factory.QueryAsync(board.Tenant.Id, db => db.SupportRequests.Where(r => r.Number == number).Select(r => r.Id).SingleAsync());

    [Fact]
    public async Task Window_another_associations_requests_are_never_listed_nor_counted()
    {
        await ArrangeAsync();
        var other = await factory.CreateTenantAsync();
        using var manager = await factory.SignInAsync(other.User(StaffRoles.Manager).Email);

        var page = await manager.GetDocumentAsync("/Requests/Window");

        Assert.Empty(Numbers(page, "overdue"));
        Assert.Empty(Numbers(page, "at-risk"));
        Assert.NotNull(page.QuerySelector("[data-testid=overdue-empty]"));
        Assert.NotNull(page.QuerySelector("[data-testid=at-risk-empty]"));
        Assert.Equal("لم يُبتّ في أي طلب بعد خلال هذه الفترة.", page.QuerySelector("[data-testid=share-text]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(StaffRoles.TenantAdmin)]
    [InlineData(StaffRoles.CommitteeChair)]
    [InlineData(StaffRoles.CommitteeSecretary)]
    public async Task Window_is_open_to_the_committee_and_the_administrator(string role)
    {
        var board = await ArrangeAsync();
        using var client = await factory.SignInAsync(board.Tenant.User(role).Email);

        var page = await client.GetDocumentAsync("/Requests/Window");

        Assert.Equal([board.AtRisk], Numbers(page, "at-risk"));
        Assert.NotNull(page.QuerySelector("[data-testid=nav-window]"));
    }

    [Theory]
    [InlineData(StaffRoles.RelationsOfficer)]
    [InlineData(StaffRoles.SocialResearcher)]
    [InlineData(StaffRoles.CommitteeMember)]
    public async Task Window_is_forbidden_to_other_roles(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = await factory.SignInAsync(tenant.User(role).Email);

        await Forbidden.AssertAsync(await client.Http.GetAsync("/Requests/Window"));
        Assert.Null((await client.GetDocumentAsync("/")).QuerySelector("[data-testid=nav-window]"));
    }

    [Fact]
    public async Task Dashboard_managers_card_shows_the_share_and_links_the_window()
    {
        var board = await ArrangeAsync();
        using var manager = await factory.SignInAsync(board.Tenant.User(StaffRoles.Manager).Email);

        var page = await manager.GetDocumentAsync("/");

        var card = page.QuerySelector($"[data-role={StaffRoles.Manager}]")!;
        Assert.Equal("2 من 5 (40%)", card.QuerySelector("[data-testid=window-share-text]")!.TextContent.Trim());
        Assert.Equal("/Requests/Window", card.QuerySelector("[data-testid=window-link]")!.GetAttribute("href"));
        // Only requests still awaiting the decision count as overdue: the decided ones past their due date do not.
        Assert.Equal("طلبان تجاوزا مدة القرار", card.QuerySelector("[data-testid=requests-overdue]")!.TextContent.Trim());
        Assert.Equal("طلب واحد يحل موعده خلال 4 أيام", card.QuerySelector("[data-testid=requests-due-soon]")!.TextContent.Trim());
    }
}
