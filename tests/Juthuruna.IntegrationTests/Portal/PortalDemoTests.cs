using System.Net;
using Juthuruna.Data;
using Juthuruna.Features.Notifications;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Portal;

/// <summary>Its own factory (own database): the demo seed only runs on an empty database.</summary>
public sealed class PortalDemoTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Demo_returned_request_is_tracked_with_its_number_identity_and_the_code_sent_to_the_file_mobile()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None));
        }

        Guid tenantId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            tenantId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.AsNoTracking().Where(t => t.Slug == "juthuruna").Select(t => t.Id).SingleAsync();
        }

        using var visitor = factory.CreateStaffClient();
        // The walk-through of the documentation: the clock of the tests is in 1447 H.
        var sent = await PortalArrange.LookUpAsync(visitor, "juthuruna", "JTH-1447-000003", "1400012371");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var sms = await factory.QueryAsync(tenantId, db => db.OutgoingMessages.AsNoTracking().SingleAsync(m => m.Kind == MessageKind.Otp));
        Assert.Equal("+966551230001", sms.Recipient);
        var code = System.Text.RegularExpressions.Regex.Match(sms.Body, @"\d{6}").Value;
        Assert.Equal(HttpStatusCode.Redirect, (await PortalArrange.EnterCodeAsync(visitor, sent.Headers.Location!.OriginalString, code)).StatusCode);

        var page = await visitor.GetDocumentAsync("/t/juthuruna/track/request");
        Assert.Equal("بانتظار مستندات منك", page.QuerySelector("[data-testid=request-status]")!.TextContent.Trim());
        Assert.Contains("منتهي الصلاحية", page.QuerySelector("[data-testid=missing-documents]")!.TextContent);
    }
}
