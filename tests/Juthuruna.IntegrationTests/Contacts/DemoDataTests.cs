using Juthuruna.Data;
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
            [RequestState.Draft, RequestState.DocumentsReview, RequestState.ReturnedForCompletion, RequestState.Verified],
            states);
        Assert.True(await factory.QueryAsync(tenants["juthuruna"], db => db.SupportRequests.AnyAsync(r => r.DecisionDueOn != null)));

        var officer = await factory.SignInAsync("officer@juthuruna.org.sa", DemoData.Password);
        var home = await officer.GetDocumentAsync("/");
        Assert.NotEqual("0", home.QuerySelector("[data-testid=contacts-today]")!.TextContent.Trim());
        Assert.Equal("4", home.QuerySelector("[data-testid=requests-open]")!.TextContent.Trim());
        var queue = await officer.GetDocumentAsync("/Requests");
        Assert.Equal(4, queue.QuerySelectorAll("[data-testid=queue] tbody tr").Length);
    }
}
