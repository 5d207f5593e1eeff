using Juthuruna.Data;
using Juthuruna.Identity;
using Juthuruna.Tenancy;
using Juthuruna.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Tests.Tenancy;

/// <summary>
/// Architecture rules 1 and 4 as a test over the EF model: a new entity that forgets the tenant, or a
/// unique index that would make one association's value collide with another's, fails the build.
/// </summary>
public sealed class TenancyModelTests
{
    // Platform-level types: rows that describe tenants or route to them, never data of one association.
    private static readonly HashSet<Type> PlatformTypes = [typeof(Tenant), typeof(StaffDirectoryEntry), typeof(Features.Letters.LetterVerification)];

    private static AppDbContext NewContext() => new(TestDatabase.SqliteOptions("Data Source=:memory:"), new TenantContext());

    [Fact]
    public void Model_every_entity_is_tenant_owned_or_a_known_platform_type()
    {
        using var db = NewContext();

        var unowned = db.Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && !typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && !PlatformTypes.Contains(e.ClrType))
            .Select(e => e.ClrType.Name)
            .ToList();

        Assert.Empty(unowned);
    }

    [Fact]
    public void Model_every_tenant_owned_entity_has_the_named_tenant_filter()
    {
        using var db = NewContext();

        var tenantOwned = db.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).ToList();
        var missing = tenantOwned.Where(e => e.FindDeclaredQueryFilter(AppDbContext.TenantFilter) is null).Select(e => e.ClrType.Name).ToList();

        Assert.NotEmpty(tenantOwned);
        Assert.Empty(missing);
    }

    [Fact]
    public void Model_every_unique_index_of_a_tenant_owned_entity_starts_with_TenantId()
    {
        using var db = NewContext();

        var offending = db.Model.GetEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .SelectMany(e => e.GetIndexes().Where(i => i.IsUnique).Select(i => (Entity: e.ClrType.Name, Index: i)))
            .Where(x => x.Index.Properties[0].Name != nameof(ITenantOwned.TenantId))
            .Select(x => $"{x.Entity}({string.Join(", ", x.Index.Properties.Select(p => p.Name))})")
            .ToList();

        Assert.Empty(offending);
    }
}
