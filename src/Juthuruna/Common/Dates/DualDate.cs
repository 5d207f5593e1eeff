using System.Globalization;

namespace Juthuruna.Common.Dates;

/// <summary>
/// Renders a date the way Saudi users read it: Hijri (Umm al-Qura) beside Gregorian.
/// Digits are Western (1447), as on the association's own letters; month names follow the UI language.
/// </summary>
public static class DualDate
{
    private static readonly UmAlQuraCalendar UmAlQura = new();

    private static readonly string[] HijriMonthsAr =
    [
        "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
        "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
    ];

    private static readonly string[] HijriMonthsEn =
    [
        "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
        "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
    ];

    private static readonly string[] GregorianMonthsAr =
    [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ];

    /// <summary>Earliest and latest dates the Umm al-Qura tables cover (1318–1500 AH).</summary>
    public static DateOnly MinSupported { get; } = DateOnly.FromDateTime(UmAlQura.MinSupportedDateTime);

    public static DateOnly MaxSupported { get; } = DateOnly.FromDateTime(UmAlQura.MaxSupportedDateTime);

    /// <summary>
    /// Whether <paramref name="date"/> has an Umm al-Qura date. Every date people type into the app (births,
    /// documents, sessions, holidays) lies in this range; a date outside it is a typing error, not data.
    /// </summary>
    public static bool IsSupported(DateOnly date) => date >= MinSupported && date <= MaxSupported;

    public static HijriDate ToHijri(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return new HijriDate(UmAlQura.GetYear(dt), UmAlQura.GetMonth(dt), UmAlQura.GetDayOfMonth(dt));
    }

    public static DateOnly FromHijri(int year, int month, int day) =>
        DateOnly.FromDateTime(UmAlQura.ToDateTime(year, month, day, 0, 0, 0, 0));

    /// <summary>e.g. <c>1 رمضان 1447 هـ</c> / <c>1 Ramadan 1447 AH</c>.</summary>
    public static string FormatHijri(DateOnly date, CultureInfo culture)
    {
        if (!IsSupported(date))
        {
            // No Hijri date exists for it: show the Gregorian one rather than fail the page.
            return FormatGregorian(date, culture);
        }

        var h = ToHijri(date);
        return IsArabic(culture)
            ? $"{h.Day} {HijriMonthsAr[h.Month - 1]} {h.Year} هـ"
            : $"{h.Day} {HijriMonthsEn[h.Month - 1]} {h.Year} AH";
    }

    /// <summary>e.g. <c>18 فبراير 2026 م</c> / <c>18 February 2026</c>.</summary>
    public static string FormatGregorian(DateOnly date, CultureInfo culture) =>
        IsArabic(culture)
            ? $"{date.Day} {GregorianMonthsAr[date.Month - 1]} {date.Year} م"
            : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Both calendars, Hijri first: <c>1 رمضان 1447 هـ — 18 فبراير 2026 م</c>.</summary>
    public static string Format(DateOnly date, CultureInfo culture) =>
        IsSupported(date) ? $"{FormatHijri(date, culture)} — {FormatGregorian(date, culture)}" : FormatGregorian(date, culture);

    /// <summary>A UTC instant shown as a date and time in Saudi Arabia (UTC+3, no daylight saving).</summary>
    public static string Format(DateTime utc, CultureInfo culture)
    {
        var local = ToRiyadh(utc);
        return $"{Format(DateOnly.FromDateTime(local), culture)} {local:HH:mm}";
    }

    public static DateTime ToRiyadh(DateTime utc) =>
        utc > DateTime.MaxValue.AddHours(-3) ? DateTime.MaxValue : DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(3);

    /// <summary>The calendar day in Riyadh at the UTC instant <paramref name="utc"/>.</summary>
    public static DateOnly RiyadhDay(DateTime utc) => DateOnly.FromDateTime(ToRiyadh(utc));

    /// <summary>Today in Riyadh by <paramref name="clock"/>: the day due dates, deliveries and sessions count from.</summary>
    public static DateOnly Today(TimeProvider clock) => RiyadhDay(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// A Gregorian month with the Hijri month(s) it spans: <c>فبراير 2026 م (شعبان – رمضان 1447 هـ)</c> /
    /// <c>February 2026 (Shaban – Ramadan 1447 AH)</c>.
    /// </summary>
    /// <summary>A Hijri month by its Umm al-Qura year and number, e.g. <c>رمضان 1447 هـ</c> / <c>Ramadan 1447 AH</c>.</summary>
    public static string FormatHijriMonth(int year, int month, CultureInfo culture) =>
        IsArabic(culture) ? $"{HijriMonthsAr[month - 1]} {year} هـ" : $"{HijriMonthsEn[month - 1]} {year} AH";

    public static string FormatMonth(int year, int month, CultureInfo culture)
    {
        var arabic = IsArabic(culture);
        var first = ToHijri(new DateOnly(year, month, 1));
        var last = ToHijri(new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
        var names = arabic ? HijriMonthsAr : HijriMonthsEn;
        var hijri = first.Year == last.Year
            ? first.Month == last.Month ? $"{names[first.Month - 1]} {first.Year}" : $"{names[first.Month - 1]} – {names[last.Month - 1]} {last.Year}"
            : $"{names[first.Month - 1]} {first.Year} – {names[last.Month - 1]} {last.Year}";
        return arabic
            ? $"{GregorianMonthsAr[month - 1]} {year} م ({hijri} هـ)"
            : $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year} ({hijri} AH)";
    }

    private static bool IsArabic(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("ar", StringComparison.OrdinalIgnoreCase);
}

public readonly record struct HijriDate(int Year, int Month, int Day);
