using Juthuruna.Identity;

namespace Juthuruna.Features.SupportRequests;

/// <summary>The life of a support request (product.md, "التعامل مع المستفيد لإنهاء معاملته").</summary>
public enum RequestState
{
    Draft = 0,
    DocumentsReview = 1,
    ReturnedForCompletion = 2,
    Verified = 3,
    UnderResearch = 4,
    AwaitingCommittee = 5,
    Approved = 6,
    Rejected = 7,
    Registered = 8,
    InService = 9,
    Closed = 10,
    Withdrawn = 11,
    Cancelled = 12,
}

public enum RequestTrigger
{
    Submit = 0,
    ReturnForCompletion = 1,
    Resubmit = 2,
    Verify = 3,
    Withdraw = 4,
    Cancel = 5,
}

/// <summary>What the guards look at: a snapshot of the request taken when a transition is asked for.</summary>
public sealed record RequestFacts(bool HasDeclaration, int MandatoryDocumentsMissingOrInvalid, bool HasReason);

public enum GuardFailure
{
    None,
    DeclarationMissing,
    DocumentsIncomplete,
    ReasonRequired,
}

/// <summary>One row of the table: from a state, a trigger leads to a state, for these roles, if the guard holds.</summary>
public sealed record RequestTransition(
    RequestState From,
    RequestTrigger Trigger,
    RequestState To,
    IReadOnlyList<string> Roles,
    Func<RequestFacts, GuardFailure> Guard);

public sealed class IllegalTransitionException(RequestState from, RequestTrigger trigger)
    : InvalidOperationException($"{trigger} is not allowed from {from}.")
{
    public RequestState From { get; } = from;
    public RequestTrigger Trigger { get; } = trigger;
}

/// <summary>
/// The single source of truth for what may happen to a request (architecture.md, "Workflow"). The UI
/// offers <see cref="Permitted"/>; services call <see cref="Resolve"/>, which throws on anything else —
/// never a silent no-op. docs/workflow.md is generated from <see cref="Transitions"/>.
/// </summary>
public static class RequestWorkflow
{
    private static readonly string[] Desk = [StaffRoles.RelationsOfficer, StaffRoles.TenantAdmin];

    private static GuardFailure Always(RequestFacts _) => GuardFailure.None;

    private static GuardFailure ReasonGiven(RequestFacts f) => f.HasReason ? GuardFailure.None : GuardFailure.ReasonRequired;

    private static GuardFailure ReadyToVerify(RequestFacts f) =>
        !f.HasDeclaration ? GuardFailure.DeclarationMissing
        : f.MandatoryDocumentsMissingOrInvalid > 0 ? GuardFailure.DocumentsIncomplete
        : GuardFailure.None;

    /// <summary>States in which the applicant may still withdraw and the association may still cancel.</summary>
    public static readonly IReadOnlyList<RequestState> OpenStates =
    [
        RequestState.Draft, RequestState.DocumentsReview, RequestState.ReturnedForCompletion, RequestState.Verified,
        RequestState.UnderResearch, RequestState.AwaitingCommittee,
    ];

    public static readonly IReadOnlyList<RequestTransition> Transitions =
    [
        new(RequestState.Draft, RequestTrigger.Submit, RequestState.DocumentsReview, Desk, Always),
        new(RequestState.DocumentsReview, RequestTrigger.ReturnForCompletion, RequestState.ReturnedForCompletion, Desk, ReasonGiven),
        new(RequestState.ReturnedForCompletion, RequestTrigger.Resubmit, RequestState.DocumentsReview, Desk, Always),
        new(RequestState.DocumentsReview, RequestTrigger.Verify, RequestState.Verified, Desk, ReadyToVerify),
        .. OpenStates.Select(s => new RequestTransition(s, RequestTrigger.Withdraw, RequestState.Withdrawn, Desk, ReasonGiven)),
        .. OpenStates.Select(s => new RequestTransition(s, RequestTrigger.Cancel, RequestState.Cancelled, [StaffRoles.TenantAdmin, StaffRoles.Manager], ReasonGiven)),
    ];

    /// <summary>The transition for (state, trigger), or throws: there is no other way to change a state.</summary>
    public static RequestTransition Resolve(RequestState from, RequestTrigger trigger) =>
        Transitions.SingleOrDefault(t => t.From == from && t.Trigger == trigger) ?? throw new IllegalTransitionException(from, trigger);

    /// <summary>The triggers a user with <paramref name="roles"/> may use from <paramref name="state"/> (guards are checked on use).</summary>
    public static IReadOnlyList<RequestTransition> Permitted(RequestState state, IEnumerable<string> roles)
    {
        var held = roles.ToHashSet();
        return Transitions.Where(t => t.From == state && t.Roles.Any(held.Contains)).ToList();
    }

    /// <summary>Mermaid state diagram of the table, for docs/workflow.md.</summary>
    public static string ToMermaid()
    {
        var lines = new List<string> { "stateDiagram-v2", "    [*] --> Draft" };
        foreach (var group in Transitions.GroupBy(t => (t.From, t.To)))
        {
            var triggers = string.Join(", ", group.Select(t => t.Trigger).Distinct());
            var roles = string.Join(" / ", group.SelectMany(t => t.Roles).Distinct());
            lines.Add($"    {group.Key.From} --> {group.Key.To}: {triggers} ({roles})");
        }

        return string.Join('\n', lines) + '\n';
    }
}
