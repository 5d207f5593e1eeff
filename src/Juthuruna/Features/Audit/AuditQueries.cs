using System.Runtime.CompilerServices;
using Juthuruna.Common.Paging;
using Juthuruna.Data;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Audit;

/// <param name="EntityType">A record kind from <see cref="AuditQueries.Kinds"/>.</param>
/// <param name="Actor">A staff member's id, <see cref="AuditEntry.PortalUser"/> or <see cref="AuditEntry.SystemUser"/>.</param>
/// <param name="From">The first Saudi day (UTC+3) of the period, included.</param>
/// <param name="To">The last Saudi day of the period, included.</param>
public sealed record AuditFilter(string? EntityType, string? EntityId, string? Actor, DateOnly? From, DateOnly? To, AuditAction? Action = null);

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

/// <param name="Previous">Where the previous (newer) page ends; null on the first page.</param>
/// <param name="Next">Where the next (older) page starts; null on the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, TimeCursor? Previous, TimeCursor? Next)
{
    public static AuditPage Empty { get; } = new([], null, null);
}

public sealed record StaffOption(Guid Id, string Name);

/// <summary>
/// The administrator's audit log (ADR 0018, 0021): newest first by keyset on (AtUtc, Id) — the log is the largest table,
/// so page 500 must read what page 1 does — through an index per filter that ends with (AtUtc, Id): every entry, one
/// record kind, one record, one actor, one action. The actors' names and the records' names are read for a whole page
/// (or a batch of the export) at once: one query per kind present, never one per row. The views still queued by
/// <see cref="AccessLogBuffer"/> are written first, so the log is complete to its reader.
/// </summary>
public sealed class AuditQueries(AppDbContext db, AccessLogBuffer views)
{
    public const int PageSize = 50;

    /// <summary>An export holds at most this many rows (the filters narrow a larger one).</summary>
    public const int MaxExportRows = 200_000;

    /// <summary>The export reads the log in batches of this many entries (their names read per batch).</summary>
    private const int ExportBatch = 1000;

    /// <summary>Technical fields no administrator needs to read (tokens, search keys, storage paths).</summary>
    private static readonly HashSet<string> HiddenFields = ["SearchKey", "Version", "IdempotencyKey", "StorageKey"];

    /// <summary>The names the exports' audit entries carry as their record kind.</summary>
    public static IReadOnlyList<string> ExportedLists { get; } = ["SupportRequestList", "BeneficiaryList", "ContactList", AuditList];

    /// <summary>The audit log's own export, audited like the others.</summary>
    public const string AuditList = "AuditList";

    /// <summary>
    /// The record kinds that have audit rows: every audited entity with a table of its own, the lists whose
    /// exports are audited (issue 16) and the import of files.
    /// </summary>
    public static IReadOnlyList<string> Kinds { get; } = typeof(IAudited).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAudited).IsAssignableFrom(t) && typeof(Tenancy.ITenantOwned).IsAssignableFrom(t))
        .Select(t => t.Name)
        .Concat(ExportedLists)
        .Append("ImportJob")
        .Append(Staff.AccountEvents.Kind)
        .Order(StringComparer.Ordinal)
        .ToList();

    public async Task<AuditPage> ListAsync(AuditFilter filter, TimeCursor? after, TimeCursor? before, CancellationToken ct)
    {
        await views.FlushAsync(ct);
        var query = Filtered(filter);
        var backward = before is not null;
        if ((before ?? after) is { } cursor)
        {
            query = Beyond(query, cursor, backward);
        }

        var ordered = backward
            ? query.OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
            : query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id);
        var entries = await ordered.Take(PageSize + 1).ToListAsync(ct);
        var more = entries.Count > PageSize;
        entries = entries.Take(PageSize).ToList();
        if (backward)
        {
            entries.Reverse();
        }

        var rows = await RowsAsync(entries, await NamesAsync(entries, ct), ct);
        return new AuditPage(
            rows,
            rows.Count == 0 || (backward ? !more : after is null) ? null : new TimeCursor(rows[0].AtUtc, rows[0].Id),
            rows.Count == 0 || (!backward && !more) ? null : new TimeCursor(rows[^1].AtUtc, rows[^1].Id));
    }

    /// <summary>
    /// Every entry the filter selects, newest first, as it is written out (at most <see cref="MaxExportRows"/>): read in
    /// keyset batches of <see cref="ExportBatch"/>, each with its records' names, so memory holds one batch.
    /// </summary>
    public async IAsyncEnumerable<AuditRow> ExportAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await views.FlushAsync(ct);
        var staff = await db.Users.AsNoTracking().Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id.ToString(), u => u.FullName, ct);
        TimeCursor? cursor = null;
        var written = 0;
        while (written < MaxExportRows)
        {
            var query = Filtered(filter);
            if (cursor is not null)
            {
                query = Beyond(query, cursor, backward: false);
            }

            var batch = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
                .Take(Math.Min(ExportBatch, MaxExportRows - written)).ToListAsync(ct);
            foreach (var row in await RowsAsync(batch, staff, ct))
            {
                yield return row;
            }

            written += batch.Count;
            if (batch.Count < ExportBatch)
            {
                yield break;
            }

            cursor = new TimeCursor(batch[^1].AtUtc, batch[^1].Id);
        }
    }

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
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

        if (filter.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
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

        return query;
    }

    /// <summary>The entries after the cursor in the list's order (older), or before it (newer) for the previous page.</summary>
    private static IQueryable<AuditEntry> Beyond(IQueryable<AuditEntry> query, TimeCursor cursor, bool backward)
    {
        var at = cursor.At;
        var id = cursor.Id;
        return backward
            ? query.Where(a => a.AtUtc > at || (a.AtUtc == at && a.Id.CompareTo(id) > 0))
            : query.Where(a => a.AtUtc < at || (a.AtUtc == at && a.Id.CompareTo(id) < 0));
    }

    private async Task<Dictionary<string, string>> NamesAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var userIds = entries.Select(a => Guid.TryParse(a.UserId, out var g) ? g : (Guid?)null).OfType<Guid>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id.ToString(), u => u.FullName, ct);
    }

    private async Task<List<AuditRow>> RowsAsync(IReadOnlyList<AuditEntry> entries, IReadOnlyDictionary<string, string> names, CancellationToken ct)
    {
        var records = await RecordsAsync(entries, ct);
        return entries.Select(a => new AuditRow(
            a.Id, a.AtUtc, a.UserId, names.GetValueOrDefault(a.UserId), a.Action, a.EntityType, a.EntityId,
            records.GetValueOrDefault((a.EntityType, a.EntityId)) ?? new AuditRecord(null, null),
            AuditChanges.Read(a.Changes).Where(c => !HiddenFields.Contains(FieldName(c.Field))).ToList())).ToList();
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

        if (Of(Staff.AccountEvents.Kind) is { Count: > 0 } accounts)
        {
            foreach (var u in await db.Users.AsNoTracking().Where(u => accounts.Contains(u.Id)).Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync(ct))
            {
                Add(Staff.AccountEvents.Kind, u.Id, $"{u.FullName} · {u.Email}", $"/Admin/Users/Edit/{u.Id}");
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
