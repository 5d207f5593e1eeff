using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Web.Pages.Admin.Audit;

public sealed record AuditRow(DateTime AtUtc, string User, AuditAction Action, string EntityType, string EntityId, IReadOnlyList<(string Field, string? Old, string? New)> Changes);

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 1000);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            query = query.Where(a => a.EntityType == EntityType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            query = query.Where(a => a.EntityId == EntityId.Trim());
        }

        if (UserId is { } userId)
        {
            var user = userId.ToString();
            query = query.Where(a => a.UserId == user);
        }

        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc >= start);
        }

        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < end);
        }

        var page = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = page.Count > PageSize;
        page = page.Take(PageSize).ToList();

        // User names in one query for the whole page (no N+1).
        var ids = page.Select(a => Guid.TryParse(a.UserId, out var g) ? g : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.FullName, ct);
        Rows = page.Select(a => new AuditRow(a.AtUtc, names.GetValueOrDefault(a.UserId, a.UserId), a.Action, a.EntityType, a.EntityId, AuditChanges.Read(a.Changes))).ToList();
    }
}
