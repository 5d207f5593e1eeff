using Juthuruna.Common.Dates;
using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Feedback;

public sealed record FeedbackFilter(FeedbackKind? Kind, FeedbackStatus? Status, bool Overdue, Guid? AssigneeId);

public sealed record FeedbackRow(
    Guid Id, string Reference, FeedbackKind Kind, FeedbackCategory Category, ContactChannel Channel, string Subject, string Name,
    FeedbackStatus Status, DateTime ReceivedAtUtc, DateOnly DueOn, string? AssigneeName, bool Overdue);

public sealed record FeedbackPage(IReadOnlyList<FeedbackRow> Items, int Page, bool HasMore);

public sealed record FeedbackHistoryLine(DateTime AtUtc, FeedbackAction Action, string? UserName, string? AssigneeName);

public sealed record FeedbackDetails(
    Guid Id, string Reference, FeedbackKind Kind, FeedbackCategory Category, ContactChannel Channel, string Subject, string Text,
    Guid? BeneficiaryId, string? BeneficiaryName, string Name, string Mobile, string? Email, bool WantsReply,
    FeedbackStatus Status, Guid? AssigneeId, string? AssigneeName, DateTime ReceivedAtUtc, DateOnly DueOn,
    string? Response, string? AnsweredByName, DateTime? AnsweredAtUtc, string? ClosureNote, DateTime? ClosedAtUtc, Guid Version,
    IReadOnlyList<FeedbackHistoryLine> History)
{
    public bool IsOpen => Status is FeedbackStatus.New or FeedbackStatus.InProgress;
}

/// <summary>What the submitter sees when following their item: status and dates, and the response once answered.</summary>
public sealed record FeedbackFollowView(
    string Reference, FeedbackKind Kind, FeedbackCategory Category, string Subject, FeedbackStatus Status,
    DateOnly ReceivedOn, DateOnly DueOn, DateOnly? AnsweredOn, string? Response, DateOnly? ClosedOn);

public sealed record StaffChoice(Guid Id, string FullName);

public sealed record FeedbackBeneficiary(Guid Id, string FileNumber, string Name, string Mobile, string? Email);

