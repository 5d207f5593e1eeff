using System.Text;

namespace Juthuruna.Common.Text;

/// <summary>Users type Arabic-Indic (٠١٢٣) or Eastern Arabic-Indic (۰۱۲۳) digits; the system works in ASCII.</summary>
public static class Digits
{
    public static string ToAscii(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(IsNonAsciiDigit))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                '\u066B' => '.', // Arabic decimal separator
                '\u066C' => ',', // Arabic thousands separator
                _ => c,
            });
        }

        return sb.ToString();
    }

    private static bool IsNonAsciiDigit(char c) =>
        c is (>= '\u0660' and <= '\u0669') or (>= '\u06F0' and <= '\u06F9') or '\u066B' or '\u066C';
}
