using System.Globalization;
using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Features.Beneficiaries;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Import;

public enum ImportSheet
{
    Files = 1,
    Members = 2,
    Aid = 3,
}

/// <summary>
/// A column of the template: its key (stable, used by mappings), its header (a resource key: the template writes the
/// Arabic, the reader also accepts the English), whether a row needs it, an example value (for a column of choices, the
/// resource key of the example's label) and the allowed values.
/// </summary>
public sealed record ImportColumn(string Key, string Header, bool Required, string Example, Func<IStringLocalizer, IReadOnlyList<string>>? Allowed = null);

/// <summary>The three sheets of the template and their columns, in the template's order.</summary>
public static class ImportColumns
{
    /// <summary>The refused-rows workbook puts a column with this header prefix after each column; the reader skips them.</summary>
    public const string ReasonHeader = "Reason refused: {0}";

    public static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar-SA");

    public static string SheetName(ImportSheet sheet) => sheet switch
    {
        ImportSheet.Files => "Beneficiary files",
        ImportSheet.Members => "Household members",
        _ => "Past aid",
    };

    public const string IdentityType = "IdentityType";
    public const string IdentityNumber = "IdentityNumber";
    public const string HolderIdentityNumber = "HolderIdentityNumber";
    public const string Name = "Name";
    public const string Relation = "Relation";
    public const string BirthDate = "BirthDate";
    public const string MonthlyIncome = "MonthlyIncome";
    public const string Date = "Date";
    public const string Description = "Description";
    public const string Amount = "Amount";
    public const string Notes = "Notes";

    public static string IncomeKey(IncomeKind kind) => $"Income{kind}";

    public static IReadOnlyList<ImportColumn> Of(ImportSheet sheet) => sheet switch
    {
        ImportSheet.Files => Files,
        ImportSheet.Members => Members,
        _ => Aid,
    };

    private static List<string> Labels<T>(IStringLocalizer l, Func<IStringLocalizer, T, string> label)
        where T : struct, Enum => Enum.GetValues<T>().Select(v => label(l, v)).ToList();

    public static readonly IReadOnlyList<ImportColumn> Files =
    [
        new(IdentityType, "Identity type", true, "National ID", l => Labels<IdentityType>(l, BeneficiaryLabels.Of)),
        new(IdentityNumber, "Identity number", true, "1000000008"),
        new(nameof(BeneficiaryForm.FirstName), "First name", true, "محمد"),
        new(nameof(BeneficiaryForm.FatherName), "Father's name", true, "عبد الله"),
        new(nameof(BeneficiaryForm.GrandfatherName), "Grandfather's name", true, "سعد"),
        new(nameof(BeneficiaryForm.FamilyName), "Family name", true, "الحربي"),
        new(nameof(BeneficiaryForm.NameEn), "Name in English", false, "Mohammed Abdullah Saad Alharbi"),
        new(nameof(BeneficiaryForm.Gender), "Gender", true, "Male", l => Labels<Gender>(l, BeneficiaryLabels.Of)),
        new(BirthDate, "Birth date (Hijri or Gregorian)", true, "1405-03-12"),
        new(nameof(BeneficiaryForm.Nationality), "Nationality", true, "سعودي"),
        new(nameof(BeneficiaryForm.MaritalStatus), "Marital status", true, "Married", l => Labels<MaritalStatus>(l, BeneficiaryLabels.Of)),
        new(nameof(BeneficiaryForm.Mobile), "Mobile", true, "0551234567"),
        new(nameof(BeneficiaryForm.Email), "E-mail", false, ""),
        new(nameof(BeneficiaryForm.City), "City", false, "جدة"),
        new(nameof(BeneficiaryForm.District), "District", false, "الحمدانية"),
        new(nameof(BeneficiaryForm.Street), "Street", false, ""),
        new(nameof(BeneficiaryForm.BuildingNumber), "Building number", false, "1234"),
        new(nameof(BeneficiaryForm.PostalCode), "Postal code", false, "23761"),
        new(nameof(BeneficiaryForm.AdditionalNumber), "Additional number", false, "5678"),
        new(nameof(BeneficiaryForm.EmploymentStatus), "Employment status", true, "Unemployed", l => Labels<EmploymentStatus>(l, BeneficiaryLabels.Of)),
        new(nameof(BeneficiaryForm.HousingType), "Housing type", true, "Rented home", l => Labels<HousingType>(l, BeneficiaryLabels.Of)),
        .. Enum.GetValues<IncomeKind>().Select(k => new ImportColumn(IncomeKey(k), IncomeHeader(k), false, k == IncomeKind.SocialSecurity ? "1500" : "")),
        new(nameof(BeneficiaryForm.HealthNotes), "Health notes", false, ""),
        new(Notes, "Notes", false, ""),
    ];

    public static readonly IReadOnlyList<ImportColumn> Members =
    [
        new(HolderIdentityNumber, "File holder's identity number", true, "1000000008"),
        new(Name, "Member's name", true, "نورة محمد عبد الله الحربي"),
        new(Relation, "Relation", true, "Daughter", l => Labels<HouseholdRelation>(l, BeneficiaryLabels.Of)),
        new(IdentityType, "Identity type", false, "National ID", l => Labels<IdentityType>(l, BeneficiaryLabels.Of)),
        new(IdentityNumber, "Identity number", false, "1000000016"),
        new(BirthDate, "Birth date (Hijri or Gregorian)", false, "2012-09-01"),
        new(MonthlyIncome, "Monthly income", false, ""),
    ];

    public static readonly IReadOnlyList<ImportColumn> Aid =
    [
        new(HolderIdentityNumber, "File holder's identity number", true, "1000000008"),
        new(Date, "Date of the aid (Hijri or Gregorian)", true, "1445-09-01"),
        new(Description, "What was given", true, "سلة غذائية رمضانية"),
        new(Amount, "Amount (riyals)", false, "350"),
        new(Notes, "Notes", false, ""),
    ];

    /// <summary>"Monthly income: Salary" — the same labels as the desk form's income rows.</summary>
    public static string IncomeHeader(IncomeKind kind) => kind switch
    {
        IncomeKind.Salary => "Monthly income: salary",
        IncomeKind.SocialSecurity => "Monthly income: social security",
        IncomeKind.CitizenAccount => "Monthly income: citizen account",
        IncomeKind.Pension => "Monthly income: pension",
        IncomeKind.Rehabilitation => "Monthly income: rehabilitation allowance",
        _ => "Monthly income: other",
    };

    /// <summary>How a header or a value is compared: no diacritics, hamza or taa-marbuta variants, case or spacing.</summary>
    public static string Comparable(string? text) => ArabicSearch.Normalize(UserText.SingleLine(text ?? "")).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Runs <paramref name="work"/> with Arabic (or the given) UI culture: the template and the reasons are written in Arabic.</summary>
    public static T InCulture<T>(CultureInfo culture, Func<T> work)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = current;
        }
    }
}
