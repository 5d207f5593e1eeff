using Juthuruna.Features.Committee;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Juthuruna.IntegrationTests.Committee.CommitteeHarness;

namespace Juthuruna.IntegrationTests.Committee;

/// <summary>Every committee page that takes an id answers 404 to another association and changes nothing.</summary>
[Collection(SharedApp.Files)]
public sealed class CommitteeLeakTests(AppFactory factory)
{
    [Fact]
    public async Task Committee_pages_with_ids_of_another_association_are_not_found_and_change_nothing()
    {
        var victim = await CreateAsync(factory);
        var (sessionId, itemId, requestId) = await victim.SessionWithItemAsync(factory, victim.Chair, victim.Secretary, victim.Member);
        await VotedAsync(victim.MemberClient, itemId, VoteChoice.Approve, "مستحقة");
        var intruder = await CreateAsync(factory);
        var intruderChair = intruder.ChairClient;
        var queued = await TestRequests.AwaitingCommitteeAsync(factory, victim.Tenant);

        await TenantLeak.AssertGetNotFoundAsync(intruderChair, $"/Committee/Sessions/Details/{sessionId}");
        await TenantLeak.AssertGetNotFoundAsync(intruderChair, $"/Committee/Items/{itemId}");

        Task<string> Snapshot(Juthuruna.Data.AppDbContext db) => SnapshotAsync(db, sessionId, itemId, requestId);
        await TenantLeak.AssertPostNotFoundAsync(factory, intruderChair, victim.Tenant.Id, $"/Committee/Sessions/Details/{sessionId}?handler=Attendance", Snapshot,
            new Dictionary<string, string> { ["Present"] = intruder.Chair.Id.ToString() });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruderChair, victim.Tenant.Id, $"/Committee/Sessions/Details/{sessionId}?handler=AddItem", Snapshot,
            new Dictionary<string, string> { ["RequestId"] = queued.RequestId.ToString() });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruderChair, victim.Tenant.Id, $"/Committee/Sessions/Details/{sessionId}?handler=RemoveItem", Snapshot,
            new Dictionary<string, string> { ["ItemId"] = itemId.ToString() });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruderChair, victim.Tenant.Id, $"/Committee/Sessions/Details/{sessionId}?handler=Close", Snapshot);
        await TenantLeak.AssertPostNotFoundAsync(factory, intruderChair, victim.Tenant.Id, $"/Committee/Items/{itemId}?handler=Vote", Snapshot,
            new Dictionary<string, string> { ["Vote.Choice"] = nameof(VoteChoice.Reject), ["Vote.Reason"] = "تسلل" });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruderChair, victim.Tenant.Id, $"/Committee/Items/{itemId}?handler=Close", Snapshot,
            new Dictionary<string, string> { ["Close.Decision"] = "Reject", ["Close.Reasons"] = "تسلل" });

        // The intruder's own session cannot take the victim's item out of its agenda either.
        var ownSession = await intruder.CreateSessionAsync();
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder.SecretaryClient, victim.Tenant.Id, $"/Committee/Sessions/Details/{ownSession}?handler=RemoveItem", Snapshot,
            new Dictionary<string, string> { ["ItemId"] = itemId.ToString() });
    }

    [Fact]
    public async Task Admin_committee_end_seat_of_another_association_is_not_found_and_changes_nothing()
    {
        var victim = await CreateAsync(factory);
        var intruder = await CreateAsync(factory);
        var memberId = await factory.QueryAsync(victim.Tenant.Id, db => db.CommitteeMembers.Where(m => m.UserId == victim.Member.Id).Select(m => m.Id).SingleAsync());

        await TenantLeak.AssertPostNotFoundAsync(factory, intruder.Admin, victim.Tenant.Id, "/Admin/Committee?handler=End",
            db => db.CommitteeMembers.Where(m => m.Id == memberId).Select(m => new { m.ActiveFrom, m.ActiveTo, m.Role }).SingleAsync(),
            new Dictionary<string, string> { ["End.MemberId"] = memberId.ToString(), ["End.Calendar"] = "Gregorian", ["End.ActiveTo"] = "2026-02-20" });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder.Admin, victim.Tenant.Id, "/Admin/Committee?handler=End",
            db => db.CommitteeMembers.Where(m => m.Id == memberId).Select(m => new { m.ActiveFrom, m.ActiveTo, m.Role }).SingleAsync(),
            new Dictionary<string, string> { ["End.MemberId"] = memberId.ToString(), ["End.ActiveTo"] = "not a date" });

        // Seating the other association's user is refused, and nothing is added on either side.
        var response = await intruder.Admin.SubmitFormAsync("/Admin/Committee", "form[data-testid=add-member-form]", new Dictionary<string, string>
        {
            ["Add.UserId"] = victim.Tenant.User(StaffRoles.Manager).Id.ToString(),
            ["Add.Role"] = nameof(CommitteeRole.Member),
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, await factory.QueryAsync(victim.Tenant.Id, db => db.CommitteeMembers.CountAsync()));
        Assert.Equal(4, await factory.QueryAsync(intruder.Tenant.Id, db => db.CommitteeMembers.CountAsync()));
    }

    private static async Task<string> SnapshotAsync(Juthuruna.Data.AppDbContext db, Guid sessionId, Guid itemId, Guid requestId)
    {
        var attendees = await db.SessionAttendees.Where(a => a.SessionId == sessionId).OrderBy(a => a.UserId).Select(a => a.UserId).ToListAsync();
        var items = await db.AgendaItems.Where(i => i.SessionId == sessionId).OrderBy(i => i.Position).Select(i => new { i.Id, i.Status, i.Version }).ToListAsync();
        var votes = await db.CommitteeVotes.Where(v => v.AgendaItemId == itemId).Select(v => new { v.UserId, v.Choice, v.Reason }).ToListAsync();
        var session = await db.CommitteeSessions.Where(s => s.Id == sessionId).Select(s => new { s.Status, s.Version }).SingleAsync();
        var request = await db.SupportRequests.Where(r => r.Id == requestId).Select(r => new { r.State, r.Version }).SingleAsync();
        return System.Text.Json.JsonSerializer.Serialize(new { attendees, items, votes, session, request });
    }
}
