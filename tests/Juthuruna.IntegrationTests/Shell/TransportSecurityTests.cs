using System.Net;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Juthuruna.IntegrationTests.Shell;

/// <summary>The application as deployed: the Production environment, reached over HTTPS at a real host name.</summary>
public sealed class ProductionHttpsAppFactory : AppFactory
{
    public static readonly Uri Origin = new("https://jamiya.example.sa/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    public StaffClient CreateHttpsClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Origin, AllowAutoRedirect = false, HandleCookies = true }));
}

public sealed class TransportSecurityTests(ProductionHttpsAppFactory factory) : IClassFixture<ProductionHttpsAppFactory>
{
    [Fact]
    public async Task Production_over_https_every_cookie_is_secure_and_http_only_where_it_must_be()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = factory.CreateHttpsClient();
        var cookies = new List<string>();

        // Antiforgery (the form), TempData (a message carried over a redirect), the staff sign-in, the culture choice.
        var login = await client.Http.GetAsync("/Account/Login");
        cookies.AddRange(SetCookies(login));
        var signIn = await client.SignInAsync(tenant.Admin.Email, AppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        cookies.AddRange(SetCookies(signIn));
        var culture = await client.SubmitFormAsync("/", "form[data-testid=culture-switch]", new Dictionary<string, string> { ["culture"] = "en" });
        cookies.AddRange(SetCookies(culture));
        var saved = await client.SubmitFormAsync("/Admin/Settings", "form[data-testid=feedback-settings-form]", new Dictionary<string, string>());
        cookies.AddRange(SetCookies(saved));

        Assert.Contains(cookies, c => c.StartsWith("juthuruna.af=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("juthuruna.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies.Where(c => c.StartsWith("juthuruna.auth=", StringComparison.Ordinal) || c.StartsWith("juthuruna.af=", StringComparison.Ordinal)),
            c => Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_over_https_sends_hsts_for_a_year_with_subdomains_and_a_strict_policy()
    {
        using var client = factory.CreateHttpsClient();

        var response = await client.Http.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_that_the_policy_would_block()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = factory.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(tenant.Admin.Email, AppFactory.Password)).StatusCode);

        foreach (var url in new[] { "/", "/Beneficiaries", "/Beneficiaries/Create", "/Requests", "/Admin/Users", "/Admin/Audit", "/Admin/Settings" })
        {
            var page = await client.GetDocumentAsync(url);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"{url}: inline script"));
            Assert.Empty(page.QuerySelectorAll("[style]").Select(e => $"{url}: style attribute on <{e.LocalName}>"));
            Assert.Empty(page.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.Ordinal) && a.Name != "open").Select(a => $"{url}: {a.Name} on <{e.LocalName}>")));
        }
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
