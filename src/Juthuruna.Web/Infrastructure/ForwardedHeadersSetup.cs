using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the reverse proxies (addresses in <c>KnownProxies</c>, CIDR ranges in
/// <c>KnownNetworks</c>) whose X-Forwarded-For / X-Forwarded-Proto are believed. With neither configured no forwarded
/// header is trusted, not even from the loopback: anyone could otherwise pick their own address and dodge the portal's
/// per-client limits.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The framework trusts the loopback by default; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            options.ForwardedHeaders = proxies.Length + networks.Length > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
        });
        return services;
    }
}
