using Juthuruna.Features.Letters;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Pdf;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Letters;

/// <summary>
/// Issues a letter from the letters card of a request or session page: to the letter's page when issued, back to
/// the card with the reason when refused. The form's key makes a double submit issue one letter. When the letter
/// printer's queue is full the answer is 429 with Retry-After: a page that says so and keeps the user's choice.
/// </summary>
[Authorize(Policy = StaffIdentitySetup.LetterReadersPolicy)]
public sealed class IssueModel(LetterRegister register, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public LetterKind Kind { get; set; }
    [BindProperty] public Guid SubjectId { get; set; }
    [BindProperty] public string Language { get; set; } = "ar";
    [BindProperty] public Guid IdempotencyKey { get; set; }
    [BindProperty] public string? ReturnUrl { get; set; }

    /// <summary>Why nothing was issued, when the letter printer was too busy (429).</summary>
    public string? BusyMessage { get; private set; }

    /// <summary>Where "back" leads: the page the form was sent from, or the register.</summary>
    public string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Letters";

    public IActionResult OnGet() => RedirectToPage("/Letters/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Kind) || SubjectId == Guid.Empty || IdempotencyKey == Guid.Empty)
        {
            return BadRequest();
        }

        var actor = User.Actor();
        if (!await register.MayIssueAsync(Kind, SubjectId, actor, ct))
        {
            return Forbid();
        }

        RequestResult result;
        try
        {
            result = await register.IssueAsync(Kind, SubjectId, Language, IdempotencyKey, actor, ct);
        }
        catch (PdfRendererBusyException busy)
        {
            // Refused before a number was taken: nothing to undo; the same form (and key) can be sent again.
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            BusyMessage = l[PdfRendererBusyException.UserMessageKey];
            return Page();
        }

        if (result.Succeeded)
        {
            TempData["Success"] = l["The letter has been issued."].Value;
            return RedirectToPage("/Letters/Details", new { id = result.Id });
        }

        TempData[LettersPanel.ErrorKey] = string.Join(" ", result.Errors.Select(e => e.Message));
        TempData[LettersPanel.KindKey] = Kind.ToString();
        TempData[LettersPanel.LanguageKey] = Language;
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? Url.LocalOr(ReturnUrl, "/Letters") + "#letters" : "/Letters");
    }
}
