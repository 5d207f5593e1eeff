using Juthuruna.Data;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Tenants;

public sealed record AssociationRow(
    Guid Id,
    string Slug,
    string NameAr,
    string NameEn,
    string? City,
    string? LicenceNumber,
    int StaffUsers,
    DateTime CreatedAtUtc,
    bool IsSuspended);

/// <summary>A bounded page of associations; <see cref="HasMore"/> says that more exist than are shown.</summary>
public sealed record AssociationList(IReadOnlyList<AssociationRow> Rows, bool HasMore);

public sealed record TenantDetails(
    Guid Id,
    string Slug,
    string NameAr,
    string NameEn,
    string? City,
    string? Phone,
    string? Email,
    string? LicenceNumber,
    string NumberPrefix,
    bool IsPlatform,
    bool IsSuspended,
    DateTime CreatedAtUtc,
    int StaffUsers);

/// <summary>
/// The platform operator's read side of the tenants (host-admin feature only). Tenants themselves are
/// platform-level rows; what lies inside a tenant is reached only through
/// <see cref="CountStaffAcrossTenantsAsync"/>.
/// </summary>
public sealed class TenantDirectory(AppDbContext db)
{
    public const int ListLimit = 200;

    /// <summary>The associations (never the platform tenant), newest first, at most <see cref="ListLimit"/>.</summary>
    public async Task<AssociationList> ListAssociationsAsync(CancellationToken ct)
    {
        var tenants = await db.Tenants.AsNoTracking()
            .Where(t => !t.IsPlatform)
            .OrderByDescending(t => t.CreatedAtUtc).ThenBy(t => t.Slug)
            .Select(t => new { t.Id, t.Slug, t.NameAr, t.NameEn, t.City, t.LicenceNumber, t.CreatedAtUtc, t.IsSuspended })
            .Take(ListLimit + 1)
            .ToListAsync(ct);
        var hasMore = tenants.Count > ListLimit;
        var shown = tenants.Take(ListLimit).ToList();

        var staff = await CountStaffAcrossTenantsAsync(shown.Select(t => t.Id).ToList(), ct);
        var rows = shown
            .Select(t => new AssociationRow(
                t.Id, t.Slug, t.NameAr, t.NameEn, t.City, t.LicenceNumber, staff.GetValueOrDefault(t.Id), t.CreatedAtUtc, t.IsSuspended))
            .ToList();
        return new AssociationList(rows, hasMore);
    }

    /// <summary>
    /// Ids of the associations that are neither suspended nor the platform, after <paramref name="after"/>
    /// in id order, at most <paramref name="take"/>: background jobs walk them page by page and work in
    /// each one's own scope. Tenants are platform rows, so no filter is involved.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ActiveAssociationIdsAsync(Guid? after, int take, CancellationToken ct)
    {
        var query = db.Tenants.AsNoTracking().Where(t => !t.IsPlatform && !t.IsSuspended);
        if (after is { } last)
        {
            query = query.Where(t => t.Id.CompareTo(last) > 0);
        }

        return await query.OrderBy(t => t.Id).Select(t => t.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Any tenant, the platform included (shown as such); unknown id → not found.</summary>
    public async Task<TenantDetails> GetAsync(Guid tenantId, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => new
            {
                t.Id, t.Slug, t.NameAr, t.NameEn, t.City, t.Phone, t.Email, t.LicenceNumber,
                t.Settings.NumberPrefix, t.IsPlatform, t.IsSuspended, t.CreatedAtUtc,
            })
            .SingleOrDefaultAsync(ct) ?? throw new EntityNotFoundException(nameof(Tenant), tenantId);
        var staff = await CountStaffAcrossTenantsAsync([tenant.Id], ct);
        return new TenantDetails(
            tenant.Id, tenant.Slug, tenant.NameAr, tenant.NameEn, tenant.City, tenant.Phone, tenant.Email, tenant.LicenceNumber,
            tenant.NumberPrefix, tenant.IsPlatform, tenant.IsSuspended, tenant.CreatedAtUtc, staff.GetValueOrDefault(tenant.Id));
    }

    /// <summary>
    /// Number of staff users (active and disabled) per tenant, in one grouped query.
    /// REVIEWED EXCEPTION to architecture rule 7: users are tenant-owned, and the operator's own unit of
    /// work belongs to the platform tenant, so counting other tenants' users must lift the named
    /// <see cref="AppDbContext.TenantFilter"/> — only that filter, only here, only for the host-admin
    /// pages, and only to return counts keyed by tenant id (no user row leaves this method).
    /// </summary>
    private async Task<Dictionary<Guid, int>> CountStaffAcrossTenantsAsync(List<Guid> tenantIds, CancellationToken ct)
    {
        if (tenantIds.Count == 0)
        {
            return [];
        }

        return await db.Users.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(u => tenantIds.Contains(u.TenantId))
            .GroupBy(u => u.TenantId)
            .Select(g => new { TenantId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.TenantId, x => x.Count, ct);
    }
}
