using Juthuruna.Data;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Audit;

/// <param name="EntityType">A record kind from <see cref="AuditQueries.Kinds"/>.</param>
/// <param name="Actor">A staff member's id, <see cref="AuditEntry.PortalUser"/> or <see cref="AuditEntry.SystemUser"/>.</param>
public sealed record AuditFilter(string? EntityType, string? EntityId, string? Actor, DateOnly? From, DateOnly? To);

/// <summary>The record a row is about, as a person knows it (file number and name, request number…) and the page that shows it.</summary>
public sealed record AuditRecord(string? Name, string? Path);

public sealed record AuditRow(
    Guid Id,
    DateTime AtUtc,
    string Actor,
    string? ActorName,
    AuditAction Action,
    string EntityType,
    string EntityId,
    AuditRecord Record,
    IReadOnlyList<(string Field, string? Old, string? New)> Changes);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, bool HasMore);

public sealed record StaffOption(Guid Id, string Name);

/// <summary>
/// The administrator's audit log: bounded pages, newest first, with the actors' names and the records' names
/// read for the whole page at once (one query per kind present on the page, never one per row). The views still
/// queued by <see cref="AccessLogBuffer"/> are written first, so the log is complete to its reader.
/// </summary>
public sealed class AuditQueries(AppDbContext db, AccessLogBuffer views)
{
    public const int PageSize = 50;
    public const int MaxPage = 1000;

    /// <summary>Technical fields no administrator needs to read (tokens, search keys, storage paths).</summary>
    private static readonly HashSet<string> HiddenFields = ["SearchKey", "Version", "IdempotencyKey", "StorageKey"];

