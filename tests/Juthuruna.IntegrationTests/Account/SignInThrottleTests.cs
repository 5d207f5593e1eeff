using System.Diagnostics;
using System.Net;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.IntegrationTests.Portal;
using Microsoft.AspNetCore.Hosting;

namespace Juthuruna.IntegrationTests.Account;

/// <summary>
/// The sign-in throttle with small limits (the shared hosts lift them): each visitor's address is its X-Forwarded-For,
/// believed from the known proxy every request of this host comes through.
/// </summary>
public sealed class SignInThrottleAppFactory : BehindPeerAppFactory
{
    public const int ClientBurst = 3;
    public const int ClientPerWindow = 8;
    public const int AccountPerWindow = 4;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", Peer);
        builder.UseSetting("SignInLimits:ClientBurst", ClientBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SignInLimits:ClientRefillSeconds", "1");
        builder.UseSetting("SignInLimits:ClientQueue", "2");
        builder.UseSetting("SignInLimits:ClientPerWindow", ClientPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SignInLimits:AccountPerWindow", AccountPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SignInLimits:WindowMinutes", "15");
    }
}

public sealed class SignInThrottleTests(SignInThrottleAppFactory factory) : IClassFixture<SignInThrottleAppFactory>
{
    [Fact]
    public async Task SignIn_from_one_address_is_slowed_then_refused_with_429_in_arabic_and_retry_after()
    {
        using var attacker = ForwardedVisitors.Visitor(factory, "203.0.113.7");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < SignInThrottleAppFactory.ClientPerWindow; i++)
        {
            var answered = await attacker.SignInAsync($"guess-{i}@nowhere.test", "wrong-password");
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var elapsed = clock.Elapsed;
        var refused = await attacker.SignInAsync("guess-last@nowhere.test", "wrong-password");

        // Past the burst, one attempt a second: five more attempts cannot all be answered in less than about four.
        Assert.True(elapsed >= TimeSpan.FromSeconds(3), $"{SignInThrottleAppFactory.ClientPerWindow} attempts answered in {elapsed}");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 15 * 60);
        var page = await StaffClient.ParseAsync(refused);
        Assert.Equal($"محاولات دخول كثيرة. حاول مرة أخرى {InMinutes((retryAfter + 59) / 60)}.", page.QuerySelector("[data-testid=error-text]")!.TextContent.Trim());

        // Another address is answered as usual.
        using var colleague = ForwardedVisitors.Visitor(factory, "203.0.113.8");
        var other = await colleague.SignInAsync("guess-0@nowhere.test", "wrong-password");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(LoginTests.Refused, (await StaffClient.ParseAsync(other)).QuerySelector("[data-testid=login-error]")!.TextContent.Trim());
    }

    [Fact]
    public async Task SignIn_on_one_account_past_its_limit_is_refused_from_any_address_and_other_accounts_are_not()
    {
        var tenant = await factory.CreateTenantAsync();
        var target = tenant.User(StaffRoles.Manager);
        for (var i = 0; i < SignInThrottleAppFactory.AccountPerWindow; i++)
        {
            using var visitor = ForwardedVisitors.Visitor(factory, $"198.51.100.{10 + i}");
            Assert.Equal(HttpStatusCode.OK, (await visitor.SignInAsync(target.Email, "wrong-password")).StatusCode);
        }

        using var fresh = ForwardedVisitors.Visitor(factory, "198.51.100.99");
        var refused = await fresh.SignInAsync(target.Email.ToUpperInvariant(), AppFactory.Password);
        var otherAccount = await fresh.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email, AppFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("حاول مرة أخرى بعد", (await StaffClient.ParseAsync(refused)).QuerySelector("[data-testid=error-text]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, otherAccount.StatusCode);
    }

    /// <summary>"بعد N دقيقة" in the Arabic plural forms (CLDR: one, two, few 3–10, many 11–99, other).</summary>
    private static string InMinutes(int n) => n switch
    {
        1 => "بعد دقيقة واحدة",
        2 => "بعد دقيقتين",
        >= 3 and <= 10 => $"بعد {n} دقائق",
        _ => $"بعد {n} دقيقة",
    };
}
