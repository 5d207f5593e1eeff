using System.Globalization;
using Juthuruna.Common.Dates;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// <c>&lt;dual-date value="..." /&gt;</c>: a date in Hijri (Umm al-Qura) beside Gregorian, as a
/// machine-readable <c>&lt;time&gt;</c>. Accepts a <see cref="DateOnly"/> or a UTC <see cref="DateTime"/>.
/// </summary>
[HtmlTargetElement("dual-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DualDateTagHelper : TagHelper
{
    public object? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        var culture = CultureInfo.CurrentUICulture;
        switch (Value)
        {
            case DateOnly date:
                output.Attributes.SetAttribute("datetime", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                output.Content.SetContent(DualDate.Format(date, culture));
                break;
            case DateTime utc:
                // A valid global date-and-time string: whole seconds and Z ("O" writes seven decimals, which HTML refuses).
                output.Attributes.SetAttribute("datetime", DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                output.Content.SetContent(DualDate.Format(utc, culture));
                break;
            default:
                output.SuppressOutput();
                break;
        }
    }
}
