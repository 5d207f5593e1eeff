using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Policies;

public sealed record PolicyRow(
    Guid Id,
    string TitleAr,
    string TitleEn,
    PolicyKind Kind,
    bool IsPublic,
    int? ApprovedNumber,
    DateOnly? ApprovedOn,
    bool HasDraft);

public sealed record PolicyVersionRow(
    Guid Id,
    int Number,
    PolicyVersionStatus Status,
    string? BoardSession,
    DateOnly? ApprovedOn,
    DateTime CreatedAtUtc,
    string CreatedByName,
    string? ApprovedByName);

/// <summary>A version's text, for reading, editing or comparing.</summary>
public sealed record PolicyVersionText(Guid Id, int Number, PolicyVersionStatus Status, string Text, string? BoardSession, DateOnly? ApprovedOn, Guid Token);

public sealed record PolicyDetails(PolicyRow Document, IReadOnlyList<PolicyVersionRow> History);

/// <summary>A document's version in force: what staff work from, and what a decision can cite.</summary>
public sealed record ApprovedPolicy(Guid DocumentId, PolicyKind Kind, string TitleAr, string TitleEn, int Number, DateOnly? ApprovedOn, string? BoardSession = null);

/// <summary>A public document's version in force, as the portal shows it (never a draft, never a private document).</summary>
public sealed record PublicPolicy(Guid DocumentId, string TitleAr, string TitleEn, PolicyKind Kind, int Number, string? BoardSession, DateOnly? ApprovedOn);

/// <summary>Reads of policy documents: projections, bounded lists.</summary>
public sealed class PolicyQueries(AppDbContext db)
{
    public const int MaxDocuments = 200;
    public const int MaxHistory = 200;

