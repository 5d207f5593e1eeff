using Juthuruna.Features.Feedback;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Feedback;

/// <summary>
/// One suggestion or complaint: assign, answer, close, and the history of those actions. Each form carries the
/// version it was shown with; a change made meanwhile by someone else refuses the action and keeps what was typed.
/// </summary>
public sealed class DetailsModel(FeedbackDesk desk, FeedbackQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public FeedbackDetails Item { get; private set; } = null!;
    public IReadOnlyList<StaffChoice> Assignees { get; private set; } = [];

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public Guid? AssigneeId { get; set; }

    [BindProperty]
    public string? ResponseText { get; set; }

    [BindProperty]
    public string? ClosureNote { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Version = Item.Version;
        AssigneeId = Item.AssigneeId;
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) =>
        AfterAsync(id, ct => desk.AssignAsync(id, AssigneeId, Version, User.UserId(), ct), l["The item was assigned."], ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct) =>
        AfterAsync(id, ct => desk.AnswerAsync(id, ResponseText, Version, User.UserId(), ct), l["The response was saved."], ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        AfterAsync(id, ct => desk.CloseAsync(id, ClosureNote, Version, User.UserId(), ct), l["The item was closed."], ct);

    private async Task<IActionResult> AfterAsync(Guid id, Func<CancellationToken, Task<FeedbackResult>> action, string success, CancellationToken ct)
    {
        // Another association's id: the service throws "not found" (404) before changing anything.
        var result = await action(ct);
        if (result.Succeeded)
        {
            TempData["Success"] = success;
            return RedirectToPage(new { id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        await LoadAsync(id, ct);
        if (result.Stale)
        {
            // What was typed stays; the page now shows the current state, and acting again is a knowing choice.
            ModelState.Remove(nameof(Version));
            Version = Item.Version;
        }

        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Item = await queries.GetAsync(id, ct);
        Assignees = Item.IsOpen ? await queries.AssigneesAsync(ct) : [];
    }
}
