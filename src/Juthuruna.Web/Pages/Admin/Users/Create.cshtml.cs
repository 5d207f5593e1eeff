using System.ComponentModel.DataAnnotations;
using Juthuruna.Features.Staff;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.Users;

public sealed class CreateModel(StaffAccounts accounts, StaffQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<BranchOption> Branches { get; private set; } = [];

    // Nullable on purpose: the rules live in NewStaffUserValidator, beside the command, and give one
    // message per field (a non-nullable string would add MVC's implicit "required" message as well).
    public sealed class InputModel
    {
        [Display(Name = "Full name")]
        public string? FullName { get; set; }

        [Display(Name = "E-mail")]
        public string? Email { get; set; }

        [DataType(DataType.Password)]
        [Display(Name = "Initial password")]
        public string? Password { get; set; }

        [Display(Name = "Roles")]
        public List<string> Roles { get; set; } = [];

        [Display(Name = "Office")]
        public Guid? BranchId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => Branches = await queries.BranchesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (result, _) = await accounts.CreateAsync(
                new NewStaffUser(Input.FullName ?? "", Input.Email ?? "", Input.Password ?? "", Input.Roles, Input.BranchId), ct);
            if (result.Succeeded)
            {
                TempData["Success"] = l["The staff user {0} was created.", Input.FullName!.Trim()].Value;
                return RedirectToPage("Index");
            }

            ModelState.AddCommandErrors(result);
        }

        Branches = await queries.BranchesAsync(ct);
        return Page();
    }
}