    /// <summary>The record kinds that have audit rows: every audited entity with a table of its own.</summary>
    public static IReadOnlyList<string> Kinds { get; } = typeof(IAudited).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAudited).IsAssignableFrom(t) && typeof(Tenancy.ITenantOwned).IsAssignableFrom(t))
        .Select(t => t.Name)
        .Order(StringComparer.Ordinal)
        .ToList();

    public async Task<AuditPage> ListAsync(AuditFilter filter, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, MaxPage);
        await views.FlushAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var entityId = filter.EntityId.Trim();
            query = query.Where(a => a.EntityId == entityId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(a => a.UserId == filter.Actor);
        }

        // Days are Saudi days (UTC+3), like every date the app shows.
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-3);
            query = query.Where(a => a.AtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-3);
            query = query.Where(a => a.AtUtc < end);
        }

        var entries = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        var hasMore = entries.Count > PageSize;
        entries = entries.Take(PageSize).ToList();

        var userIds = entries.Select(a => Guid.TryParse(a.UserId, out var g) ? g : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id.ToString(), u => u.FullName, ct);
        var records = await RecordsAsync(entries, ct);

        var rows = entries.Select(a => new AuditRow(
            a.Id, a.AtUtc, a.UserId, names.GetValueOrDefault(a.UserId), a.Action, a.EntityType, a.EntityId,
            records.GetValueOrDefault((a.EntityType, a.EntityId)) ?? new AuditRecord(null, null),
            AuditChanges.Read(a.Changes).Where(c => !HiddenFields.Contains(FieldName(c.Field))).ToList())).ToList();
        return new AuditPage(rows, hasMore);
    }

    /// <summary>The association's staff, for the "who" filter (bounded).</summary>
    public async Task<IReadOnlyList<StaffOption>> StaffAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().OrderBy(u => u.FullName).Take(500)
            .Select(u => new StaffOption(u.Id, u.FullName)).ToListAsync(ct);

    /// <summary>The last segment of a field path: <c>IncomeSources[id].MonthlyHalalas</c> → <c>MonthlyHalalas</c>.</summary>
    public static string FieldName(string field) => field[(field.LastIndexOf('.') + 1)..];

    private async Task<Dictionary<(string Type, string Id), AuditRecord>> RecordsAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var ids = entries.GroupBy(a => a.EntityType).ToDictionary(
            g => g.Key,
            g => g.Select(a => Guid.TryParse(a.EntityId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList());
        var result = new Dictionary<(string, string), AuditRecord>();
        List<Guid> Of(string type) => ids.GetValueOrDefault(type) ?? [];
        void Add(string type, Guid id, string? name, string? path) => result[(type, id.ToString())] = new AuditRecord(name, path);

        if (Of(nameof(Beneficiaries.Beneficiary)) is { Count: > 0 } beneficiaries)
        {
            foreach (var b in await db.Beneficiaries.AsNoTracking().Where(b => beneficiaries.Contains(b.Id))
                         .Select(b => new { b.Id, b.FileNumber, b.FirstName, b.FamilyName }).ToListAsync(ct))
            {
                Add(nameof(Beneficiaries.Beneficiary), b.Id, $"{b.FileNumber} · {b.FirstName} {b.FamilyName}", $"/Beneficiaries/Details/{b.Id}");
            }
        }

        // A request's steps are shown as the request they belong to.
        var requestOf = new List<(string Type, Guid Id, Guid RequestId)>();
        if (Of(nameof(SupportRequest)) is { Count: > 0 } requests)
        {
            requestOf.AddRange(requests.Select(id => (nameof(SupportRequest), id, id)));
        }

        async Task StepsAsync<T>(IQueryable<T> set, string type, Func<IQueryable<T>, List<Guid>, IQueryable<StepRef>> select)
        {
            if (Of(type) is { Count: > 0 } stepIds)
            {
                requestOf.AddRange((await select(set, stepIds).ToListAsync(ct)).Select(s => (type, s.Id, s.RequestId)));
            }
        }

        await StepsAsync(db.DocumentChecks.AsNoTracking(), nameof(DocumentCheck), (s, i) => s.Where(x => i.Contains(x.Id)).Select(x => new StepRef(x.Id, x.RequestId)));
        await StepsAsync(db.Declarations.AsNoTracking(), nameof(Declaration), (s, i) => s.Where(x => i.Contains(x.Id)).Select(x => new StepRef(x.Id, x.RequestId)));
        await StepsAsync(db.Referrals.AsNoTracking(), nameof(Referral), (s, i) => s.Where(x => i.Contains(x.Id)).Select(x => new StepRef(x.Id, x.RequestId)));
        await StepsAsync(db.ResearchReports.AsNoTracking(), nameof(ResearchReport), (s, i) => s.Where(x => i.Contains(x.Id)).Select(x => new StepRef(x.Id, x.RequestId)));
        await StepsAsync(db.Registrations.AsNoTracking(), nameof(Registration), (s, i) => s.Where(x => i.Contains(x.Id)).Select(x => new StepRef(x.Id, x.RequestId)));
        await StepsAsync(db.ServiceDeliveries.AsNoTracking(), nameof(ServiceDelivery), (s, i) => s.Where(x => i.Contains(x.Id)).Select(x => new StepRef(x.Id, x.RequestId)));
        await StepsAsync(db.PortalUploads.AsNoTracking(), nameof(Portal.PortalUpload), (s, i) => s.Where(x => i.Contains(x.Id)).Select(x => new StepRef(x.Id, x.RequestId)));
        if (requestOf.Count > 0)
        {
            var requestIds = requestOf.Select(r => r.RequestId).Distinct().ToList();
            var numbers = await db.SupportRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id))
                .Select(r => new { r.Id, r.Number }).ToDictionaryAsync(r => r.Id, r => r.Number, ct);
            foreach (var (type, id, requestId) in requestOf)
            {
                if (numbers.TryGetValue(requestId, out var number))
                {
                    Add(type, id, number, $"/Requests/Details/{requestId}");
                }
            }
        }

        if (Of(nameof(Committee.CommitteeSession)) is { Count: > 0 } sessions)
        {
            foreach (var s in await db.CommitteeSessions.AsNoTracking().Where(s => sessions.Contains(s.Id)).Select(s => new { s.Id, s.Number }).ToListAsync(ct))
            {
                Add(nameof(Committee.CommitteeSession), s.Id, s.Number, $"/Committee/Sessions/Details/{s.Id}");
            }
        }

        // An agenda item and a vote are shown as the request the committee decided on, linked to the item.
        var items = Of(nameof(Committee.AgendaItem));
        var votes = Of(nameof(Committee.CommitteeVote));
        if (items.Count + votes.Count > 0)
        {
            var voteItems = await db.CommitteeVotes.AsNoTracking().Where(v => votes.Contains(v.Id))
                .Select(v => new { v.Id, v.AgendaItemId }).ToListAsync(ct);
            var itemIds = items.Concat(voteItems.Select(v => v.AgendaItemId)).Distinct().ToList();
            var itemNumbers = await db.AgendaItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
                .Join(db.SupportRequests, i => i.RequestId, r => r.Id, (i, r) => new { i.Id, r.Number })
                .ToDictionaryAsync(i => i.Id, i => i.Number, ct);
            foreach (var id in items.Where(itemNumbers.ContainsKey))
            {
                Add(nameof(Committee.AgendaItem), id, itemNumbers[id], $"/Committee/Items/{id}");
            }

            foreach (var v in voteItems.Where(v => itemNumbers.ContainsKey(v.AgendaItemId)))
            {
                Add(nameof(Committee.CommitteeVote), v.Id, itemNumbers[v.AgendaItemId], $"/Committee/Items/{v.AgendaItemId}");
            }
        }

        if (Of(nameof(Committee.CommitteeMember)) is { Count: > 0 } seats)
        {
            foreach (var m in await db.CommitteeMembers.AsNoTracking().Where(m => seats.Contains(m.Id))
                         .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, u.FullName }).ToListAsync(ct))
            {
                Add(nameof(Committee.CommitteeMember), m.Id, m.FullName, "/Admin/Committee");
            }
        }

        if (Of(nameof(Policies.PolicyDocument)) is { Count: > 0 } policies)
        {
            foreach (var p in await db.PolicyDocuments.AsNoTracking().Where(p => policies.Contains(p.Id)).Select(p => new { p.Id, p.TitleAr }).ToListAsync(ct))
            {
                Add(nameof(Policies.PolicyDocument), p.Id, p.TitleAr, $"/Policies/Details/{p.Id}");
            }
        }

        if (Of(nameof(Feedback.FeedbackItem)) is { Count: > 0 } feedback)
        {
            foreach (var f in await db.FeedbackItems.AsNoTracking().Where(f => feedback.Contains(f.Id)).Select(f => new { f.Id, f.Reference }).ToListAsync(ct))
            {
                Add(nameof(Feedback.FeedbackItem), f.Id, f.Reference, $"/Feedback/Details/{f.Id}");
            }
        }

        if (Of(nameof(Files.StoredFile)) is { Count: > 0 } files)
        {
            foreach (var f in await db.StoredFiles.AsNoTracking().Where(f => files.Contains(f.Id)).Select(f => new { f.Id, f.OriginalName, f.OwnerKind, f.OwnerId }).ToListAsync(ct))
            {
                Add(nameof(Files.StoredFile), f.Id, f.OriginalName, f.OwnerKind == nameof(Beneficiaries.Beneficiary) ? $"/Beneficiaries/Details/{f.OwnerId}" : null);
            }
        }

        return result;
    }

    private sealed record StepRef(Guid Id, Guid RequestId);
}
