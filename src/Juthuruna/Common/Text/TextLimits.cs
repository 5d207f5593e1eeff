using Microsoft.Extensions.Localization;

namespace Juthuruna.Common.Text;

/// <summary>
/// The usual lengths of free text and the one message that refuses a longer text, naming the limit. An entity
/// that stores such a text declares its limit as a constant from these (e.g. <c>RequestHistory.MaxNote</c>);
/// validators and services check it with <see cref="Fits"/> and answer with <see cref="TooLong"/>; the form's
/// textarea carries the same number as <c>maxlength</c>, which the page's counter script turns into a live count.
/// </summary>
public static class TextLimits
{
    /// <summary>A name or a short line (a person, a place, a title).</summary>
    public const int Line = 200;

    /// <summary>A note, a reason, a question or an answer.</summary>
    public const int Note = 2000;

    /// <summary>A long text: a complaint, a section of a research report, the answer to a referral.</summary>
    public const int LongText = 4000;

    /// <summary>Whether <paramref name="value"/>, as it will be stored (trimmed), is at most <paramref name="max"/> characters.</summary>
    public static bool Fits(string? value, int max) => (value?.Trim().Length ?? 0) <= max;

    /// <summary>"The text is too long: at most N characters", phrased so the number needs no noun agreement.</summary>
    public static string TooLong(IStringLocalizer l, int max)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l["This text is too long. The maximum number of characters is {0}.", max].Value;
    }

    /// <summary>
    /// The same message for FluentValidation's <c>MaximumLength(n)</c>, which fills in its own <c>{MaxLength}</c>
    /// placeholder: <c>.MaximumLength(50).WithMessage(TextLimits.TooLongForMaximumLength(l))</c>.
    /// </summary>
    public static string TooLongForMaximumLength(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l["This text is too long. The maximum number of characters is {0}.", "{MaxLength}"].Value;
    }
}
