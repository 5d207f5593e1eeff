using Juthuruna.Features.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Import;

/// <summary>
/// الإدارة ← استيراد (administrator and manager): the template, the upload that runs the dry run, and the recent imports.
/// The dry run reads the workbook as it arrives and writes nothing but its report; a refused file says why, here.
/// </summary>
public sealed class IndexModel(ImportJobs jobs, ImportQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<ImportJobRow> Recent { get; private set; } = [];

    public long MaxMegabytes => jobs.MaxBytes / (1024 * 1024);

    public async Task OnGetAsync(CancellationToken ct) => Recent = await queries.RecentAsync(ct);

    public IActionResult OnGetTemplate()
    {
        var stream = new MemoryStream();
        ImportTemplate.Write(stream, l);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "juthuruna-import-template.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? workbook, CancellationToken ct)
    {
        if (workbook is null)
        {
            ModelState.AddModelError("workbook", l["Choose the workbook (.xlsx) or CSV file to import."]);
            Recent = await queries.RecentAsync(ct);
            return Page();
        }

        await using var stream = workbook.OpenReadStream();
        var result = await jobs.DryRunAsync(stream, workbook.FileName, ct);
        if (result.JobId is { } id)
        {
            return RedirectToPage("Job", new { id });
        }

        ModelState.AddModelError("workbook", result.Error!);
        Recent = await queries.RecentAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
