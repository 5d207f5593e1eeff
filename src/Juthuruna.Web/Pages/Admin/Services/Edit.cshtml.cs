using Juthuruna.Features.Services;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.Services;

/// <summary>
/// Edit a service and its checklist of documents, or deactivate / reactivate it (never delete: requests
/// refer to it). Another association's id is a 404 on every handler.
/// </summary>
public sealed class EditModel(SupportServices services, ServiceCatalogue catalogue, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SupportServiceForm Input { get; set; } = new();

    /// <summary>The version the user started from; a different saved version means someone else saved meanwhile.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public ServiceRow Stored { get; private set; } = null!;

    public IReadOnlyList<RequirementLine> Checklist { get; private set; } = [];

    /// <summary>Set when the save was stale: the values someone else saved.</summary>
    public SupportServiceForm? Saved { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        (Input, Version, Stored) = await catalogue.ServiceForEditAsync(id, ct);
        Checklist = await catalogue.ChecklistAsync(Input.Requirements, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        (_, _, Stored) = await catalogue.ServiceForEditAsync(id, ct); // another association's id: 404 before anything else
        if (ModelState.IsValid)
        {
            var result = await services.UpdateAsync(id, Version, Input, ct);
            if (result.Succeeded)
            {
                TempData["Success"] = l["The service {0} was saved.", Input.NameAr!.Trim()].Value;
                return RedirectToPage("Index");
            }

            if (result.IsStale)
            {
                // Keep what the user typed, show what is saved, and let the next save knowingly replace it.
                Saved = result.Current;
                ModelState.Remove(nameof(Version));
                Version = result.CurrentVersion!.Value;
            }

            ModelState.AddCommandErrors(result.Errors);
        }

        Checklist = await catalogue.ChecklistAsync(Input.Requirements, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct)
    {
        await services.SetActiveAsync(id, false, ct);
        TempData["Success"] = l["The service was deactivated: new requests cannot choose it."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken ct)
    {
        await services.SetActiveAsync(id, true, ct);
        TempData["Success"] = l["The service was reactivated."].Value;
        return RedirectToPage(new { id });
    }
}
