using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Notifications.Messaging;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Juthuruna.Features.Notifications;

/// <summary>How many notifications one run wrote, by kind.</summary>
public sealed record RemindersRaised(int DueSoon, int Overdue)
{
    public static readonly RemindersRaised None = new(0, 0);

    public int Total => DueSoon + Overdue;

    public RemindersRaised Add(RemindersRaised other) => new(DueSoon + other.DueSoon, Overdue + other.Overdue);
}

/// <summary>
/// The decision window's reminders (issue 4, policy step 5): when a request awaiting the committee's
/// decision has <see cref="DecisionWindow.AtRiskDays"/> days or fewer left, the committee secretary is
/// reminded; once it is overdue, the manager is told. Runs inside one tenant's scope (architecture rule 5),
/// written to the outbox; each message is raised once per request and recipient (<see cref="Notification.DedupKey"/>).
/// </summary>
public sealed class DecisionWindowReminders(AppDbContext db, TimeProvider clock, MessageTemplates templates, ILogger<DecisionWindowReminders> logger)
{
    /// <summary>Requests read per query; a run walks through the pages up to <see cref="MaxPagesPerRun"/>.</summary>
    public const int DefaultPageSize = 500;

    /// <summary>Keeps one run bounded (5,000 requests per kind); the next run carries on from the start.</summary>
    public const int MaxPagesPerRun = 10;

    /// <summary>Settable so a test can walk several pages with a handful of requests.</summary>
    internal int PageSize { get; set; } = DefaultPageSize;

    public static string DedupKey(NotificationKind kind, Guid requestId, Guid userId) => $"{kind}:{requestId}:{userId}";

