using System.Net;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.IntegrationTests.Portal;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Account;

/// <summary>
/// Signing out ends the session on the server: a copy of the cookie taken before (a shared computer, a stolen cookie)
/// opens nothing afterwards, while the person's other sessions go on.
/// </summary>
public sealed class SignOutTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>The cookie a response set, as a browser would send it back (all chunks of a large cookie).</summary>
    private static string CookieFrom(HttpResponseMessage response, string name) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith(name, StringComparison.Ordinal)));

    /// <summary>Another browser holding a copy of the cookie.</summary>
    private HttpClient Replaying(string cookie)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    [Fact]
    public async Task Logout_then_replaying_the_old_staff_cookie_is_redirected_to_login()
    {
        var tenant = await factory.CreateTenantAsync();
        using var browser = factory.CreateStaffClient();
        var login = await browser.SignInAsync(tenant.User(StaffRoles.Manager).Email, AppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var copy = Replaying(CookieFrom(login, "juthuruna.auth"));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostWithTokenAsync("/Account/Logout")).StatusCode);
        var replayed = await copy.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/Account/Login", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.SignInSessions.CountAsync()));
    }

    [Fact]
    public async Task Logout_ends_only_that_session_the_same_user_elsewhere_stays_signed_in()
    {
        var tenant = await factory.CreateTenantAsync();
        var email = tenant.User(StaffRoles.RelationsOfficer).Email;
        using var office = await factory.SignInAsync(email);
        using var laptop = await factory.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostWithTokenAsync("/Account/Logout")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/")).StatusCode);
        var officeAgain = await office.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, officeAgain.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.SignInSessions.CountAsync(s => s.Kind == SignInSessionKind.Staff)));
    }

    [Fact]
    public async Task Portal_sign_out_then_replaying_the_old_portal_cookie_shows_no_request()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var phone = factory.CreateStaffClient();
        var sent = await PortalArrange.LookUpAsync(phone, tenant.Slug, request.Number, request.IdentityNumber);
        var signedIn = await PortalArrange.EnterCodeAsync(phone, sent.Headers.Location!.OriginalString, await PortalArrange.LatestCodeAsync(factory, tenant));
        Assert.Equal($"/t/{tenant.Slug}/track/request", signedIn.Headers.Location?.OriginalString);
        using var copy = Replaying(CookieFrom(signedIn, "juthuruna.portal"));
        var tracked = $"/t/{tenant.Slug}/track/request";
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(tracked)).StatusCode);

        var signOut = await phone.SubmitFormAsync(tracked, "form[data-testid=sign-out]", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var replayed = await copy.GetAsync(tracked);

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Equal($"/t/{tenant.Slug}/track", replayed.Headers.Location!.OriginalString);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.SignInSessions.CountAsync(s => s.Kind == SignInSessionKind.Portal)));
    }
}
