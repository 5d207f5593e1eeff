using Juthuruna.Common.Paging;
using Juthuruna.Common.Saudi;
using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Contacts;

public sealed record ContactListItem(
    Guid Id,
    DateTime OccurredAtUtc,
    ContactChannel Channel,
    ContactDirection Direction,
    ContactType Type,
    string Summary,
    DateOnly? FollowUpOn,
    Guid? BeneficiaryId,
    string? BeneficiaryName,
    string? BeneficiaryFileNumber,
    string? CallerName,
    string? CallerMobile,
    string? StaffName)
{
    /// <summary>Who the contact was with: the file's name once linked, otherwise the caller's.</summary>
    public string PersonName => BeneficiaryName ?? CallerName ?? "—";
}

public sealed record ContactDetails(ContactListItem Contact, string? Outcome, DateTime CreatedAtUtc, DateTime? LinkedAtUtc);

public sealed record ContactFilter(ContactChannel? Channel, ContactType? Type, DateOnly? From, DateOnly? To, bool FollowUpsDue);

/// <param name="Previous">Where the previous (newer) page ends; null on the first page.</param>
/// <param name="Next">Where the next (older) page starts; null on the last page.</param>
public sealed record ContactPage(IReadOnlyList<ContactListItem> Items, TimeCursor? Previous, TimeCursor? Next)
{
    public static ContactPage Empty { get; } = new([], null, null);
}

public sealed record ContactCounts(int Today, int FollowUpsDue);

