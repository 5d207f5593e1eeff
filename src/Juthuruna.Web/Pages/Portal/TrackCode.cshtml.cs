using System.ComponentModel.DataAnnotations;
using Juthuruna.Features.Portal;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>Step two: the code from the SMS opens a portal session for that one request.</summary>
public sealed class TrackCodeModel(PortalSignIn signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    public ChallengeView Sent { get; private set; } = null!;

    /// <summary>The code can no longer be used (expired, too many wrong tries, already used): ask for a new one.</summary>
    public bool Dead { get; private set; }

    [BindProperty]
    [Display(Name = "Verification code")]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid challenge, CancellationToken ct)
    {
        if (await signIn.FindAsync(challenge, ct) is not { } found)
        {
            return NotFound();
        }

        Sent = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid challenge, CancellationToken ct)
    {
        if (await signIn.FindAsync(challenge, ct) is not { } found)
        {
            return NotFound();
        }

        Sent = found;
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), l["Enter the code from the text message."]);
            return Page();
        }

        var result = (await signIn.CheckAsync(challenge, Code, ct))!;
        switch (result.Outcome)
        {
            case CodeCheckOutcome.Accepted:
                await HttpContext.SignInToPortalAsync(Association.Id, new PortalSession(result.RequestId, result.BeneficiaryId));
                return Redirect(Association.Path("track/request"));
            case CodeCheckOutcome.Wrong:
                ModelState.AddModelError(nameof(Code), l["The code is not correct. Attempts left: {0}.", result.AttemptsLeft]);
                break;
            case CodeCheckOutcome.Locked:
                Dead = true;
                ModelState.AddModelError(nameof(Code), l["Too many wrong codes: this code can no longer be used. Please ask for a new code."]);
                break;
            case CodeCheckOutcome.Expired:
                Dead = true;
                ModelState.AddModelError(nameof(Code), l["The code has expired. Please ask for a new code."]);
                break;
            default:
                Dead = true;
                ModelState.AddModelError(nameof(Code), l["This code has already been used. Please ask for a new code."]);
                break;
        }

        return Page();
    }
}
