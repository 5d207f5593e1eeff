using System.ComponentModel.DataAnnotations;
using Juthuruna.Features.Staff;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.Users;

/// <summary>
/// One staff account, with a form per action (roles, disable/enable, password reset, unlock). Each
/// handler calls one StaffAccounts method and comes back here; an id outside the tenant is a 404
/// (the service throws EntityNotFoundException, the query finds nothing).
/// </summary>
public sealed class EditModel(StaffAccounts accounts, StaffQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public StaffDetails Staff { get; private set; } = null!;

    public bool IsSelf => Staff.Id == User.UserId();

    public sealed class InputModel
    {
        [Display(Name = "Roles")]
        public List<string> Roles { get; set; } = [];

        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string? NewPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Roles = [.. Staff.Roles];
        return Page();
    }

    public Task<IActionResult> OnPostRolesAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, accounts.SetRolesAsync(id, Input.Roles, User.UserId(), ct), "The roles were saved.", keepPostedRoles: true, ct);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, accounts.SetActiveAsync(id, false, User.UserId(), ct), "The account was disabled; the user's open sessions end now.", keepPostedRoles: false, ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, accounts.SetActiveAsync(id, true, User.UserId(), ct), "The account was enabled.", keepPostedRoles: false, ct);

    public Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, accounts.ResetPasswordAsync(id, Input.NewPassword ?? "", ct), "The password was reset. Give the new password to the user.", keepPostedRoles: false, ct);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, accounts.UnlockAsync(id, ct), "The account was unlocked.", keepPostedRoles: false, ct);

    private async Task<IActionResult> RunAsync(Guid id, Task<CommandResult> command, string successKey, bool keepPostedRoles, CancellationToken ct)
    {
        var result = await command;
        if (result.Succeeded)
        {
            TempData["Success"] = l[successKey].Value;
            return RedirectToPage(new { id });
        }

        ModelState.AddCommandErrors(result);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The other forms show the account as it is; the form that failed shows what was chosen.
        if (!keepPostedRoles)
        {
            Input.Roles = [.. Staff.Roles];
        }

        Input.NewPassword = null;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var staff = await queries.FindAsync(id, ct);
        if (staff is null)
        {
            return false;
        }

        Staff = staff;
        return true;
    }
}
