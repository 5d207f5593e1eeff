using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Exports;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Beneficiaries;

public sealed class IndexModel(
    BeneficiaryQueries queries, IAuthorizationService authorization, IStringLocalizer<SharedResource> l)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The next page: results after this one (<see cref="SearchCursor"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>The previous page: results before this one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public BeneficiaryPage Results { get; private set; } = BeneficiaryPage.Empty;
    public bool CanCreate { get; private set; }
    public bool CanExport { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var before = SearchCursor.Parse(Before);
        Results = await queries.SearchAsync(Q, before is null ? SearchCursor.Parse(After) : null, before, ct);
        CanCreate = (await authorization.AuthorizeAsync(User, StaffIdentitySetup.BeneficiaryWritersPolicy)).Succeeded;
        CanExport = (await authorization.AuthorizeAsync(User, StaffIdentitySetup.ListExportersPolicy)).Succeeded;
    }

    /// <summary>The files the search box selects (every file when it is empty) as .xlsx or .csv; audited (issue 16).</summary>
    public async Task<IActionResult> OnGetExportAsync(ExportFormat format, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, StaffIdentitySetup.ListExportersPolicy)).Succeeded)
        {
            return Forbid();
        }

        var culture = CultureInfo.CurrentCulture;
        ExportColumn<BeneficiaryListItem>[] columns =
        [
            ExportColumn.Text<BeneficiaryListItem>(l["File number"], b => b.FileNumber),
            ExportColumn.Text<BeneficiaryListItem>(l["Name"], b => b.FullName, 32),
            ExportColumn.Text<BeneficiaryListItem>(l["Name in English"], b => b.NameEn, 28),
            ExportColumn.Text<BeneficiaryListItem>(l["Identity type"], b => BeneficiaryLabels.Of(l, b.IdentityType)),
            ExportColumn.Text<BeneficiaryListItem>(l["Identity number"], b => b.IdentityNumber),
            ExportColumn.Text<BeneficiaryListItem>(l["Mobile"], b => b.Mobile),
            ExportColumn.Text<BeneficiaryListItem>(l["Birth date (Gregorian)"], b => b.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ExportColumn.Text<BeneficiaryListItem>(l["Birth date (Hijri)"], b => DualDate.FormatHijri(b.BirthDate, culture)),
        ];

        return new ListExportResult<BeneficiaryListItem>(
            format, "BeneficiaryList", "beneficiaries", l["Beneficiaries"], columns, queries.ExportAsync(Q, ct), new Dictionary<string, string?> { ["Q"] = Q });
    }

    public string PageUrl(string direction, SearchCursor cursor) =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&{direction}={Uri.EscapeDataString(cursor.ToString())}";

    public string ExportUrl(ExportFormat format) => $"?handler=Export&format={format}&q={Uri.EscapeDataString(Q ?? "")}";
}
