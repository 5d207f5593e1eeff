using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Satisfaction;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Satisfaction;

/// <summary>On a fixture of its own: it moves the clock a month on, which the other survey tests must not see.</summary>
public sealed class SurveyExpiryTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Survey_link_after_thirty_days_is_not_found_and_records_nothing()
    {
        var (tenant, _) = await SurveyTests.ClosedAsync(factory);
        var path = await SurveyTests.SurveyPathAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        var form = (await visitor.GetDocumentAsync(path)).QuerySelector<IHtmlFormElement>(SurveyTests.Form)!;

        factory.Clock.Advance(Surveys.LinkLifetime + TimeSpan.FromMinutes(1));
        var page = await visitor.GetDocumentAsync(path, HttpStatusCode.NotFound);
        var post = await visitor.SubmitAsync(form, path, SurveyTests.Ratings());

        Assert.NotNull(page.QuerySelector("[data-testid=survey-not-found]"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.SurveyResponses.CountAsync()));
    }

}
