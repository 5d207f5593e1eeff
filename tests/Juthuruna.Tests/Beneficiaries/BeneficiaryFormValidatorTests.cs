using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Saudi;
using Juthuruna.Features.Beneficiaries;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Juthuruna.Tests.Beneficiaries;

public sealed class BeneficiaryFormValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 2, 18, 7, 0, 0, TimeSpan.Zero));

    private static BeneficiaryFormValidator Validator()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new BeneficiaryFormValidator(new StringLocalizer<SharedResource>(factory), Clock);
    }

    internal static BeneficiaryForm ValidForm() => new BeneficiaryForm
    {
        IdentityType = IdentityType.NationalId,
        IdentityNumber = "1000000008",
        FirstName = "أحمد",
        FatherName = "محمد",
        GrandfatherName = "علي",
        FamilyName = "الغامدي",
        Gender = Gender.Male,
        BirthDate = "1985-03-10",
        Nationality = "سعودي",
        MaritalStatus = MaritalStatus.Married,
        Mobile = "0551234567",
        PostalCode = "23456",
        EmploymentStatus = EmploymentStatus.Unemployed,
        HousingType = HousingType.Rented,
    }.WithRows();

    private static Dictionary<string, string> ErrorsInArabic(BeneficiaryForm form)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ar");
        try
        {
            return Validator().Validate(form).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Validator_valid_form_has_no_errors() =>
        Assert.Empty(ErrorsInArabic(ValidForm()));

    [Fact]
    public void Validator_wrong_national_id_check_digit_gives_arabic_message()
    {
        var form = ValidForm();
        form.IdentityNumber = "1000000009";

        var errors = ErrorsInArabic(form);

        Assert.Equal("رقم الهوية غير صحيح: رقم التحقق لا يطابق. تأكد من الأرقام.", errors[nameof(BeneficiaryForm.IdentityNumber)]);
    }

    [Theory]
    [InlineData(IdentityType.Iqama, "1000000008", "رقم الإقامة يبدأ بالرقم 2.")]
    [InlineData(IdentityType.NationalId, "12345", "رقم الهوية الوطنية أو الإقامة مكوّن من 10 أرقام.")]
    [InlineData(IdentityType.Passport, "A12", "رقم الجواز أو رقم الحدود من 5 إلى 20 حرفًا أو رقمًا.")]
    [InlineData(IdentityType.NationalId, "", "أدخل رقم الهوية.")]
    public void Validator_bad_identity_numbers_name_the_problem(IdentityType type, string number, string expected)
    {
        var form = ValidForm();
        form.IdentityType = type;
        form.IdentityNumber = number;

        Assert.Equal(expected, ErrorsInArabic(form)[nameof(BeneficiaryForm.IdentityNumber)]);
    }

    [Theory]
    [InlineData(IdentityType.Iqama, "٢٠٠٠٠٠٠٠٠٦")]
    [InlineData(IdentityType.Passport, "p1234567")]
    [InlineData(IdentityType.BorderNumber, "3123456789")]
    public void Validator_accepts_valid_identity_numbers(IdentityType type, string number)
    {
        var form = ValidForm();
        form.IdentityType = type;
        form.IdentityNumber = number;

        Assert.DoesNotContain(nameof(BeneficiaryForm.IdentityNumber), ErrorsInArabic(form).Keys);
    }

    [Theory]
    [InlineData("0123456789")]
    [InlineData("05512345")]
    [InlineData("+971501234567")]
    [InlineData("abc")]
    public void Validator_bad_mobile_gives_arabic_message(string mobile)
    {
        var form = ValidForm();
        form.Mobile = mobile;

        Assert.Equal("أدخل رقم جوال سعوديًا صحيحًا، مثل 0551234567.", ErrorsInArabic(form)[nameof(BeneficiaryForm.Mobile)]);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("123456")]
    [InlineData("12a45")]
    public void Validator_postal_code_must_be_five_digits(string postalCode)
    {
        var form = ValidForm();
        form.PostalCode = postalCode;

        Assert.Equal("الرمز البريدي مكوّن من 5 أرقام.", ErrorsInArabic(form)[nameof(BeneficiaryForm.PostalCode)]);
    }

    [Fact]
    public void Validator_postal_code_in_arabic_indic_digits_is_accepted()
    {
        var form = ValidForm();
        form.PostalCode = "٢٣٤٥٦";

        Assert.Empty(ErrorsInArabic(form));
    }

    [Fact]
    public void Validator_birth_date_in_the_future_is_refused()
    {
        var form = ValidForm();
        form.BirthDate = "2026-02-19";

        Assert.Equal("لا يمكن أن يكون تاريخ الميلاد في المستقبل.", ErrorsInArabic(form)[nameof(BeneficiaryForm.BirthDate)]);
    }

    [Fact]
    public void Validator_impossible_hijri_date_is_refused()
    {
        var form = ValidForm();
        form.BirthDateCalendar = CalendarKind.Hijri;
        form.BirthDate = "1405-13-01";

        Assert.Contains(nameof(BeneficiaryForm.BirthDate), ErrorsInArabic(form).Keys);
    }

    [Fact]
    public void Validator_household_member_with_bad_id_and_amount_is_refused_but_blank_rows_are_ignored()
    {
        var form = ValidForm();
        form.Members[0].Name = "سارة";
        form.Members[0].Relation = HouseholdRelation.Daughter;
        form.Members[0].IdentityNumber = "1000000009";
        form.Members[0].MonthlyIncome = "12,5x";

        var errors = ErrorsInArabic(form);

        Assert.Equal("رقم الهوية غير صحيح: رقم التحقق لا يطابق. تأكد من الأرقام.", errors["Members[0].IdentityNumber"]);
        Assert.Equal("أدخل المبلغ بالريال، مثل 1500 أو 1500.50.", errors["Members[0].MonthlyIncome"]);
        Assert.DoesNotContain("Members[1].Name", errors.Keys);
    }
}
