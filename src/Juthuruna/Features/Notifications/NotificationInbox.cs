using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Notifications;

public sealed record NotificationItem(
    Guid Id,
    NotificationKind Kind,
    Guid? RequestId,
    string? RequestNumber,
    string? BeneficiaryName,
    DateOnly? DecisionDueOn,
    DateTime CreatedAtUtc,
    DateTime? ReadAtUtc)
{
    public bool IsRead => ReadAtUtc is not null;
}

/// <summary>
/// A staff member's own in-app notifications. Every read and write is by recipient: another user's
/// notification, like another association's, is "not found".
/// </summary>
public sealed class NotificationInbox(AppDbContext db, TimeProvider clock)
{
    public const int ListSize = 100;

    /// <summary>Newest first, at most <see cref="ListSize"/>, with the request's number and beneficiary in the same query.</summary>
    public async Task<IReadOnlyList<NotificationItem>> ListAsync(Guid userId, CancellationToken ct) =>
        await (
                from n in db.Notifications.AsNoTracking()
                where n.RecipientUserId == userId
                orderby n.CreatedAtUtc descending, n.Id descending
                select n)
            .Take(ListSize)
            .GroupJoin(db.SupportRequests, n => n.RequestId, r => (Guid?)r.Id, (n, rs) => new { n, rs })
            .SelectMany(x => x.rs.DefaultIfEmpty(), (x, r) => new { x.n, r })
            .GroupJoin(db.Beneficiaries, x => x.r == null ? (Guid?)null : x.r.BeneficiaryId, b => (Guid?)b.Id, (x, bs) => new { x.n, x.r, bs })
            .SelectMany(x => x.bs.DefaultIfEmpty(), (x, b) => new NotificationItem(
                x.n.Id,
                x.n.Kind,
                x.n.RequestId,
                x.r == null ? null : x.r.Number,
                b == null ? null : b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
                x.r == null ? null : x.r.DecisionDueOn,
                x.n.CreatedAtUtc,
                x.n.ReadAtUtc))
            .OrderByDescending(i => i.CreatedAtUtc).ThenByDescending(i => i.Id)
            .ToListAsync(ct);

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct) =>
        db.Notifications.AsNoTracking().CountAsync(n => n.RecipientUserId == userId && n.ReadAtUtc == null, ct);

    /// <summary>Marks one of the user's own notifications read; reading it twice changes nothing.</summary>
    public async Task MarkReadAsync(Guid userId, Guid notificationId, CancellationToken ct)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.RecipientUserId == userId, ct)
            ?? throw new EntityNotFoundException(nameof(Notification), notificationId);
        if (notification.ReadAtUtc is null)
        {
            notification.ReadAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Marks all the user's unread notifications read, in one statement; returns how many.</summary>
    public Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications
            .Where(n => n.RecipientUserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }
}
