using Juthuruna.Common.Dates;
using Juthuruna.Features.Audit;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.Audit;

public sealed class IndexModel(AuditQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>A record kind from the list (<see cref="AuditQueries.Kinds"/>).</summary>
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }

    /// <summary>One record's trail (a link from elsewhere; not typed by hand).</summary>
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }

    /// <summary>A staff member's id from the list, or "portal" / "system".</summary>
    [BindProperty(SupportsGet = true, Name = "Actor")] public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)] public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditPage Results { get; private set; } = new([], false);
    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        PageNumber = Math.Clamp(PageNumber, 1, AuditQueries.MaxPage);
        Staff = await queries.StaffAsync(ct);
        if (!string.IsNullOrWhiteSpace(EntityType) && !AuditQueries.Kinds.Contains(EntityType))
        {
            ModelState.AddModelError(nameof(EntityType), l["Choose a record kind from the list."]);
        }

        if (!string.IsNullOrWhiteSpace(Actor) && Actor is not (AuditEntry.PortalUser or AuditEntry.SystemUser) && !Guid.TryParse(Actor, out _))
        {
            ModelState.AddModelError(nameof(Actor), l["Choose a staff member from the list."]);
        }

        var (from, to) = ModelState.ParseDateRange(nameof(From), From, nameof(To), To, Calendar, l);

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var actor = Guid.TryParse(Actor, out var userId) ? userId.ToString() : Actor;
        Results = await queries.ListAsync(new AuditFilter(EntityType, EntityId, actor, from, to), PageNumber, ct);
    }

    public string PageUrl(int page) =>
        $"?EntityType={Uri.EscapeDataString(EntityType ?? "")}&EntityId={Uri.EscapeDataString(EntityId ?? "")}&Actor={Uri.EscapeDataString(Actor ?? "")}"
        + $"&Calendar={Calendar}&From={Uri.EscapeDataString(From ?? "")}&To={Uri.EscapeDataString(To ?? "")}&p={page}";
}
