using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Staff;

public sealed record StaffListRow(
    Guid Id,
    string FullName,
    string Email,
    IReadOnlyList<string> Roles,
    string? BranchNameAr,
    string? BranchNameEn,
    bool IsActive,
    bool IsLockedOut,
    DateTime CreatedAtUtc);

public sealed record StaffListPage(IReadOnlyList<StaffListRow> Rows, int Page, int PageCount, int Total);

public sealed record StaffDetails(
    Guid Id,
    string FullName,
    string Email,
    IReadOnlyList<string> Roles,
    string? BranchNameAr,
    string? BranchNameEn,
    bool IsActive,
    bool IsLockedOut,
    DateTimeOffset? LockoutEnd,
    DateTime CreatedAtUtc);

public sealed record BranchOption(Guid Id, string NameAr, string NameEn);

/// <summary>Reads of the current tenant's staff accounts, projected into records (the tenant filter does the scoping).</summary>
public sealed class StaffQueries(AppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>
    /// The association's active staff who hold any of <paramref name="roles"/> — the one way to ask who the
    /// researchers, secretaries or committee readers are. Composable: callers add their order, bounds and projection.
    /// </summary>
    public static IQueryable<Identity.ApplicationUser> ActiveInRoles(AppDbContext db, params string[] roles) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));

    // Identity stamps LockoutEnd with the system clock (UserManager takes no TimeProvider), so "locked
    // now" is measured on the same clock, as the login page does.
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public async Task<StaffListPage> ListAsync(string? search, int page, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(u => u.FullName.Contains(term) || u.NormalizedEmail!.Contains(upper));
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);

        var users = await query
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id,
                u.FullName,
                u.Email,
                BranchNameAr = db.Branches.Where(b => b.Id == u.BranchId).Select(b => b.NameAr).FirstOrDefault(),
                BranchNameEn = db.Branches.Where(b => b.Id == u.BranchId).Select(b => b.NameEn).FirstOrDefault(),
                u.IsActive,
                u.LockoutEnd,
                u.CreatedAtUtc,
            })
            .ToListAsync(ct);

        var roles = await RolesOfAsync(users.Select(u => u.Id).ToList(), ct);
        var now = Now;
        var rows = users.Select(u => new StaffListRow(
                u.Id, u.FullName, u.Email ?? "", roles[u.Id].ToList(), u.BranchNameAr, u.BranchNameEn,
                u.IsActive, u.LockoutEnd > now, u.CreatedAtUtc))
            .ToList();
        return new StaffListPage(rows, page, pageCount, total);
    }

    public async Task<StaffDetails?> FindAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.FullName,
                u.Email,
                BranchNameAr = db.Branches.Where(b => b.Id == u.BranchId).Select(b => b.NameAr).FirstOrDefault(),
                BranchNameEn = db.Branches.Where(b => b.Id == u.BranchId).Select(b => b.NameEn).FirstOrDefault(),
                u.IsActive,
                u.LockoutEnd,
                u.CreatedAtUtc,
            })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesOfAsync([user.Id], ct);
        return new StaffDetails(user.Id, user.FullName, user.Email ?? "", roles[user.Id].ToList(), user.BranchNameAr, user.BranchNameEn,
            user.IsActive, user.LockoutEnd > Now, user.LockoutEnd, user.CreatedAtUtc);
    }

    public async Task<IReadOnlyList<BranchOption>> BranchesAsync(CancellationToken ct) =>
        await db.Branches.AsNoTracking().Where(b => b.IsActive)
            .OrderByDescending(b => b.IsHeadOffice).ThenBy(b => b.Code)
            .Select(b => new BranchOption(b.Id, b.NameAr, b.NameEn))
            .Take(200)
            .ToListAsync(ct);

    // One query for the roles of every user on the page (no N+1).
    private async Task<ILookup<Guid, string>> RolesOfAsync(List<Guid> userIds, CancellationToken ct)
    {
        var pairs = await db.UserRoles.AsNoTracking()
            .Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return pairs.ToLookup(p => p.UserId, p => p.Name!);
    }
}
