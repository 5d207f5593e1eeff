using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Money;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Committee.Items;

/// <summary>
/// One agenda item: the request read-only, the votes and tally (never for a member who recused on it), the
/// member's own vote and the chair's close form. Voting needs a seat on the session's day (403 otherwise);
/// closing needs the chair's seat.
/// </summary>
public sealed class DetailsModel(
    CommitteeQueries queries,
    ResearchQueries research,
    CommitteeVoting voting,
    DocumentChecks documents,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public ItemDetails Item { get; private set; } = null!;
    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];

    /// <summary>The submitted research reports, newest first, with their attachments: what the committee decides on.</summary>
    public IReadOnlyList<ReportItem> Reports { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool MayVote => Item.MySeat is not null && Item.IAmPresent && Item.Status == AgendaItemStatus.Open;
    public bool MayClose => Item.MySeat == CommitteeRole.Chair && Item.IAmPresent && Item.Status == AgendaItemStatus.Open;

    [BindProperty]
    public VoteInput Vote { get; set; } = new();

    [BindProperty]
    public CloseInput Close { get; set; } = new();

    public sealed class VoteInput
    {
        [Display(Name = "Your vote")]
        public VoteChoice? Choice { get; set; }

        [Display(Name = "Reason (required for every vote, an approval too)")]
        public string? Reason { get; set; }
    }

    public sealed class CloseInput
    {
        [Display(Name = "Decision")]
        public CommitteeDecision? Decision { get; set; }

        [Display(Name = "Reasons (for a deferral: the committee's questions)")]
        public string? Reasons { get; set; }

        [Display(Name = "Approved services")]
        public List<Guid> ServiceIds { get; set; } = [];

        [Display(Name = "Approved amount (riyals, optional)")]
        public string? Amount { get; set; }

        public Guid Version { get; set; }

        [Display(Name = "Close without their votes")]
        public bool ConfirmMissingVotes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Item.MyVote is { } mine)
        {
            Vote = new VoteInput { Choice = mine.Choice, Reason = mine.Reason };
        }

        // The chair starts from the researcher's latest recommendation.
        if (Reports.Count > 0 && Reports[0] is { } report)
        {
            Close.ServiceIds = [.. report.RecommendedServiceIds];
            Close.Amount = report.RecommendedAmountHalalas is { } amount ? Riyals.ToInput(amount) : null;
        }
        else
        {
            Close.ServiceIds = [Item.ServiceId];
        }

        Close.Decision = Item.Tally?.Outcome;
        return Page();
    }

    public async Task<IActionResult> OnPostVoteAsync(Guid id, CancellationToken ct)
    {
        var (result, changed) = await voting.VoteAsync(id, Vote.Choice ?? 0, Vote.Reason, Actor, ct);
        return await AfterAsync(id, result, "Vote", changed ? l["Your vote has been changed."] : l["Your vote has been recorded."], ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        var result = await voting.CloseAsync(id, new CloseItem(Close.Decision, Close.Reasons, Close.ServiceIds, Close.Amount, Close.Version, Close.ConfirmMissingVotes), Actor, ct);
        return await AfterAsync(id, result, "Close", l["The item has been closed with the committee's decision."], ct);
    }

    private Actor Actor => User.Actor();

    private async Task<IActionResult> AfterAsync(Guid id, CommitteeResult result, string prefix, string success, CancellationToken ct)
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

        ModelState.AddCommandErrors(result.Errors, prefix);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.ItemAsync(id, User.UserId(), ct) is not { } item)
        {
            return false;
        }

        Item = item;
        Today = DualDate.Today(clock);
        Checklist = await documents.ChecklistAsync(item.RequestId, item.ServiceId, ct);
        Reports = (await research.ReportsAsync(item.RequestId, ct)).Where(r => r.SubmittedAtUtc is not null).ToList();
        // The form posts the version it was shown with; a re-display after an error shows the current one.
        Close.Version = item.Version;
        ModelState.Remove("Close.Version");
        return true;
    }
}
