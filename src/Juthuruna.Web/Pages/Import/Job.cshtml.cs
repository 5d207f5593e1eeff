using Juthuruna.Features.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Import;

/// <summary>
/// One import: the dry run's report (counts, the first refusals, the refused rows to download), the choice to import
/// (update existing files, all or nothing), then the progress — read from the job's row, so it survives a reload —
/// and cancel, resume or roll back. Every handler finds the job through the tenant filter: another association's id is 404.
/// </summary>
public sealed class JobModel(ImportJobs jobs, ImportQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public ImportJobView View { get; private set; } = null!;

    public bool InProgress => View.Job.Status is ImportStatus.Queued or ImportStatus.Running or ImportStatus.RollingBack;

    /// <summary>While the job awaits its mapping: each sheet's headers and what they are matched with now.</summary>
    public IReadOnlyList<HeaderMap> Headers { get; private set; } = [];

    /// <summary>
    /// The mapping form: "Sheet-Key" → the file's column index, or none. (None is an empty value, not −1: under the
    /// Arabic culture the minus sign is U+061C U+002D, so "-1" would not bind.)
    /// </summary>
    [BindProperty]
    public Dictionary<string, int?> Map { get; set; } = [];

    [BindProperty]
    public bool UpdateExisting { get; set; }

    [BindProperty]
    public bool AllOrNothing { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        View = await queries.JobAsync(id, ct);
        if (View.Job.Status == ImportStatus.AwaitingMapping)
        {
            Headers = await jobs.HeadersAsync(id, ct);
        }
    }

    public async Task<IActionResult> OnPostMapAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", l["Choose, for each column of the template, one of the file's columns or \"(not in the file)\"."]);
            await LoadAsync(id, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var choices = new Dictionary<ImportSheet, IReadOnlyDictionary<string, int?>>();
        foreach (var sheet in Enum.GetValues<ImportSheet>())
        {
            var prefix = sheet + "-";
            choices[sheet] = Map.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal))
                .ToDictionary(m => m.Key[prefix.Length..], m => m.Value, StringComparer.Ordinal);
        }

        var result = await jobs.MapAsync(id, choices, ct);
        if (result.JobId is not null)
        {
            return RedirectToPage(new { id });
        }

        ModelState.AddModelError("", result.Error!);
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnGetRefusedAsync(Guid id, CancellationToken ct)
    {
        var refused = await queries.RefusedRowsAsync(id, ct);
        if (refused is not { } file)
        {
            return NotFound();
        }

        return PhysicalFile(file.Path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.FileName);
    }

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) =>
        AfterAsync(id, jobs.StartAsync(id, UpdateExisting, AllOrNothing, ct), l["The import has started; this page shows its progress."], ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        AfterAsync(id, jobs.CancelAsync(id, ct), l["The import will stop after the batch in progress."], ct);

    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct) =>
        AfterAsync(id, jobs.ResumeAsync(id, ct), l["The import resumes after the last batch imported."], ct);

    public Task<IActionResult> OnPostRollbackAsync(Guid id, CancellationToken ct) =>
        AfterAsync(id, jobs.RollbackAsync(id, ct), l["The import is being rolled back."], ct);

    private async Task<IActionResult> AfterAsync(Guid id, Task<string?> command, string success, CancellationToken ct)
    {
        var error = await command;
        if (error is null)
        {
            TempData["Success"] = success;
            return RedirectToPage(new { id });
        }

        ModelState.AddModelError("", error);
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
