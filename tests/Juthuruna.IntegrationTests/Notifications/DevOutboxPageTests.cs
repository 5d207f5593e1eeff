using System.Net;
using AngleSharp.Html.Parser;

namespace Juthuruna.IntegrationTests.Notifications;

public sealed class DevOutboxPageTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task DevOutbox_in_development_lists_what_the_local_sink_kept_without_signing_in()
    {
        var tenant = await factory.CreateTenantAsync();
        var ids = await TestMessages.AddAsync(factory, tenant, 2);
        await TestMessages.DispatchAsync(factory);

        var response = await factory.CreateClient().GetAsync("/dev/outbox");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var rows = page.QuerySelectorAll("[data-testid=outbox-message]");
        Assert.Equal(ids.Order(), rows.Select(r => Guid.Parse(r.GetAttribute("data-id")!)).Order());
        // Both were sent at the same (fake) instant, in either order: find the second by its id.
        var second = rows.Single(r => r.GetAttribute("data-id") == ids[1].ToString());
        Assert.Equal("Email", second.GetAttribute("data-channel"));
        Assert.Equal($"beneficiary1@{tenant.Slug}.test", second.QuerySelector("[data-testid=outbox-recipient]")!.TextContent.Trim());
        Assert.Equal("استلام طلبكم رقم 1", second.QuerySelector("[data-testid=outbox-subject]")!.TextContent.Trim());
        Assert.Equal("تم استلام طلب الدعم الخاص بكم برقم 1", second.QuerySelector("[data-testid=outbox-body]")!.TextContent.Trim());
    }
}

public sealed class DevOutboxProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task DevOutbox_in_production_is_not_found()
    {
        var response = await factory.CreateClient().GetAsync("/dev/outbox");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
