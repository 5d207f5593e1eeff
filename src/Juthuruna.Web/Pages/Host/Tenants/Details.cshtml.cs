using Juthuruna.Features.Tenants;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Host.Tenants;

/// <summary>One tenant as the operator sees it, with suspend / reactivate (an unknown id is a 404).</summary>
public sealed class DetailsModel(TenantDirectory directory, TenantProvisioning provisioning, IStringLocalizer<SharedResource> l) : PageModel
{
    public TenantDetails Association { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Association = await directory.GetAsync(id, ct);

    public Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken ct) => SetSuspendedAsync(id, suspended: true, ct);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct) => SetSuspendedAsync(id, suspended: false, ct);

    private async Task<IActionResult> SetSuspendedAsync(Guid id, bool suspended, CancellationToken ct)
    {
        var result = await provisioning.SetSuspendedAsync(id, suspended, ct);
        Association = await directory.GetAsync(id, ct);
        if (!result.Succeeded)
        {
            foreach (var (_, message) in result.Errors)
            {
                ModelState.AddModelError("", message);
            }

            return Page();
        }

        var name = Localization.IsArabic ? Association.NameAr : Association.NameEn;
        TempData["Success"] = suspended
            ? l["The association {0} is suspended. Its staff are signed out on their next request.", name].Value
            : l["The association {0} is active again.", name].Value;
        return RedirectToPage(new { id });
    }
}
