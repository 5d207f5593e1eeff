using System.Security.Claims;
using Juthuruna.Data;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Juthuruna.Web.Infrastructure;

public static class StaffClaims
{
    /// <summary>The only source of a signed-in user's tenant (architecture rule 3).</summary>
    public const string Tenant = "juthuruna:tenant";

    public const string FullName = "juthuruna:name";

    public static Guid? TenantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Tenant), out var id) ? id : null;

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));

    /// <summary>The signed-in staff member as the workflow sees them: their id and the staff roles they hold.</summary>
    public static Actor Actor(this ClaimsPrincipal user) =>
        new(user.UserId(), Juthuruna.Identity.StaffRoles.All.Where(user.IsInRole).ToList());

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(FullName) ?? user.Identity?.Name ?? "";
}

/// <summary>Puts the tenant and display name into the sign-in cookie.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<ApplicationRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.Tenant, user.TenantId.ToString()));
        identity.AddClaim(new Claim(StaffClaims.FullName, user.FullName));
        return identity;
    }
}

/// <summary>Identity asks this before any sign-in: a disabled account is "not allowed".</summary>
public sealed class ActiveStaffConfirmation : IUserConfirmation<ApplicationUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(user.IsActive);
}

/// <summary>
/// Runs on every request that carries the sign-in cookie, before anything else touches the database:
/// binds the request's tenant from the cookie's claim, then checks in one indexed query that the user
/// still exists in that tenant, is active, has the same security stamp (password reset, role change,
/// disabling all renew it), that the association is not suspended and that the cookie's session was not
/// ended by signing out (ADR 0011). Otherwise the user is signed out. The same query reads what every page's
/// frame shows — the bell's unread count and today's committee seat — into <see cref="SignedInViewer"/>, so a
/// page pays one round trip for all of it (issue 13: at most five SQL commands per page).
/// </summary>
public static class StaffPrincipalValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.TenantId() is not { } tenantId
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || principal.SessionId() is not { } sessionId)
        {
            await RejectAsync(context);
            return;
        }

        var services = context.HttpContext.RequestServices;
        services.GetRequiredService<TenantContext>().Use(tenantId);
        services.GetRequiredService<Juthuruna.Features.Audit.CurrentUser>().Use(userId);
        var db = services.GetRequiredService<AppDbContext>();
        var stampClaimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var today = Juthuruna.Common.Dates.DualDate.Today(services.GetRequiredService<TimeProvider>());

        var state = await IdentityQuery(db, userId, sessionId, today, context.HttpContext.RequestAborted);

        if (state is null || !state.IsActive || state.Suspended || state.SecurityStamp != principal.FindFirstValue(stampClaimType)
            || state.SessionSeenAtUtc is not { } seenAtUtc)
        {
            await RejectAsync(context);
            return;
        }

        services.GetRequiredService<SignedInViewer>().Set(state.Unread, today, state.SeatToday);
        await services.GetRequiredService<SignInSessions>().SeenAsync(sessionId, seenAtUtc, context.HttpContext.RequestAborted);
    }

    /// <summary>What <see cref="ValidateAsync"/> reads in its one query.</summary>
    private sealed record IdentityState(
        string? SecurityStamp, bool IsActive, bool Suspended, DateTime? SessionSeenAtUtc, int Unread,
        Juthuruna.Features.Committee.CommitteeRole? SeatToday);

    /// <summary>
    /// The identity query, compiled once (EF.CompileAsyncQuery): it runs on every staff request, and a LINQ query
    /// pays for building, funcletising and hashing its expression tree on every execution before the cache finds its
    /// SQL — ~9 % of a light page's CPU under load (issue 13, perf on the queue at 8 connections). The association
    /// filter still applies: EF reads it from the context each time. The committee seat repeats
    /// <c>CommitteeQueries.ActiveOn</c> inline, since a compiled query cannot call a method that builds a query.
    /// </summary>
    private static readonly Func<AppDbContext, Guid, Guid, DateOnly, CancellationToken, Task<IdentityState?>> IdentityQuery =
        EF.CompileAsyncQuery((AppDbContext db, Guid userId, Guid sessionId, DateOnly today, CancellationToken ct) =>
            db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new IdentityState(
                    u.SecurityStamp,
                    u.IsActive,
                    db.Tenants.Any(t => t.Id == u.TenantId && t.IsSuspended),
                    // In the same query: the session check costs no extra round trip.
                    db.SignInSessions
                        .Where(s => s.Id == sessionId && s.Kind == SignInSessionKind.Staff && s.SubjectId == u.Id)
                        .Select(s => (DateTime?)s.SeenAtUtc).FirstOrDefault(),
                    db.Notifications.Count(n => n.RecipientUserId == u.Id && n.ReadAtUtc == null),
                    db.CommitteeMembers
                        .Where(m => m.UserId == u.Id && m.ActiveFrom <= today && (m.ActiveTo == null || today <= m.ActiveTo))
                        .OrderByDescending(m => m.Role).Select(m => (Juthuruna.Features.Committee.CommitteeRole?)m.Role).FirstOrDefault()))
                .SingleOrDefault());

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

/// <summary>
/// What the frame of every staff page shows about the signed-in user, read by <see cref="StaffPrincipalValidator"/>
/// in the request's one identity query: unread notifications (the bell) and the committee seat held today.
/// </summary>
public sealed class SignedInViewer
{
    public bool IsKnown { get; private set; }

    public int UnreadNotifications { get; private set; }

    /// <summary>The day <see cref="SeatToday"/> was read for (Riyadh's today when the request started).</summary>
    public DateOnly Today { get; private set; }

    public Juthuruna.Features.Committee.CommitteeRole? SeatToday { get; private set; }

    internal void Set(int unread, DateOnly today, Juthuruna.Features.Committee.CommitteeRole? seat)
    {
        IsKnown = true;
        UnreadNotifications = unread;
        Today = today;
        SeatToday = seat;
    }
}
