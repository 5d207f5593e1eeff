using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Paging;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Exports;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.Audit;

/// <summary>
/// The audit log (association administrator only, as all of /Admin): newest first by keyset, filtered by record kind,
/// actor, action and days (Hijri or Gregorian), and exported as .xlsx or .csv with exactly those filters (ADR 0021).
/// </summary>
public sealed class IndexModel(AuditQueries queries, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>A record kind from the list (<see cref="AuditQueries.Kinds"/>).</summary>
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }

    /// <summary>One record's trail (a link from elsewhere; not typed by hand).</summary>
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }

    /// <summary>A staff member's id from the list, or "portal" / "system".</summary>
    [BindProperty(SupportsGet = true, Name = "Actor")] public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "Action")] public AuditAction? ActionKind { get; set; }

    [BindProperty(SupportsGet = true)] public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }

    public AuditPage Results { get; private set; } = AuditPage.Empty;
    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is { } filter)
        {
            Results = await queries.ListAsync(filter, TimeCursor.Parse(After), TimeCursor.Parse(Before), ct);
        }
        else
        {
            // The page with its field messages, as the answer to a bad request.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>
    /// The entries the filters select as .xlsx or .csv, newest first, written as they are read; the export itself is
    /// audited. The page's folder policy already limits it to the association administrator.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(ExportFormat format, CancellationToken ct)
    {
        if (await FilterAsync(ct) is not { } filter)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var culture = CultureInfo.CurrentCulture;
        ExportColumn<AuditRow>[] columns =
        [
            ExportColumn.Text<AuditRow>(l["Date (Gregorian)"], r => DualDate.ToRiyadh(r.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            ExportColumn.Text<AuditRow>(l["Date (Hijri)"], r => DualDate.FormatHijri(DualDate.RiyadhDay(r.AtUtc), culture)),
            ExportColumn.Text<AuditRow>(l["Staff member"], ActorName, 24),
            ExportColumn.Text<AuditRow>(l["Action"], r => AuditLabels.Action(l, r.Action)),
            ExportColumn.Text<AuditRow>(l["Record type"], r => AuditLabels.Kind(l, r.EntityType), 22),
            ExportColumn.Text<AuditRow>(l["Record"], r => r.Record.Name, 28),
            ExportColumn.Text<AuditRow>(l["Record identifier"], r => r.EntityId, 38),
            ExportColumn.Text<AuditRow>(l["Changes"], r => string.Join(" | ", r.Changes.Select(c =>
                $"{AuditLabels.Field(l, c.Field)}: {AuditLabels.Value(l, c.Field, c.Old) ?? "—"} ← {AuditLabels.Value(l, c.Field, c.New) ?? "—"}")), 60),
        ];

        return new ListExportResult<AuditRow>(format, AuditQueries.AuditList, "audit-log", l["Audit log"], columns, queries.ExportAsync(filter, ct), FilterValues());
    }

    /// <summary>Who acted, as the reader knows them.</summary>
    public string ActorName(AuditRow r) => r.Actor switch
    {
        AuditEntry.PortalUser => l["The beneficiary, on the portal"],
        AuditEntry.SystemUser => l["The system"],
        // A refused sign-in: whoever typed this e-mail (it may not be the account's owner).
        AuditEntry.SignInUser => l["Sign-in attempt as {0}", r.Changes.FirstOrDefault(c => c.Field == "Email").New ?? "—"],
        _ => r.ActorName ?? "—",
    };

    /// <summary>The page's own link with the filters and <paramref name="extra"/> (paging, the export handler).</summary>
    public string ListUrl(string? extra = null)
    {
        var pairs = FilterValues().Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        var query = string.Join("&", extra is null ? pairs : pairs.Append(extra));
        return "/Admin/Audit" + (query.Length == 0 ? "" : "?" + query);
    }

    public string PageUrl(string direction, TimeCursor cursor) => ListUrl($"{direction}={Uri.EscapeDataString(cursor.ToString())}");

    public string ExportUrl(ExportFormat format) => ListUrl($"handler=Export&format={format}");

    private Dictionary<string, string?> FilterValues() => new()
    {
        ["EntityType"] = EntityType,
        ["EntityId"] = EntityId,
        ["Actor"] = Actor,
        ["Action"] = ActionKind?.ToString(),
        ["Calendar"] = From is null && To is null ? null : Calendar.ToString(),
        ["From"] = From,
        ["To"] = To,
    };

    /// <summary>Reads the staff list and checks the filters: an unknown kind, actor, action or date gets a field message.</summary>
    private async Task<AuditFilter?> FilterAsync(CancellationToken ct)
    {
        Staff = await queries.StaffAsync(ct);

        // Query-string values the binder could not read (?Action=Nonsense) are field messages like the rest.
        var bindingErrors = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList();
        ModelState.Clear();
        foreach (var key in bindingErrors)
        {
            ModelState.AddModelError(key, l["This value is not valid."]);
        }

        if (!string.IsNullOrWhiteSpace(EntityType) && !AuditQueries.Kinds.Contains(EntityType))
        {
            ModelState.AddModelError(nameof(EntityType), l["Choose a record kind from the list."]);
        }

        string? actor = null;
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            if (Actor is AuditEntry.PortalUser or AuditEntry.SystemUser or AuditEntry.SignInUser)
            {
                actor = Actor;
            }
            else if (Guid.TryParse(Actor, out var userId) && await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId, ct))
            {
                // A staff member of this association only (the users' tenant filter); the log stores the id's "D" form.
                actor = userId.ToString();
            }
            else
            {
                ModelState.AddModelError(nameof(Actor), l["Choose a staff member from the list."]);
            }
        }

        if (EntityId is { Length: > 40 })
        {
            ModelState.AddModelError(nameof(EntityId), l["This value is not valid."]);
        }

        var (from, to) = ModelState.ParseDateRange(nameof(From), From, nameof(To), To, Calendar, l);
        return ModelState.IsValid ? new AuditFilter(EntityType, EntityId, actor, from, to, ActionKind) : null;
    }
}
