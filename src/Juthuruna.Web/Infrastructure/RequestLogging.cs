using Juthuruna.Tenancy;
using Serilog.Context;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Adds TenantId and UserId (ids only: no names, e-mails or national IDs) to every log event of a request.
/// Runs after authentication, so the cookie's tenant is known.
/// </summary>
public sealed class LogContextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        // A beneficiary's portal session has no staff user id (and its claims are not logged).
        var staff = context.User.Identity is { IsAuthenticated: true, AuthenticationType: not PortalAuthentication.Scheme };
        var userId = staff ? context.User.UserId().ToString() : null;
        using (LogContext.PushProperty("TenantId", tenant.TenantId?.ToString()))
        using (LogContext.PushProperty("UserId", userId))
        {
            await next(context);
        }
    }
}
