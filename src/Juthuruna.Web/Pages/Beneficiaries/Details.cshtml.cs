using Juthuruna.Features.Beneficiaries;
using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Beneficiaries;

public sealed class DetailsModel(BeneficiaryQueries queries, ContactQueries contacts, RequestQueries requests, AppDbContext db, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public BeneficiaryDetails Beneficiary { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<ContactListItem> Contacts { get; private set; } = [];
    public IReadOnlyList<QueueItem> Requests { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Beneficiary = await queries.GetDetailsAsync(id, ct);
        Contacts = await contacts.TimelineAsync(id, ct);
        Requests = await requests.ForBeneficiaryAsync(id, ct);
        var serviceIds = Requests.Select(r => r.ServiceId).Distinct().ToList();
        var arabic = Localization.IsArabic;
        ServiceNames = await db.SupportServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => arabic || s.NameEn == null ? s.NameAr : s.NameEn, ct);
        Today = DateOnly.FromDateTime(DualDate.ToRiyadh(clock.GetUtcNow().UtcDateTime));
        CanEdit = (await authorization.AuthorizeAsync(User, StaffIdentitySetup.BeneficiaryWritersPolicy)).Succeeded;
    }
}
