using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Beneficiaries;

public sealed record BeneficiaryListItem(Guid Id, string FileNumber, string FullName, string? NameEn, IdentityType IdentityType, string IdentityNumber, string Mobile, DateOnly BirthDate);

/// <summary>A household member found by a search, with the file they are counted in.</summary>
public sealed record HouseholdMemberListItem(string Name, HouseholdRelation Relation, string? IdentityNumber, Guid FileId, string FileNumber, string HolderName);

/// <summary>
/// Where a page of search results starts or ends (keyset paging): the file number and, for a name search, the name
/// token the file was found by. Written in links as <c>B-000123</c> or <c>B-000123~محمد</c>.
/// </summary>
public sealed record SearchCursor(string FileNumber, string? Token)
{
    private const char Separator = '~';

    public override string ToString() => Token is null ? FileNumber : FileNumber + Separator + Token;

    public static SearchCursor? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var at = text.IndexOf(Separator, StringComparison.Ordinal);
        var fileNumber = (at < 0 ? text : text[..at]).Trim();
        var token = at < 0 ? null : text[(at + 1)..];
        return fileNumber.Length is 0 or > 20 || token is { Length: 0 or > NameToken.MaxLength } ? null : new SearchCursor(fileNumber, token);
    }
}

/// <param name="Members">Household members who match too (on the first page only; the search narrows them like files).</param>
/// <param name="Previous">Where the previous page ends (null on the first page).</param>
/// <param name="Next">Where the next page starts (null on the last page).</param>
public sealed record BeneficiaryPage(IReadOnlyList<BeneficiaryListItem> Items, SearchCursor? Previous, SearchCursor? Next, IReadOnlyList<HouseholdMemberListItem> Members)
{
    public static BeneficiaryPage Empty { get; } = new([], null, null, []);

    public bool HasNext => Next is not null;

    public bool HasPrevious => Previous is not null;
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

    /// <summary>
    /// At most this many of a typed word's name tokens are counted to find the rarest word of a multi-word search: the
    /// search walks the rarest word's files in order and checks the other words per file.
    /// </summary>
    public const int RarityProbe = 2000;

    /// <summary>
    /// One box for everything the front desk may have: an identity number, a mobile in any accepted form,
    /// a file number (<c>B-000123</c> or just <c>123</c>) or a name (Arabic-normalised, from the start of any
    /// part). Numbers and the full list: most recent files first. A name: files whose name has the typed word itself
    /// first (most recent first), then longer names starting with it in alphabetical order — read in that order from
    /// the token index and stopped after the page, so a name thousands of files share costs what a rare one does.
    /// Pages are keysets: <paramref name="after"/> (the next page) or <paramref name="before"/> (the previous one).
    /// </summary>
    /// <summary>
    /// Every file the search box selects (all of them when it is empty), in the list's order, for an export: the same
    /// keyset walk as the pages, a thousand files a statement (at most <see cref="MaxExportRows"/>).
    /// </summary>
    public async IAsyncEnumerable<BeneficiaryListItem> ExportAsync(string? term, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var written = 0;
        SearchCursor? after = null;
        do
        {
            var page = await SearchAsync(term, after, null, ct, ExportPageSize);
            foreach (var item in page.Items)
            {
                if (written++ == MaxExportRows)
                {
                    yield break;
                }

                yield return item;
            }

            after = page.Next;
        }
        while (after is not null);
    }

    public const int MaxExportRows = 200_000;

    private const int ExportPageSize = 1000;

