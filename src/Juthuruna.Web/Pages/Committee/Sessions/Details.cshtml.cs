using Juthuruna.Features.Committee;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Committee.Sessions;

/// <summary>A session: attendance, the agenda built from the queue, and the items with their status and decision.</summary>
public sealed class DetailsModel(
    CommitteeQueries queries,
    CommitteeSessions sessions,
    Juthuruna.Features.Letters.LetterQueries letterQueries,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public SessionDetails Session { get; private set; } = null!;

    /// <summary>The minutes (and any other letter about the session), for those who read the register.</summary>
    public Juthuruna.Web.Pages.Letters.LettersPanel? Letters { get; private set; }
    public IReadOnlyList<CommitteeQueueRow> Queue { get; private set; } = [];
    public bool KeepsMinutes => CommitteeSeats.KeepsMinutes(Session.MySeat) && Session.Status == SessionStatus.Scheduled;

    [BindProperty]
    public List<Guid> Present { get; set; } = [];

    [BindProperty]
    public Guid? RequestId { get; set; }

    [BindProperty]
    public Guid ItemId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sessions.RecordAttendanceAsync(id, Present, Actor, ct), "Present", l["The attendance has been recorded."], ct);

    public async Task<IActionResult> OnPostAddItemAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sessions.AddItemAsync(id, RequestId ?? Guid.Empty, Actor, ct), "RequestId", l["The request has been added to the agenda."], ct);

    public async Task<IActionResult> OnPostRemoveItemAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sessions.RemoveItemAsync(id, ItemId, Actor, ct), "", l["The item has been removed from the agenda."], ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sessions.CloseAsync(id, Actor, ct), "", l["The session has been closed."], ct);

    private Actor Actor => User.Actor();

    private async Task<IActionResult> AfterAsync(Guid id, CommitteeResult result, string field, string success, CancellationToken ct)
    {
        if (result.Forbidden)
        {
            return Forbid();
        }

        if (result.Succeeded)
        {
            TempData["Success"] = success;
            return RedirectToPage(new { id });
        }

        foreach (var (_, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.SessionAsync(id, User.UserId(), ct) is not { } session)
        {
            return false;
        }

        Session = session;
        if (KeepsMinutes)
        {
            Queue = await queries.QueueAsync(ct);
        }

        if (Juthuruna.Features.Letters.LetterRegister.ReaderRoles.Any(User.IsInRole))
        {
            var minutes = Juthuruna.Features.Letters.LetterKind.SessionMinutes;
            // The seat the viewer held on the session's day came with the session.
            IReadOnlyList<Juthuruna.Features.Letters.LetterKind> offered =
                Juthuruna.Features.Letters.LetterRegister.MayIssueSessionLetters(Actor, Session.MySeat) ? [minutes] : [];
            Letters = Juthuruna.Web.Pages.Letters.LettersPanel.From(TempData, id, await letterQueries.ForSubjectAsync(id, ct), offered, $"/Committee/Sessions/Details/{id}");
        }

        return true;
    }
}
