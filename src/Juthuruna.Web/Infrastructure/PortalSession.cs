using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Juthuruna.Web.Infrastructure;

/// <summary>The request a beneficiary opened the portal session for, with a one-time code: the only one they may see.</summary>
public sealed record PortalSession(Guid RequestId, Guid BeneficiaryId);

public static class PortalSessions
{
    public const string RequestClaim = "juthuruna:portal-request";
    public const string BeneficiaryClaim = "juthuruna:portal-beneficiary";

    /// <summary>This association's portal session, or null (none, expired, or opened in another association's portal).</summary>
    public static PortalSession? PortalSession(this HttpContext context) =>
        context.PortalUser() is { } user
        && Guid.TryParse(user.FindFirstValue(RequestClaim), out var requestId)
        && Guid.TryParse(user.FindFirstValue(BeneficiaryClaim), out var beneficiaryId)
            ? new PortalSession(requestId, beneficiaryId)
            : null;

    public static Task SignInToPortalAsync(this HttpContext context, Guid associationId, PortalSession session)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(PortalAuthentication.TenantClaim, associationId.ToString()),
                new Claim(RequestClaim, session.RequestId.ToString()),
                new Claim(BeneficiaryClaim, session.BeneficiaryId.ToString()),
            ],
            PortalAuthentication.Scheme);
        return context.SignInAsync(PortalAuthentication.Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutOfPortalAsync(this HttpContext context) => context.SignOutAsync(PortalAuthentication.Scheme);
}
