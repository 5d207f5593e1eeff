using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.Tenancy;

/// <summary>
/// Opens a DI scope bound to one tenant (architecture rule 5): background jobs, sign-in and tenant
/// provisioning resolve their DbContext and Identity managers from it, so the query filter and the
/// SaveChanges checks apply exactly as in a signed-in request.
/// </summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopeFactory)
{
    public AsyncServiceScope BeginScope(Guid tenantId)
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenantId);
        return scope;
    }
}
