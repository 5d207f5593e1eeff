using System.Globalization;
using Juthuruna.Common.Text;
using Juthuruna.Features.Letters;
using Juthuruna.Features.Notifications.Messaging;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Juthuruna.Tests.Words;

/// <summary>Arabic number–noun agreement (issue 12, item 8): one helper, the CLDR categories, every phrase in six forms.</summary>
public sealed class PluralTests
{
    private static readonly IStringLocalizer<SharedResource> L = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    private static T In<T>(string culture, Func<T> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [Theory]
    [InlineData(0, PluralCategory.Zero)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Two)]
    [InlineData(3, PluralCategory.Few)]
    [InlineData(10, PluralCategory.Few)]
    [InlineData(11, PluralCategory.Many)]
    [InlineData(99, PluralCategory.Many)]
    [InlineData(100, PluralCategory.Other)]
    [InlineData(101, PluralCategory.Other)]
    [InlineData(102, PluralCategory.Other)]
    [InlineData(103, PluralCategory.Few)]
    [InlineData(111, PluralCategory.Many)]
    [InlineData(1000, PluralCategory.Other)]
    public void Plural_arabic_category_follows_cldr(long count, PluralCategory expected) =>
        Assert.Equal(expected, Plural.Arabic(count));

    [Theory]
    [InlineData(0, "لا أصوات")]
    [InlineData(1, "صوت واحد")]
    [InlineData(2, "صوتان")]
    [InlineData(3, "3 أصوات")]
    [InlineData(10, "10 أصوات")]
    [InlineData(11, "11 صوتًا")]
    [InlineData(99, "99 صوتًا")]
    [InlineData(100, "100 صوت")]
    [InlineData(101, "101 صوت")]
    [InlineData(102, "102 صوت")]
    public void Plural_votes_agree_with_their_number_in_arabic(long count, string expected) =>
        Assert.Equal(expected, In("ar", () => L.Count(Counted.Votes, count)));

    [Theory]
    [InlineData(1, "بقي يوم واحد")]
    [InlineData(2, "بقي يومان")]
    [InlineData(5, "بقيت 5 أيام")]
    [InlineData(14, "بقي 14 يومًا")]
    [InlineData(100, "بقي 100 يوم")]
    public void Plural_days_left_are_idiomatic_arabic(long count, string expected) =>
        Assert.Equal(expected, In("ar", () => L.Count(Counted.DaysLeft, count)));

    [Theory]
    [InlineData(1, "1 open request")]
    [InlineData(2, "2 open requests")]
    [InlineData(0, "0 open requests")]
    public void Plural_english_uses_one_and_other(long count, string expected) =>
        Assert.Equal(expected, In("en", () => L.Count(Counted.OpenRequests, count)));

    [Fact]
    public void Plural_a_counted_phrase_inside_another_agrees_in_both()
    {
        var text = In("ar", () => L.Count(Counted.RequestsDueWithin, 2, L.Count(Counted.WithinDays, 2)));

        Assert.Equal("طلبان يحل موعدهما خلال يومين", text);
    }

    [Fact]
    public void Plural_every_counted_phrase_has_its_six_arabic_forms()
    {
        var incomplete = Counted.All.Where(p => In("ar", () => Plural.ArabicForms(L, p)) is null).Select(p => p.Other).ToList();

        Assert.True(Counted.All.Count > 20);
        Assert.Empty(incomplete);
    }

    [Theory]
    [InlineData(8, "يجب ألا تقل كلمة المرور عن 8 أحرف.")]
    [InlineData(12, "يجب ألا تقل كلمة المرور عن 12 حرفًا.")]
    [InlineData(2, "يجب ألا تقل كلمة المرور عن حرفين.")]
    public void Plural_password_rule_agrees_with_its_length(int length, string expected) =>
        Assert.Equal(expected, In("ar", () => L.Count(Counted.PasswordMinimumLength, length)));

    [Fact]
    public void Plural_otp_message_says_the_minutes_in_agreement()
    {
        var text = new MessageTemplates(L).Otp("123456", 15).Body;

        Assert.Contains("صالح لمدة 15 دقيقة", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_message_calls_the_number_the_beneficiary_number()
    {
        var text = new MessageTemplates(L).Registration("JTH-00002").Body;

        Assert.Contains("برقم المستفيد JTH-00002", text, StringComparison.Ordinal);
        Assert.DoesNotContain("رقم الملف", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("جدة", "جدة - حي الحمدانية", "جدة - حي الحمدانية")]
    [InlineData("جده", "جدة - حي الحمدانية", "جدة - حي الحمدانية")]
    [InlineData("جدة", "حي الحمدانية", "جدة · حي الحمدانية")]
    [InlineData(null, "حي الحمدانية", "حي الحمدانية")]
    [InlineData("جدة", null, "جدة")]
    public void Letterhead_place_names_the_city_once(string? city, string? address, string expected)
    {
        var head = new Letterhead("جمعية", "Association", null, city, address, null, null, null, null, "", "", "JTH");

        Assert.Equal(expected, head.Place());
    }
}
