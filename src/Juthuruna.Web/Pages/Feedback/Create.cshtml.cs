using Juthuruna.Common.Saudi;
using Juthuruna.Features.Feedback;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Feedback;

/// <summary>Records a suggestion or complaint received by phone, at the desk or any other channel.</summary>
public sealed class CreateModel(FeedbackDesk desk, FeedbackQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    /// <summary>The beneficiary it is recorded for, when opened from a file.</summary>
    public FeedbackBeneficiary? Beneficiary { get; private set; }

    public async Task OnGetAsync(Guid? beneficiaryId, CancellationToken ct)
    {
        Input = FeedbackForm.Blank(null);
        if (beneficiaryId is { } id)
        {
            Beneficiary = await queries.BeneficiaryAsync(id, ct);
            Input.BeneficiaryId = id;
            Input.Name = Beneficiary.Name;
            Input.Mobile = SaudiMobile.ToLocal(Beneficiary.Mobile);
            Input.Email = Beneficiary.Email;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.BeneficiaryId is { } id)
        {
            Beneficiary = await queries.BeneficiaryAsync(id, ct); // another association's file: 404, nothing recorded
        }

        if (ModelState.IsValid)
        {
            var result = await desk.RecordAsync(Input, User.UserId(), ct);
            if (result.Succeeded)
            {
                TempData["Success"] = l["Recorded under reference {0}.", result.Reference!].Value;
                return RedirectToPage("Details", new { id = result.Id });
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(string.IsNullOrEmpty(field) ? "" : $"{nameof(Input)}.{field}", message);
            }
        }

        return Page();
    }
}
