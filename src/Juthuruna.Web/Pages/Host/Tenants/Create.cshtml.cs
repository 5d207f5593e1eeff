using Juthuruna.Features.Tenants;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Host.Tenants;

/// <summary>Creates an association with its first administrator (rules and messages live in <see cref="NewTenantValidator"/>).</summary>
public sealed class CreateModel(TenantProvisioning provisioning, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    // Nullable on purpose: the command's validator gives every message, so MVC adds no implicit [Required].
    public sealed class InputModel
    {
        public string? Slug { get; set; }
        public string? NameAr { get; set; }
        public string? NameEn { get; set; }
        public string? City { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? LicenceNumber { get; set; }
        public string? NumberPrefix { get; set; }
        public string? AdminFullName { get; set; }
        public string? AdminEmail { get; set; }
        public string? AdminPassword { get; set; }

        public NewTenant ToCommand() => new(
            (Slug ?? "").Trim(),
            NameAr ?? "",
            NameEn ?? "",
            City,
            Phone,
            Email,
            LicenceNumber,
            (NumberPrefix ?? "").Trim(),
            AdminFullName ?? "",
            (AdminEmail ?? "").Trim(),
            AdminPassword ?? "");
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, _) = await provisioning.CreateAsync(Input.ToCommand(), ct);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
            }

            return Page();
        }

        var name = Localization.IsArabic ? Input.NameAr : Input.NameEn;
        TempData["Success"] = l["The association {0} has been created. Its administrator can sign in now.", name!.Trim()].Value;
        return RedirectToPage("Index");
    }
}
