using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Staff;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Committee;

/// <summary>
/// An association whose committee is seated through the admin page: the tenant's chair, secretary and
/// committee member plus a second member, each with a signed-in client.
/// </summary>
public sealed record CommitteeHarness(
    TestTenant Tenant,
    StaffClient Admin,
    TestUser Chair,
    TestUser Secretary,
    TestUser Member,
    TestUser Member2,
    StaffClient ChairClient,
    StaffClient SecretaryClient,
    StaffClient MemberClient,
    StaffClient Member2Client)
{
    public const string VoteForm = "form[data-testid=vote-form]";
    public const string CloseForm = "form[data-testid=close-form]";

    public static async Task<CommitteeHarness> CreateAsync(AppFactory factory)
    {
        var tenant = await factory.CreateTenantAsync("committee");
        var admin = await factory.SignInAsync(tenant.Admin.Email);
        var member2 = await ExtraUserAsync(factory, tenant, "member2", StaffRoles.CommitteeMember);
        await SeatAsync(admin, tenant.User(StaffRoles.CommitteeChair).Id, CommitteeRole.Chair);
        await SeatAsync(admin, tenant.User(StaffRoles.CommitteeSecretary).Id, CommitteeRole.Secretary);
        await SeatAsync(admin, tenant.User(StaffRoles.CommitteeMember).Id, CommitteeRole.Member);
        await SeatAsync(admin, member2.Id, CommitteeRole.Member);
        return new CommitteeHarness(
            tenant, admin,
            tenant.User(StaffRoles.CommitteeChair), tenant.User(StaffRoles.CommitteeSecretary), tenant.User(StaffRoles.CommitteeMember), member2,
            await factory.SignInAsync(tenant.User(StaffRoles.CommitteeChair).Email),
            await factory.SignInAsync(tenant.User(StaffRoles.CommitteeSecretary).Email),
            await factory.SignInAsync(tenant.User(StaffRoles.CommitteeMember).Email),
            await factory.SignInAsync(member2.Email));
    }

    public static async Task<TestUser> ExtraUserAsync(AppFactory factory, TestTenant tenant, string localPart, string role) =>
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var email = $"{localPart}@{tenant.Slug}.test";
            var (created, userId) = await sp.GetRequiredService<StaffAccounts>()
                .CreateAsync(new NewStaffUser($"عضو {new string(localPart.Where(char.IsAsciiLetter).ToArray())}", email, AppFactory.Password, [role], null), CancellationToken.None);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            return new TestUser(userId!.Value, email, role);
        });

    public static async Task SeatAsync(StaffClient admin, Guid userId, CommitteeRole role)
    {
        var response = await admin.SubmitFormAsync("/Admin/Committee", "form[data-testid=add-member-form]", new Dictionary<string, string>
        {
            ["Add.UserId"] = userId.ToString(),
            ["Add.Role"] = role.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The secretary opens a session today with <paramref name="present"/> recorded and a queued request on its agenda.</summary>
    public Task<(Guid SessionId, Guid ItemId, Guid RequestId)> SessionWithItemAsync(AppFactory factory, params TestUser[] present) =>
        SessionWithItemOnAsync(factory, null, present);

    /// <param name="heldOn">The session's Gregorian date as typed (yyyy-mm-dd); today when null.</param>
    public async Task<(Guid SessionId, Guid ItemId, Guid RequestId)> SessionWithItemOnAsync(AppFactory factory, string? heldOn, params TestUser[] present)
    {
        var request = await TestRequests.AwaitingCommitteeAsync(factory, Tenant);
        var sessionId = await CreateSessionAsync(heldOn);
        await AttendanceAsync(sessionId, present);
        var added = await SecretaryClient.SubmitFormAsync($"/Committee/Sessions/Details/{sessionId}", "form[data-testid=add-item-form]",
            new Dictionary<string, string> { ["RequestId"] = request.RequestId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await SecretaryClient.GetDocumentAsync($"/Committee/Sessions/Details/{sessionId}");
        var itemId = Guid.Parse(page.QuerySelector($"[data-testid=agenda-item][data-request-id='{request.RequestId}']")!.GetAttribute("data-item-id")!);
        return (sessionId, itemId, request.RequestId);
    }

    public async Task<Guid> CreateSessionAsync(string? heldOn = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Place"] = "مقر الجمعية — قاعة الاجتماعات" };
        if (heldOn is not null)
        {
            fields["Input.Calendar"] = "Gregorian";
            fields["Input.HeldOn"] = heldOn;
        }

        var response = await SecretaryClient.SubmitFormAsync("/Committee/Sessions/Create", "form[data-testid=session-form]", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public async Task AttendanceAsync(Guid sessionId, IEnumerable<TestUser> present)
    {
        var response = await SecretaryClient.SubmitFormAsync($"/Committee/Sessions/Details/{sessionId}", "form[data-testid=attendance-form]",
            new Dictionary<string, string> { ["Present"] = string.Join('\n', present.Select(u => u.Id)) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static Task<HttpResponseMessage> VoteAsync(StaffClient client, Guid itemId, VoteChoice choice, string reason) =>
        client.SubmitFormAsync($"/Committee/Items/{itemId}", VoteForm, new Dictionary<string, string>
        {
            ["Vote.Choice"] = choice.ToString(),
            ["Vote.Reason"] = reason,
        });

    public static async Task VotedAsync(StaffClient client, Guid itemId, VoteChoice choice, string reason) =>
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(client, itemId, choice, reason)).StatusCode);

    /// <param name="confirmMissingVotes">The chair ticks "close without their votes" (when the form offers it).</param>
    public static Task<HttpResponseMessage> CloseAsync(StaffClient chair, Guid itemId, CommitteeDecision decision, string reasons, bool confirmMissingVotes = true) =>
        chair.SubmitFormAsync($"/Committee/Items/{itemId}", CloseForm, new Dictionary<string, string>
        {
            ["Close.Decision"] = decision.ToString(),
            ["Close.Reasons"] = reasons,
            ["Close.ConfirmMissingVotes"] = confirmMissingVotes ? "true" : "false",
        });

    public static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        return page.QuerySelector("[data-testid=item-error]")?.TextContent ?? "";
    }

    public static async Task<IHtmlFormElement> FormAsync(StaffClient client, string url, string selector) =>
        (await client.GetDocumentAsync(url)).QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No {selector} on {url}.");
}
