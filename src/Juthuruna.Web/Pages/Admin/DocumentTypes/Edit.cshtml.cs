using Juthuruna.Features.Services;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.DocumentTypes;

/// <summary>
/// Edit a document type, or deactivate / reactivate it (never delete: requests refer to it). Another
/// association's id is a 404: the catalogue query and the service both find nothing and throw.
/// </summary>
public sealed class EditModel(Juthuruna.Features.Services.DocumentTypes documentTypes, ServiceCatalogue catalogue, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DocumentTypeForm Input { get; set; } = new();

    /// <summary>The version the user started from; a different saved version means someone else saved meanwhile.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public DocumentTypeRow Stored { get; private set; } = null!;

    /// <summary>Set when the save was stale: the values someone else saved.</summary>
    public DocumentTypeForm? Saved { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) =>
        (Input, Version, Stored) = await catalogue.DocumentTypeForEditAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        (_, _, Stored) = await catalogue.DocumentTypeForEditAsync(id, ct); // another association's id: 404 before anything else
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await documentTypes.UpdateAsync(id, Version, Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = l["The document type {0} was saved.", Input.NameAr!.Trim()].Value;
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
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct)
    {
        await documentTypes.SetActiveAsync(id, false, ct);
        TempData["Success"] = l["The document type was deactivated: it is no longer asked for."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken ct)
    {
        await documentTypes.SetActiveAsync(id, true, ct);
        TempData["Success"] = l["The document type was reactivated."].Value;
        return RedirectToPage(new { id });
    }
}