    public async Task<BeneficiaryPage> SearchAsync(string? term, SearchCursor? after, SearchCursor? before, CancellationToken ct, int pageSize = PageSize)
    {
        var key = ArabicSearch.Normalize(term);
        var typed = key.Length == 0 ? "" : Digits.ToAscii(term!).Trim().ToUpperInvariant();
        if (key.Length > 0 && !typed.Any(char.IsAsciiDigit) && ArabicSearch.Tokens(term) is { Count: > 0 } words)
        {
            return await SearchByNameAsync(words, after, before, pageSize, ct);
        }

        var query = db.Beneficiaries.AsNoTracking();
        var members = db.Beneficiaries.AsNoTracking()
            .SelectMany(b => b.HouseholdMembers, (b, m) => new { b.Id, b.FileNumber, b.FirstName, b.FatherName, b.GrandfatherName, b.FamilyName, Member = m });
        if (key.Length > 0)
        {
            // An identity, mobile or file number: exact matches on indexed columns only. Mixing them with
            // the name conditions made SQLite read every file of the association (measured: ~77 ms
            // at 100k files instead of well under 5 ms; docs/benchmarks.md).
            var compact = NationalId.Normalize(term).ToUpperInvariant();
            var mobile = SaudiMobile.TryNormalize(term, out var e164) ? e164 : null;
            var fileNumber = typed.StartsWith("B-", StringComparison.Ordinal) ? typed
                : compact.Length is > 0 and <= 6 && compact.All(char.IsAsciiDigit) ? Beneficiary.FormatFileNumber(long.Parse(compact, System.Globalization.CultureInfo.InvariantCulture))
                : null;
            query = query.Where(b => b.IdentityNumber == compact || b.FileNumber == fileNumber || b.Mobile == mobile);
            members = members.Where(x => x.Member.IdentityNumber == compact);
        }

        // A wife listed on her husband's file, a son in his father's: found by their identity number too,
        // shown with the file they are counted in (only when something was typed, on the first page).
        List<HouseholdMemberListItem> memberRows = key.Length == 0 || after is not null || before is not null ? [] : await members
            .OrderByDescending(x => x.FileNumber)
            .Take(PageSize)
            .Select(x => new HouseholdMemberListItem(
                x.Member.Name, x.Member.Relation, x.Member.IdentityNumber, x.Id, x.FileNumber,
                x.FirstName + " " + x.FatherName + " " + x.GrandfatherName + " " + x.FamilyName))
            .ToListAsync(ct);

        // Newest file first, a keyset on the unique (TenantId, FileNumber) index.
        var backward = before is not null;
        if (before is not null)
        {
            query = query.Where(b => b.FileNumber.CompareTo(before.FileNumber) > 0).OrderBy(b => b.FileNumber);
        }
        else
        {
            query = after is null ? query.OrderByDescending(b => b.FileNumber) : query.Where(b => b.FileNumber.CompareTo(after.FileNumber) < 0).OrderByDescending(b => b.FileNumber);
        }

        var rows = await query
            .Take(pageSize + 1)
            .Select(b => new BeneficiaryListItem(
                b.Id, b.FileNumber, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
                b.NameEn, b.IdentityType, b.IdentityNumber, b.Mobile, b.BirthDate))
            .ToListAsync(ct);
        var more = rows.Count > pageSize;
        var items = rows.Take(pageSize).ToList();
        if (backward)
        {
            items.Reverse();
        }

        return new BeneficiaryPage(
            items,
            items.Count == 0 || (backward ? !more : after is null) ? null : new SearchCursor(items[0].FileNumber, null),
            items.Count == 0 || (backward ? false : !more) ? null : new SearchCursor(items[^1].FileNumber, null),
            memberRows);
    }

