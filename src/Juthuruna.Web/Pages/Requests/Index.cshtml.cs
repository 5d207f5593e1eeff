using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Web.Pages.Requests;

/// <summary>
/// The officer's queue: open requests by state, overdue and nearest due first, then the oldest; or the requests of
/// one finished state (closed, rejected, withdrawn, cancelled), the most recently finished first.
/// </summary>
[Authorize(Policy = StaffIdentitySetup.BeneficiaryReadersPolicy)]
public sealed class IndexModel(RequestQueries queries, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public RequestState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Branch { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContactChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Service { get; set; }

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<(Guid Id, string Name)> Branches { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>A finished state is filtered: the list is of finished requests, with the day each finished.</summary>
    public bool ShowsFinished => State is { } state && RequestWorkflow.FinalStates.Contains(state);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DualDate.Today(clock);
        Items = await queries.QueueAsync(new QueueFilter(State, Branch, Channel, Service), ct);
        var arabic = Localization.IsArabic;
        ServiceNames = await db.SupportServices.AsNoTracking()
            .Select(s => new { s.Id, Name = arabic || s.NameEn == null ? s.NameAr : s.NameEn })
            .ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        Branches = (await db.Branches.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Code)
                .Select(b => new { b.Id, Name = arabic ? b.NameAr : b.NameEn }).ToListAsync(ct))
            .Select(b => (b.Id, b.Name)).ToList();
    }
}
