using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Beneficiaries;

public sealed class DetailsModel(BeneficiaryQueries queries, ContactQueries contacts, IAuthorizationService authorization) : PageModel
{
    public BeneficiaryDetails Beneficiary { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<ContactListItem> Contacts { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Beneficiary = await queries.GetDetailsAsync(id, ct);
        Contacts = await contacts.TimelineAsync(id, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, StaffIdentitySetup.BeneficiaryWritersPolicy)).Succeeded;
    }
}
