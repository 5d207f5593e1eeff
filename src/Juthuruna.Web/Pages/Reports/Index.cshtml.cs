using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Spreadsheets;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Exports;
using Juthuruna.Features.Reports;
using Juthuruna.Features.Services;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Reports;

public enum ReportPeriodKind
{
    HijriYear = 1,
    HijriMonth = 2,
    GregorianRange = 3,
}

/// <summary>
/// تقارير مجلس الإدارة (issue 16, item 2): the association's figures for a period — a Hijri year or month, or a
/// Gregorian range — for the whole association or one office or service, with charts and an .xlsx of the same tables.
/// The manager, the administrator and the board member (who sees nothing personal: every figure here is a count or
/// a sum). Every figure comes from the maintained summaries (ADR 0022).
/// </summary>
[Authorize(Policy = StaffIdentitySetup.ReportReadersPolicy)]
public sealed class IndexModel(AppDbContext db, ReportQueries queries, ServiceNames serviceNames, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The longest Gregorian range one report covers.</summary>
    public const int MaxRangeDays = 3 * 366;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Period")]
    public ReportPeriodKind Period { get; set; } = ReportPeriodKind.HijriYear;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Hijri year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Hijri month")]
    public int? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "From")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "To")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Office")]
    public Guid? Branch { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Service")]
    public Guid? Service { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Branches { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Services { get; private set; } = [];
    public ReportPeriod? Shown { get; private set; }
    public IReadOnlyList<ReportTable> Tables { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is { } filter)
        {
            Tables = await TablesAsync(filter, ct);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>The page's tables as an .xlsx (one right-to-left sheet per table), audited; bad filters answer 400 with the page.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is not { } filter)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var tables = await TablesAsync(filter, ct);
        var path = Path.Combine(Path.GetTempPath(), $"juthuruna-report-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var rows = 0;
        using (var writer = new XlsxWriter(file))
        {
            for (var i = 0; i < tables.Count; i++)
            {
                var table = tables[i];
                writer.BeginSheet(SheetName(i + 1, table.Title), [40, .. table.Columns.Select(_ => 18.0)]);
                writer.WriteRow([(table.LabelHeader, CellStyle.Header), .. table.Columns.Select(c => ((string?)c.Header, CellStyle.Header))]);
                foreach (var row in table.Rows)
                {
                    writer.WriteRow([(row.Label, CellStyle.Plain), .. row.Values.Select((v, j) => Cell(v, table.Columns[j].Kind))]);
                    rows++;
                }
            }
        }

        file.Position = 0;
        Response.ContentType = ListExport.ContentType(ExportFormat.Xlsx);
        Response.Headers.ContentDisposition = $"attachment; filename=\"board-report-{filter.Period.From:yyyy-MM-dd}-{filter.Period.To:yyyy-MM-dd}.xlsx\"";
        await file.CopyToAsync(Response.Body, ct);
        await HttpContext.RequestServices.GetRequiredService<ExportLog>().RecordAsync("BoardReport", "xlsx", FilterValues(), rows, CancellationToken.None);
        return new EmptyResult();
    }

    /// <summary>The page's own link with the filters and <paramref name="handler"/>.</summary>
    public string PageUrl(string? handler = null)
    {
        var pairs = FilterValues().Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        if (handler is not null)
        {
            pairs = pairs.Append("handler=" + handler);
        }

        return "/Reports?" + string.Join("&", pairs);
    }

    private Dictionary<string, string?> FilterValues() => new()
    {
        ["Period"] = Period.ToString(),
        ["Year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["Month"] = Month?.ToString(CultureInfo.InvariantCulture),
        ["From"] = From,
        ["To"] = To,
        ["Branch"] = Branch?.ToString(),
        ["Service"] = Service?.ToString(),
    };

    private static (string? Text, CellStyle Style) Cell(decimal? value, ReportValueKind kind) => value switch
    {
        null => (null, CellStyle.Plain),
        { } v when kind == ReportValueKind.Riyals => (v.ToString("0.00", CultureInfo.InvariantCulture), CellStyle.Amount),
        { } v => (ReportTable.Invariant(v), CellStyle.Number),
    };

    /// <summary>A sheet name: numbered, at most 31 characters, without the characters a sheet name may not hold.</summary>
    private static string SheetName(int number, string title)
    {
        var clean = new string(title.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        var name = number.ToString(CultureInfo.InvariantCulture) + " " + clean;
        return name.Length <= 31 ? name : name[..31];
    }

    private async Task<IReadOnlyList<ReportTable>> TablesAsync(ReportFilter filter, CancellationToken ct)
    {
        var report = await queries.ReportAsync(filter, ct);
        return ReportTables.Build(report, l, Services.ToDictionary(s => s.Id, s => s.Name), Branches.ToDictionary(b => b.Id, b => b.Name), CultureInfo.CurrentCulture);
    }

    /// <summary>Reads the pick lists and checks the filters: an unknown id (or another association's) or an impossible period gets a field message and no figures.</summary>
    private async Task<ReportFilter?> FilterAsync(CancellationToken ct)
    {
        var arabic = Localization.IsArabic;
        // The services from the association's copy in memory (ServiceNameCache: no SQL command when it is fresh; an id it
        // does not know reloads it), the offices in one statement.
        var services = await serviceNames.AllAsync(Service is { } wanted ? [wanted] : [], ct);
        Services = services.Select(s => (s.Id, arabic || s.NameEn == null ? s.NameAr : s.NameEn)).OrderBy(s => s.Item2, StringComparer.Ordinal).ToList();
        Branches = (await db.Branches.AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new { b.Id, Name = arabic ? b.NameAr : b.NameEn }).ToListAsync(ct))
            .Select(b => (b.Id, b.Name)).ToList();

        // Query-string values the binder could not read (?Year=abc, ?Branch=nonsense) are field messages like the rest.
        var bindingErrors = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList();
        ModelState.Clear();
        foreach (var key in bindingErrors)
        {
            ModelState.AddModelError(key, l["This value is not valid."]);
        }

        if (!Enum.IsDefined(Period))
        {
            ModelState.AddModelError(nameof(Period), l["This value is not valid."]);
        }

        if (Service is { } service && Services.All(s => s.Id != service))
        {
            ModelState.AddModelError(nameof(Service), l["This service does not exist in the association."]);
        }

        if (Branch is { } branch && Branches.All(b => b.Id != branch))
        {
            ModelState.AddModelError(nameof(Branch), l["This office does not exist in the association."]);
        }

        var today = DualDate.Today(clock);
        var thisYear = DualDate.ToHijri(today).Year;
        ReportPeriod? period = null;
        if (Period is ReportPeriodKind.HijriYear or ReportPeriodKind.HijriMonth)
        {
            Year ??= thisYear;
            if (Period == ReportPeriodKind.HijriMonth)
            {
                Month ??= DualDate.ToHijri(today).Month;
            }

            var minYear = DualDate.ToHijri(DualDate.MinSupported).Year + 1;
            var maxYear = DualDate.ToHijri(DualDate.MaxSupported).Year - 1;
            if (Year < minYear || Year > maxYear)
            {
                ModelState.AddModelError(nameof(Year), l["Enter a Hijri year between {0} and {1}.", minYear, maxYear]);
            }
            else if (Period == ReportPeriodKind.HijriMonth && Month is < 1 or > 12)
            {
                ModelState.AddModelError(nameof(Month), l["Choose a month from 1 to 12."]);
            }
            else if (Period == ReportPeriodKind.HijriYear)
            {
                period = new ReportPeriod(DualDate.FromHijri(Year!.Value, 1, 1), DualDate.FromHijri(Year.Value + 1, 1, 1).AddDays(-1), HijriMonths: true);
            }
            else
            {
                var first = DualDate.FromHijri(Year!.Value, Month!.Value, 1);
                var next = Month == 12 ? DualDate.FromHijri(Year.Value + 1, 1, 1) : DualDate.FromHijri(Year.Value, Month.Value + 1, 1);
                period = new ReportPeriod(first, next.AddDays(-1), HijriMonths: true);
            }
        }
        else if (Period == ReportPeriodKind.GregorianRange)
        {
            var (from, to) = ModelState.ParseDateRange(nameof(From), From, nameof(To), To, CalendarKind.Gregorian, l);
            if (string.IsNullOrWhiteSpace(From))
            {
                ModelState.AddModelError(nameof(From), l["Enter the first day of the period."]);
            }

            if (string.IsNullOrWhiteSpace(To))
            {
                ModelState.AddModelError(nameof(To), l["Enter the last day of the period."]);
            }

            if (from is { } f && to is { } t && t >= f)
            {
                if (t.DayNumber - f.DayNumber >= MaxRangeDays)
                {
                    ModelState.AddModelError(nameof(To), l.Count(Counted.PeriodAtMostDays, MaxRangeDays));
                }
                else
                {
                    period = new ReportPeriod(f, t, HijriMonths: false);
                }
            }
        }

        if (!ModelState.IsValid || period is null)
        {
            return null;
        }

        Shown = period;
        return new ReportFilter(period, Branch, Service);
    }
}
