using System.Security.Claims;
using Juthuruna.Identity;
using Juthuruna.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Ties every sign-in cookie (staff and portal) to a <see cref="SignInSession"/> row: signing in writes the row and puts
/// its id in the cookie, signing out deletes it, and a cookie whose row is gone is refused — so a copy of the cookie
/// kept after "sign out" opens nothing (ADR 0011).
/// </summary>
public static class ServerSideSessions
{
    public const string Claim = "juthuruna:session";

    public static Guid? SessionId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(Claim), out var id) ? id : null;

    /// <summary>Cookie event: records the session in the association of <paramref name="tenantClaim"/> and adds its id to the cookie.</summary>
    public static async Task OnSigningInAsync(CookieSigningInContext context, SignInSessionKind kind, string tenantClaim, string subjectClaim)
    {
        var principal = context.Principal!;
        if (!Guid.TryParse(principal.FindFirstValue(tenantClaim), out var tenantId) || !Guid.TryParse(principal.FindFirstValue(subjectClaim), out var subjectId))
        {
            throw new InvalidOperationException("A sign-in cookie must name its association and subject.");
        }

        // A scope of the principal's association: at sign-in the request itself may not be bound to it yet (staff login).
        await using var scope = context.HttpContext.RequestServices.GetRequiredService<TenantScopeFactory>().BeginScope(tenantId);
        var sessionId = await scope.ServiceProvider.GetRequiredService<SignInSessions>().StartAsync(kind, subjectId, context.HttpContext.RequestAborted);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(Claim, sessionId.ToString()));
    }

    /// <summary>Cookie event: ends the session of the cookie being removed (the request's user of that scheme).</summary>
    public static async Task OnSigningOutAsync(CookieSigningOutContext context, string tenantClaim)
    {
        // The request's user, when it was authenticated by this cookie: a sign-out while the cookie is being refused
        // (the validator rejecting it) has no user yet and nothing to end.
        var user = context.HttpContext.User;
        if (user.Identity?.AuthenticationType != context.Scheme.Name
            || user.SessionId() is not { } sessionId
            || !Guid.TryParse(user.FindFirstValue(tenantClaim), out var tenantId))
        {
            return;
        }

        await using var scope = context.HttpContext.RequestServices.GetRequiredService<TenantScopeFactory>().BeginScope(tenantId);
        await scope.ServiceProvider.GetRequiredService<SignInSessions>().EndAsync(sessionId, CancellationToken.None);
    }
}
