using Juthuruna.Features.Letters;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Letters;

/// <summary>
/// Issues a letter from the letters card of a request or session page: to the letter's page when issued, back to
/// the card with the reason when refused. The form's key makes a double submit issue one letter.
/// </summary>
[Authorize(Policy = StaffIdentitySetup.LetterReadersPolicy)]
public sealed class IssueModel(LetterRegister register, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public LetterKind Kind { get; set; }
    [BindProperty] public Guid SubjectId { get; set; }
    [BindProperty] public string Language { get; set; } = "ar";
    [BindProperty] public Guid IdempotencyKey { get; set; }
    [BindProperty] public string? ReturnUrl { get; set; }

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

        var result = await register.IssueAsync(Kind, SubjectId, Language, IdempotencyKey, actor, ct);
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
