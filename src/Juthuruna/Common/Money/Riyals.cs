using System.Globalization;
using Juthuruna.Common.Text;

namespace Juthuruna.Common.Money;

/// <summary>Money is stored as whole halalas (1 riyal = 100 halalas); people type and read riyals.</summary>
public static class Riyals
{
    /// <summary>Largest amount accepted from a form: 10 million riyals a month is beyond any household.</summary>
    public const long MaxHalalas = 10_000_000_00;

    /// <summary>
    /// "1500", "1500.5", "1500.50", "1,500.50", "١٥٠٠٫٥٠" → halalas. Empty text is zero. Negative amounts,
    /// more than two decimals and absurd amounts are refused.
    /// </summary>
    public static bool TryParseHalalas(string? text, out long halalas)
    {
        halalas = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var s = Digits.ToAscii(text).Trim().Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (s.Length == 0 || s.Any(c => !char.IsAsciiDigit(c) && c != '.') || s.Count(c => c == '.') > 1)
        {
            return false;
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? "" : s[(dot + 1)..];
        if (fraction.Length > 2 || (whole.Length == 0 && fraction.Length == 0) || whole.Length > 12)
        {
            return false;
        }

        var riyals = whole.Length == 0 ? 0 : long.Parse(whole, CultureInfo.InvariantCulture);
        var cents = fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture);
        var value = riyals * 100 + cents;
        if (value > MaxHalalas)
        {
            return false;
        }

        halalas = value;
        return true;
    }

    /// <summary>1234567 → "12,345.67" (Western digits, as on the association's letters).</summary>
    public static string Format(long halalas) =>
        (halalas / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>For putting an amount back into a form field: 150000 → "1500", 150050 → "1500.50".</summary>
    public static string ToInput(long halalas) =>
        halalas % 100 == 0
            ? (halalas / 100).ToString(CultureInfo.InvariantCulture)
            : (halalas / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
