using System.Net;
using Juthuruna.Features.Tenants;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Portal;

/// <summary>The portal's address names the association; nothing else does (no staff account, no header, no query).</summary>
public sealed class PortalShellTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Portal_home_of_an_association_shows_its_name_in_arabic_without_signing_in()
    {
        var tenant = await factory.CreateTenantAsync();
        using var visitor = factory.CreateStaffClient();

        var page = await visitor.GetDocumentAsync($"/t/{tenant.Slug}");

        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal($"جمعية {tenant.Slug}", page.QuerySelector("[data-testid=portal-association]")!.TextContent.Trim());
        Assert.Contains("متابعة طلب", page.QuerySelector("[data-testid=portal-menu]")!.TextContent);
    }

    [Fact]
    public async Task Portal_of_an_unknown_or_suspended_association_is_not_found()
    {
        await factory.CreateHostAdminAsync(); // the platform tenant, slug "platform"
        var suspended = await factory.CreateTenantAsync();
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantProvisioning>().SetSuspendedAsync(suspended.Id, true, CancellationToken.None);
        }

        using var visitor = factory.CreateStaffClient();

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync("/t/no-such-association")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/t/{suspended.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync("/t/platform")).StatusCode);
    }

    [Fact]
    public async Task Portal_of_another_association_opens_for_a_signed_in_staff_member_without_mixing_tenants()
    {
        var own = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        using var officer = await factory.SignInAsync(own.Users[Juthuruna.Identity.StaffRoles.RelationsOfficer].Email);

        var portal = await officer.GetDocumentAsync($"/t/{other.Slug}");
        var staffHome = await officer.Http.GetAsync("/");

        Assert.Equal($"جمعية {other.Slug}", portal.QuerySelector("[data-testid=portal-association]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, staffHome.StatusCode);
    }
}
