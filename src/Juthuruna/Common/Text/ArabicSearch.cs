using System.Text;

namespace Juthuruna.Common.Text;

/// <summary>
/// The normalised search key stored beside Arabic names: no diacritics or tatweel, the alef forms
/// (أ إ آ ٱ) as ا, ة as ه, ى as ي, Arabic-Indic digits as ASCII, Latin in lower case, single spaces.
/// "عبدُالله" and "عبـدالله" and "عبدالله" all become "عبدالله".
/// </summary>
public static class ArabicSearch
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in Digits.ToAscii(text))
        {
            if (c is (>= '\u064B' and <= '\u065F') or '\u0670' or '\u0640' or '\u200C' or '\u200D' or '\u200E' or '\u200F')
            {
                continue; // harakat, superscript alef, tatweel, zero-width and direction marks
            }

            var mapped = c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ة' => 'ه',
                'ى' => 'ي',
                _ => char.ToLowerInvariant(c),
            };

            if (char.IsWhiteSpace(mapped))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(mapped);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }
}
