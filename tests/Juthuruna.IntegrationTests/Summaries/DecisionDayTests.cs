using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Summaries;

/// <summary>
/// The maintained decisions-per-day and requests-per-state summaries (ADR 0015) always equal a direct count over the requests: after
/// decisions through the workflow, changed due dates, re-decisions and decisions taken back, when many requests are
/// decided at once, and per association.
/// </summary>
[Collection(SharedApp.Requests)]
public sealed class DecisionDayTests(AppFactory factory)
{
    /// <summary>The summary's non-empty days and a GROUP BY over the requests, as the association sees each.</summary>
    private async Task AssertMatchesRequestsAsync(TestTenant tenant)
    {
        var expected = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.DecidedOn != null)
            .GroupBy(r => r.DecidedOn!.Value)
            .Select(g => new { Day = g.Key, Decided = g.Count(), Within = g.Count(r => r.DecisionDueOn != null && r.DecidedOn <= r.DecisionDueOn) })
            .ToListAsync());
        var actual = await factory.QueryAsync(tenant.Id, db => db.DecisionDays.Where(d => d.Decided != 0 || d.WithinWindow != 0).ToListAsync());
        Assert.Equal(
            expected.OrderBy(e => e.Day).Select(e => (e.Day, e.Decided, e.Within)).ToList(),
            actual.OrderBy(a => a.Day).Select(a => (a.Day, a.Decided, a.WithinWindow)).ToList());
    }

    /// <summary>The per-state summary's non-empty rows and a GROUP BY over the requests.</summary>
    private async Task AssertStatesMatchRequestsAsync(TestTenant tenant)
    {
        var expected = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.GroupBy(r => r.State)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync());
        var actual = await factory.QueryAsync(tenant.Id, db => db.RequestStateCounts.Where(c => c.Requests != 0).ToListAsync());
        Assert.Equal(
            expected.OrderBy(e => e.State).Select(e => (e.State, e.Count)).ToList(),
            actual.OrderBy(a => a.State).Select(a => (a.State, a.Requests)).ToList());
    }

    private Task<WindowShare> ShareAsync(TestTenant tenant) =>
        factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<DecisionWindowQueries>().ShareInHijriYearAsync(TestWindow.Today(factory), CancellationToken.None));

    [Fact]
    public async Task Summary_equals_a_direct_count_after_decisions_due_date_changes_and_redecisions()
    {
        var tenant = await factory.CreateTenantAsync();
        var today = TestWindow.Today(factory);

        // Through the workflow: a committee approval and a rejection (decided today, due in the future: within).
        var approved = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        await TestRequests.ApproveAsync(factory, tenant, approved.RequestId, [approved.ServiceId], 300_000);
        var rejected = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        await TestRequests.RejectAsync(factory, tenant, rejected.RequestId, "الدخل يتجاوز حد الاستحقاق");
        await AssertMatchesRequestsAsync(tenant);
        Assert.Equal((2, 2), ((await ShareAsync(tenant)).Decided, (await ShareAsync(tenant)).WithinWindow));

        // A decided request's due date moved before its decision: it now missed the window.
        await TestWindow.SetAsync(factory, tenant, approved.RequestId, r => r.DecisionDueOn = today.AddDays(-1));
        await AssertMatchesRequestsAsync(tenant);
        // Re-decided on another day, and within again.
        await TestWindow.SetAsync(factory, tenant, approved.RequestId, r => (r.DecidedOn, r.DecisionDueOn) = (today.AddDays(-3), today.AddDays(-2)));
        await AssertMatchesRequestsAsync(tenant);
        // A decision taken back (null), and one set directly on a request that had none.
        await TestWindow.SetAsync(factory, tenant, rejected.RequestId, r => r.DecidedOn = null);
        var late = await TestWindow.RequestDueInAsync(factory, tenant, -5);
        await TestWindow.SetAsync(factory, tenant, late, r => (r.State, r.DecidedOn) = (RequestState.Rejected, today.AddDays(-1)));
        await AssertMatchesRequestsAsync(tenant);

        await AssertStatesMatchRequestsAsync(tenant);
        var share = await ShareAsync(tenant);
        Assert.Equal((2, 1), (share.Decided, share.WithinWindow));
    }

    [Fact]
    public async Task Summary_counts_every_one_of_many_requests_decided_at_once()
    {
        var tenant = await factory.CreateTenantAsync();
        var today = TestWindow.Today(factory);
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await TestWindow.RequestDueInAsync(factory, tenant, i % 2 == 0 ? 2 : -2));
        }

        // Each in its own scope and DbContext, all at once: the increments must not overwrite one another.
        await Task.WhenAll(ids.Select(id => Task.Run(() => TestWindow.SetAsync(factory, tenant, id, r =>
        {
            r.State = RequestState.Approved;
            r.DecidedOn = today;
        }))));

        await AssertMatchesRequestsAsync(tenant);
        await AssertStatesMatchRequestsAsync(tenant);
        var counts = await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<RequestQueries>().CountsAsync(today, CancellationToken.None));
        Assert.Equal(8, counts.Open);
        var day = await factory.QueryAsync(tenant.Id, db => db.DecisionDays.SingleAsync(d => d.Day == today));
        Assert.Equal((8, 4), (day.Decided, day.WithinWindow));
    }

    [Fact]
    public async Task Share_of_one_association_never_counts_another_associations_decisions()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        var today = TestWindow.Today(factory);
        var mine = await TestWindow.RequestDueInAsync(factory, tenant, 1);
        await TestWindow.SetAsync(factory, tenant, mine, r => (r.State, r.DecidedOn) = (RequestState.Approved, today));
        for (var i = 0; i < 3; i++)
        {
            var theirs = await TestWindow.RequestDueInAsync(factory, other, -1);
            await TestWindow.SetAsync(factory, other, theirs, r => (r.State, r.DecidedOn) = (RequestState.Rejected, today));
        }

        var share = await ShareAsync(tenant);
        Assert.Equal((1, 1, 100), (share.Decided, share.WithinWindow, share.Percent));
        Assert.Equal((3, 0), ((await ShareAsync(other)).Decided, (await ShareAsync(other)).WithinWindow));
        await AssertMatchesRequestsAsync(tenant);
        await AssertMatchesRequestsAsync(other);
        await AssertStatesMatchRequestsAsync(tenant);
        await AssertStatesMatchRequestsAsync(other);
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await manager.Http.GetAsync("/Requests/Window")).StatusCode);
    }

    [Fact]
    public async Task Summary_is_written_in_the_callers_transaction_and_rolled_back_with_it()
    {
        var tenant = await factory.CreateTenantAsync();
        var today = TestWindow.Today(factory);
        var id = await TestWindow.RequestDueInAsync(factory, tenant, 1);

        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var request = await db.SupportRequests.SingleAsync(r => r.Id == id);
            request.DecidedOn = today;
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        });

        Assert.Empty(await factory.QueryAsync(tenant.Id, db => db.DecisionDays.Where(d => d.Decided != 0).ToListAsync()));
        await AssertMatchesRequestsAsync(tenant);
    }

    [Fact]
    public async Task Rebuild_from_the_requests_gives_the_maintained_summary()
    {
        var tenant = await factory.CreateTenantAsync();
        var today = TestWindow.Today(factory);
        var a = await TestWindow.RequestDueInAsync(factory, tenant, 1);
        var b = await TestWindow.RequestDueInAsync(factory, tenant, -4);
        await TestWindow.SetAsync(factory, tenant, a, r => r.DecidedOn = today);
        await TestWindow.SetAsync(factory, tenant, b, r => r.DecidedOn = today.AddDays(-1));
        var maintained = await factory.QueryAsync(tenant.Id, db => db.DecisionDays.OrderBy(d => d.Day).Select(d => new { d.Day, d.Decided, d.WithinWindow }).ToListAsync());
        var maintainedStates = await factory.QueryAsync(tenant.Id, db => db.RequestStateCounts.Where(c => c.Requests != 0).OrderBy(c => c.State).Select(c => new { c.State, c.Requests }).ToListAsync());

        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var statement in TallyBackfill.Rebuild)
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }

            await tx.CommitAsync();
        });

        var rebuilt = await factory.QueryAsync(tenant.Id, db => db.DecisionDays.OrderBy(d => d.Day).Select(d => new { d.Day, d.Decided, d.WithinWindow }).ToListAsync());
        Assert.Equal(maintained, rebuilt);
        Assert.Equal(maintainedStates, await factory.QueryAsync(tenant.Id, db => db.RequestStateCounts.Where(c => c.Requests != 0).OrderBy(c => c.State).Select(c => new { c.State, c.Requests }).ToListAsync()));
        Assert.Equal(DualDate.ToHijri(today).Year, (await ShareAsync(tenant)).HijriYear);
    }
}
