using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.SupportRequests;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Contacts;

/// <summary>Its own factory (own database): the demo seed only runs on an empty database.</summary>
public sealed class DemoDataTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Demo_seed_creates_files_and_contacts_and_the_same_national_ids_in_the_second_association()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None));
        }

        Dictionary<string, Guid> tenants;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Tenants are platform rows: readable without a tenant.
            tenants = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Id);
        }

        var juthurunaIds = await factory.QueryAsync(tenants["juthuruna"], db => db.Beneficiaries.Select(b => b.IdentityNumber).OrderBy(x => x).ToListAsync());
        var albirrIds = await factory.QueryAsync(tenants["albirr"], db => db.Beneficiaries.Select(b => b.IdentityNumber).OrderBy(x => x).ToListAsync());
        Assert.Equal(5, juthurunaIds.Count);
        Assert.Equal(2, albirrIds.Count);
        Assert.All(albirrIds, id => Assert.Contains(id, juthurunaIds));
        Assert.True(await factory.QueryAsync(tenants["juthuruna"], db => db.Beneficiaries.AnyAsync(b => b.HouseholdMembers.Count > 0)));

        var contacts = await factory.QueryAsync(tenants["juthuruna"], db => db.Contacts.AsNoTracking().ToListAsync());
        Assert.Equal(10, contacts.Count);
        Assert.True(contacts.Select(c => c.Channel).Distinct().Count() >= 6);
        Assert.Single(contacts, c => c.BeneficiaryId is null && c.CallerMobile == "+966559871234");
        Assert.Equal(0, await factory.QueryAsync(tenants["albirr"], db => db.Contacts.CountAsync()));

        var states = await factory.QueryAsync(tenants["juthuruna"], db => db.SupportRequests.OrderBy(r => r.Number).Select(r => r.State).ToListAsync());
        Assert.Equal(
            [RequestState.Draft, RequestState.DocumentsReview, RequestState.ReturnedForCompletion, RequestState.Verified,
             RequestState.Closed, RequestState.Rejected, RequestState.AwaitingCommittee, RequestState.UnderResearch],
            states);
        Assert.True(await factory.QueryAsync(tenants["juthuruna"], db => db.SupportRequests.AnyAsync(r => r.DecisionDueOn != null)));

        var officer = await factory.SignInAsync("officer@juthuruna.org.sa", DemoData.Password);
        var home = await officer.GetDocumentAsync("/");
        Assert.NotEqual("0", home.QuerySelector("[data-testid=contacts-today]")!.GetAttribute("data-count"));
        Assert.Equal("6 طلبات مفتوحة", home.QuerySelector("[data-testid=requests-open]")!.TextContent.Trim());
        var queue = await officer.GetDocumentAsync("/Requests");
        Assert.Equal(6, queue.QuerySelectorAll("[data-testid=queue] tbody tr").Length);

        // Issue 4's path, all through the services: the closed request went through every step.
        var juthuruna = tenants["juthuruna"];
        var closed = await factory.QueryAsync(juthuruna, db => db.SupportRequests.AsNoTracking().SingleAsync(r => r.State == RequestState.Closed));
        var path = await factory.QueryAsync(juthuruna, db => db.RequestHistory.Where(h => h.RequestId == closed.Id).OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => h.To).ToListAsync());
        Assert.Equal(
            [RequestState.Draft, RequestState.DocumentsReview, RequestState.Verified, RequestState.UnderResearch, RequestState.AwaitingCommittee,
             RequestState.Approved, RequestState.Registered, RequestState.InService, RequestState.Closed],
            path.Distinct());
        var votes = await factory.QueryAsync(juthuruna, db => db.CommitteeVotes.Where(v => db.AgendaItems.Any(i => i.Id == v.AgendaItemId && i.RequestId == closed.Id)).Select(v => v.Choice).ToListAsync());
        Assert.Equal(3, votes.Count(v => v == VoteChoice.Approve));
        Assert.Equal(1, votes.Count(v => v == VoteChoice.Recuse));

        // Rejected at the same session, after research, with the chair's reasons; and one referral answered by the researcher.
        var rejected = await factory.QueryAsync(juthuruna, db => db.SupportRequests.AsNoTracking().SingleAsync(r => r.State == RequestState.Rejected));
        var rejection = await factory.QueryAsync(juthuruna, db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.RequestId == rejected.Id));
        var approval = await factory.QueryAsync(juthuruna, db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.RequestId == closed.Id));
        Assert.Equal((CommitteeDecision.Reject, approval.SessionId), (rejection.Decision!.Value, rejection.SessionId));
        Assert.Contains("دليل سياسة الدعم", rejection.Reasons, StringComparison.Ordinal);
        Assert.Single(await factory.QueryAsync(juthuruna, db => db.Referrals.Where(r => r.AnsweredAtUtc != null).ToListAsync()));
        Assert.Equal(2, await factory.QueryAsync(juthuruna, db => db.ServiceDeliveries.CountAsync(d => d.RequestId == closed.Id)));
        Assert.True(closed.DecidedOn <= closed.DecisionDueOn);
        Assert.NotNull(await factory.QueryAsync(juthuruna, db => db.Beneficiaries.Where(b => b.Id == closed.BeneficiaryId).Select(b => b.BeneficiaryNumber).SingleAsync()));
        Assert.Equal(4, await factory.QueryAsync(juthuruna, db => db.CommitteeMembers.CountAsync()));
        Assert.Equal(4, await factory.QueryAsync(tenants["albirr"], db => db.CommitteeMembers.CountAsync()));

        // The decision window has something to say: one request overdue, one at risk.
        var raised = await factory.InTenantAsync(juthuruna, sp => sp.GetRequiredService<DecisionWindowReminders>().RaiseAsync(CancellationToken.None));
        Assert.Equal((1, 1), (raised.DueSoon, raised.Overdue));

        // The relations policy as the board approved it (fifth session, 3/7/1447 هـ = 23/12/2025 م), and the support guide's two versions.
        var policies = await factory.InTenantAsync(juthuruna, sp => sp.GetRequiredService<Juthuruna.Features.Policies.PolicyQueries>().ApprovedVersionsAsync(CancellationToken.None));
        var relations = Assert.Single(policies, p => p.Kind == Juthuruna.Features.Policies.PolicyKind.BeneficiaryRelationsPolicy);
        Assert.Equal(new DateOnly(2025, 12, 23), relations.ApprovedOn);
        Assert.Equal("5", await factory.QueryAsync(juthuruna, db => db.PolicyVersions.Where(v => v.DocumentId == relations.DocumentId).Select(v => v.BoardSession).SingleAsync()));
        Assert.Equal(2, Assert.Single(policies, p => p.Kind == Juthuruna.Features.Policies.PolicyKind.SupportPolicyGuide).Number);
        var policyPage = await officer.GetDocumentAsync($"/Policies/Details/{relations.DocumentId}");
        Assert.Contains("الأهداف التفصيلية", policyPage.QuerySelector("[data-testid=policy-text] h2:nth-of-type(3)")!.TextContent, StringComparison.Ordinal);
    }
}
