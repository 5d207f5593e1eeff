using Juthuruna.Features.Feedback;
using Juthuruna.Features.Portal;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>
/// The submitter follows their item with the reference AND the mobile they gave (posted, so neither lands in
/// addresses or logs). Both must match; any miss gives the same message. Rate-limited per client address.
/// </summary>
public sealed class FeedbackFollowModel(FeedbackQueries queries, PortalThrottle throttle, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Mobile { get; set; }

    public FeedbackFollowView? Found { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reference))
        {
            ModelState.AddModelError(nameof(Reference), l["Enter the reference number."]);
        }

        if (string.IsNullOrWhiteSpace(Mobile))
        {
            ModelState.AddModelError(nameof(Mobile), l["Enter the mobile number you gave."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var verdict = await throttle.TryAsync(PortalLimits.FeedbackLookup, HttpContext.ClientAddress(), null, ct);
        if (!verdict.Allowed)
        {
            Response.TooManyRequests(verdict.RetryAfter(clock.GetUtcNow().UtcDateTime));
            ModelState.AddModelError("", l["Too many attempts from this device. Please try again in a quarter of an hour."]);
            return Page();
        }

        Found = await queries.FollowAsync(Reference, Mobile, ct);
        if (Found is null)
        {
            ModelState.AddModelError("", l["No suggestion or complaint matches this reference number and mobile number."]);
        }

        return Page();
    }
}
