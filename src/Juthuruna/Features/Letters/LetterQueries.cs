using Juthuruna.Data;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.Features.Letters;

public sealed record LetterFilter(string? Number, DateOnly? From, DateOnly? To, LetterKind? Kind, string? Recipient);

public sealed record LetterRow(
    Guid Id,
    string Number,
    LetterKind Kind,
    string Language,
    Guid SubjectId,
    string RecipientName,
    string Title,
    DateOnly IssuedOn,
    string IssuedByName,
    string? ReplacesNumber,
    string? ReplacedByNumber,
    LetterStatus Status,
    LetterSpoiledReason? SpoiledReason);

public sealed record LetterDetails(LetterRow Row, string Sha256, string VerificationCode, int PdfBytes, DateTime IssuedAtUtc, Guid? ReplacesId);

/// <summary>What the public verification page may show: the association, the letter, and the recipient's initials only.</summary>
public sealed record LetterVerificationView(
    string AssociationNameAr,
    string AssociationNameEn,
    string Number,
    LetterKind Kind,
    string Title,
    DateOnly IssuedOn,
    string RecipientInitials,
    string Sha256,
    string? ReplacesNumber,
    string? ReplacedByNumber);

/// <summary>Reads of the correspondence register: projections, bounded lists; the PDF is read only to download it.</summary>
public sealed class LetterQueries(AppDbContext db)
{
    public const int PageSize = 100;

    /// <summary>The register, newest first, narrowed by number, dates, kind and recipient: every entry, spoiled ones included.</summary>
    public async Task<IReadOnlyList<LetterRow>> RegisterAsync(LetterFilter filter, CancellationToken ct)
    {
        var query = db.Letters.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            var number = Common.Text.Digits.ToAscii(filter.Number.Trim()).ToUpperInvariant();
            query = query.Where(x => x.Number.Contains(number));
        }

        if (filter.From is { } from)
        {
            query = query.Where(x => x.IssuedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(x => x.IssuedOn <= to);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(x => x.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Recipient))
        {
            var recipient = filter.Recipient.Trim();
            query = query.Where(x => x.RecipientName.Contains(recipient));
        }

        return await ProjectAsync(query.OrderByDescending(x => x.HijriYear).ThenByDescending(x => x.Sequence).Take(PageSize), ct);
    }

    /// <summary>The letters issued about one request or committee session, newest first (spoiled entries stay in the register).</summary>
    public async Task<IReadOnlyList<LetterRow>> ForSubjectAsync(Guid subjectId, CancellationToken ct) =>
        await ProjectAsync(db.Letters.AsNoTracking().Where(x => x.SubjectId == subjectId && x.Status == LetterStatus.Issued)
            .OrderByDescending(x => x.HijriYear).ThenByDescending(x => x.Sequence).Take(PageSize), ct);

    /// <summary>One register entry with what proves it: the SHA-256 of its PDF and its verification code.</summary>
    public async Task<LetterDetails?> FindAsync(Guid id, CancellationToken ct)
    {
        if ((await ProjectAsync(db.Letters.AsNoTracking().Where(x => x.Id == id), ct)).SingleOrDefault() is not { } row)
        {
            return null;
        }

        var proof = await db.Letters.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Sha256, x.VerificationCode, x.PdfBytes, x.IssuedAtUtc, x.Replaces }).SingleAsync(ct);
        return new LetterDetails(row, proof.Sha256, proof.VerificationCode, proof.PdfBytes, proof.IssuedAtUtc, proof.Replaces);
    }

    /// <summary>The stored PDF, byte for byte as issued.</summary>
    public async Task<(string Number, byte[] Content)?> PdfAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Letters.AsNoTracking().Where(x => x.Id == id)
            .Join(db.LetterPdfs, x => x.Id, p => p.LetterId, (x, p) => new { x.Number, p.Content })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : (row.Number, row.Content);
    }

    /// <summary>The letter of a verification code, for the public page (read in the association's tenant scope).</summary>
    public async Task<LetterVerificationView?> VerificationAsync(string code, CancellationToken ct)
    {
        var letter = await db.Letters.AsNoTracking().Where(x => x.VerificationCode == code && x.Status == LetterStatus.Issued)
            .Select(x => new
            {
                x.Number, x.Kind, x.Title, x.IssuedOn, x.RecipientInitials, x.Sha256,
                ReplacesNumber = db.Letters.Where(o => o.Id == x.Replaces).Select(o => o.Number).FirstOrDefault(),
                ReplacedByNumber = db.Letters.Where(n => n.Replaces == x.Id && n.Status == LetterStatus.Issued).Select(n => n.Number).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (letter is null)
        {
            return null;
        }

        var association = await db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId).Select(t => new { t.NameAr, t.NameEn }).SingleAsync(ct);
        return new LetterVerificationView(association.NameAr, association.NameEn, letter.Number, letter.Kind, letter.Title, letter.IssuedOn,
            letter.RecipientInitials, letter.Sha256, letter.ReplacesNumber, letter.ReplacedByNumber);
    }

    private async Task<IReadOnlyList<LetterRow>> ProjectAsync(IQueryable<Letter> letters, CancellationToken ct) =>
        await letters.Select(Row(db)).ToListAsync(ct);

    /// <summary>A register row with the issuer's name and the replaced / replacing numbers, in the same statement.</summary>
    public static System.Linq.Expressions.Expression<Func<Letter, LetterRow>> Row(AppDbContext db) =>
        x => new LetterRow(
            x.Id, x.Number, x.Kind, x.Language, x.SubjectId, x.RecipientName, x.Title, x.IssuedOn,
            db.Users.Where(u => u.Id == x.IssuedBy).Select(u => u.FullName).FirstOrDefault() ?? "—",
            db.Letters.Where(o => o.Id == x.Replaces).Select(o => o.Number).FirstOrDefault(),
            db.Letters.Where(n => n.Replaces == x.Id && n.Status == LetterStatus.Issued).Select(n => n.Number).FirstOrDefault(),
            x.Status,
            x.SpoiledReason);
}

/// <summary>
/// The public verification page's lookup: the platform-level code index names the association, and the letter is
/// then read in that association's own tenant scope (architecture rule 5), so no query filter is lifted.
/// </summary>
public sealed class LetterVerifier(AppDbContext platformDb, TenantScopeFactory scopes)
{
    public const int MaxCodeLength = 40;

    public async Task<LetterVerificationView?> VerifyAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength)
        {
            return null;
        }

        var tenantId = await platformDb.LetterVerifications.AsNoTracking().Where(v => v.Code == code).Select(v => (Guid?)v.TenantId).SingleOrDefaultAsync(ct);
        if (tenantId is not { } id)
        {
            return null;
        }

        await using var scope = scopes.BeginScope(id);
        return await scope.ServiceProvider.GetRequiredService<LetterQueries>().VerificationAsync(code, ct);
    }
}
