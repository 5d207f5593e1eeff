using System.Globalization;
using Juthuruna.Common.Dates;

namespace Juthuruna.Tests.Common;

public sealed class DualDateTests
{
    private static readonly CultureInfo Arabic = new("ar-SA");
    private static readonly CultureInfo English = new("en");

    [Theory]
    [InlineData(2025, 3, 1, 1446, 9, 1)]
    [InlineData(2026, 2, 18, 1447, 9, 1)]
    [InlineData(2025, 6, 26, 1447, 1, 1)]
    [InlineData(2026, 6, 16, 1448, 1, 1)]
    [InlineData(2025, 12, 23, 1447, 7, 3)]
    public void ToHijri_umm_al_qura_vectors_match(int y, int m, int d, int hy, int hm, int hd)
    {
        Assert.Equal(new HijriDate(hy, hm, hd), DualDate.ToHijri(new DateOnly(y, m, d)));
        Assert.Equal(new DateOnly(y, m, d), DualDate.FromHijri(hy, hm, hd));
    }

    [Fact]
    public void Format_arabic_shows_hijri_then_gregorian()
    {
        Assert.Equal("1 رمضان 1447 هـ — 18 فبراير 2026 م", DualDate.Format(new DateOnly(2026, 2, 18), Arabic));
    }

    [Fact]
    public void Format_policy_approval_date_in_both_calendars()
    {
        Assert.Equal("3 رجب 1447 هـ — 23 ديسمبر 2025 م", DualDate.Format(new DateOnly(2025, 12, 23), Arabic));
    }

    [Fact]
    public void Format_english_uses_transliterated_hijri_months()
    {
        Assert.Equal("1 Ramadan 1447 AH — 18 February 2026", DualDate.Format(new DateOnly(2026, 2, 18), English));
    }

    [Fact]
    public void Format_utc_instant_is_shown_in_saudi_time_on_the_saudi_date()
    {
        // 22:30 UTC on 17 Feb is 01:30 on 18 Feb in Riyadh (UTC+3).
        var utc = new DateTime(2026, 2, 17, 22, 30, 0, DateTimeKind.Utc);

        Assert.Equal("1 رمضان 1447 هـ — 18 فبراير 2026 م 01:30", DualDate.Format(utc, Arabic));
    }
}
