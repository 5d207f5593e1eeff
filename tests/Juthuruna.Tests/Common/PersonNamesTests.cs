using System.Globalization;
using FluentValidation;
using Juthuruna.Common.Text;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Feedback;
using Juthuruna.Features.Portal;
using Juthuruna.Features.Staff;
using Juthuruna.Features.Tenants;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Juthuruna.Tests.Common;

public sealed class PersonNamesTests
{
    private const string ArabicMessage = "يُكتب الاسم بحروف عربية أو لاتينية فقط، ويجوز فيه المسافة والشرطة (-) والفاصلة العليا (').";

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 2, 18, 7, 0, 0, TimeSpan.Zero));

    private static readonly IStringLocalizer<SharedResource> L = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    [Theory]
    [InlineData("أحمد")]
    [InlineData("عَبْدُ الله")]          // diacritics as people type them
    [InlineData("عبـــدالرحمن")]         // tatweel
    [InlineData("محمد بن سعد آل سعود")]
    [InlineData("Noura Al-Otaibi")]
    [InlineData("O'Brien")]
    [InlineData("D’Souza")]
    [InlineData("José Müller")]
    public void IsValid_letters_spaces_hyphens_and_apostrophes_are_a_name(string name) =>
        Assert.True(PersonNames.IsValid(name));

    [Theory]
    [InlineData("<script>")]
    [InlineData("' OR 1=1 --")]
    [InlineData("{{7*7}}")]
    [InlineData("أحمد2")]
    [InlineData("أحمد٢")]               // Arabic-Indic digit
    [InlineData("أحمد، محمد")]          // Arabic comma
    [InlineData("a@b")]
    [InlineData("--")]                  // no letter at all
    [InlineData("Иван")]                // neither Arabic nor Latin
    [InlineData("")]
    public void IsValid_digits_symbols_markup_and_other_scripts_are_not_a_name(string name) =>
        Assert.False(PersonNames.IsValid(name));

    [Theory]
    [InlineData("عبد الرحمن", "عبدالرحمن")]
    [InlineData("أبو بكر", "ابوبكر")]
    [InlineData("ابن سعيد", "بنسعيد")]
    [InlineData("بن سعيد", "بنسعيد")]
    [InlineData("آل سعود", "السعود")]
    [InlineData("ال سديري", "السديري")]
    [InlineData("عبد ال رحمن", "عبدالرحمن")]
    [InlineData("محمد بن عبد الله آل الشيخ", "محمد بنعبدالله الالشيخ")]
    [InlineData("عبد", "عبد")]           // a prefix typed alone stays a (prefix) token
    [InlineData("Ahmad Al-Ghamdi", "ahmad al-ghamdi")]
    public void Key_joins_compound_names_however_they_are_spaced(string typed, string expected) =>
        Assert.Equal(expected, ArabicSearch.Key(typed));

    [Fact]
    public void Key_spaced_and_joined_spellings_of_a_compound_share_a_key()
    {
        Assert.Equal(ArabicSearch.Key("عبدالرحمن السديري"), ArabicSearch.Key("عبد الرحمن  السديري"));
        Assert.Equal(ArabicSearch.Key("أبوبكر"), ArabicSearch.Key("ابو بكر"));
        Assert.Equal(ArabicSearch.Key("السديري"), ArabicSearch.Key("ال سديري"));
    }

    [Theory]
    [InlineData("عبد الله سعد محمد القحطاني", "عبد الله", "سعد", "محمد", "القحطاني")]
    [InlineData("عبد الرحمن بن سعد آل سعود", "عبد الرحمن", "بن سعد", "", "آل سعود")]
    [InlineData("أبو بكر عبد الله ال سديري", "أبو بكر", "عبد الله", "", "ال سديري")]
    [InlineData("نورة سالم عبدالله القحطاني", "نورة", "سالم", "عبدالله", "القحطاني")]
    public void SplitName_keeps_compound_names_whole(string full, string first, string father, string grandfather, string family) =>
        Assert.Equal((first, father, grandfather, family), PortalApplications.SplitName(full));

    public static TheoryData<string> JunkNames => new() { "<script>", "' OR 1=1 --", "{{7*7}}" };

    [Theory]
    [MemberData(nameof(JunkNames))]
    public void Validators_every_person_name_field_refuses_junk_with_the_arabic_message(string junk)
    {
        var beneficiary = Beneficiaries.BeneficiaryFormValidatorTests.ValidForm();
        beneficiary.FirstName = junk;
        beneficiary.FatherName = junk;
        beneficiary.GrandfatherName = junk;
        beneficiary.FamilyName = junk;
        beneficiary.NameEn = junk;
        beneficiary.Members[0].Name = junk;
        beneficiary.Members[0].Relation = HouseholdRelation.Son;
        var beneficiaryErrors = ErrorsInArabic(new BeneficiaryFormValidator(L, Clock), beneficiary);
        foreach (var field in new[] { "FirstName", "FatherName", "GrandfatherName", "FamilyName", "NameEn", "Members[0].Name" })
        {
            Assert.Equal(ArabicMessage, beneficiaryErrors[field]);
        }

        Assert.Equal(ArabicMessage, ErrorsInArabic(new ContactFormValidator(L, Clock), new ContactForm { CallerName = junk })["CallerName"]);
        Assert.Equal(ArabicMessage, ErrorsInArabic(new FeedbackFormValidator(L), new FeedbackForm { Name = junk })["Name"]);
        Assert.Equal(ArabicMessage, ErrorsInArabic(new NewStaffUserValidator(L), new NewStaffUser(junk, "a@b.sa", "password-1", ["x"], null))["FullName"]);
        Assert.Equal(ArabicMessage, ErrorsInArabic(new NewTenantValidator(L), NewTenant(junk))["AdminFullName"]);
    }

    [Fact]
    public void Validators_bidi_controls_around_a_real_name_are_not_counted_as_characters()
    {
        var form = Beneficiaries.BeneficiaryFormValidatorTests.ValidForm();
        form.FirstName = "\u202Bأحمد\u202C";
        Assert.False(ErrorsInArabic(new BeneficiaryFormValidator(L, Clock), form).ContainsKey("FirstName"));
    }

    private static NewTenant NewTenant(string adminName) => new(
        "assoc", "جمعية", "Association", null, null, null, null, "AS", adminName, "admin@assoc.sa", "password-1");

    private static Dictionary<string, string> ErrorsInArabic<T>(IValidator<T> validator, T form)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ar");
        try
        {
            return validator.Validate(new ValidationContext<T>(form)).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
