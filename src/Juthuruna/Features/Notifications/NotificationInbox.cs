using Juthuruna.Common.Paging;
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

/// <param name="Older">Where the next (older) page starts; null when there are no older notifications.</param>
public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, TimeCursor? Older);

/// <summary>
/// A staff member's own in-app notifications. Every read and write is by recipient: another user's
/// notification, like another association's, is "not found".
/// </summary>
public sealed class NotificationInbox(AppDbContext db, TimeProvider clock)
{
    public const int ListSize = 50;

    /// <summary>
    /// Newest first, <see cref="ListSize"/> at a time, with the request's number and beneficiary in the same query; read
    /// from the index (TenantId, RecipientUserId, CreatedAtUtc, Id) in that order, so a page costs the same with 300,000
    /// notifications behind it. <paramref name="before"/> is the last notification of the previous page (older ones follow).
    /// </summary>
    public async Task<NotificationPage> ListAsync(Guid userId, TimeCursor? before, CancellationToken ct)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == userId);
        if (before is not null)
        {
            var at = before.At;
            var id = before.Id;
            // The first condition alone is a range seek on the index; the second breaks ties at the boundary.
            mine = mine.Where(n => n.CreatedAtUtc <= at && (n.CreatedAtUtc < at || n.Id.CompareTo(id) < 0));
        }

        // The request's number, beneficiary and due date as scalar subqueries (each a primary-key lookup), so the
        // statement keeps the index's order and the page is the first ListSize rows.
        var rows = await mine
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Take(ListSize + 1)
            .Select(n => new NotificationItem(
                n.Id,
                n.Kind,
                n.RequestId,
                db.SupportRequests.Where(r => r.Id == n.RequestId).Select(r => r.Number).FirstOrDefault(),
                db.SupportRequests.Where(r => r.Id == n.RequestId)
                    .Select(r => db.Beneficiaries.Where(b => b.Id == r.BeneficiaryId)
                        .Select(b => b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName).FirstOrDefault())
                    .FirstOrDefault(),
                db.SupportRequests.Where(r => r.Id == n.RequestId).Select(r => r.DecisionDueOn).FirstOrDefault(),
                n.CreatedAtUtc,
                n.ReadAtUtc))
            .ToListAsync(ct);

        var more = rows.Count > ListSize;
        var page = rows.Take(ListSize).ToList();
        return new NotificationPage(page, more ? new TimeCursor(page[^1].CreatedAtUtc, page[^1].Id) : null);
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
