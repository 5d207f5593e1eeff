using Juthuruna.Features.Feedback;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>A suggestion or complaint sent on the portal (channel: the association's website); rate-limited per client address.</summary>
public sealed class FeedbackModel(FeedbackDesk desk, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    public void OnGet() => Input = FeedbackForm.Blank(Features.Contacts.ContactChannel.Website);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await desk.SubmitFromPortalAsync(Input, HttpContext.ClientAddress(), ct);
            if (result.Succeeded)
            {
                return Redirect(Association.Path($"feedback/sent/{Input.IdempotencyKey}"));
            }

            if (result.Throttled)
            {
                Response.TooManyRequests(result.RetryAtUtc!.Value - clock.GetUtcNow().UtcDateTime);
                ModelState.AddModelError("", l["Too many submissions from this device. Please try again in an hour."]);
                return Page();
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(string.IsNullOrEmpty(field) ? "" : $"{nameof(Input)}.{field}", message);
            }
        }

        return Page();
    }
}
