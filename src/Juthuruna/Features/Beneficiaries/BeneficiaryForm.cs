using FluentValidation;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Money;
using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Beneficiaries;

/// <summary>
/// The create/edit command, exactly as typed: numbers, dates and amounts stay text so a refused form comes
/// back with every value the user typed (Arabic-Indic digits included). The service normalises after validation.
/// </summary>
public sealed class BeneficiaryForm
{
    public IdentityType IdentityType { get; set; } = IdentityType.NationalId;
    public string? IdentityNumber { get; set; }
    public string? FirstName { get; set; }
    public string? FatherName { get; set; }
    public string? GrandfatherName { get; set; }
    public string? FamilyName { get; set; }
    public string? NameEn { get; set; }
    public Gender? Gender { get; set; }
    public CalendarKind BirthDateCalendar { get; set; }
    public string? BirthDate { get; set; }
    public string? Nationality { get; set; }
    public MaritalStatus? MaritalStatus { get; set; }
    public string? Mobile { get; set; }
    public string? Email { get; set; }

    /// <summary>No satisfaction surveys and other non-essential messages; codes, progress and decisions still go.</summary>
    public bool NonEssentialMessagesOptOut { get; set; }

    public string? BuildingNumber { get; set; }
    public string? Street { get; set; }
    public string? District { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public string? AdditionalNumber { get; set; }
    public EmploymentStatus? EmploymentStatus { get; set; }
    public HousingType? HousingType { get; set; }
    public string? HealthNotes { get; set; }
    public string? Notes { get; set; }
    public List<IncomeForm> Incomes { get; set; } = [];
    public List<MemberForm> Members { get; set; } = [];

    public const int MaxMembers = 30;

    /// <summary>One income row per kind, and a few blank member rows to fill in (blank rows are ignored).</summary>
    public BeneficiaryForm WithRows(int blankMembers = 2)
    {
        Incomes = Enum.GetValues<IncomeKind>()
            .Select(k => Incomes.FirstOrDefault(i => i.Kind == k) ?? new IncomeForm { Kind = k })
            .ToList();
        while (Members.Count < MaxMembers && Members.Count(m => m.IsBlank) < blankMembers)
        {
            Members.Add(new MemberForm());
        }

        return this;
    }

    public static BeneficiaryForm Blank() => new BeneficiaryForm { Nationality = "سعودي" }.WithRows();
}

public sealed class IncomeForm
{
    public IncomeKind Kind { get; set; }

    /// <summary>Monthly amount in riyals as typed: <c>1500</c>, <c>1500.50</c>, <c>١٥٠٠</c>.</summary>
    public string? Amount { get; set; }
}

public sealed class MemberForm
{
    public string? Name { get; set; }
    public HouseholdRelation? Relation { get; set; }
    public IdentityType IdentityType { get; set; } = IdentityType.NationalId;
    public string? IdentityNumber { get; set; }
    public CalendarKind BirthDateCalendar { get; set; }
    public string? BirthDate { get; set; }
    public string? MonthlyIncome { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Name) && Relation is null && string.IsNullOrWhiteSpace(IdentityNumber)
        && string.IsNullOrWhiteSpace(BirthDate) && string.IsNullOrWhiteSpace(MonthlyIncome);
}

/// <summary>Identity numbers as stored: ASCII digits for national ID / iqama, upper-case letters and digits otherwise.</summary>
public static class IdentityNumbers
{
    public static string Normalize(string? value, IdentityType type) =>
        type is IdentityType.NationalId or IdentityType.Iqama
            ? NationalId.Normalize(value)
            : NationalId.Normalize(value).ToUpperInvariant();

    public static bool IsValidDocumentNumber(string? value)
    {
        var id = NationalId.Normalize(value);
        return id.Length is >= 5 and <= 20 && id.All(char.IsAsciiLetterOrDigit);
    }
}

public sealed class BeneficiaryFormValidator : AbstractValidator<BeneficiaryForm>
{
    public BeneficiaryFormValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        var tooLong = TextLimits.TooLongForMaximumLength(l);
        var today = DualDate.Today(clock);

