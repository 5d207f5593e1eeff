using System.Globalization;
using Juthuruna.Common.Text;

namespace Juthuruna.Common.Dates;

public enum CalendarKind
{
    Gregorian = 0,
    Hijri = 1,
}

/// <summary>
/// A date typed by a person, in either calendar: <c>yyyy-mm-dd</c>, <c>yyyy/mm/dd</c> or <c>dd/mm/yyyy</c>
/// (also with Arabic-Indic digits). Hijri dates are Umm al-Qura, converted to the Gregorian <see cref="DateOnly"/>.
/// </summary>
public static class DateEntry
{
    public static bool TryParse(string? text, CalendarKind calendar, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = Digits.ToAscii(text).Trim().Split(['-', '/', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts.Any(p => p.Length > 4 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var (year, month, day) = parts[0].Length == 4 ? (numbers[0], numbers[1], numbers[2])
            : parts[2].Length == 4 ? (numbers[2], numbers[1], numbers[0])
            : (0, 0, 0);
        if (year == 0 || month is < 1 or > 12 || day is < 1 or > 31)
        {
            return false;
        }

        try
        {
            date = calendar == CalendarKind.Hijri ? DualDate.FromHijri(year, month, day) : new DateOnly(year, month, day);
            if (!DualDate.IsSupported(date))
            {
                // 0001-01-01 or 2999-01-01 are typing errors; refused here, they never reach a page that shows them in Hijri.
                date = default;
                return false;
            }

            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>
    /// A date written without saying its calendar (an imported cell): a year before 1600 is Hijri (Umm al-Qura years run
    /// 1300–1500 for living people), a later one Gregorian; a trailing "هـ" or "م" is the writer saying so. Returns the
    /// text without the suffix, to be parsed with <see cref="TryParse"/> in the returned calendar.
    /// </summary>
    public static (string Text, CalendarKind Calendar) WithGuessedCalendar(string? text)
    {
        var t = Digits.ToAscii(text ?? "").Trim();
        CalendarKind? said = null;
        foreach (var (suffix, calendar) in new[] { ("هـ", CalendarKind.Hijri), ("ه", CalendarKind.Hijri), ("م", CalendarKind.Gregorian) })
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal))
            {
                t = t[..^suffix.Length].Trim();
                said = calendar;
                break;
            }
        }

        if (said is { } known)
        {
            return (t, known);
        }

        var year = t.Split(['-', '/', '.', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(p => p.Length == 4 && p.All(char.IsAsciiDigit));
        return (t, year is not null && int.Parse(year, CultureInfo.InvariantCulture) < 1600 ? CalendarKind.Hijri : CalendarKind.Gregorian);
    }

    /// <summary>The form's text for a stored date: <c>yyyy-mm-dd</c> in the chosen calendar.</summary>
    public static string Format(DateOnly date, CalendarKind calendar)
    {
        if (calendar == CalendarKind.Hijri && date >= DualDate.MinSupported && date <= DualDate.MaxSupported)
        {
            var h = DualDate.ToHijri(date);
            return string.Create(CultureInfo.InvariantCulture, $"{h.Year:0000}-{h.Month:00}-{h.Day:00}");
        }

        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
