using System.Net;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;

namespace Juthuruna.IntegrationTests.Shell;

public sealed class ShellTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Health_database_reachable_answers_200()
    {
        using var client = factory.CreateStaffClient();

        var response = await client.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_page_shows_friendly_arabic_404()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        var response = await client.Http.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal("الصفحة غير موجودة", page.QuerySelector("[data-testid=error-page] h1")!.TextContent.Trim());
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task Language_switch_to_english_is_remembered_and_switches_back()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        var switched = await client.SubmitFormAsync("/", "form[data-testid=culture-switch]", new Dictionary<string, string>());
        var english = await client.GetDocumentAsync("/");
        await client.SubmitFormAsync("/", "form[data-testid=culture-switch]", new Dictionary<string, string>());
        var arabic = await client.GetDocumentAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", english.DocumentElement.GetAttribute("dir"));
        Assert.Equal($"Association {tenant.Slug}", english.QuerySelector("[data-testid=association-name]")!.TextContent.Trim());
        Assert.Equal("ar", arabic.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Footer_shows_today_in_hijri_beside_gregorian()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);
        factory.Clock.SetUtcNow(Max(factory.Clock.GetUtcNow(), new DateTimeOffset(2026, 2, 18, 9, 0, 0, TimeSpan.Zero)));

        var page = await client.GetDocumentAsync("/");

        var footerDate = page.QuerySelector("footer time")!;
        Assert.Matches(@"^\d{1,2} \S+( \S+)? 14\d\d هـ — \d{1,2} \S+ 20\d\d م$", footerDate.TextContent);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        using var client = factory.CreateStaffClient();

        var response = await client.Http.GetAsync("/Account/Login");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
