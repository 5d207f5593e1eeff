namespace Juthuruna.Tenancy;

/// <summary>
/// Marks an entity that belongs to exactly one association. The DbContext filters every query on it
/// by the tenant it was constructed for, stamps the tenant on insert and refuses cross-tenant writes.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