/// <summary>Reads of the contacts log: no tracking, projections, bounded pages, one query per list (no N+1).</summary>
public sealed class ContactQueries(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;
    public const int MaxExportRows = 200_000;
    public const int TimelineSize = 50;

    /// <summary>
    /// The contacts log, newest first, by keyset on (TenantId, OccurredAtUtc, Id) — page 500 costs what page 1 does
    /// (ADR 0018): <paramref name="after"/> for the next (older) page, <paramref name="before"/> for the previous one.
    /// </summary>
    public async Task<ContactPage> ListAsync(ContactFilter filter, TimeCursor? after, TimeCursor? before, CancellationToken ct)
    {
        var query = Filtered(filter);
        var backward = before is not null;
        if ((before ?? after) is { } cursor)
        {
            var at = cursor.At;
            var id = cursor.Id;
            query = backward
                ? query.Where(c => c.OccurredAtUtc > at || (c.OccurredAtUtc == at && c.Id.CompareTo(id) > 0))
                : query.Where(c => c.OccurredAtUtc < at || (c.OccurredAtUtc == at && c.Id.CompareTo(id) < 0));
        }

        var ordered = backward
            ? query.OrderBy(c => c.OccurredAtUtc).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.OccurredAtUtc).ThenByDescending(c => c.Id);
        var rows = await Project(ordered.Take(PageSize + 1)).ToListAsync(ct);
        var more = rows.Count > PageSize;
        var items = rows.Take(PageSize).ToList();
        if (backward)
        {
            items.Reverse();
        }

        return new ContactPage(
            items,
            items.Count == 0 || (backward ? !more : after is null) ? null : new TimeCursor(items[0].OccurredAtUtc, items[0].Id),
            items.Count == 0 || (!backward && !more) ? null : new TimeCursor(items[^1].OccurredAtUtc, items[^1].Id));
    }

    /// <summary>Every contact the filter selects, newest first, as it is read (at most <see cref="MaxExportRows"/>).</summary>
    public IAsyncEnumerable<ContactListItem> ExportAsync(ContactFilter filter) =>
        Project(Filtered(filter).OrderByDescending(c => c.OccurredAtUtc).ThenByDescending(c => c.Id).Take(MaxExportRows)).AsAsyncEnumerable();

    private IQueryable<Contact> Filtered(ContactFilter filter)
    {
        var query = db.Contacts.AsNoTracking();
        if (filter.Channel is { } channel)
        {
            query = query.Where(c => c.Channel == channel);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(c => c.Type == type);
        }

        // Dates are Saudi calendar days; stored times are UTC (Saudi = UTC+3).
        if (filter.From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-3);
            query = query.Where(c => c.OccurredAtUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-3);
            query = query.Where(c => c.OccurredAtUtc < toUtc);
        }

        if (filter.FollowUpsDue)
        {
            var today = ContactTimes.SaudiToday(clock.GetUtcNow().UtcDateTime);
            query = query.Where(c => c.FollowUpOn != null && c.FollowUpOn <= today);
        }

        return query;
    }

    /// <summary>The newest contacts of one file, bounded.</summary>
    /// <summary>A file's contacts, newest first, at most <paramref name="size"/> (and never more than <see cref="TimelineSize"/>).</summary>
    public async Task<IReadOnlyList<ContactListItem>> TimelineAsync(Guid beneficiaryId, int size, CancellationToken ct) =>
        await Project(db.Contacts.AsNoTracking().Where(c => c.BeneficiaryId == beneficiaryId)
                .OrderByDescending(c => c.OccurredAtUtc).ThenByDescending(c => c.Id).Take(Math.Min(size, TimelineSize)))
            .ToListAsync(ct);

    public async Task<ContactDetails> GetDetailsAsync(Guid id, CancellationToken ct)
    {
        var item = await Project(db.Contacts.AsNoTracking().Where(c => c.Id == id)).SingleOrDefaultAsync(ct)
            ?? throw new EntityNotFoundException(nameof(Contact), id);
        var extra = await db.Contacts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Outcome, c.CreatedAtUtc, c.LinkedAtUtc }).SingleAsync(ct);
        return new ContactDetails(item, extra.Outcome, extra.CreatedAtUtc, extra.LinkedAtUtc);
    }

    /// <summary>Files whose mobile is the given one: the likely file of an unknown caller.</summary>
    public async Task<IReadOnlyList<FileSuggestion>> SuggestFilesAsync(string? mobile, CancellationToken ct)
    {
        if (!SaudiMobile.TryNormalize(mobile, out var e164))
        {
            return [];
        }

        return await db.Beneficiaries.AsNoTracking().Where(b => b.Mobile == e164)
            .OrderBy(b => b.FileNumber).Take(5)
            .Select(b => new FileSuggestion(b.Id, b.FileNumber, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName))
            .ToListAsync(ct);
    }

    public async Task<ContactCounts> CountsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ContactTimes.SaudiToday(now);
        var startUtc = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-3);
        var endUtc = startUtc.AddDays(1);
        // Both counts in one statement, each from its own index.
        var counts = await db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId)
            .Select(t => new
            {
                Today = db.Contacts.Count(c => c.OccurredAtUtc >= startUtc && c.OccurredAtUtc < endUtc),
                Due = db.Contacts.Count(c => c.FollowUpOn != null && c.FollowUpOn <= today),
            })
            .SingleAsync(ct);
        return new ContactCounts(counts.Today, counts.Due);
    }

    private IQueryable<ContactListItem> Project(IQueryable<Contact> contacts) =>
        from c in contacts
        join u in db.Users on c.StaffUserId equals u.Id into staff
        from u in staff.DefaultIfEmpty()
        select new ContactListItem(
            c.Id, c.OccurredAtUtc, c.Channel, c.Direction, c.Type, c.Summary, c.FollowUpOn, c.BeneficiaryId,
            c.Beneficiary == null ? null : c.Beneficiary.FirstName + " " + c.Beneficiary.FatherName + " " + c.Beneficiary.GrandfatherName + " " + c.Beneficiary.FamilyName,
            c.Beneficiary == null ? null : c.Beneficiary.FileNumber,
            c.CallerName, c.CallerMobile,
            u == null ? null : u.FullName);
}

public sealed record FileSuggestion(Guid Id, string FileNumber, string FullName);
