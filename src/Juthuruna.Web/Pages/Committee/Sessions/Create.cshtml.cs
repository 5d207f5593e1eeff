using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Committee;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Committee.Sessions;

/// <summary>Opens a session: for the member seated as secretary or chair (403 for anyone else).</summary>
public sealed class CreateModel(CommitteeSessions sessions, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "Session date")]
        public string? HeldOn { get; set; }

        [Display(Name = "Place")]
        public string? Place { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await sessions.MayOpenSessionsAsync(User.UserId(), ct))
        {
            return Forbid();
        }

        Input.HeldOn = DateEntry.Format(DualDate.Today(clock), Input.Calendar);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var heldOn = ModelState.ParseDate("Input.HeldOn", Input.HeldOn, Input.Calendar, l);
        if (ModelState.ErrorCount > 0)
        {
            return await sessions.MayOpenSessionsAsync(User.UserId(), ct) ? Page() : Forbid();
        }

        var result = await sessions.CreateAsync(new NewCommitteeSession(heldOn, Input.Place), User.Actor(), ct);
        if (result.Forbidden)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            ModelState.AddCommandErrors(result.Errors);
            return Page();
        }

        TempData["Success"] = l["The session has been created."].Value;
        return RedirectToPage("Details", new { id = result.Id });
    }
}
