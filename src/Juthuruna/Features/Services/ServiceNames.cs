using System.Collections.Concurrent;
using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Services;

/// <summary>
/// The names of an association's services for display, kept in memory per association: a page that shows service
/// names beside requests, registrations and decisions then costs no SQL command for them (issue 13: at most five
/// per page). An id the copy does not know (a service created since, here or on another node) reloads it; a
/// rename or deactivation through <see cref="SupportServices"/> drops it at once on this node, and every copy is
/// reloaded after <see cref="MaxAge"/> so another node's rename shows within that time.
/// </summary>
public sealed class ServiceNameCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, (DateTimeOffset LoadedAt, IReadOnlyList<ServiceName> Names)> _byTenant = new();

    internal bool TryGet(Guid tenantId, out IReadOnlyList<ServiceName> names)
    {
        if (_byTenant.TryGetValue(tenantId, out var entry) && clock.GetUtcNow() - entry.LoadedAt < MaxAge)
        {
            names = entry.Names;
            return true;
        }

        names = [];
        return false;
    }

    internal void Set(Guid tenantId, IReadOnlyList<ServiceName> names) => _byTenant[tenantId] = (clock.GetUtcNow(), names);

    public void Invalidate(Guid tenantId) => _byTenant.TryRemove(tenantId, out _);
}

/// <summary>The association's service names (see <see cref="ServiceNameCache"/>).</summary>
public sealed class ServiceNames(AppDbContext db, ServiceNameCache cache)
{
    public const int MaxServices = 500;

    /// <summary>
    /// Every service of the association (active or not) in catalogue order (by code); read from the database only when
    /// the copy is missing, old or lacks one of <paramref name="needed"/>.
    /// </summary>
    public async Task<IReadOnlyList<ServiceName>> AllAsync(IReadOnlyCollection<Guid> needed, CancellationToken ct)
    {
        var tenantId = db.TenantId ?? throw new InvalidOperationException("Service names are read in an association's scope.");
        if (cache.TryGet(tenantId, out var names) && needed.All(id => names.Any(s => s.Id == id)))
        {
            return names;
        }

        var loaded = await db.SupportServices.AsNoTracking().OrderBy(s => s.Code).Take(MaxServices)
            .Select(s => new ServiceName(s.Id, s.NameAr, s.NameEn, s.IsActive))
            .ToListAsync(ct);
        cache.Set(tenantId, loaded);
        return loaded;
    }

    /// <summary>The display name of each service in the language of the page (Arabic when no English name was given).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> needed, bool arabic, CancellationToken ct) =>
        (await AllAsync(needed, ct)).ToDictionary(s => s.Id, s => arabic || s.NameEn == null ? s.NameAr : s.NameEn);
}
