using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Common.Text;

/// <summary>
/// The one rule for a person's name, wherever it is typed (a beneficiary's name parts and English name, household
/// members, a caller, an applicant, a complainant, a staff member): letters of the Arabic or Latin script — Arabic
/// with the diacritics and tatweel people type — spaces, hyphens and apostrophes. No digits, no symbols: a name is
/// never markup, a query or a template (<c>&lt;script&gt;</c>, <c>' OR 1=1 --</c>, <c>{{7*7}}</c> were stored as names).
/// </summary>
public static class PersonNames
{
    /// <summary>
    /// Whether <paramref name="value"/> (as <see cref="UserText.SingleLine"/> leaves it) is a name: at least one letter
    /// and nothing but the allowed characters.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var hasLetter = false;
        foreach (var c in value)
        {
            if (IsNameLetter(c))
            {
                hasLetter = true;
            }
            else if (!IsArabicMark(c) && c is not (' ' or '-' or '\'' or '\u2019'))
            {
                return false;
            }
        }

        return hasLetter;
    }

    /// <summary>
    /// Refuses a non-empty value that is not a name (emptiness is the field's own rule, with its own message). The
    /// value is checked as it will be stored: bidi controls and marks removed, spaces collapsed.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || IsValid(UserText.SingleLine(v)))
            .WithMessage(_ => Message(l));

    public static string Message(IStringLocalizer l) =>
        l["A name may contain Arabic or Latin letters, spaces, hyphens (-) and apostrophes (') only."].Value;

    private static bool IsNameLetter(char c) =>
        char.IsLetter(c) && (IsArabic(c) || IsLatin(c));

    // Tatweel (U+0640) is a letter to .NET (Lm); the harakat, shadda, sukun and superscript alef are marks.
    private static bool IsArabicMark(char c) =>
        c is (>= '\u064B' and <= '\u065F') or '\u0670' or (>= '\u06D6' and <= '\u06ED');

    private static bool IsArabic(char c) =>
        c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    private static bool IsLatin(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF');
}
