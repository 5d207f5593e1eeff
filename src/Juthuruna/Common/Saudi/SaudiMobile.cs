using Juthuruna.Common.Text;
using PhoneNumbers;

namespace Juthuruna.Common.Saudi;

/// <summary>
/// Saudi mobile numbers as people type them — 05XXXXXXXX, 5XXXXXXXX, +9665…, 9665…, 009665…, with
/// spaces or Arabic-Indic digits — validated by libphonenumber and stored in E.164 (+9665XXXXXXXX).
/// </summary>
public static class SaudiMobile
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryNormalize(string? input, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var text = Digits.ToAscii(input).Trim();
        if (!IsPhoneText(text))
        {
            return false;
        }

        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }
        else if (text.StartsWith("966", StringComparison.Ordinal))
        {
            text = "+" + text;
        }

        try
        {
            var number = Util.Parse(text, "SA");
            if (number.CountryCode != 966 || !Util.IsValidNumber(number) || Util.GetNumberType(number) != PhoneNumberType.MOBILE)
            {
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> (digits already ASCII) is written as a phone number is: digits, spaces,
    /// dashes, brackets and one leading +. libphonenumber extracts the digits from any junk around them
    /// ("0556766873x" parses), so every phone field checks the characters first.
    /// </summary>
    public static bool IsPhoneText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            var allowed = char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' || (c == '+' && i == 0);
            if (!allowed)
            {
                return false;
            }
        }

        return trimmed.Any(char.IsAsciiDigit);
    }

    /// <summary>The local form Saudi users read: 05XXXXXXXX.</summary>
    public static string ToLocal(string e164) =>
        e164.StartsWith("+966", StringComparison.Ordinal) ? "0" + e164[4..] : e164;
}
