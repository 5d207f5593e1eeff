using System.ComponentModel.DataAnnotations;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests.Steps;

/// <summary>
/// The plain actions of the workflow table (submit, verify, return for completion, withdraw, cancel, close early…):
/// the request page shows this user's buttons and posts here; a refusal comes back on this page with the note that was
/// typed. Whether this user may take the action from the request's state is the table's, checked in the core.
/// </summary>
[Authorize(Policy = StaffIdentitySetup.BeneficiaryReadersPolicy)]
public sealed class TransitionModel(RequestQueries queries, RequestCommands requests, IStringLocalizer<SharedResource> l) : StepPageModel(queries, l)
{
    protected override bool IsAvailable(RequestHeader header) => Permits(header.State, TransitionForm.Button);

    /// <summary>This user's buttons from the request's current state.</summary>
    public IReadOnlyList<RequestTransition> Actions { get; private set; } = [];

    [BindProperty]
    public ActionInput Action { get; set; } = new();

    public sealed class ActionInput
    {
        public RequestTrigger Trigger { get; set; }
        public Guid Version { get; set; }

        [Display(Name = "Note or reason")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTransitionAsync(Guid id, CancellationToken ct)
    {
        var result = await requests.TransitionAsync(id, Action.Trigger, Action.Version, Action.Note, Actor, ct);
        if (result.Succeeded)
        {
            var state = (await Queries.HeaderAsync(id, ct))?.State;
            return Recorded(id, state is { } s ? L["The request is now: {0}.", RequestLabels.Of(L, s)] : L["The request is now: {0}.", ""]);
        }

        AddErrors(result, nameof(Action));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(id, ct))
        {
            return false;
        }

        Actions = RequestWorkflow.Permitted(Header.State, Actor.Roles).Where(t => t.Form == TransitionForm.Button).ToList();
        return true;
    }
}
