using Juthuruna.Data;
using Juthuruna.Features.Portal;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>Apply for support online: the request arrives as a draft (channel Website) in the officer's queue.</summary>
public sealed class ApplyModel(PortalApplications applications, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Set for the redirect to the success page (which carries no request number: see <see cref="OnPostAsync"/>).</summary>
    public const string SentKey = "PortalApplicationSent";

    [BindProperty]
    public PortalApplicationForm Input { get; set; } = new();

    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    public IReadOnlyList<(Guid Id, string Name)> Services { get; private set; } = [];

    public bool TooMany { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new PortalApplicationForm { FormKey = Guid.NewGuid() };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await applications.ApplyAsync(Input, HttpContext.ClientAddress(), ct);
        switch (result.Outcome)
        {
            // The same answer whether a request was opened or one was already open, and never a request number: whoever
            // types an identity number may not be that person. The number goes to the file's registered mobile only.
            case PortalApplicationOutcome.Received:
            case PortalApplicationOutcome.AlreadyOpen:
                TempData[SentKey] = true;
                return Redirect(Association.Path("apply/received"));
            case PortalApplicationOutcome.TooMany:
                TooMany = true;
                Response.TooManyRequests(result.RetryAtUtc!.Value - clock.GetUtcNow().UtcDateTime);
                ModelState.AddModelError("", l["Too many applications have been sent from this connection in the last hour. Please try again later, or contact the association."]);
                break;
            default:
                foreach (var (field, message) in result.Errors)
                {
                    ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
                }

                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var arabic = Localization.IsArabic;
        Services = (await db.SupportServices.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.NameAr)
                .Select(s => new { s.Id, Name = arabic || s.NameEn == null ? s.NameAr : s.NameEn }).Take(200).ToListAsync(ct))
            .Select(s => (s.Id, s.Name)).ToList();
    }
}