    /// <summary>
    /// A name: every typed word, in any order, starts one of the person's name tokens (compounds joined on both sides:
    /// "عبد الرحمن" finds "عبدالرحمن" and back; "أحمد السديري" finds first + family name). The rarest word drives: its
    /// tokens are walked in the index's order (token, then file number newest first) — each file once, at its first
    /// token — and each file is checked for the other words by a seek on its own tokens; the walk stops after the page.
    /// </summary>
    private async Task<BeneficiaryPage> SearchByNameAsync(IReadOnlyList<string> words, SearchCursor? after, SearchCursor? before, int pageSize, CancellationToken ct)
    {
        var driverAt = 0;
        if (words.Count > 1)
        {
            // One statement: up to RarityProbe holder tokens per word, counted here (a word with fewer is rarer).
            IQueryable<int>? probe = null;
            for (var i = 0; i < words.Count; i++)
            {
                var index = i;
                var part = NameTokenIndex.StartingWith(db, words[i]).Where(t => t.MemberId == null).Take(RarityProbe).Select(t => index);
                probe = probe is null ? part : probe.Concat(part);
            }

            var counts = (await probe!.ToListAsync(ct)).CountBy(i => i).ToDictionary();
            driverAt = Enumerable.Range(0, words.Count).MinBy(i => counts.GetValueOrDefault(i));
        }

        var driver = words[driverAt];
        var others = words.Where((_, i) => i != driverAt).ToList();

        // Files.
        var holders = NameTokenIndex.StartingWith(db, driver).Where(t => t.MemberId == null);
        var driverTokens = NameTokenIndex.StartingWith(db, driver);
        holders = holders.Where(t => !driverTokens.Any(o => o.BeneficiaryId == t.BeneficiaryId && o.MemberId == null && o.Token.CompareTo(t.Token) < 0));
        foreach (var word in others)
        {
            var tokens = NameTokenIndex.StartingWith(db, word);
            holders = holders.Where(t => tokens.Any(o => o.BeneficiaryId == t.BeneficiaryId && o.MemberId == null));
        }

        var backward = before is not null;
        var cursor = before ?? after;
        if (cursor is not null)
        {
            var token = cursor.Token ?? "";
            var fileNumber = cursor.FileNumber;
            holders = backward
                ? holders.Where(t => t.Token.CompareTo(token) < 0 || (t.Token == token && t.FileNumber.CompareTo(fileNumber) > 0))
                : holders.Where(t => t.Token.CompareTo(token) > 0 || (t.Token == token && t.FileNumber.CompareTo(fileNumber) < 0));
        }

        var page = (backward
                ? holders.OrderByDescending(t => t.Token).ThenBy(t => t.FileNumber)
                : holders.OrderBy(t => t.Token).ThenByDescending(t => t.FileNumber))
            .Take(pageSize + 1);
        var found = await (
                from t in page
                join b in db.Beneficiaries on t.BeneficiaryId equals b.Id
                select new
                {
                    t.Token,
                    Item = new BeneficiaryListItem(
                        b.Id, b.FileNumber, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
                        b.NameEn, b.IdentityType, b.IdentityNumber, b.Mobile, b.BirthDate),
                })
            .ToListAsync(ct);

        // EF keeps the walk's ORDER BY on the joined statement, so the rows come in the database's own order (its collation
        // on SQL Server); the cursors are taken from them. Backwards, the nearest rows come first: reverse them.
        var more = found.Count > pageSize;
        var rows = found.Take(pageSize).ToList();
        if (backward)
        {
            rows.Reverse();
        }

        // Household members on the first page: the same walk over members' tokens (each member once).
        List<HouseholdMemberListItem> memberRows = [];
        if (cursor is null)
        {
            var memberTokens = NameTokenIndex.StartingWith(db, driver).Where(t => t.MemberId != null);
            memberTokens = memberTokens.Where(t => !driverTokens.Any(o => o.BeneficiaryId == t.BeneficiaryId && o.MemberId == t.MemberId && o.Token.CompareTo(t.Token) < 0));
            foreach (var word in others)
            {
                var tokens = NameTokenIndex.StartingWith(db, word);
                memberTokens = memberTokens.Where(t => tokens.Any(o => o.BeneficiaryId == t.BeneficiaryId && o.MemberId == t.MemberId));
            }

            var members = db.Beneficiaries.AsNoTracking()
                .SelectMany(b => b.HouseholdMembers, (b, m) => new { b.Id, b.FileNumber, b.FirstName, b.FatherName, b.GrandfatherName, b.FamilyName, Member = m });
            var memberFound = await (
                    from t in memberTokens.OrderBy(t => t.Token).ThenByDescending(t => t.FileNumber).Take(PageSize)
                    join x in members on t.MemberId equals x.Member.Id
                    select new
                    {
                        t.Token,
                        Item = new HouseholdMemberListItem(
                            x.Member.Name, x.Member.Relation, x.Member.IdentityNumber, x.Id, x.FileNumber,
                            x.FirstName + " " + x.FatherName + " " + x.GrandfatherName + " " + x.FamilyName),
                    })
                .ToListAsync(ct);
            memberRows = memberFound.Select(x => x.Item).ToList();
        }

        SearchCursor Key(int i) => new(rows[i].Item.FileNumber, rows[i].Token);
        return new BeneficiaryPage(
            rows.Select(x => x.Item).ToList(),
            rows.Count == 0 || (backward ? !more : after is null) ? null : Key(0),
            rows.Count == 0 || (!backward && !more) ? null : Key(rows.Count - 1),
            memberRows);
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
