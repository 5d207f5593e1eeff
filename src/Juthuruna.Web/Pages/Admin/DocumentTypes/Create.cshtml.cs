using Juthuruna.Features.Services;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.DocumentTypes;

public sealed class CreateModel(Juthuruna.Features.Services.DocumentTypes documentTypes, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DocumentTypeForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await documentTypes.CreateAsync(Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = l["The document type {0} was saved.", Input.NameAr!.Trim()].Value;
            return RedirectToPage("Index");
        }

        ModelState.AddCommandErrors(result.Errors);
        return Page();
    }
}
