using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Contacts;

public sealed class CreateModel(ContactLog log, BeneficiaryQueries beneficiaries, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ContactForm Input { get; set; } = new();

    /// <summary>The file the contact is about, when logged from a file.</summary>
    public BeneficiaryDetails? Beneficiary { get; private set; }

    public async Task OnGetAsync(Guid? beneficiaryId, CancellationToken ct)
    {
        Input = ContactForm.Blank(clock.GetUtcNow().UtcDateTime, beneficiaryId);
        await LoadBeneficiaryAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await log.CreateAsync(Input, User.UserId(), ct);
            if (result.Succeeded)
            {
                TempData["Success"] = l["The contact was logged."].Value;
                return RedirectToPage("Details", new { id = result.Id });
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(string.IsNullOrEmpty(field) ? "" : $"{nameof(Input)}.{field}", message);
            }
        }

        await LoadBeneficiaryAsync(ct);
        return Page();
    }

    private async Task LoadBeneficiaryAsync(CancellationToken ct)
    {
        if (Input.BeneficiaryId is { } id)
        {
            Beneficiary = await beneficiaries.GetDetailsAsync(id, ct);
        }
    }
}