    public async Task<IReadOnlyList<PolicyRow>> ListAsync(CancellationToken ct) =>
        await Rows(db.PolicyDocuments.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.TitleAr).Take(MaxDocuments)).ToListAsync(ct);

    /// <summary>The document and its history, newest first; drafts only when <paramref name="withDrafts"/> (the administrator).</summary>
    public async Task<PolicyDetails?> DetailsAsync(Guid id, bool withDrafts, CancellationToken ct)
    {
        if (await Rows(db.PolicyDocuments.AsNoTracking().Where(d => d.Id == id)).SingleOrDefaultAsync(ct) is not { } document)
        {
            return null;
        }

        var history = await db.PolicyVersions.AsNoTracking()
            .Where(v => v.DocumentId == id && (withDrafts || v.Status != PolicyVersionStatus.Draft))
            .OrderByDescending(v => v.Number)
            .Take(MaxHistory)
            .Select(v => new PolicyVersionRow(
                v.Id, v.Number, v.Status, v.BoardSession, v.ApprovedOn, v.CreatedAtUtc,
                db.Users.Where(u => u.Id == v.CreatedBy).Select(u => u.FullName).FirstOrDefault() ?? "—",
                db.Users.Where(u => u.Id == v.ApprovedBy).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(ct);
        return new PolicyDetails(document, history);
    }

    /// <summary>The approved version's text, or null when nothing is approved yet.</summary>
    public Task<PolicyVersionText?> ApprovedTextAsync(Guid documentId, CancellationToken ct) =>
        Texts(documentId, v => v.Status == PolicyVersionStatus.Approved).SingleOrDefaultAsync(ct);

    public Task<PolicyVersionText?> DraftTextAsync(Guid documentId, CancellationToken ct) =>
        Texts(documentId, v => v.Status == PolicyVersionStatus.Draft).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Version <paramref name="number"/> and the one before it (null for the first), for the diff; drafts only when
    /// <paramref name="withDrafts"/>.
    /// </summary>
    public async Task<(PolicyVersionText Version, PolicyVersionText? Previous)?> WithPreviousAsync(Guid documentId, int number, bool withDrafts, CancellationToken ct)
    {
        var both = await Texts(documentId, v => (v.Number == number || v.Number == number - 1) && (withDrafts || v.Status != PolicyVersionStatus.Draft))
            .ToListAsync(ct);
        return both.SingleOrDefault(v => v.Number == number) is { } version ? (version, both.SingleOrDefault(v => v.Number == number - 1)) : null;
    }

    /// <summary>The version in force of every document that has one (one query): the request page's card, and what a decision cites.</summary>
    public async Task<IReadOnlyList<ApprovedPolicy>> ApprovedVersionsAsync(CancellationToken ct = default) =>
        await db.PolicyVersions.AsNoTracking()
            .Where(v => v.Status == PolicyVersionStatus.Approved)
            .Join(db.PolicyDocuments, v => v.DocumentId, d => d.Id, (v, d) => new { v, d })
            .OrderBy(x => x.d.Kind).ThenBy(x => x.d.TitleAr)
            .Take(MaxDocuments)
            .Select(x => new ApprovedPolicy(x.d.Id, x.d.Kind, x.d.TitleAr, x.d.TitleEn, x.v.Number, x.v.ApprovedOn, x.v.BoardSession))
            .ToListAsync(ct);

    /// <summary>The association's public documents that have an approved version, for its portal.</summary>
    public async Task<IReadOnlyList<PublicPolicy>> PublicAsync(CancellationToken ct) =>
        await db.PolicyVersions.AsNoTracking()
            .Where(v => v.Status == PolicyVersionStatus.Approved)
            .Join(db.PolicyDocuments.Where(d => d.IsPublic), v => v.DocumentId, d => d.Id, (v, d) => new { v, d })
            .OrderBy(x => x.d.Kind).ThenBy(x => x.d.TitleAr)
            .Take(MaxDocuments)
            .Select(x => new PublicPolicy(x.d.Id, x.d.TitleAr, x.d.TitleEn, x.d.Kind, x.v.Number, x.v.BoardSession, x.v.ApprovedOn))
            .ToListAsync(ct);

    /// <summary>A public document's approved version and its text; null for a private document, a draft-only one or an unknown id.</summary>
    public async Task<(PublicPolicy Policy, string Text)?> PublicTextAsync(Guid documentId, CancellationToken ct)
    {
        var found = await db.PolicyVersions.AsNoTracking()
            .Where(v => v.DocumentId == documentId && v.Status == PolicyVersionStatus.Approved)
            .Join(db.PolicyDocuments.Where(d => d.IsPublic), v => v.DocumentId, d => d.Id, (v, d) => new
            {
                Policy = new PublicPolicy(d.Id, d.TitleAr, d.TitleEn, d.Kind, v.Number, v.BoardSession, v.ApprovedOn),
                v.Text,
            })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : (found.Policy, found.Text);
    }

    // The filter goes before the projection: EF cannot see through a record's constructor.
    private IQueryable<PolicyVersionText> Texts(Guid documentId, System.Linq.Expressions.Expression<Func<PolicyVersion, bool>> filter) =>
        db.PolicyVersions.AsNoTracking().Where(v => v.DocumentId == documentId).Where(filter)
            .Select(v => new PolicyVersionText(v.Id, v.Number, v.Status, v.Text, v.BoardSession, v.ApprovedOn, v.Version));

    private IQueryable<PolicyRow> Rows(IQueryable<PolicyDocument> documents) =>
        documents.Select(d => new PolicyRow(
            d.Id, d.TitleAr, d.TitleEn, d.Kind, d.IsPublic,
            db.PolicyVersions.Where(v => v.DocumentId == d.Id && v.Status == PolicyVersionStatus.Approved).Select(v => (int?)v.Number).FirstOrDefault(),
            db.PolicyVersions.Where(v => v.DocumentId == d.Id && v.Status == PolicyVersionStatus.Approved).Select(v => v.ApprovedOn).FirstOrDefault(),
            db.PolicyVersions.Any(v => v.DocumentId == d.Id && v.Status == PolicyVersionStatus.Draft)));
}
