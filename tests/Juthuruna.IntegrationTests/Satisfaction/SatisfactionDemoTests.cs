using Juthuruna.Data;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.SupportRequests;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Satisfaction;

/// <summary>Its own factory (own database): the demo seed only runs on an empty database.</summary>
public sealed class SatisfactionDemoTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Demo_seed_has_answered_surveys_to_show_and_an_open_survey_for_its_closed_request()
    {
        Guid tenantId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None));
            tenantId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.Where(t => t.Slug == "juthuruna").Select(t => t.Id).SingleAsync();
        }

        using var manager = await factory.SignInAsync("manager@juthuruna.org.sa", DemoData.Password);
        var page = await manager.GetDocumentAsync("/Satisfaction");

        Assert.Equal("36", page.QuerySelector("[data-testid=total-count]")!.TextContent);
        Assert.True(page.QuerySelectorAll("[data-testid=by-service] tr[data-testid=row]").Length >= 2);
        Assert.Equal(6, page.QuerySelectorAll("[data-testid=by-month] tr[data-testid=row]").Length);
        var closed = await factory.QueryAsync(tenantId, db => db.SupportRequests.Where(r => r.State == RequestState.Closed).Select(r => r.Id).SingleAsync());
        Assert.Null(await factory.QueryAsync(tenantId, db => db.SurveyInvitations.Where(i => i.RequestId == closed).Select(i => i.AnsweredAtUtc).SingleAsync()));
        Assert.Contains("/t/juthuruna/survey/", await factory.QueryAsync(tenantId, db => db.OutgoingMessages.Where(m => m.Kind == MessageKind.Survey).Select(m => m.Body).FirstAsync()), StringComparison.Ordinal);
    }
}
