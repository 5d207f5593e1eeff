using Juthuruna.Features.SupportRequests;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Requests;

[Collection(SharedApp.Requests)]
public sealed class TestRequestsTests(AppFactory factory)
{
    [Fact]
    public async Task AwaitingCommittee_arranges_a_request_in_the_committee_queue_with_its_history()
    {
        var tenant = await factory.CreateTenantAsync();

        var arranged = await TestRequests.AwaitingCommitteeAsync(factory, tenant);

        var states = await factory.QueryAsync(tenant.Id, db => db.RequestHistory.Where(h => h.RequestId == arranged.RequestId).OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => h.To).ToListAsync());
        Assert.Equal([RequestState.Draft, RequestState.DocumentsReview, RequestState.Verified, RequestState.UnderResearch, RequestState.AwaitingCommittee], states);
    }
}
