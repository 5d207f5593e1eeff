using FluentValidation;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Money;
using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Counters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Beneficiaries;

/// <summary>An existing file the new data collides with or resembles.</summary>
public sealed record BeneficiaryMatch(Guid Id, string FileNumber, string FullName, DateOnly BirthDate);

/// <summary>
/// Outcome of saving a file: saved (<see cref="Id"/>), refused with field errors (a duplicate identity
/// number also names <see cref="Duplicate"/>), held back because it resembles <see cref="Similar"/> files or
/// names people already counted in another file (<see cref="Household"/>) — save again with confirmation —, or
/// stale: someone else saved meanwhile (<see cref="Current"/> holds their values and <see cref="CurrentVersion"/>
/// the version to overwrite them with).
/// </summary>
public sealed record BeneficiarySaveResult
{
    public Guid? Id { get; init; }
    public string? FileNumber { get; init; }
    public IReadOnlyList<(string Field, string Message)> Errors { get; init; } = [];
    public BeneficiaryMatch? Duplicate { get; init; }
    public IReadOnlyList<BeneficiaryMatch> Similar { get; init; } = [];
    public IReadOnlyList<HouseholdMatch> Household { get; init; } = [];
    public BeneficiaryForm? Current { get; init; }
    public Guid? CurrentVersion { get; init; }

    public bool Succeeded => Id is not null;
}

