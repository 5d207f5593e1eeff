using System.Diagnostics;
using Juthuruna.Common.Text;

namespace Juthuruna.Common.Saudi;

public enum IdentityType
{
    NationalId = 1,
    Iqama = 2,
    Passport = 3,
    BorderNumber = 4,
}

public enum NationalIdProblem
{
    None,
    Empty,
    NotTenDigits,
    WrongFirstDigit,
    WrongCheckDigit,
}

/// <summary>
/// Saudi national ID (first digit 1) and iqama (first digit 2): ten digits whose last is a Luhn check
/// digit. Arabic-Indic digits are accepted and normalised.
/// </summary>
public static class NationalId
{
    public static string Normalize(string? value) =>
        value is null ? "" : Digits.ToAscii(value).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    public static NationalIdProblem Check(string? value, IdentityType type)
    {
        var id = Normalize(value);
        if (id.Length == 0)
        {
            return NationalIdProblem.Empty;
        }

        if (id.Length != 10 || !id.All(char.IsAsciiDigit))
        {
            return NationalIdProblem.NotTenDigits;
        }

        var expectedFirst = type == IdentityType.Iqama ? '2' : '1';
        if (id[0] != expectedFirst)
        {
            return NationalIdProblem.WrongFirstDigit;
        }

        return HasValidCheckDigit(id) ? NationalIdProblem.None : NationalIdProblem.WrongCheckDigit;
    }

    /// <summary>
    /// The ten-digit number whose first nine digits are <paramref name="nineDigits"/> and whose last is the Luhn check
    /// digit (demo data and tests make valid numbers with it).
    /// </summary>
    public static string WithCheckDigit(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        if (nineDigits.Length != 9 || !nineDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Nine ASCII digits are expected.", nameof(nineDigits));
        }

        for (var check = 0; check < 10; check++)
        {
            var candidate = nineDigits + (char)('0' + check);
            if (HasValidCheckDigit(candidate))
            {
                return candidate;
            }
        }

        throw new UnreachableException();
    }

    /// <summary>Luhn over the ten digits: double every other digit from the first, sum the digits, total ≡ 0 (mod 10).</summary>
    public static bool HasValidCheckDigit(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = tenDigits[i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                d = d / 10 + d % 10;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
