using System.Net;
using Juthuruna.Features.Committee;
using Juthuruna.Features.SupportRequests;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Juthuruna.IntegrationTests.Committee.CommitteeHarness;

namespace Juthuruna.IntegrationTests.Committee;

/// <summary>
/// Every vote gives its reason and the form says so; the chair who closes an item while members present have not
/// voted is told who they are and must confirm.
/// </summary>
[Collection(SharedApp.Files)]
public sealed class CommitteeVoteReasonAndCloseTests(AppFactory factory)
{
    private Task<RequestState> StateAsync(CommitteeHarness c, Guid requestId) =>
        factory.QueryAsync(c.Tenant.Id, db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.State).SingleAsync());

    [Fact]
    public async Task Vote_form_says_every_vote_needs_a_reason_and_an_approval_without_one_is_refused()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, _) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);

        var page = await c.MemberClient.GetDocumentAsync($"/Committee/Items/{itemId}");
        var reason = page.QuerySelector($"{VoteForm} textarea[name='Vote.Reason']")!;
        Assert.True(reason.HasAttribute("required"));
        Assert.Contains("حتى الموافقة", page.QuerySelector($"{VoteForm} label[for='{reason.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("سواء وافقت أو رفضت أو امتنعت", page.QuerySelector("[data-testid=vote-reason-hint]")!.TextContent, StringComparison.Ordinal);

        var refused = await VoteAsync(c.MemberClient, itemId, VoteChoice.Approve, "");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var message = (await StaffClient.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Vote.Reason']")!.TextContent;
        Assert.Contains("كل صوت يحتاج إلى سبب، حتى الموافقة", message, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(c.Tenant.Id, db => db.CommitteeVotes.CountAsync()));
    }

    [Fact]
    public async Task Close_while_a_present_member_has_not_voted_names_them_and_is_refused_until_the_chair_confirms()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        await VotedAsync(c.ChairClient, itemId, VoteChoice.Approve, "مستحقة");
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "مستحقة");

        var page = await c.ChairClient.GetDocumentAsync($"/Committee/Items/{itemId}");
        var warned = page.QuerySelectorAll("[data-testid=not-voted] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["موظف CommitteeSecretary"], warned);
        Assert.True(page.QuerySelector($"{CloseForm} input[name='Close.ConfirmMissingVotes']")!.HasAttribute("required"));

        var unconfirmed = await CloseAsync(c.ChairClient, itemId, CommitteeDecision.Approve, "موافقة", confirmMissingVotes: false);

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var error = (await StaffClient.ParseAsync(unconfirmed)).QuerySelector("[data-valmsg-for='Close.ConfirmMissingVotes']")!.TextContent;
        Assert.Contains("أعضاء حاضرون لم يصوّتوا: موظف CommitteeSecretary", error, StringComparison.Ordinal);
        Assert.Equal(RequestState.AwaitingCommittee, await StateAsync(c, requestId));
        Assert.Equal(AgendaItemStatus.Open, await factory.QueryAsync(c.Tenant.Id, db => db.AgendaItems.Where(i => i.Id == itemId).Select(i => i.Status).SingleAsync()));

        var confirmed = await CloseAsync(c.ChairClient, itemId, CommitteeDecision.Approve, "موافقة", confirmMissingVotes: true);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(RequestState.Approved, await StateAsync(c, requestId));
    }

    [Fact]
    public async Task Close_when_every_present_member_voted_asks_no_confirmation()
    {
        var c = await CreateAsync(factory);
        var (_, itemId, requestId) = await c.SessionWithItemAsync(factory, c.Chair, c.Secretary, c.Member);
        await VotedAsync(c.ChairClient, itemId, VoteChoice.Approve, "مستحقة");
        await VotedAsync(c.MemberClient, itemId, VoteChoice.Approve, "مستحقة");
        await VotedAsync(c.SecretaryClient, itemId, VoteChoice.Abstain, "لم أطلع على التقرير كاملًا");

        var page = await c.ChairClient.GetDocumentAsync($"/Committee/Items/{itemId}");
        Assert.Null(page.QuerySelector("[data-testid=not-voted-warning]"));

        var closed = await CloseAsync(c.ChairClient, itemId, CommitteeDecision.Approve, "موافقة", confirmMissingVotes: false);

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(RequestState.Approved, await StateAsync(c, requestId));
    }
}
