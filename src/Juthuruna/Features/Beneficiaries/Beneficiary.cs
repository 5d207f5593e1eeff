using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Tenancy;

namespace Juthuruna.Features.Beneficiaries;

public enum Gender
{
    Male = 1,
    Female = 2,
}

public enum MaritalStatus
{
    Unmarried = 1,
    Married = 2,
    Divorced = 3,
    Widowed = 4,
}

public enum EmploymentStatus
{
    Unemployed = 1,
    Employed = 2,
    SelfEmployed = 3,
    Retired = 4,
    Student = 5,
    UnableToWork = 6,
}

public enum HousingType
{
    Owned = 1,
    Rented = 2,
    Family = 3,
    Charitable = 4,
    Other = 5,
}

public enum IncomeKind
{
    Salary = 1,
    SocialSecurity = 2,
    CitizenAccount = 3,
    Pension = 4,
    Rehabilitation = 5,
    Other = 6,
}

public enum HouseholdRelation
{
    Spouse = 1,
    Son = 2,
    Daughter = 3,
    Father = 4,
    Mother = 5,
    Brother = 6,
    Sister = 7,
    Other = 8,
}

/// <summary>A beneficiary's file (ملف المستفيد): who they are, how to reach them, and their household's means.</summary>
public sealed class Beneficiary : ITenantOwned, Juthuruna.Features.Audit.IAudited
{
    public const string FileNumberCounter = "BeneficiaryFile";
    public const int MaxNotes = TextLimits.Note;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>Gapless per association: <c>B-000123</c>.</summary>
    public required string FileNumber { get; set; }

    /// <summary>رقم المستفيد: given when first registered after an approval (<c>JTH-00042</c>); null before.</summary>
    public string? BeneficiaryNumber { get; set; }

    public IdentityType IdentityType { get; set; }

    /// <summary>ASCII digits for national ID / iqama; upper-case letters and digits for passport / border number.</summary>
    public required string IdentityNumber { get; set; }

    public required string FirstName { get; set; }
    public required string FatherName { get; set; }
    public required string GrandfatherName { get; set; }
    public required string FamilyName { get; set; }
    public string? NameEn { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public required string Nationality { get; set; }
    public MaritalStatus MaritalStatus { get; set; }

    /// <summary>E.164, e.g. <c>+966551234567</c>.</summary>
    public required string Mobile { get; set; }

    public string? Email { get; set; }

    /// <summary>
    /// The beneficiary asked not to receive non-essential messages (satisfaction surveys…); essential ones
    /// (one-time codes, decisions) still reach them — see <c>MessageRules.IsEssential</c>.
    /// </summary>
    public bool NonEssentialMessagesOptOut { get; set; }
    public NationalAddress Address { get; set; } = new();
    public EmploymentStatus EmploymentStatus { get; set; }
    public HousingType HousingType { get; set; }
    public string? HealthNotes { get; set; }
    public string? Notes { get; set; }

    /// <summary>
    /// The file was opened by the beneficiary's own application on the association's website: only the name, identity,
    /// birth date and mobile come from them, unchecked, until the officer completes the file.
    /// </summary>
    public bool OpenedOnWebsite { get; set; }

    public List<IncomeSource> IncomeSources { get; set; } = [];
    public List<HouseholdMember> HouseholdMembers { get; set; } = [];

    /// <summary><see cref="Common.Text.ArabicSearch.Normalize"/> of the full Arabic and English names; indexed.</summary>
    public string SearchKey { get; set; } = "";

    /// <summary>App-managed optimistic concurrency token, renewed on every save.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public string FullNameAr => string.Join(' ', new[] { FirstName, FatherName, GrandfatherName, FamilyName }.Where(p => !string.IsNullOrWhiteSpace(p)));

    public static string FormatFileNumber(long value) => $"B-{value:000000}";
}

/// <summary>The Saudi national address (العنوان الوطني).</summary>
public sealed class NationalAddress
{
    public string? BuildingNumber { get; set; }
    public string? Street { get; set; }
    public string? District { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public string? AdditionalNumber { get; set; }
}

/// <summary>Audited on its owner's row (see <see cref="Juthuruna.Features.Audit.IAudited"/>).</summary>
public sealed class IncomeSource : Juthuruna.Features.Audit.IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public IncomeKind Kind { get; set; }
    public long MonthlyHalalas { get; set; }
}

/// <summary>Audited on its owner's row (see <see cref="Juthuruna.Features.Audit.IAudited"/>).</summary>
public sealed class HouseholdMember : Juthuruna.Features.Audit.IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public HouseholdRelation Relation { get; set; }
    public IdentityType? IdentityType { get; set; }
    public string? IdentityNumber { get; set; }
    public DateOnly? BirthDate { get; set; }
    public long MonthlyIncomeHalalas { get; set; }

    /// <summary><see cref="Common.Text.ArabicSearch.Key"/> of <see cref="Name"/>: members are found by name like holders.</summary>
    public string SearchKey { get; set; } = "";
}

public static class HouseholdIncome
{
    /// <summary>
    /// Per-capita monthly income of the household in halalas: everything the beneficiary and the members earn,
    /// divided by the beneficiary plus the members (rounded down to a whole halala).
    /// </summary>
    public static long PerCapitaHalalas(IEnumerable<long> beneficiaryIncomes, IReadOnlyCollection<long> memberIncomes)
    {
        var total = beneficiaryIncomes.Sum() + memberIncomes.Sum();
        return total / (1 + memberIncomes.Count);
    }
}
