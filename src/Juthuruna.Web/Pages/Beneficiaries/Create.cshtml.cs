using Juthuruna.Features.Beneficiaries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Beneficiaries;

public sealed class CreateModel(BeneficiaryFiles files, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public BeneficiaryForm Input { get; set; } = BeneficiaryForm.Blank();

    /// <summary>Ticked by the user after the similar-file warning.</summary>
    [BindProperty]
    public bool ConfirmSimilar { get; set; }

    public SaveProblems Problems { get; private set; } = SaveProblems.None;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Input.WithRows();
            return Page();
        }

        var result = await files.CreateAsync(Input, ConfirmSimilar, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = l["The beneficiary file {0} was created.", result.FileNumber!].Value;
            return RedirectToPage("Details", new { id = result.Id });
        }

        ModelState.AddErrors(nameof(Input), result);
        Problems = SaveProblems.Of(result);
        Input.WithRows();
        return Page();
    }

    public IActionResult OnPostMoreRows()
    {
        ModelState.Clear();
        Input.WithRows(blankMembers: Input.Members.Count(m => m.IsBlank) + 3);
        return Page();
    }
}
