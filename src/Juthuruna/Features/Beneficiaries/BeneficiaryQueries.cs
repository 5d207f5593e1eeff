using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Beneficiaries;

public sealed record BeneficiaryListItem(Guid Id, string FileNumber, string FullName, string? NameEn, IdentityType IdentityType, string IdentityNumber, string Mobile, DateOnly BirthDate);

public sealed record BeneficiaryPage(IReadOnlyList<BeneficiaryListItem> Items, int Page, bool HasNext);

public sealed record BeneficiaryDetails(
    Guid Id,
    string FileNumber,
    IdentityType IdentityType,
    string IdentityNumber,
    string FullName,
    string? NameEn,
    Gender Gender,
    DateOnly BirthDate,
    string Nationality,
    MaritalStatus MaritalStatus,
    string Mobile,
    string? Email,
    bool NonEssentialMessagesOptOut,
    NationalAddress Address,
    EmploymentStatus EmploymentStatus,
    HousingType HousingType,
    string? HealthNotes,
    string? Notes,
    IReadOnlyList<IncomeSource> IncomeSources,
    IReadOnlyList<HouseholdMember> HouseholdMembers,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc)
{
    public long TotalIncomeHalalas => IncomeSources.Sum(i => i.MonthlyHalalas) + HouseholdMembers.Sum(m => m.MonthlyIncomeHalalas);

    public long PerCapitaIncomeHalalas =>
        HouseholdIncome.PerCapitaHalalas(IncomeSources.Select(i => i.MonthlyHalalas), HouseholdMembers.Select(m => m.MonthlyIncomeHalalas).ToList());
}

/// <summary>Reads of beneficiary files: no tracking, projections into records, bounded pages.</summary>
public sealed class BeneficiaryQueries(AppDbContext db)
{
    public const int PageSize = 25;

    /// <summary>Pages are bounded so a deep page never scans the whole table; narrowing the search is the answer.</summary>
    public const int MaxPage = 200;

    /// <summary>
    /// One box for everything the front desk may have: an identity number, a mobile in any accepted form,
    /// a file number (<c>B-000123</c> or just <c>123</c>) or a name (Arabic-normalised, from the start of any
    /// part). Most recent files first.
    /// </summary>
    public async Task<BeneficiaryPage> SearchAsync(string? term, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var query = db.Beneficiaries.AsNoTracking();
        var key = ArabicSearch.Normalize(term);
        if (key.Length > 0)
        {
            var compact = NationalId.Normalize(term).ToUpperInvariant();
            var mobile = SaudiMobile.TryNormalize(term, out var e164) ? e164 : null;
            var typed = Digits.ToAscii(term!).Trim().ToUpperInvariant();
            var fileNumber = typed.StartsWith("B-", StringComparison.Ordinal) ? typed
                : compact.Length is > 0 and <= 6 && compact.All(char.IsAsciiDigit) ? Beneficiary.FormatFileNumber(long.Parse(compact, System.Globalization.CultureInfo.InvariantCulture))
                : null;
            if (typed.Any(char.IsAsciiDigit))
            {
                // An identity, mobile or file number: exact matches on indexed columns only. Mixing them with
                // the name conditions below made SQLite read every file of the association (measured: ~77 ms
                // at 100k files instead of well under 5 ms; docs/benchmarks.md).
                query = query.Where(b => b.IdentityNumber == compact || b.FileNumber == fileNumber || b.Mobile == mobile);
            }
            else
            {
                // A name: from the start of the name or of any later part of it. SQLite reads files newest
                // first until a page is full, so common names are fast and a name nobody has reads them all.
                var wordStart = " " + key;
                query = query.Where(b => b.SearchKey.StartsWith(key) || b.SearchKey.Contains(wordStart));
            }
        }

        var rows = await query
            .OrderByDescending(b => b.FileNumber)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(b => new BeneficiaryListItem(
                b.Id, b.FileNumber, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
                b.NameEn, b.IdentityType, b.IdentityNumber, b.Mobile, b.BirthDate))
            .ToListAsync(ct);
        return new BeneficiaryPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }

    public async Task<BeneficiaryDetails> GetDetailsAsync(Guid id, CancellationToken ct)
    {
        var b = await db.Beneficiaries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new EntityNotFoundException(nameof(Beneficiary), id);
        return new BeneficiaryDetails(
            b.Id, b.FileNumber, b.IdentityType, b.IdentityNumber, b.FullNameAr, b.NameEn, b.Gender, b.BirthDate, b.Nationality,
            b.MaritalStatus, b.Mobile, b.Email, b.NonEssentialMessagesOptOut, b.Address, b.EmploymentStatus, b.HousingType, b.HealthNotes, b.Notes,
            b.IncomeSources.OrderBy(i => i.Kind).ToList(), b.HouseholdMembers, b.CreatedAtUtc, b.UpdatedAtUtc);
    }

    public async Task<(BeneficiaryForm Form, Guid Version, string FileNumber)> GetForEditAsync(Guid id, CancellationToken ct)
    {
        var b = await db.Beneficiaries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new EntityNotFoundException(nameof(Beneficiary), id);
        return (BeneficiaryFiles.ToForm(b), b.Version, b.FileNumber);
    }

    public async Task<string> GetFileNumberAsync(Guid id, CancellationToken ct) =>
        await db.Beneficiaries.AsNoTracking().Where(b => b.Id == id).Select(b => b.FileNumber).SingleOrDefaultAsync(ct)
        ?? throw new EntityNotFoundException(nameof(Beneficiary), id);
}
