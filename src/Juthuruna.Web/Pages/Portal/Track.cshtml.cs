using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Text;
using Juthuruna.Features.Portal;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>Step one of following a request: its number and the identity number → a one-time code to the registered mobile.</summary>
public sealed class TrackModel(PortalSignIn signIn, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    [BindProperty]
    public LookupInput Input { get; set; } = new();

    public sealed class LookupInput
    {
        [Display(Name = "Request number")]
        public string? Number { get; set; }

        [Display(Name = "Identity number (national ID or iqama)")]
        public string? IdentityNumber { get; set; }
    }

    public IActionResult OnGet() =>
        HttpContext.PortalSession() is not null ? Redirect(Association.Path("track/request")) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Number))
        {
            ModelState.AddModelError("Input.Number", l["Enter the request number."]);
        }

        if (string.IsNullOrWhiteSpace(Input.IdentityNumber))
        {
            ModelState.AddModelError("Input.IdentityNumber", l["Enter the identity number."]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var result = await signIn.RequestCodeAsync(Input.Number, Input.IdentityNumber, HttpContext.ClientAddress(), ct);
        switch (result.Outcome)
        {
            case CodeRequestOutcome.Sent:
                return Redirect(Association.Path($"track/code/{result.ChallengeId}"));
            case CodeRequestOutcome.RateLimited:
                var wait = result.RetryAtUtc!.Value - clock.GetUtcNow().UtcDateTime;
                ModelState.AddModelError("", l["Too many attempts. Please try again {0}.", l.Count(Counted.InMinutes, Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)))]);
                Response.TooManyRequests(wait);
                return Page();
            default:
                // Never which of the two was wrong: that would confirm a request number or an identity number to a stranger.
                ModelState.AddModelError("", l["There is no request with this number and identity number."]);
                return Page();
        }
    }
}
