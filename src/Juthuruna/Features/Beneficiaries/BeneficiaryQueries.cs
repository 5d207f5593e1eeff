using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Beneficiaries;

public sealed record BeneficiaryListItem(Guid Id, string FileNumber, string FullName, string? NameEn, IdentityType IdentityType, string IdentityNumber, string Mobile, DateOnly BirthDate);

/// <summary>A household member found by a search, with the file they are counted in.</summary>
public sealed record HouseholdMemberListItem(string Name, HouseholdRelation Relation, string? IdentityNumber, Guid FileId, string FileNumber, string HolderName);

/// <param name="Members">Household members who match too (on the first page only; the search narrows them like files).</param>
public sealed record BeneficiaryPage(IReadOnlyList<BeneficiaryListItem> Items, int Page, bool HasNext, IReadOnlyList<HouseholdMemberListItem> Members)
{
    public BeneficiaryPage(IReadOnlyList<BeneficiaryListItem> items, int page, bool hasNext)
        : this(items, page, hasNext, [])
    {
    }
}

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
    DateTime UpdatedAtUtc,
    string? BeneficiaryNumber)
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
        var members = db.Beneficiaries.AsNoTracking()
            .SelectMany(b => b.HouseholdMembers, (b, m) => new { b.Id, b.FileNumber, b.FirstName, b.FatherName, b.GrandfatherName, b.FamilyName, Member = m });
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
                members = members.Where(x => x.Member.IdentityNumber == compact);
            }
            else
            {
                // A name: every typed part, in any order, starts one of the person's name tokens (compounds joined on
                // both sides: "عبد الرحمن" finds "عبدالرحمن" and back; "أحمد السديري" finds first + family name). Each
                // part is an index seek in the token table (NameToken), so a name nobody has costs as little as a rare one.
                foreach (var token in ArabicSearch.Tokens(term))
                {
                    var matches = NameTokenIndex.StartingWith(db, token);
                    var holders = matches.Where(t => t.MemberId == null).Select(t => t.BeneficiaryId);
                    var memberIds = matches.Where(t => t.MemberId != null).Select(t => t.MemberId!.Value);
                    query = query.Where(b => holders.Contains(b.Id));
                    members = members.Where(x => memberIds.Contains(x.Member.Id));
                }
            }
        }

        // A wife listed on her husband's file, a son in his father's: found by their identity number or name too,
        // shown with the file they are counted in (only when something was typed, on the first page).
        List<HouseholdMemberListItem> memberRows = key.Length == 0 || page > 1 ? [] : await members
            .OrderByDescending(x => x.FileNumber)
            .Take(PageSize)
            .Select(x => new HouseholdMemberListItem(
                x.Member.Name, x.Member.Relation, x.Member.IdentityNumber, x.Id, x.FileNumber,
                x.FirstName + " " + x.FatherName + " " + x.GrandfatherName + " " + x.FamilyName))
            .ToListAsync(ct);

        var rows = await query
            .OrderByDescending(b => b.FileNumber)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(b => new BeneficiaryListItem(
                b.Id, b.FileNumber, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
                b.NameEn, b.IdentityType, b.IdentityNumber, b.Mobile, b.BirthDate))
            .ToListAsync(ct);
        return new BeneficiaryPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize, memberRows);
    }

    public async Task<BeneficiaryDetails> GetDetailsAsync(Guid id, CancellationToken ct)
    {
        var b = await db.Beneficiaries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new EntityNotFoundException(nameof(Beneficiary), id);
        return new BeneficiaryDetails(
            b.Id, b.FileNumber, b.IdentityType, b.IdentityNumber, b.FullNameAr, b.NameEn, b.Gender, b.BirthDate, b.Nationality,
            b.MaritalStatus, b.Mobile, b.Email, b.NonEssentialMessagesOptOut, b.Address, b.EmploymentStatus, b.HousingType, b.HealthNotes, b.Notes,
            b.IncomeSources.OrderBy(i => i.Kind).ToList(), b.HouseholdMembers, b.CreatedAtUtc, b.UpdatedAtUtc, b.BeneficiaryNumber);
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
