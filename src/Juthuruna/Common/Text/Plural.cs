using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Common.Text;

/// <summary>The CLDR plural categories, in the order the Arabic forms of a <see cref="CountedPhrase"/> are written.</summary>
public enum PluralCategory
{
    Zero = 0,
    One = 1,
    Two = 2,
    Few = 3,
    Many = 4,
    Other = 5,
}

/// <summary>
/// A phrase that carries a count ("3 أيام", "يومان", "11 يومًا"). Arabic nouns agree with their number in six
/// ways (CLDR: zero, one, two, few, many, other), English in two, so "N + noun" can never be written with one
/// format string. <see cref="Other"/> is also the resource key: its Arabic value holds the six Arabic forms,
/// separated by <c>|</c>, in <see cref="PluralCategory"/> order; <c>{0}</c> in a form is the number (the
/// one and two forms usually leave it out: "يوم واحد", "يومان").
/// </summary>
public sealed record CountedPhrase(string One, string Other);

public static class Plural
{
    public const char FormSeparator = '|';

    /// <summary>The Arabic CLDR category: 0 zero, 1 one, 2 two, n%100 in 3..10 few, n%100 in 11..99 many, else other.</summary>
    public static PluralCategory Arabic(long count)
    {
        var n = Math.Abs(count);
        var lastTwo = n % 100;
        return n switch
        {
            0 => PluralCategory.Zero,
            1 => PluralCategory.One,
            2 => PluralCategory.Two,
            _ when lastTwo is >= 3 and <= 10 => PluralCategory.Few,
            _ when lastTwo is >= 11 and <= 99 => PluralCategory.Many,
            _ => PluralCategory.Other,
        };
    }

    /// <summary>
    /// The phrase for <paramref name="count"/> in the current UI culture: Arabic by its category from the
    /// resources, any other language by one/other. The number is written in the current culture as {0};
    /// <paramref name="more"/> fill {1}, {2}… (already localized text, e.g. another counted phrase).
    /// </summary>
    public static string Count(this IStringLocalizer l, CountedPhrase phrase, long count, params object?[] more)
    {
        object?[] values = [count.ToString(CultureInfo.CurrentCulture), .. more];
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" && ArabicForms(l, phrase) is { } forms)
        {
            return string.Format(CultureInfo.CurrentCulture, forms[(int)Arabic(count)], values);
        }

        return string.Format(CultureInfo.CurrentCulture, Math.Abs(count) == 1 ? phrase.One : phrase.Other, values);
    }

    /// <summary>The six Arabic forms of the phrase, or null when the resources do not hold all six.</summary>
    public static string[]? ArabicForms(IStringLocalizer l, CountedPhrase phrase)
    {
        var text = l[phrase.Other];
        if (text.ResourceNotFound)
        {
            return null;
        }

        var forms = text.Value.Split(FormSeparator);
        return forms.Length == 6 ? forms : null;
    }
}
