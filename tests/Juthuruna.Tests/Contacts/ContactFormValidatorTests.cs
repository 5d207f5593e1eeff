using System.Globalization;
using Juthuruna.Features.Contacts;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Juthuruna.Tests.Contacts;

public sealed class ContactFormValidatorTests
{
    // 10:00 Saudi time on 18 Feb 2026.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 2, 18, 7, 0, 0, TimeSpan.Zero));

    private static ContactFormValidator Validator()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new ContactFormValidator(new StringLocalizer<SharedResource>(factory), Clock);
    }

    private static ContactForm ValidForm() => new()
    {
        OccurredAt = "2026-02-18T09:45",
        Channel = ContactChannel.Phone,
        Direction = ContactDirection.Incoming,
        Type = ContactType.Inquiry,
        Summary = "استفسار عن الخدمات",
        CallerName = "سعد الحربي",
        CallerMobile = "0559876543",
        IdempotencyKey = Guid.NewGuid(),
    };

    private static Dictionary<string, string> ErrorsInArabic(ContactForm form)
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
    public void Validator_valid_unknown_caller_passes() => Assert.Empty(ErrorsInArabic(ValidForm()));

    [Fact]
    public void Validator_contact_about_a_file_needs_no_caller()
    {
        var form = ValidForm();
        form.BeneficiaryId = Guid.NewGuid();
        form.CallerName = null;
        form.CallerMobile = null;
        Assert.Empty(ErrorsInArabic(form));
    }

    [Fact]
    public void Validator_unknown_caller_without_name_or_with_bad_mobile_fails()
    {
        var form = ValidForm();
        form.CallerName = " ";
        form.CallerMobile = "0123";
        var errors = ErrorsInArabic(form);
        Assert.Equal("أدخل اسم المتصل.", errors[nameof(ContactForm.CallerName)]);
        Assert.Equal("أدخل رقم جوال سعوديًا صحيحًا، مثل 0551234567.", errors[nameof(ContactForm.CallerMobile)]);
    }

    [Fact]
    public void Validator_unknown_caller_mobile_in_arabic_indic_digits_passes()
    {
        var form = ValidForm();
        form.CallerMobile = "٠٥٥٩٨٧٦٥٤٣";
        Assert.Empty(ErrorsInArabic(form));
    }

    [Fact]
    public void Validator_missing_summary_fails()
    {
        var form = ValidForm();
        form.Summary = "";
        Assert.Equal("اكتب ملخص التواصل.", ErrorsInArabic(form)[nameof(ContactForm.Summary)]);
    }

    [Theory]
    [InlineData("2026-02-17", "لا يمكن أن يكون تاريخ المتابعة في الماضي.")]
    [InlineData("17/02/2026", "لا يمكن أن يكون تاريخ المتابعة في الماضي.")]
    [InlineData("غدا", "أدخل التاريخ بصيغة سنة-شهر-يوم (2026-05-17) أو يوم/شهر/سنة (17/05/2026).")]
    public void Validator_follow_up_date_in_the_past_or_unreadable_fails(string value, string message)
    {
        var form = ValidForm();
        form.FollowUpOn = value;
        Assert.Equal(message, ErrorsInArabic(form)[nameof(ContactForm.FollowUpOn)]);
    }

    [Theory]
    [InlineData("2026-02-18")]
    [InlineData("٢٠٢٦-٠٢-٢٠")]
    public void Validator_follow_up_today_or_later_passes(string value)
    {
        var form = ValidForm();
        form.FollowUpOn = value;
        Assert.Empty(ErrorsInArabic(form));
    }

    [Fact]
    public void Validator_contact_in_the_future_fails()
    {
        var form = ValidForm();
        form.OccurredAt = "2026-02-18T11:00";
        Assert.Equal("لا يمكن أن يكون التواصل في المستقبل.", ErrorsInArabic(form)[nameof(ContactForm.OccurredAt)]);
    }

    [Fact]
    public void SaudiTime_is_utc_plus_three()
    {
        Assert.True(ContactTimes.TryParseSaudiTime("2026-02-18T01:30", out var utc));
        Assert.Equal(new DateTime(2026, 2, 17, 22, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateOnly(2026, 2, 18), ContactTimes.SaudiToday(new DateTime(2026, 2, 17, 21, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Channels_are_the_eight_of_the_policy_in_its_order()
    {
        Assert.Equal(
            ["InPerson", "Phone", "SocialMedia", "Letter", "AssistanceRequest", "Volunteering", "Website", "BranchRepresentative"],
            Enum.GetNames<ContactChannel>());
    }
}
