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
    public async Task<IReadOnlyList<NotificationItem>> ListAsync(Guid userId, CancellationToken ct)
    {
        var newest = db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUserId == userId)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Take(ListSize);
        var items = await (
                from n in newest
                join r in db.SupportRequests on n.RequestId equals r.Id into requests
                from r in requests.DefaultIfEmpty()
                join b in db.Beneficiaries on r.BeneficiaryId equals b.Id into beneficiaries
                from b in beneficiaries.DefaultIfEmpty()
                select new NotificationItem(
                    n.Id,
                    n.Kind,
                    n.RequestId,
                    r == null ? null : r.Number,
                    b == null ? null : b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
                    r == null ? null : r.DecisionDueOn,
                    n.CreatedAtUtc,
                    n.ReadAtUtc))
            .ToListAsync(ct);

        // The joins do not keep the subquery's order: sort the (bounded) page again.
        return items.OrderByDescending(i => i.CreatedAtUtc).ThenByDescending(i => i.Id).ToList();
    }

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
