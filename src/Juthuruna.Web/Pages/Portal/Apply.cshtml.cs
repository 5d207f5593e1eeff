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
    /// <summary>Where the success page finds the request number after the redirect.</summary>
    public const string NumberKey = "PortalApplicationNumber";

    [BindProperty]
    public PortalApplicationForm Input { get; set; } = new();

    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    public IReadOnlyList<(Guid Id, string Name)> Services { get; private set; } = [];

    /// <summary>Set when the identity number already has an application waiting: its number.</summary>
    public string? OpenRequestNumber { get; private set; }

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
            case PortalApplicationOutcome.Received:
                TempData[NumberKey] = result.RequestNumber;
                return Redirect(Association.Path("apply/received"));
            case PortalApplicationOutcome.AlreadyOpen:
                OpenRequestNumber = result.RequestNumber;
                ModelState.AddModelError("", l["You already have an application under study with number {0}. The beneficiary relations officer will contact you about it; you can follow it with this number.", result.RequestNumber!]);
                break;
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
