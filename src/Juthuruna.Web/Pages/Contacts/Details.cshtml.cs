using Juthuruna.Features.Contacts;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Contacts;

public sealed class DetailsModel(ContactQueries queries, IAuthorizationService authorization) : PageModel
{
    public ContactDetails Contact { get; private set; } = null!;
    public IReadOnlyList<FileSuggestion> Suggestions { get; private set; } = [];
    public bool CanLink { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Contact = await queries.GetDetailsAsync(id, ct);
        CanLink = Contact.Contact.BeneficiaryId is null
                  && (await authorization.AuthorizeAsync(User, StaffIdentitySetup.BeneficiaryWritersPolicy)).Succeeded;
        if (CanLink)
        {
            Suggestions = await queries.SuggestFilesAsync(Contact.Contact.CallerMobile, ct);
        }
    }
}
