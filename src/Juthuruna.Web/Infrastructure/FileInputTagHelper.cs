using Juthuruna.Features.Files;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Every file field carries the upload limit and its message (<c>data-max-bytes</c>, <c>data-too-large</c>), so
/// <c>js/uploads.js</c> refuses a too-large file as soon as it is chosen, before a byte is sent and without leaving
/// the form. The server still checks everything; a field with its own limit (the logo) sets the attributes itself.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=file]")]
public sealed class FileInputTagHelper(IOptions<StorageOptions> storage, IStringLocalizer<SharedResource> l) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("data-max-bytes"))
        {
            var max = storage.Value.MaxBytes;
            output.Attributes.SetAttribute("data-max-bytes", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
            output.Attributes.SetAttribute("data-too-large", l[UploadErrors.TooLarge, max / (1024.0 * 1024.0)].Value);
        }
    }
}
