using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Letters.Templates;

/// <summary>A number, code or Latin name that must keep left-to-right order inside an Arabic sentence.</summary>
public readonly record struct Ltr(string Text);

/// <summary>
/// Base of every letter body: the typed model, the localizer in the letter's culture, and <see cref="T"/>, which
/// writes a localized sentence with its values HTML-encoded and each <see cref="Ltr"/> value isolated in
/// <c>&lt;bdi dir="ltr"&gt;</c>, so phone numbers, request numbers and amounts keep their order.
/// </summary>
public abstract class LetterBody<TModel> : ComponentBase
{
    [Parameter, EditorRequired] public TModel Model { get; set; } = default!;

    [Inject] protected IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected static CultureInfo Culture => CultureInfo.CurrentUICulture;

    protected MarkupString T(string key, params object?[] values)
    {
        var format = WebUtility.HtmlEncode(L[key].Value);
        var encoded = values.Select(v => (object)(v switch
        {
            Ltr ltr => $"<bdi dir=\"ltr\">{WebUtility.HtmlEncode(ltr.Text)}</bdi>",
            // Each calendar's date stays on one line: "15 رمضان 1447 هـ" broken after "رمضان" reads badly.
            DateOnly date => $"<span class=\"nowrap\">{WebUtility.HtmlEncode(Common.Dates.DualDate.FormatHijri(date, Culture))}</span> "
                + $"{WebUtility.HtmlEncode(L["corresponding to"])} <span class=\"nowrap\">{WebUtility.HtmlEncode(Common.Dates.DualDate.FormatGregorian(date, Culture))}</span>",
            null => "",
            _ => WebUtility.HtmlEncode(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""),
        })).ToArray();
        return new MarkupString(string.Format(CultureInfo.InvariantCulture, format, encoded));
    }

    /// <summary>An amount in riyals as the letters write it: <c>1,500.00 ريال</c>.</summary>
    protected string Money(long halalas) => $"{Common.Money.Riyals.Format(halalas)} {L["SAR"]}";

    /// <summary>Both calendars, Hijri first: <c>1 رمضان 1447 هـ الموافق 18 فبراير 2026 م</c>.</summary>
    protected string Date(DateOnly date) =>
        $"{Common.Dates.DualDate.FormatHijri(date, Culture)} {L["corresponding to"]} {Common.Dates.DualDate.FormatGregorian(date, Culture)}";
}