/// <summary>Writes of beneficiary files: create and edit, with duplicate, similarity and concurrency checks.</summary>
public sealed class BeneficiaryFiles(
    AppDbContext db,
    TimeProvider clock,
    IValidator<BeneficiaryForm> validator,
    HouseholdOverlaps overlaps,
    IStringLocalizer<SharedResource> l)
{
    public async Task<BeneficiarySaveResult> CreateAsync(BeneficiaryForm form, bool confirmSimilar, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }

        var identityNumber = IdentityNumbers.Normalize(form.IdentityNumber, form.IdentityType);
        if (await FindByIdentityAsync(identityNumber, null, ct) is { } duplicate)
        {
            return DuplicateOf(duplicate);
        }

        var beneficiary = new Beneficiary
        {
            FileNumber = "",
            IdentityNumber = identityNumber,
            FirstName = "",
            FatherName = "",
            GrandfatherName = "",
            FamilyName = "",
            Nationality = "",
            Mobile = "",
        };
        Apply(form, beneficiary);

        if (!confirmSimilar && await HeldBackAsync(beneficiary, checkNames: true, IdentityNumbersOf(beneficiary).ToList(), ct) is { } heldBack)
        {
            return heldBack;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        beneficiary.CreatedAtUtc = now;
        beneficiary.UpdatedAtUtc = now;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            beneficiary.FileNumber = Beneficiary.FormatFileNumber(await TenantCounters.NextAsync(db, Beneficiary.FileNumberCounter, ct));
            db.Beneficiaries.Add(beneficiary);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same person raced past the check above: the unique index decided.
            db.ChangeTracker.Clear();
            if (await FindByIdentityAsync(identityNumber, null, ct) is { } raced)
            {
                return DuplicateOf(raced);
            }

            throw;
        }

        return new BeneficiarySaveResult { Id = beneficiary.Id, FileNumber = beneficiary.FileNumber };
    }

    public async Task<BeneficiarySaveResult> UpdateAsync(Guid id, Guid version, BeneficiaryForm form, bool confirmSimilar, CancellationToken ct)
    {
        // Found first: another association's id is "not found" whatever the form holds.
        var beneficiary = await db.Beneficiaries.SingleOrDefaultAsync(b => b.Id == id, ct)
            ?? throw new EntityNotFoundException(nameof(Beneficiary), id);

        if (beneficiary.Version != version)
        {
            return Stale(beneficiary);
        }

        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }

        var identityNumber = IdentityNumbers.Normalize(form.IdentityNumber, form.IdentityType);
        if (await FindByIdentityAsync(identityNumber, id, ct) is { } duplicate)
        {
            return DuplicateOf(duplicate);
        }

        var nameOrBirthDateChanged = beneficiary.BirthDate != ParseDate(form.BirthDate, form.BirthDateCalendar)
            || ArabicSearch.Key(beneficiary.FullNameAr) != ArabicSearch.Key(FullName(form));
        var storedIds = IdentityNumbersOf(beneficiary).ToHashSet(StringComparer.Ordinal);
        beneficiary.IdentityNumber = identityNumber;
        Apply(form, beneficiary);
        // Only what this edit adds is checked: a known overlap the officer already confirmed does not come back on every save.
        var addedIds = IdentityNumbersOf(beneficiary).Where(i => !storedIds.Contains(i)).ToList();
        if (!confirmSimilar && await HeldBackAsync(beneficiary, nameOrBirthDateChanged, addedIds, ct) is { } heldBack)
        {
            db.ChangeTracker.Clear();
            return heldBack;
        }

        beneficiary.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        beneficiary.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Beneficiaries.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct)
                ?? throw new EntityNotFoundException(nameof(Beneficiary), id);
            return Stale(current);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await FindByIdentityAsync(identityNumber, id, ct) is { } raced)
            {
                return DuplicateOf(raced);
            }

            throw;
        }

        return new BeneficiarySaveResult { Id = beneficiary.Id, FileNumber = beneficiary.FileNumber };
    }

    /// <summary>The edit form's values for a stored file.</summary>
    public static BeneficiaryForm ToForm(Beneficiary b) => new BeneficiaryForm
    {
        IdentityType = b.IdentityType,
        IdentityNumber = b.IdentityNumber,
        FirstName = b.FirstName,
        FatherName = b.FatherName,
        GrandfatherName = b.GrandfatherName,
        FamilyName = b.FamilyName,
        NameEn = b.NameEn,
        Gender = b.Gender,
        BirthDateCalendar = CalendarKind.Gregorian,
        BirthDate = DateEntry.Format(b.BirthDate, CalendarKind.Gregorian),
        Nationality = b.Nationality,
        MaritalStatus = b.MaritalStatus,
        Mobile = SaudiMobile.ToLocal(b.Mobile),
        Email = b.Email,
        NonEssentialMessagesOptOut = b.NonEssentialMessagesOptOut,
        BuildingNumber = b.Address.BuildingNumber,
        Street = b.Address.Street,
        District = b.Address.District,
        City = b.Address.City,
        PostalCode = b.Address.PostalCode,
        AdditionalNumber = b.Address.AdditionalNumber,
        EmploymentStatus = b.EmploymentStatus,
        HousingType = b.HousingType,
        HealthNotes = b.HealthNotes,
        Notes = b.Notes,
        Incomes = b.IncomeSources.Select(i => new IncomeForm { Kind = i.Kind, Amount = Riyals.ToInput(i.MonthlyHalalas) }).ToList(),
        Members = b.HouseholdMembers.Select(m => new MemberForm
        {
            Name = m.Name,
            Relation = m.Relation,
            IdentityType = m.IdentityType ?? IdentityType.NationalId,
            IdentityNumber = m.IdentityNumber,
            BirthDate = m.BirthDate is { } d ? DateEntry.Format(d, CalendarKind.Gregorian) : null,
            MonthlyIncome = m.MonthlyIncomeHalalas == 0 ? null : Riyals.ToInput(m.MonthlyIncomeHalalas),
        }).ToList(),
    }.WithRows();

    // Called after validation: every parse below succeeds. The import applies its validated rows through it too.
    internal static void Apply(BeneficiaryForm form, Beneficiary b)
    {
        b.IdentityType = form.IdentityType;
        b.FirstName = NamePart(form.FirstName)!;
        b.FatherName = NamePart(form.FatherName)!;
        b.GrandfatherName = NamePart(form.GrandfatherName)!;
        b.FamilyName = NamePart(form.FamilyName)!;
        b.NameEn = NamePart(form.NameEn);
        b.Gender = form.Gender!.Value;
        b.BirthDate = ParseDate(form.BirthDate, form.BirthDateCalendar);
        b.Nationality = Clean(form.Nationality)!;
        b.MaritalStatus = form.MaritalStatus!.Value;
        SaudiMobile.TryNormalize(form.Mobile, out var mobile);
        b.Mobile = mobile;
        b.Email = Clean(form.Email);
        b.NonEssentialMessagesOptOut = form.NonEssentialMessagesOptOut;
        b.Address.BuildingNumber = Digits(form.BuildingNumber);
        b.Address.Street = Clean(form.Street);
        b.Address.District = Clean(form.District);
        b.Address.City = Clean(form.City);
        b.Address.PostalCode = Digits(form.PostalCode);
        b.Address.AdditionalNumber = Digits(form.AdditionalNumber);
        b.EmploymentStatus = form.EmploymentStatus!.Value;
        b.HousingType = form.HousingType!.Value;
        b.HealthNotes = Clean(form.HealthNotes);
        b.Notes = Clean(form.Notes);

        b.IncomeSources.Clear();
        foreach (var income in form.Incomes)
        {
            if (Riyals.TryParseHalalas(income.Amount, out var halalas) && halalas > 0)
            {
                b.IncomeSources.Add(new IncomeSource { Kind = income.Kind, MonthlyHalalas = halalas });
            }
        }

        b.HouseholdMembers.Clear();
        foreach (var m in form.Members.Where(m => !m.IsBlank))
        {
            var income = Riyals.TryParseHalalas(m.MonthlyIncome, out var halalas) ? halalas : 0;
            var hasId = !string.IsNullOrWhiteSpace(m.IdentityNumber);
            b.HouseholdMembers.Add(new HouseholdMember
            {
                Name = NamePart(m.Name)!,
                SearchKey = ArabicSearch.Key(m.Name),
                Relation = m.Relation!.Value,
                IdentityType = hasId ? m.IdentityType : null,
                IdentityNumber = hasId ? IdentityNumbers.Normalize(m.IdentityNumber, m.IdentityType) : null,
                BirthDate = DateEntry.TryParse(m.BirthDate, m.BirthDateCalendar, out var d) ? d : null,
                MonthlyIncomeHalalas = income,
            });
        }

        b.SearchKey = ArabicSearch.Key($"{b.FullNameAr} {b.NameEn}");
    }

    private static DateOnly ParseDate(string? text, CalendarKind calendar) =>
        DateEntry.TryParse(text, calendar, out var date) ? date : default;

    private static string FullName(BeneficiaryForm f) => $"{f.FirstName} {f.FatherName} {f.GrandfatherName} {f.FamilyName}";

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // A name is stored as it was validated (PersonNames): one line, no bidi controls.
    private static string? NamePart(string? value) => string.IsNullOrWhiteSpace(value) ? null : UserText.SingleLine(value);

    private static string? Digits(string? value) => string.IsNullOrWhiteSpace(value) ? null : Common.Text.Digits.ToAscii(value).Trim();

    private Task<BeneficiaryMatch?> FindByIdentityAsync(string identityNumber, Guid? except, CancellationToken ct) =>
        db.Beneficiaries.AsNoTracking()
            .Where(b => b.IdentityNumber == identityNumber && b.Id != except)
            .Select(b => new BeneficiaryMatch(b.Id, b.FileNumber, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName, b.BirthDate))
            .FirstOrDefaultAsync(ct);

    private static IEnumerable<string> IdentityNumbersOf(Beneficiary b) =>
        b.HouseholdMembers.Select(m => m.IdentityNumber).Prepend(b.IdentityNumber).OfType<string>().Where(i => i.Length > 0);

    /// <summary>Similar files (when the name or birth date is new) and people already counted elsewhere: the officer checks before saving.</summary>
    private async Task<BeneficiarySaveResult?> HeldBackAsync(Beneficiary candidate, bool checkNames, List<string> identityNumbers, CancellationToken ct)
    {
        List<BeneficiaryMatch> similar = checkNames ? await FindSimilarAsync(candidate, ct) : [];
        IReadOnlyList<HouseholdMatch> household = identityNumbers.Count == 0 ? [] : await overlaps.FindAsync(identityNumbers, candidate.Id, ct);
        return similar.Count == 0 && household.Count == 0 ? null : new BeneficiarySaveResult { Similar = similar, Household = household };
    }

    /// <summary>
    /// Same birth date and the same normalised name — all four parts, or first and family name — is probably
    /// the same person under another identity document (or a typing mistake in the number).
    /// </summary>
    private async Task<List<BeneficiaryMatch>> FindSimilarAsync(Beneficiary candidate, CancellationToken ct)
    {
        var sameBirthDate = await db.Beneficiaries.AsNoTracking()
            .Where(b => b.BirthDate == candidate.BirthDate && b.Id != candidate.Id)
            .OrderBy(b => b.FileNumber)
            .Select(b => new { b.Id, b.FileNumber, b.FirstName, b.FatherName, b.GrandfatherName, b.FamilyName, b.BirthDate })
            .Take(200)
            .ToListAsync(ct);

        // Compared as search keys: "عبد الله" and "عبدالله" are the same name.
        var first = ArabicSearch.Key(candidate.FirstName);
        var family = ArabicSearch.Key(candidate.FamilyName);
        var full = ArabicSearch.Key(candidate.FullNameAr);
        return sameBirthDate
            .Where(b => ArabicSearch.Key($"{b.FirstName} {b.FatherName} {b.GrandfatherName} {b.FamilyName}") == full
                        || (ArabicSearch.Key(b.FirstName) == first && ArabicSearch.Key(b.FamilyName) == family))
            .Select(b => new BeneficiaryMatch(b.Id, b.FileNumber, $"{b.FirstName} {b.FatherName} {b.GrandfatherName} {b.FamilyName}", b.BirthDate))
            .ToList();
    }

    private static BeneficiarySaveResult Invalid(FluentValidation.Results.ValidationResult validation) =>
        new() { Errors = validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList() };

    private BeneficiarySaveResult DuplicateOf(BeneficiaryMatch existing) => new()
    {
        Errors = [(nameof(BeneficiaryForm.IdentityNumber), l["A beneficiary file with this identity number already exists: {0}.", existing.FileNumber])],
        Duplicate = existing,
    };

    private static BeneficiarySaveResult Stale(Beneficiary current) => new()
    {
        Current = ToForm(current),
        CurrentVersion = current.Version,
    };
}
