using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Paging;
using Juthuruna.Features.Exports;
using Juthuruna.Features.Contacts;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Contacts;

public sealed class IndexModel(ContactQueries queries, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ContactChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContactType? Type { get; set; }

    /// <summary>The calendar the From/To dates are typed in, as in every other date field.</summary>
    [BindProperty(SupportsGet = true)]
    public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public ContactPage Results { get; private set; } = ContactPage.Empty;
    public bool CanCreate { get; private set; }
    public bool CanExport { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanCreate = (await authorization.AuthorizeAsync(User, StaffIdentitySetup.BeneficiaryWritersPolicy)).Succeeded;
        CanExport = (await authorization.AuthorizeAsync(User, StaffIdentitySetup.ListExportersPolicy)).Succeeded;
        if (Filter() is not { } filter)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Results = await queries.ListAsync(filter, TimeCursor.Parse(After), TimeCursor.Parse(Before), ct);
    }

    /// <summary>The contacts the filters select as .xlsx or .csv, newest first; audited (ADR 0018).</summary>
    public async Task<IActionResult> OnGetExportAsync(ExportFormat format, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, StaffIdentitySetup.ListExportersPolicy)).Succeeded)
        {
            return Forbid();
        }

        if (Filter() is not { } filter)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            CanExport = true;
            return Page();
        }

        var culture = CultureInfo.CurrentCulture;
        ExportColumn<ContactListItem>[] columns =
        [
            ExportColumn.Text<ContactListItem>(l["Date (Gregorian)"], c => DualDate.ToRiyadh(c.OccurredAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            ExportColumn.Text<ContactListItem>(l["Date (Hijri)"], c => DualDate.FormatHijri(DualDate.RiyadhDay(c.OccurredAtUtc), culture)),
            ExportColumn.Text<ContactListItem>(l["Channel"], c => ContactLabels.Of(l, c.Channel)),
            ExportColumn.Text<ContactListItem>(l["Contact type"], c => ContactLabels.Of(l, c.Type)),
            ExportColumn.Text<ContactListItem>(l["With"], c => c.PersonName, 28),
            ExportColumn.Text<ContactListItem>(l["File number"], c => c.BeneficiaryFileNumber),
            ExportColumn.Text<ContactListItem>(l["Summary"], c => c.Summary, 48),
            ExportColumn.Text<ContactListItem>(l["Staff member"], c => c.StaffName, 24),
            ExportColumn.Text<ContactListItem>(l["Follow-up date"], c => c.FollowUpOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ];

        return new ListExportResult<ContactListItem>(format, "ContactList", "contacts", l["Contacts log"], columns, queries.ExportAsync(filter), new Dictionary<string, string?>
        {
            ["Channel"] = Channel?.ToString(), ["Type"] = Type?.ToString(), ["Calendar"] = Calendar.ToString(), ["From"] = From, ["To"] = To, ["Due"] = Due ? "true" : null,
        });
    }

    private ContactFilter? Filter()
    {
        ModelState.Clear();
        var (from, to) = ModelState.ParseDateRange(nameof(From), From, nameof(To), To, Calendar, l);
        return ModelState.IsValid ? new ContactFilter(Channel, Type, from, to, Due) : null;
    }

    private string Filters() =>
        $"channel={Channel}&type={Type}&calendar={Calendar}&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}&due={Due}";

    public string PageUrl(string direction, TimeCursor cursor) => $"?{Filters()}&{direction}={Uri.EscapeDataString(cursor.ToString())}";

    public string FirstPageUrl() => $"?{Filters()}";

    public string ExportUrl(ExportFormat format) => $"?handler=Export&format={format}&{Filters()}";
}