/// <summary>Reads of suggestions and complaints (AsNoTracking projections, bounded).</summary>
public sealed class FeedbackQueries(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<FeedbackPage> ListAsync(FeedbackFilter filter, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, 1000);
        var today = DualDate.Today(clock);
        var query = db.FeedbackItems.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(f => f.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(f => f.Status == status);
        }

        if (filter.Overdue)
        {
            query = query.Where(f => (f.Status == FeedbackStatus.New || f.Status == FeedbackStatus.InProgress) && f.DueOn < today);
        }

        if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(f => f.AssigneeId == assignee);
        }

        var rows = await query
            .OrderByDescending(f => f.ReceivedAtUtc).ThenByDescending(f => f.Sequence)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(f => new FeedbackRow(
                f.Id, f.Reference, f.Kind, f.Category, f.Channel, f.Subject, f.Name, f.Status, f.ReceivedAtUtc, f.DueOn,
                db.Users.Where(u => u.Id == f.AssigneeId).Select(u => u.FullName).FirstOrDefault(),
                (f.Status == FeedbackStatus.New || f.Status == FeedbackStatus.InProgress) && f.DueOn < today))
            .ToListAsync(ct);
        return new FeedbackPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }

    /// <summary>The item with its history; another association's id (or none) is "not found".</summary>
    public async Task<FeedbackDetails> GetAsync(Guid id, CancellationToken ct)
    {
        var history = await db.FeedbackEvents.AsNoTracking().Where(e => e.FeedbackItemId == id)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Take(200)
            .Select(e => new FeedbackHistoryLine(
                e.AtUtc, e.Action,
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault(),
                db.Users.Where(u => u.Id == e.AssigneeId).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(ct);
        return await db.FeedbackItems.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new FeedbackDetails(
                f.Id, f.Reference, f.Kind, f.Category, f.Channel, f.Subject, f.Text,
                f.BeneficiaryId,
                db.Beneficiaries.Where(b => b.Id == f.BeneficiaryId).Select(b => b.FirstName + " " + b.FatherName + " " + b.FamilyName).FirstOrDefault(),
                f.Name, f.Mobile, f.Email, f.WantsReply, f.Status, f.AssigneeId,
                db.Users.Where(u => u.Id == f.AssigneeId).Select(u => u.FullName).FirstOrDefault(),
                f.ReceivedAtUtc, f.DueOn, f.Response,
                db.Users.Where(u => u.Id == f.AnsweredBy).Select(u => u.FullName).FirstOrDefault(),
                f.AnsweredAtUtc, f.ClosureNote, f.ClosedAtUtc, f.Version, history))
            .SingleOrDefaultAsync(ct) ?? throw new EntityNotFoundException(nameof(FeedbackItem), id);
    }

    /// <summary>
    /// The item whose reference AND mobile both match, or null. References are sequential, so a reference alone
    /// reveals nothing: a wrong mobile and an unknown reference give the same answer.
    /// </summary>
    public async Task<FeedbackFollowView?> FollowAsync(string? reference, string? mobile, CancellationToken ct)
    {
        var number = NormalizeReference(reference);
        if (number is null || !SaudiMobile.TryNormalize(mobile, out var e164))
        {
            return null;
        }

        var found = await db.FeedbackItems.AsNoTracking().Where(f => f.Reference == number && f.Mobile == e164)
            .Select(f => new { f.Reference, f.Kind, f.Category, f.Subject, f.Status, f.ReceivedAtUtc, f.DueOn, f.AnsweredAtUtc, f.Response, f.ClosedAtUtc })
            .SingleOrDefaultAsync(ct);
        return found is null
            ? null
            : new FeedbackFollowView(
                found.Reference, found.Kind, found.Category, found.Subject, found.Status, DualDate.RiyadhDay(found.ReceivedAtUtc), found.DueOn,
                found.AnsweredAtUtc is { } a ? DualDate.RiyadhDay(a) : null, found.Response, found.ClosedAtUtc is { } c ? DualDate.RiyadhDay(c) : null);
    }

    /// <summary>The file a desk record is about (name and contact details prefill the form); another association's id is "not found".</summary>
    public async Task<FeedbackBeneficiary> BeneficiaryAsync(Guid id, CancellationToken ct) =>
        await db.Beneficiaries.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new FeedbackBeneficiary(b.Id, b.FileNumber, b.FirstName + " " + b.FatherName + " " + b.FamilyName, b.Mobile, b.Email))
            .SingleOrDefaultAsync(ct) ?? throw new EntityNotFoundException("Beneficiary", id);

    /// <summary>Staff who may be given an item: the active officers, managers and administrators of this association.</summary>
    public async Task<IReadOnlyList<StaffChoice>> AssigneesAsync(CancellationToken ct) =>
        await Staff.StaffQueries.ActiveInRoles(db, [.. FeedbackDesk.HandlerRoles]).AsNoTracking()
            .OrderBy(u => u.FullName).Take(200).Select(u => new StaffChoice(u.Id, u.FullName)).ToListAsync(ct);

    /// <summary><c>sc-١٤٤٧-٧</c> → <c>SC-1447-0007</c>: Arabic-Indic digits, any case, the sequence with or without its zeros.</summary>
    public static string? NormalizeReference(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = Digits.ToAscii(text).Trim().ToUpperInvariant().Replace('–', '-').Replace('/', '-').Split('-', StringSplitOptions.TrimEntries);
        return parts is [FeedbackItem.ReferencePrefix, var y, var s]
            && int.TryParse(y, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            && sequence is > 0 and < 100_000_000
                ? FeedbackItem.FormatReference(year, sequence)
                : null;
    }
}