    public async Task<RemindersRaised> RaiseAsync(CancellationToken ct)
    {
        if (db.TenantId is null)
        {
            throw new InvalidOperationException("Reminders are raised inside a tenant's scope.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DualDate.RiyadhDay(now);

        var secretaries = await SecretariesAsync(today, ct);
        var managers = await ActiveUsersInRoleAsync(StaffRoles.Manager, ct);

        var emails = await EmailsAsync(secretaries.Concat(managers).Distinct().ToList(), ct);

        var dueSoon = await RaiseKindAsync(NotificationKind.DecisionDueSoon, secretaries, emails, today, now, ct);
        var overdue = await RaiseKindAsync(NotificationKind.DecisionOverdue, managers, emails, today, now, ct);
        if (dueSoon + overdue > 0)
        {
            logger.LogInformation("Decision window: {DueSoon} due-soon reminders and {Overdue} overdue escalations raised", dueSoon, overdue);
        }

        return new RemindersRaised(dueSoon, overdue);
    }

    private async Task<int> RaiseKindAsync(NotificationKind kind, IReadOnlyList<Guid> recipients, IReadOnlyDictionary<Guid, string> emails, DateOnly today, DateTime now, CancellationToken ct)
    {
        if (recipients.Count == 0)
        {
            return 0;
        }

        var query = db.SupportRequests.AsNoTracking()
            .Where(r => RequestWorkflow.AwaitingDecisionStates.Contains(r.State) && r.DecisionDueOn != null);
        var atRiskUntil = today.AddDays(DecisionWindow.AtRiskDays);
        query = kind == NotificationKind.DecisionDueSoon
            ? query.Where(r => r.DecisionDueOn >= today && r.DecisionDueOn <= atRiskUntil)
            : query.Where(r => r.DecisionDueOn < today);

        var raised = 0;
        (DateOnly Due, Guid Id)? after = null;
        for (var page = 0; page < MaxPagesPerRun; page++)
        {
            // Keyset paging on (due date, id): the index (TenantId, State, DecisionDueOn) serves the filter.
            var pageQuery = query;
            if (after is { } last)
            {
                pageQuery = pageQuery.Where(r => r.DecisionDueOn > last.Due || (r.DecisionDueOn == last.Due && r.Id.CompareTo(last.Id) > 0));
            }

            var requests = await pageQuery
                .OrderBy(r => r.DecisionDueOn).ThenBy(r => r.Id)
                .Select(r => new RequestDue(r.Id, r.Number, r.DecisionDueOn!.Value))
                .Take(PageSize)
                .ToListAsync(ct);
            if (requests.Count == 0)
            {
                break;
            }

            raised += await InsertMissingAsync(kind, requests, recipients, emails, now, ct);
            if (requests.Count < PageSize)
            {
                break;
            }

            after = (requests[^1].Due, requests[^1].Id);
        }

        return raised;
    }

    private async Task<int> InsertMissingAsync(NotificationKind kind, List<RequestDue> requests, IReadOnlyList<Guid> recipients, IReadOnlyDictionary<Guid, string> emails, DateTime now, CancellationToken ct)
    {
        var requestIds = requests.Select(r => r.Id).ToList();
        for (var attempt = 1; ; attempt++)
        {
            // One query for the keys already raised for this page, through the unique (TenantId, DedupKey) index.
            var existing = (await db.Notifications.AsNoTracking()
                    .Where(n => n.Kind == kind && n.RequestId != null && requestIds.Contains(n.RequestId.Value))
                    .Select(n => n.DedupKey)
                    .ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);

            var added = 0;
            foreach (var request in requests)
            {
                foreach (var userId in recipients)
                {
                    var key = DedupKey(kind, request.Id, userId);
                    if (existing.Contains(key))
                    {
                        continue;
                    }

                    var notification = new Notification
                    {
                        Kind = kind,
                        RecipientUserId = userId,
                        RequestId = request.Id,
                        DedupKey = key,
                        CreatedAtUtc = now,
                        Status = DeliveryStatus.Pending,
                    };
                    db.Notifications.Add(notification);
                    if (emails.TryGetValue(userId, out var email))
                    {
                        // Written with the notification, under the same unique-key check: one e-mail per notification.
                        var text = kind == NotificationKind.DecisionDueSoon
                            ? templates.DecisionDueSoon(request.Number, request.Due)
                            : templates.DecisionOverdue(request.Number, request.Due);
                        db.OutgoingMessages.Add(new OutgoingMessage
                        {
                            Kind = kind == NotificationKind.DecisionDueSoon ? MessageKind.DecisionDueSoon : MessageKind.DecisionOverdue,
                            Channel = MessageChannel.Email,
                            NotificationId = notification.Id,
                            DedupKey = $"{key}:{MessageChannel.Email}",
                            Recipient = email,
                            Subject = text.Subject,
                            Body = text.Body,
                            Status = DeliveryStatus.Pending,
                            NextAttemptAtUtc = now,
                            CreatedAtUtc = now,
                        });
                    }

                    added++;
                }
            }

            if (added == 0)
            {
                return 0;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                return added;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another run (a second web node, or a restart overlapping) raised some of these between our
                // check and our insert: the unique index decided. Whatever it wrote counts as raised; write
                // the rest.
                db.ChangeTracker.Clear();
                logger.LogInformation("Decision window: a concurrent run raised some {Kind} notifications first", kind);
            }
        }
    }

    /// <summary>
    /// Who keeps the committee's agenda today: the active users with a secretary's seat on the committee;
    /// until seats are recorded, the active users holding the committee secretary's staff role.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> SecretariesAsync(DateOnly today, CancellationToken ct)
    {
        var seated = await CommitteeQueries.ActiveOn(db, today).AsNoTracking()
            .Where(m => m.Role == CommitteeRole.Secretary)
            .Join(db.Users.Where(u => u.IsActive), m => m.UserId, u => u.Id, (m, u) => u.Id)
            .Distinct()
            .OrderBy(id => id)
            .Take(50)
            .ToListAsync(ct);
        return seated.Count > 0 ? seated : await ActiveUsersInRoleAsync(StaffRoles.CommitteeSecretary, ct);
    }

    /// <summary>The recipients' e-mail addresses, in one query (a user without one gets the in-app notification only).</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> EmailsAsync(List<Guid> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.Email != null && u.Email != "")
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => u.Email!);
    }

    private sealed record RequestDue(Guid Id, string Number, DateOnly Due);

    private async Task<IReadOnlyList<Guid>> ActiveUsersInRoleAsync(string role, CancellationToken ct)
    {
        return await Staff.StaffQueries.ActiveInRoles(db, role).AsNoTracking()
            .Select(u => u.Id)
            .OrderBy(id => id)
            .Take(50)
            .ToListAsync(ct);
    }
}
