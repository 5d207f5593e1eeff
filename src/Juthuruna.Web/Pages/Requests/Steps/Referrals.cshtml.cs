using System.ComponentModel.DataAnnotations;
using Juthuruna.Features.SupportRequests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests.Steps;

/// <summary>
/// الإحالة إلى الباحث: the desk asks a social researcher a question about the request (a visit, a doubt about a document)
/// and the researcher answers it here, while the request is open.
/// </summary>
[Authorize(Policy = RequestStepPolicy.Referrals)]
public sealed class ReferralsModel(
    RequestQueries queries,
    RequestCommands requests,
    IStringLocalizer<SharedResource> l) : StepPageModel(queries, l)
{
    /// <summary>Until the request is finished.</summary>
    protected override bool IsAvailable(RequestHeader header) => !RequestWorkflow.FinalStates.Contains(header.State);

    public IReadOnlyList<ReferralItem> Referrals { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Researchers { get; private set; } = [];

    /// <summary>The desk refers; researchers (and the administrator) answer.</summary>
    public bool CanRefer => RequestWorkflow.DeskRoles.Any(Actor.Roles.Contains);
    public bool CanAnswer => RequestWorkflow.ReferralAnswererRoles.Any(Actor.Roles.Contains);

    [BindProperty]
    public ReferralInput Referral { get; set; } = new();

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    public sealed class ReferralInput
    {
        [Display(Name = "Social researcher")]
        public Guid ResearcherId { get; set; }

        [Display(Name = "Question")]
        public string? Question { get; set; }
    }

    public sealed class AnswerInput
    {
        public Guid ReferralId { get; set; }

        [Display(Name = "Answer")]
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReferAsync(Guid id, CancellationToken ct)
    {
        var result = await requests.ReferAsync(id, Referral.ResearcherId, Referral.Question, Actor, ct);
        if (result.Succeeded)
        {
            return Recorded(id, L["The question has been referred to the researcher."]);
        }

        if (result.Forbidden)
        {
            return Forbid();
        }

        AddErrors(result, nameof(Referral));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        var result = await requests.AnswerReferralAsync(id, Answer.ReferralId, Answer.Text, Actor, ct);
        if (result.Succeeded)
        {
            return Recorded(id, L["The answer has been recorded."]);
        }

        if (result.Forbidden)
        {
            return Forbid();
        }

        AddErrors(result, nameof(Answer));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(id, ct))
        {
            return false;
        }

        Referrals = await Queries.ReferralsAsync(id, ct);
        if (CanRefer)
        {
            Researchers = await Queries.ResearchersAsync(ct);
        }

        return true;
    }
}
