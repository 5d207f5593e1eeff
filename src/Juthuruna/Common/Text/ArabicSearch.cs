using System.Text;

namespace Juthuruna.Common.Text;

/// <summary>
/// The normalised search key stored beside Arabic names: no diacritics or tatweel, the alef forms
/// (أ إ آ ٱ) as ا, ة as ه, ى as ي, Arabic-Indic digits as ASCII, Latin in lower case, single spaces.
/// "عبدُالله" and "عبـدالله" and "عبدالله" all become "عبدالله".
/// <see cref="Key"/> adds what Saudis write either way: a compound name is one token however it is spaced
/// ("عبد الرحمن" = "عبدالرحمن", "أبو بكر" = "ابوبكر", "آل سعود" = "السعود", "ال سديري" = "السديري").
/// </summary>
public static class ArabicSearch
{
    /// <summary>
    /// Words that are not a name on their own but the start of the next one (after <see cref="Normalize"/>:
    /// "أبو" is "ابو", "آل" is "ال"). "ابن" is written "بن" too, so both become "بن".
    /// </summary>
    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal) { "عبد", "ابو", "بن", "ابن", "ال" };

    /// <summary>Whether a typed word is a compound's first half (عبد، أبو، بن، ابن، آل، ال) that belongs with the next word.</summary>
    public static bool IsCompoundPrefix(string word) => Prefixes.Contains(Normalize(word));

    /// <summary>
    /// The name's search tokens: normalised, compounds joined. Stored space-separated as the search key and
    /// applied to what is typed in the search box, so both sides are spelled the same way.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        var words = Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tokens = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var token = Canonical(words[i]);
            while (Prefixes.Contains(words[i]) && i + 1 < words.Length)
            {
                token += Canonical(words[++i]);
            }

            tokens.Add(token);
        }

        return tokens;
    }

    /// <summary>The stored search key: <see cref="Tokens"/> joined by single spaces.</summary>
    public static string Key(string? text) => string.Join(' ', Tokens(text));

    // "ابن فلان" and "بن فلان" are the same name; a word that merely starts with "ابن" is left alone.
    private static string Canonical(string word) => word == "ابن" ? "بن" : word;

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
