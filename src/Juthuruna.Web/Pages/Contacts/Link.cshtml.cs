using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Contacts;

/// <summary>Links an unknown caller's contact to a beneficiary file found by ID, mobile, file number or name.</summary>
public sealed class LinkModel(ContactLog log, ContactQueries contacts, BeneficiaryQueries beneficiaries, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public Guid BeneficiaryId { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public ContactDetails Contact { get; private set; } = null!;
    public IReadOnlyList<FileSuggestion> Suggestions { get; private set; } = [];
    public BeneficiaryPage Results { get; private set; } = BeneficiaryPage.Empty;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Contact = await contacts.GetDetailsAsync(id, ct);
        Suggestions = await contacts.SuggestFilesAsync(Contact.Contact.CallerMobile, ct);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Results = await beneficiaries.SearchAsync(Q, null, null, ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        // Not found (404) for a contact or a file of another association.
        await log.LinkAsync(id, Input.BeneficiaryId, User.UserId(), ct);
        TempData["Success"] = l["The contact was linked to the beneficiary file."].Value;
        return RedirectToPage("Details", new { id });
    }
}
