using Juthuruna.Features.Beneficiaries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Beneficiaries;

public sealed class EditModel(BeneficiaryFiles files, BeneficiaryQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public BeneficiaryForm Input { get; set; } = BeneficiaryForm.Blank();

    /// <summary>The version the user started from; a different saved version means someone else saved meanwhile.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public bool ConfirmSimilar { get; set; }

    public Guid Id { get; private set; }
    public string FileNumber { get; private set; } = "";
    public SaveProblems Problems { get; private set; } = SaveProblems.None;

    /// <summary>Set when the save was stale: the values someone else saved.</summary>
    public BeneficiaryForm? Saved { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        (Input, Version, FileNumber) = await queries.GetForEditAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        FileNumber = await queries.GetFileNumberAsync(id, ct); // another association's id: 404 before anything else
        if (!ModelState.IsValid)
        {
            Input.WithRows();
            return Page();
        }

        var result = await files.UpdateAsync(id, Version, Input, ConfirmSimilar, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = l["The beneficiary file {0} was saved.", FileNumber].Value;
            return RedirectToPage("Details", new { id });
        }

        if (result.Current is { } current)
        {
            // Stale: keep what the user typed, show what is saved, and let the next save knowingly replace it.
            Saved = current;
            ModelState.Remove(nameof(Version));
            Version = result.CurrentVersion!.Value;
        }

        ModelState.AddErrors(nameof(Input), result);
        Problems = SaveProblems.Of(result);
        Input.WithRows();
        return Page();
    }

    public async Task<IActionResult> OnPostMoreRowsAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        FileNumber = await queries.GetFileNumberAsync(id, ct);
        ModelState.Clear();
        Input.WithRows(blankMembers: Input.Members.Count(m => m.IsBlank) + 3);
        return Page();
    }
}
