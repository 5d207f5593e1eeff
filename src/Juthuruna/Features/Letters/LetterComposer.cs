using System.Globalization;
using Juthuruna.Features.Letters.Templates;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace Juthuruna.Features.Letters;

/// <summary>
/// Writes a letter's HTML: the <see cref="LetterDocument"/> component (letterhead, number, dates, recipient,
/// subject, signature, QR code) around the draft's body component, rendered with Blazor's
/// <see cref="HtmlRenderer"/> in the letter's culture. No HttpContext and no network: the HTML is complete.
/// </summary>
public sealed class LetterComposer(IServiceProvider services, ILoggerFactory loggerFactory)
{
    public async Task<string> ComposeAsync(LetterEnvelope envelope, LetterDraft draft)
    {
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The templates' localizer reads the UI culture; the dispatcher may run on another thread.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = envelope.Culture;
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(LetterDocument.Envelope)] = envelope,
                [nameof(LetterDocument.Body)] = draft.Body,
                [nameof(LetterDocument.Model)] = draft.Model,
                [nameof(LetterDocument.Addressed)] = draft.Addressed,
            });
            var output = await renderer.RenderComponentAsync<LetterDocument>(parameters);
            return "<!doctype html>" + output.ToHtmlString();
        });
    }
}
