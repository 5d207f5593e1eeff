using System.Net;
using Juthuruna.Features.Portal;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Portal;

/// <summary>
/// Every request of these hosts arrives from <see cref="Peer"/> (the test server has no peer address of its own), as if
/// a reverse proxy at that address stood in front of the application.
/// </summary>
public class BehindPeerAppFactory : AppFactory
{
    public const string Peer = "10.20.30.40";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Peer);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The same, with the peer configured as a known proxy: its X-Forwarded-For is believed.</summary>
public sealed class KnownProxyAppFactory : BehindPeerAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", Peer);
    }
}

internal static class ForwardedVisitors
{
    public const string Form = "form[data-testid=portal-feedback-form]";

    public static readonly Dictionary<string, string> Fields = new()
    {
        ["Input.Kind"] = "Suggestion",
        ["Input.Category"] = "Other",
        ["Input.Subject"] = "اقتراح",
        ["Input.Text"] = "نقترح تمديد ساعات الاستقبال.",
        ["Input.Name"] = "سعد الدوسري",
        ["Input.Mobile"] = "0551234567",
    };

    public static StaffClient Visitor(AppFactory factory, string forwardedFor)
    {
        var client = factory.CreateStaffClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    public static Task<HttpResponseMessage> SubmitAsync(StaffClient visitor, TestTenant tenant) =>
        visitor.SubmitFormAsync($"/t/{tenant.Slug}/feedback", Form, Fields);
}

public sealed class PortalClientAddressBehindKnownProxyTests(KnownProxyAppFactory factory) : IClassFixture<KnownProxyAppFactory>
{
    [Fact]
    public async Task Portal_limits_count_each_forwarded_address_separately_when_the_proxy_is_known()
    {
        var tenant = await factory.CreateTenantAsync();
        using var first = ForwardedVisitors.Visitor(factory, "203.0.113.7");
        using var second = ForwardedVisitors.Visitor(factory, "198.51.100.9");
        for (var i = 0; i < PortalLimits.FeedbackSubmission.MaxAttempts; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ForwardedVisitors.SubmitAsync(first, tenant)).StatusCode);
        }

        var refused = await ForwardedVisitors.SubmitAsync(first, tenant);
        var other = await ForwardedVisitors.SubmitAsync(second, tenant);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(PortalLimits.FeedbackSubmission.Window, refused.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        // Two clients, and neither address is stored: only its hash.
        var keys = await factory.QueryAsync(tenant.Id, db => db.PortalAttempts.Select(a => a.ClientKey).Distinct().ToListAsync());
        Assert.Equal([PortalThrottle.ClientKey("198.51.100.9"), PortalThrottle.ClientKey("203.0.113.7")], keys.Order().ToList());
    }
}

public sealed class PortalClientAddressWithoutProxyTests(BehindPeerAppFactory factory) : IClassFixture<BehindPeerAppFactory>
{
    [Fact]
    public async Task Portal_limits_ignore_forwarded_addresses_when_no_proxy_is_configured()
    {
        var tenant = await factory.CreateTenantAsync();
        using var first = ForwardedVisitors.Visitor(factory, "203.0.113.7");
        using var second = ForwardedVisitors.Visitor(factory, "198.51.100.9");
        for (var i = 0; i < PortalLimits.FeedbackSubmission.MaxAttempts; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ForwardedVisitors.SubmitAsync(first, tenant)).StatusCode);
        }

        var other = await ForwardedVisitors.SubmitAsync(second, tenant);

        Assert.Equal(HttpStatusCode.TooManyRequests, other.StatusCode);
        var key = await factory.QueryAsync(tenant.Id, db => db.PortalAttempts.Select(a => a.ClientKey).Distinct().SingleAsync());
        Assert.Equal(PortalThrottle.ClientKey(BehindPeerAppFactory.Peer), key);
    }
}
