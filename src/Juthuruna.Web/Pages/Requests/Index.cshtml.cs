using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Exports;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Web.Infrastructure;
using Juthuruna.Web.Pages.Contacts;
using Juthuruna.Common.Spreadsheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests;

/// <summary>
/// The requests list (issues 13, 16): by default the officer's queue — open requests, overdue and nearest due first —
/// and, through its filters, every request of the association: one state or all of them, a service, channel, office,
/// researcher, the days opened (Hijri or Gregorian) and a search box (request number, ID, mobile or name); pages by
/// keyset; "Export" writes exactly what the filters select.
/// </summary>
[Authorize(Policy = StaffIdentitySetup.BeneficiaryReadersPolicy)]
public sealed class IndexModel(
    RequestList list, RequestQueries queries, AppDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public RequestListScope Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Branch { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContactChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Researcher { get; set; }

    /// <summary>The calendar the From/To dates are typed in, as in every other date field.</summary>
    [BindProperty(SupportsGet = true)]
    public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>A request number, a national ID or iqama, a mobile or a name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public RequestListPage Results { get; private set; } = RequestListPage.Empty;
    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<Guid, string> BranchNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<(Guid Id, string Name)> Branches { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Researchers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>A finished state is filtered: the list is of finished requests, with the day each finished.</summary>
    public bool ShowsFinished => State is { } state && RequestWorkflow.FinalStates.Contains(state);

    /// <summary>The open queue in its own order (no other state, no period, no search): the page says so.</summary>
    public bool ShowsQueue => State is null && Scope == RequestListScope.Open && From is null && To is null && string.IsNullOrWhiteSpace(Q);

    /// <summary>The export buttons show for the roles that may export (<see cref="StaffIdentitySetup.ListExportersPolicy"/>).</summary>
    public bool CanExport { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanExport = (await authorization.AuthorizeAsync(User, StaffIdentitySetup.ListExportersPolicy)).Succeeded;
        if (await FilterAsync(ct) is { } filter)
        {
            Results = await list.PageAsync(filter, RequestCursor.Parse(After), RequestCursor.Parse(Before), ct);
        }
        else
        {
            // The page with its field messages, as the answer to a bad request.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>
    /// The rows the filters select as .xlsx (default) or .csv, written as they are read; an audit entry records who
    /// exported what. Invalid filters answer 400 with the page and its field messages.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(ExportFormat format, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, StaffIdentitySetup.ListExportersPolicy)).Succeeded)
        {
            return Forbid();
        }

        CanExport = true;
        if (await FilterAsync(ct) is not { } filter)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var culture = CultureInfo.CurrentCulture;
        static string Date(DateOnly? d) => d is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        string Hijri(DateOnly? d) => d is { } day ? DualDate.FormatHijri(day, culture) : "";
        ExportColumn<RequestListItem>[] columns =
        [
            ExportColumn.Text<RequestListItem>(l["Request number"], r => r.Number),
            ExportColumn.Text<RequestListItem>(l["State"], r => RequestLabels.Of(l, r.State)),
            ExportColumn.Text<RequestListItem>(l["Beneficiary"], r => r.BeneficiaryName, 30),
            ExportColumn.Text<RequestListItem>(l["File number"], r => r.BeneficiaryFileNumber),
            ExportColumn.Text<RequestListItem>(l["Service"], r => ServiceNames.GetValueOrDefault(r.ServiceId, ""), 24),
            ExportColumn.Text<RequestListItem>(l["Channel"], r => ContactLabels.Of(l, r.Channel)),
            ExportColumn.Text<RequestListItem>(l["Office"], r => r.BranchId is { } b ? BranchNames.GetValueOrDefault(b, "") : ""),
            ExportColumn.Amount<RequestListItem>(l["Amount requested (SAR)"], r => r.AmountRequestedHalalas),
            ExportColumn.Text<RequestListItem>(l["Opened (Gregorian)"], r => Date(DualDate.RiyadhDay(r.CreatedAtUtc))),
            ExportColumn.Text<RequestListItem>(l["Opened (Hijri)"], r => Hijri(DualDate.RiyadhDay(r.CreatedAtUtc))),
            ExportColumn.Text<RequestListItem>(l["Committee decision due (Gregorian)"], r => Date(r.DecisionDueOn)),
            ExportColumn.Text<RequestListItem>(l["Committee decision due (Hijri)"], r => Hijri(r.DecisionDueOn)),
            ExportColumn.Text<RequestListItem>(l["Decided on (Gregorian)"], r => Date(r.DecidedOn)),
            ExportColumn.Text<RequestListItem>(l["Decided on (Hijri)"], r => Hijri(r.DecidedOn)),
            ExportColumn.Text<RequestListItem>(l["Last step (Gregorian)"], r => Date(DualDate.RiyadhDay(r.UpdatedAtUtc))),
            ExportColumn.Text<RequestListItem>(l["Last step (Hijri)"], r => Hijri(DualDate.RiyadhDay(r.UpdatedAtUtc))),
        ];

        return new ListExportResult<RequestListItem>(format, "SupportRequestList", "requests", l["Support requests"], columns, list.ExportAsync(filter, ct), FilterValues());
    }

    /// <summary>The page's own link with the filters and <paramref name="extra"/> (paging, the export handler).</summary>
    public string ListUrl(string? extra = null)
    {
        var pairs = FilterValues().Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        var query = string.Join("&", extra is null ? pairs : pairs.Append(extra));
        return "/Requests" + (query.Length == 0 ? "" : "?" + query);
    }

    private Dictionary<string, string?> FilterValues() => new()
    {
        ["Scope"] = Scope == RequestListScope.Open ? null : Scope.ToString(),
        ["State"] = State?.ToString(),
        ["Service"] = Service?.ToString(),
        ["Channel"] = Channel?.ToString(),
        ["Branch"] = Branch?.ToString(),
        ["Researcher"] = Researcher?.ToString(),
        ["Calendar"] = From is null && To is null ? null : Calendar.ToString(),
        ["From"] = From,
        ["To"] = To,
        ["Q"] = Q,
    };

    /// <summary>Reads the pick lists and checks the filters: an unknown id or date gets a field message and no list.</summary>
    private async Task<RequestListFilter?> FilterAsync(CancellationToken ct)
    {
        Today = DualDate.Today(clock);
        var arabic = Localization.IsArabic;
        ServiceNames = await db.SupportServices.AsNoTracking()
            .Select(s => new { s.Id, Name = arabic || s.NameEn == null ? s.NameAr : s.NameEn })
            .ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var branches = await db.Branches.AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new { b.Id, b.IsActive, Name = arabic ? b.NameAr : b.NameEn }).ToListAsync(ct);
        BranchNames = branches.ToDictionary(b => b.Id, b => b.Name);
        Branches = branches.Where(b => b.IsActive || b.Id == Branch).Select(b => (b.Id, b.Name)).ToList();
        Researchers = await queries.ResearchersAsync(ct);

        // Query-string values the binder could not read (?State=Nonsense) are field messages like the rest.
        var bindingErrors = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList();
        ModelState.Clear();
        foreach (var key in bindingErrors)
        {
            ModelState.AddModelError(key, l["This value is not valid."]);
        }

        if (Service is { } service && !ServiceNames.ContainsKey(service))
        {
            ModelState.AddModelError(nameof(Service), l["This service does not exist in the association."]);
        }

        if (Branch is { } branch && !BranchNames.ContainsKey(branch))
        {
            ModelState.AddModelError(nameof(Branch), l["This office does not exist in the association."]);
        }

        if (Researcher is { } researcher && Researchers.All(r => r.Id != researcher))
        {
            ModelState.AddModelError(nameof(Researcher), l["This researcher does not exist in the association."]);
        }

        if (Q is { Length: > RequestListFilter.MaxSearch })
        {
            ModelState.AddModelError(nameof(Q), l.Count(Counted.AtMostCharacters, RequestListFilter.MaxSearch));
        }

        var (from, to) = ModelState.ParseDateRange(nameof(From), From, nameof(To), To, Calendar, l);
        return ModelState.IsValid
            ? new RequestListFilter(Scope, State, Branch, Channel, Service, Researcher, from, to, Q)
            : null;
    }
}
