using System.Security.Claims;
using Juthuruna.Data;
using Juthuruna.Identity;
using Juthuruna.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Web.Infrastructure;

/// <summary>The association whose public portal (<c>/t/{slug}/…</c>) this request is for.</summary>
public sealed record PortalAssociation(Guid Id, string Slug, string NameAr, string NameEn, string? Phone, string? Email)
{
    public string Name(bool arabic) => arabic ? NameAr : NameEn;

    /// <summary>The portal address of a page of this association, e.g. <c>Path("track")</c> → <c>/t/juthuruna/track</c>.</summary>
    public string Path(string? rest = null) => rest is { Length: > 0 } ? $"/t/{Slug}/{rest.TrimStart('/')}" : $"/t/{Slug}";
}

/// <summary>
/// The beneficiary's side of the application: pages under <c>/t/{slug}/…</c>, no staff account. The tenant comes only
/// from the route slug (architecture rule 3); the staff cookie is not even read on these paths, so a signed-in staff
/// member of one association may open another association's portal without the two tenants ever meeting in one scope.
/// </summary>
public static class PortalAuthentication
{
    /// <summary>The cookie of a beneficiary who proved who they are with a one-time code.</summary>
    public const string Scheme = "Portal";

    /// <summary>Staff cookie everywhere, portal cookie on portal paths: the default scheme forwards by path.</summary>
    public const string SelectorScheme = "StaffOrPortal";

    /// <summary>The association the portal session was opened in; compared with the route's association on every use.</summary>
    public const string TenantClaim = "juthuruna:portal-tenant";

    public static bool IsPortalPath(PathString path) => path.StartsWithSegments("/t");

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddPolicyScheme(SelectorScheme, SelectorScheme, o => o.ForwardDefaultSelector = context =>
                IsPortalPath(context.Request.Path) ? Scheme : IdentityConstants.ApplicationScheme)
            .AddCookie(Scheme, o =>
            {
                o.Cookie.Name = "juthuruna.portal";
                o.Cookie.Path = "/t";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // A short, non-sliding session: a shared or borrowed phone forgets the beneficiary soon.
                o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                o.SlidingExpiration = false;
                o.Events.OnRedirectToLogin = RespondNotFoundAsync;
                o.Events.OnRedirectToAccessDenied = RespondNotFoundAsync;
                // Server-side sessions: "sign out" on a borrowed phone ends the cookie for good (ADR 0011).
                o.Events.OnSigningIn = context => ServerSideSessions.OnSigningInAsync(context, SignInSessionKind.Portal, TenantClaim, PortalSessions.BeneficiaryClaim);
                o.Events.OnSigningOut = context => ServerSideSessions.OnSigningOutAsync(context, TenantClaim);
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
            });
        // Runs after AddIdentity's defaults, so it replaces them: every request is authenticated by the selector.
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o =>
        {
            o.DefaultScheme = SelectorScheme;
            o.DefaultAuthenticateScheme = SelectorScheme;
            o.DefaultChallengeScheme = SelectorScheme;
            o.DefaultForbidScheme = SelectorScheme;
        });
        return services;
    }

    /// <summary>A portal cookie counts only while its session is open in the association it was opened in.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var open = false;
        if (Guid.TryParse(principal?.FindFirstValue(TenantClaim), out var tenantId)
            && Guid.TryParse(principal!.FindFirstValue(PortalSessions.BeneficiaryClaim), out var beneficiaryId)
            && principal.SessionId() is { } sessionId)
        {
            // Its own scope: the cookie may belong to another association's portal than this request's.
            await using var scope = context.HttpContext.RequestServices.GetRequiredService<TenantScopeFactory>().BeginScope(tenantId);
            open = await scope.ServiceProvider.GetRequiredService<SignInSessions>()
                .IsOpenAsync(sessionId, SignInSessionKind.Portal, beneficiaryId, context.HttpContext.RequestAborted);
        }

        if (!open)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    private static Task RespondNotFoundAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>
    /// The portal user of this request's association, or null: a portal cookie opened in another association's portal
    /// counts as not signed in here.
    /// </summary>
    public static ClaimsPrincipal? PortalUser(this HttpContext context) =>
        context.PortalAssociation() is { } association
        && context.User.Identity?.AuthenticationType == Scheme
        && context.User.FindFirstValue(TenantClaim) == association.Id.ToString()
            ? context.User
            : null;

    public static PortalAssociation? PortalAssociation(this HttpContext context) =>
        context.Items.TryGetValue(typeof(PortalAssociation), out var value) ? value as PortalAssociation : null;
}

/// <summary>
/// Binds a portal request to the association named by its slug before anything in the request opens the database,
/// so every DbContext of the request is filtered to that association. An unknown, suspended or platform slug is a 404.
/// </summary>
public sealed class PortalTenantMiddleware(RequestDelegate next, IServiceScopeFactory scopes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!PortalAuthentication.IsPortalPath(context.Request.Path))
        {
            await next(context);
            return;
        }

        var slug = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, var s, ..] ? s.ToLowerInvariant() : null;
        var association = slug is null ? null : await FindAsync(slug, context.RequestAborted);
        if (association is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.RequestServices.GetRequiredService<TenantContext>().Use(association.Id);
        context.Items[typeof(PortalAssociation)] = association;
        await next(context);
    }

    private async Task<PortalAssociation?> FindAsync(string slug, CancellationToken ct)
    {
        // A scope of its own: the request's DbContext must first be created after the tenant is bound.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Tenants.AsNoTracking()
            .Where(t => t.Slug == slug && !t.IsPlatform && !t.IsSuspended)
            .Select(t => new PortalAssociation(t.Id, t.Slug, t.NameAr, t.NameEn, t.Phone, t.Email))
            .SingleOrDefaultAsync(ct);
    }
}

/// <summary>Who a portal request comes from, for the portal's rate limits.</summary>
public static class PortalClients
{
    /// <summary>
    /// The client's address: the connection's peer, or, when that peer is a configured reverse proxy, the address it
    /// forwarded (<see cref="ForwardedHeadersSetup"/> has applied X-Forwarded-For before any page runs). Requests without
    /// an address (the test server) share one client.
    /// </summary>
    public static string ClientAddress(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>A 429 that tells clients (and well-behaved scripts) when to come back.</summary>
    public static void TooManyRequests(this HttpResponse response, TimeSpan retryAfter)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (retryAfter > TimeSpan.Zero)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