        RuleFor(x => x.IdentityType).IsInEnum().WithMessage(l["Choose the identity type."]);
        RuleFor(x => x.IdentityNumber).Custom((value, context) =>
        {
            if (IdentityProblem(value, context.InstanceToValidate.IdentityType, l) is { } problem)
            {
                context.AddFailure(problem);
            }
        });

        RuleFor(x => x.FirstName).NotEmpty().WithMessage(l["Enter the first name."]).MaximumLength(50).WithMessage(tooLong).PersonName(l);
        RuleFor(x => x.FatherName).NotEmpty().WithMessage(l["Enter the father's name."]).MaximumLength(50).WithMessage(tooLong).PersonName(l);
        RuleFor(x => x.GrandfatherName).NotEmpty().WithMessage(l["Enter the grandfather's name."]).MaximumLength(50).WithMessage(tooLong).PersonName(l);
        RuleFor(x => x.FamilyName).NotEmpty().WithMessage(l["Enter the family name."]).MaximumLength(50).WithMessage(tooLong).PersonName(l);
        RuleFor(x => x.NameEn).MaximumLength(200).WithMessage(tooLong).PersonName(l);
        RuleFor(x => x.Gender).NotNull().WithMessage(l["Choose the gender."]).IsInEnum().WithMessage(l["Choose the gender."]);
        RuleFor(x => x.BirthDate).Custom((value, context) =>
        {
            if (BirthDateProblem(value, context.InstanceToValidate.BirthDateCalendar, today, required: true, l) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(x => x.Nationality).NotEmpty().WithMessage(l["Enter the nationality."]).MaximumLength(50).WithMessage(tooLong);
        RuleFor(x => x.MaritalStatus).NotNull().WithMessage(l["Choose the marital status."]).IsInEnum().WithMessage(l["Choose the marital status."]);
        RuleFor(x => x.Mobile).Must(m => SaudiMobile.TryNormalize(m, out _))
            .WithMessage(l["Enter a Saudi mobile number, e.g. 0551234567."]);
        RuleFor(x => x.Email).EmailAddress().WithMessage(l["Enter a valid e-mail address."]).MaximumLength(256).WithMessage(tooLong)
            .When(x => !string.IsNullOrWhiteSpace(x.Email));

        RuleFor(x => x.BuildingNumber).Must(v => IsDigits(v, 4)).WithMessage(l["The building number is 4 digits."]).When(x => !string.IsNullOrWhiteSpace(x.BuildingNumber));
        RuleFor(x => x.PostalCode).Must(v => IsDigits(v, 5)).WithMessage(l["The postal code is 5 digits."]).When(x => !string.IsNullOrWhiteSpace(x.PostalCode));
        RuleFor(x => x.AdditionalNumber).Must(v => IsDigits(v, 4)).WithMessage(l["The additional number is 4 digits."]).When(x => !string.IsNullOrWhiteSpace(x.AdditionalNumber));
        RuleFor(x => x.Street).MaximumLength(100).WithMessage(tooLong);
        RuleFor(x => x.District).MaximumLength(100).WithMessage(tooLong);
        RuleFor(x => x.City).MaximumLength(100).WithMessage(tooLong);

        RuleFor(x => x.EmploymentStatus).NotNull().WithMessage(l["Choose the employment status."]).IsInEnum().WithMessage(l["Choose the employment status."]);
        RuleFor(x => x.HousingType).NotNull().WithMessage(l["Choose the housing type."]).IsInEnum().WithMessage(l["Choose the housing type."]);
        RuleFor(x => x.HealthNotes).MaximumLength(Beneficiary.MaxNotes).WithMessage(tooLong);
        RuleFor(x => x.Notes).MaximumLength(Beneficiary.MaxNotes).WithMessage(tooLong);

        RuleForEach(x => x.Incomes).ChildRules(income =>
        {
            income.RuleFor(i => i.Kind).IsInEnum().WithMessage(l["Unknown income source."]);
            income.RuleFor(i => i.Amount).Must(a => Riyals.TryParseHalalas(a, out _))
                .WithMessage(l["Enter the amount in riyals, e.g. 1500 or 1500.50."]);
        });
        RuleFor(x => x.Incomes).Must(i => i.Select(x => x.Kind).Distinct().Count() == i.Count).WithMessage(l["Unknown income source."]);

        RuleFor(x => x.Members).Must(m => m.Count(x => !x.IsBlank) <= BeneficiaryForm.MaxMembers)
            .WithMessage(l["A household has at most {0} members.", BeneficiaryForm.MaxMembers]);
        RuleForEach(x => x.Members).Where(m => !m.IsBlank).ChildRules(member =>
        {
            member.RuleFor(m => m.Name).NotEmpty().WithMessage(l["Enter the member's name."]).MaximumLength(200).WithMessage(tooLong).PersonName(l);
            member.RuleFor(m => m.Relation).NotNull().WithMessage(l["Choose the relation."]).IsInEnum().WithMessage(l["Choose the relation."]);
            member.RuleFor(m => m.IdentityNumber).Custom((value, context) =>
            {
                if (!string.IsNullOrWhiteSpace(value) && IdentityProblem(value, context.InstanceToValidate.IdentityType, l) is { } problem)
                {
                    context.AddFailure(problem);
                }
            });
            member.RuleFor(m => m.BirthDate).Custom((value, context) =>
            {
                if (BirthDateProblem(value, context.InstanceToValidate.BirthDateCalendar, today, required: false, l) is { } problem)
                {
                    context.AddFailure(problem);
                }
            });
            member.RuleFor(m => m.MonthlyIncome).Must(a => Riyals.TryParseHalalas(a, out _))
                .WithMessage(l["Enter the amount in riyals, e.g. 1500 or 1500.50."]);
        });
    }

    private static bool IsDigits(string? value, int length)
    {
        var v = Digits.ToAscii(value ?? "").Trim();
        return v.Length == length && v.All(char.IsAsciiDigit);
    }

    internal static string? IdentityProblem(string? value, IdentityType type, IStringLocalizer l) =>
        IdentityProblemText(value, type, l)?.Value;

    private static LocalizedString? IdentityProblemText(string? value, IdentityType type, IStringLocalizer l)
    {
        if (type is IdentityType.Passport or IdentityType.BorderNumber)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return l["Enter the identity number."];
            }

            return IdentityNumbers.IsValidDocumentNumber(value) ? null : l["A passport or border number is 5 to 20 letters or digits."];
        }

        return NationalId.Check(value, type) switch
        {
            NationalIdProblem.None => null,
            NationalIdProblem.Empty => l["Enter the identity number."],
            NationalIdProblem.NotTenDigits => l["The national ID or iqama number is 10 digits."],
            NationalIdProblem.WrongFirstDigit => type == IdentityType.Iqama
                ? l["An iqama number starts with 2."]
                : l["A national ID number starts with 1."],
            _ => l["The identity number is not valid: its check digit does not match. Check the digits."],
        };
    }

    internal static string? BirthDateProblem(string? value, CalendarKind calendar, DateOnly today, bool required, IStringLocalizer l) =>
        BirthDateProblemText(value, calendar, today, required, l)?.Value;

    private static LocalizedString? BirthDateProblemText(string? value, CalendarKind calendar, DateOnly today, bool required, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? l["Enter the birth date."] : null;
        }

        if (!DateEntry.TryParse(value, calendar, out var date))
        {
            return l["Enter the date as year-month-day (1990-05-17) or day/month/year (17/05/1990) in the chosen calendar."];
        }

        return date > today ? l["The birth date cannot be in the future."]
            : date.Year < 1900 ? l["The birth date is too far in the past."]
            : null;
    }
}
