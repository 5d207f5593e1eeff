using Juthuruna.Features.Services;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.Services;

public sealed class CreateModel(SupportServices services, ServiceCatalogue catalogue, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SupportServiceForm Input { get; set; } = new();

    /// <summary>Every active document type, with the level chosen for it.</summary>
    public IReadOnlyList<RequirementLine> Checklist { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Checklist = await catalogue.ChecklistAsync([], ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await services.CreateAsync(Input, ct);
            if (result.Succeeded)
            {
                TempData["Success"] = l["The service {0} was saved.", Input.NameAr!.Trim()].Value;
                return RedirectToPage("Index");
            }

            ModelState.AddCommandErrors(result.Errors);
        }

        Checklist = await catalogue.ChecklistAsync(Input.Requirements, ct);
        return Page();
    }
}
