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

public sealed record ContactPage(IReadOnlyList<ContactListItem> Items, int Page, bool HasNext);

public sealed record ContactCounts(int Today, int FollowUpsDue);

/// <summary>Reads of the contacts log: no tracking, projections, bounded pages, one query per list (no N+1).</summary>
public sealed class ContactQueries(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;
    public const int MaxPage = 200;
    public const int TimelineSize = 50;

    public async Task<ContactPage> ListAsync(ContactFilter filter, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, MaxPage);
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

        var rows = await Project(query.OrderByDescending(c => c.OccurredAtUtc).ThenByDescending(c => c.Id)
                .Skip((page - 1) * PageSize).Take(PageSize + 1))
            .ToListAsync(ct);
        return new ContactPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
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
