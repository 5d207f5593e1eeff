using Juthuruna.Features.SupportRequests;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests.Steps;

/// <summary>
/// The authorisation policies of the step pages: each admits the roles the workflow table lets take its triggers, and
/// no one else (registered by <c>StaffIdentitySetup</c> from <see cref="Steps"/>).
/// </summary>
public static class RequestStepPolicy
{
    private const string Prefix = "RequestStep:";

    public const string Deliver = Prefix + nameof(RequestTrigger.Deliver);
    public const string Register = Prefix + nameof(RequestTrigger.Register);
    public const string Research = Prefix + "Research";

    /// <summary>The desk completing the file before verification: document checks and the declaration.</summary>
    public const string Intake = Prefix + "Intake";

    /// <summary>A question from the desk to a researcher, and the researcher's answer.</summary>
    public const string Referrals = Prefix + "Referrals";

    public static IReadOnlyDictionary<string, RequestTrigger[]> Steps { get; } = new Dictionary<string, RequestTrigger[]>
    {
        [Deliver] = [RequestTrigger.Deliver],
        [Register] = [RequestTrigger.Register],
        // Assigning (and reassigning) the researcher, and writing the report the researcher submits.
        [Research] = [RequestTrigger.AssignResearcher, RequestTrigger.SubmitResearch],
        [Intake] = [RequestTrigger.Verify],
        [Referrals] = [RequestTrigger.Verify, RequestTrigger.SubmitResearch],
    };

    public static IEnumerable<string> Roles(string policy) =>
        RequestWorkflow.Transitions.Where(t => Steps[policy].Contains(t.Trigger)).SelectMany(t => t.Roles).Distinct();
}

/// <summary>
/// One page per step of a request (issue 14, ADR 0022): the step's page shows the request it works on and the step's own
/// form, posts to itself, and on success goes back to the read-only request page with what was recorded. Who may open
/// it is the workflow table's (<see cref="RequestStepPolicy"/>); whether the request's state allows the step now is
/// the table's too (<see cref="Available"/>); the command checks both again in the core.
/// </summary>
public abstract class StepPageModel(RequestQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    protected IStringLocalizer<SharedResource> L => l;

    protected RequestQueries Queries => queries;

    public RequestHeader Header { get; private set; } = null!;

    /// <summary>The request's state lets this user take the step now; otherwise the page says so and shows no form.</summary>
    public bool Available { get; private set; }

    protected Actor Actor => User.Actor();

    /// <summary>Reads the request (null: not in this association, 404) and whether the step is available.</summary>
    protected async Task<bool> LoadHeaderAsync(Guid id, CancellationToken ct)
    {
        if (await queries.HeaderAsync(id, ct) is not { } header)
        {
            return false;
        }

        Header = header;
        Available = IsAvailable(header);
        return true;
    }

    /// <summary>Whether the request's state lets this user take the step now (the page's own rule).</summary>
    protected abstract bool IsAvailable(RequestHeader header);

    /// <summary>The workflow table permits this user, from <paramref name="state"/>, a transition taken through <paramref name="form"/>.</summary>
    protected bool Permits(RequestState state, TransitionForm form) =>
        RequestWorkflow.Permitted(state, Actor.Roles).Any(t => t.Form == form);

    /// <summary>Back to the request, which now shows what was recorded.</summary>
    protected IActionResult Recorded(Guid id, string message)
    {
        TempData["Success"] = message;
        return RedirectToPage("/Requests/Details", new { id });
    }

    /// <summary>The command's refusals under the form's fields (<paramref name="prefix"/>.Field), or the form itself.</summary>
    protected void AddErrors(RequestResult result, string prefix)
    {
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(field) ? prefix : $"{prefix}.{field}", message);
        }
    }
}
