using Juthuruna.Common.Dates;
using Juthuruna.Common.Saudi;
using Juthuruna.Features.Beneficiaries;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Beneficiaries;

/// <summary>The localized labels of the beneficiary file's choices (written out so every key is checked for Arabic).</summary>
public static class BeneficiaryLabels
{
    public static string Of(IStringLocalizer l, IdentityType value) => value switch
    {
        IdentityType.NationalId => l["National ID"],
        IdentityType.Iqama => l["Iqama"],
        IdentityType.Passport => l["Passport"],
        IdentityType.BorderNumber => l["Border number"],
        _ => Enum.IsDefined(value) ? value.ToString() : "—",
    };

    public static string Of(IStringLocalizer l, Gender value) => value switch
    {
        Gender.Male => l["Male"],
        Gender.Female => l["Female"],
        _ => Enum.IsDefined(value) ? value.ToString() : "—",
    };

    public static string Of(IStringLocalizer l, MaritalStatus value) => value switch
    {
        MaritalStatus.Unmarried => l["Unmarried"],
        MaritalStatus.Married => l["Married"],
        MaritalStatus.Divorced => l["Divorced"],
        MaritalStatus.Widowed => l["Widowed"],
        _ => Enum.IsDefined(value) ? value.ToString() : "—",
    };

    public static string Of(IStringLocalizer l, EmploymentStatus value) => value switch
    {
        EmploymentStatus.Unemployed => l["Unemployed"],
        EmploymentStatus.Employed => l["Employed"],
        EmploymentStatus.SelfEmployed => l["Self-employed"],
        EmploymentStatus.Retired => l["Retired"],
        EmploymentStatus.Student => l["Student"],
        EmploymentStatus.UnableToWork => l["Unable to work"],
        _ => Enum.IsDefined(value) ? value.ToString() : "—",
    };

    public static string Of(IStringLocalizer l, HousingType value) => value switch
    {
        HousingType.Owned => l["Owned home"],
        HousingType.Rented => l["Rented home"],
        HousingType.Family => l["Living with family"],
        HousingType.Charitable => l["Charitable housing"],
        HousingType.Other => l["Other housing"],
        _ => Enum.IsDefined(value) ? value.ToString() : "—",
    };

    public static string Of(IStringLocalizer l, IncomeKind value) => value switch
    {
        IncomeKind.Salary => l["Salary"],
        IncomeKind.SocialSecurity => l["Social security"],
        IncomeKind.CitizenAccount => l["Citizen account"],
        IncomeKind.Pension => l["Pension"],
        IncomeKind.Rehabilitation => l["Rehabilitation allowance"],
        IncomeKind.Other => l["Other income"],
        _ => Enum.IsDefined(value) ? value.ToString() : "—",
    };

    public static string Of(IStringLocalizer l, HouseholdRelation value) => value switch
    {
        HouseholdRelation.Spouse => l["Spouse"],
        HouseholdRelation.Son => l["Son"],
        HouseholdRelation.Daughter => l["Daughter"],
        HouseholdRelation.Father => l["Father"],
        HouseholdRelation.Mother => l["Mother"],
        HouseholdRelation.Brother => l["Brother"],
        HouseholdRelation.Sister => l["Sister"],
        HouseholdRelation.Other => l["Other relative"],
        _ => Enum.IsDefined(value) ? value.ToString() : "—",
    };

    public static string Of(IStringLocalizer l, CalendarKind value) => value switch
    {
        CalendarKind.Gregorian => l["Gregorian"],
        CalendarKind.Hijri => l["Hijri"],
        _ => Enum.IsDefined(value) ? value.ToString() : "—",
    };
}
