namespace Juthuruna.Tenancy;

/// <summary>
/// The tenant of the current unit of work (a web request or a background job), scoped per DI scope.
/// The web host sets it from the signed-in user's claim or the public route slug; background work
/// sets it through <see cref="TenantScopeFactory"/>. It is set at most once: a scope never changes tenant.
/// </summary>
public sealed class TenantContext
{
    public Guid? TenantId { get; private set; }

    public void Use(Guid tenantId)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A tenant id cannot be empty.", nameof(tenantId));
        }

        if (TenantId is { } current && current != tenantId)
        {
            throw new TenantMismatchException($"This scope already belongs to tenant {current}; it cannot switch to {tenantId}.");
        }

        TenantId = tenantId;
    }
}

public sealed class TenantMismatchException : InvalidOperationException
{
    public TenantMismatchException(string message) : base(message)
    {
    }

    public TenantMismatchException()
    {
    }

    public TenantMismatchException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
