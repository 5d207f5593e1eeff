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
    AssignResearcher = 6,
    SubmitResearch = 7,
    Approve = 8,
    Reject = 9,
    Defer = 10,
    Register = 11,
    Deliver = 12,
    Complete = 13,
    Close = 14,
}

/// <summary>
/// Where a transition is carried out: a plain button on the request page, or the form of the step that
/// produces what its guard checks (the researcher's report, the committee item, the registration…).
/// </summary>
public enum TransitionForm
{
    Button = 0,
    ResearcherAssignment = 1,
    ResearchReport = 2,
    CommitteeItem = 3,
    Registration = 4,
    Delivery = 5,
}

/// <summary>The committee's decision on an agenda item; it is also what the decision triggers' guards check.</summary>
public enum CommitteeDecision
{
    Approve = 1,
    Reject = 2,
    Defer = 3,
}

/// <summary>What the guards look at: a snapshot of the request taken when a transition is asked for.</summary>
public sealed record RequestFacts(bool HasDeclaration, int MandatoryDocumentsMissingOrInvalid, bool HasReason)
{
    /// <summary>
    /// No evidence: a step starts from this and sets what it has just recorded (its report, its decision, its
    /// registration, its deliveries); <see cref="SupportRequest.Apply"/> adds what the request knows itself.
    /// </summary>
    public static readonly RequestFacts None = new(HasDeclaration: false, MandatoryDocumentsMissingOrInvalid: 0, HasReason: false);

    public bool HasResearcher { get; init; }
    public bool HasSubmittedResearchReport { get; init; }

    /// <summary>The decision of the committee item closed for this request in the current round, if any.</summary>
    public CommitteeDecision? CommitteeDecision { get; init; }

    public bool HasRegistration { get; init; }
    public int Deliveries { get; init; }
    public bool ApprovedServicesDelivered { get; init; }
}

public enum GuardFailure
{
    None,
    DeclarationMissing,
    DocumentsIncomplete,
    ReasonRequired,
    ResearcherMissing,
    ResearchReportMissing,
    CommitteeDecisionMissing,
    RegistrationMissing,
    DeliveryMissing,
    ServicesNotDelivered,
}

/// <summary>One row of the table: from a state, a trigger leads to a state, for these roles, if the guard holds.</summary>
public sealed record RequestTransition(
    RequestState From,
    RequestTrigger Trigger,
    RequestState To,
    IReadOnlyList<string> Roles,
    Func<RequestFacts, GuardFailure> Guard,
    TransitionForm Form = TransitionForm.Button);

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

    /// <summary>The relations desk: who opens, completes, verifies, registers and delivers.</summary>
    public static IReadOnlyList<string> DeskRoles => Desk;

    /// <summary>Who answers a question the desk referred: the researchers, and the administrator.</summary>
    public static IReadOnlyList<string> ReferralAnswererRoles { get; } = [StaffRoles.SocialResearcher, StaffRoles.TenantAdmin];
    private static readonly string[] Dispatchers = [StaffRoles.RelationsOfficer, StaffRoles.Manager, StaffRoles.CommitteeSecretary, StaffRoles.TenantAdmin];
    private static readonly string[] Researchers = [StaffRoles.SocialResearcher];
    private static readonly string[] Chair = [StaffRoles.CommitteeChair];
    private static readonly string[] Management = [StaffRoles.Manager, StaffRoles.TenantAdmin];

    private static GuardFailure Always(RequestFacts _) => GuardFailure.None;

    private static GuardFailure ReasonGiven(RequestFacts f) => f.HasReason ? GuardFailure.None : GuardFailure.ReasonRequired;

    private static GuardFailure ReadyToVerify(RequestFacts f) =>
        !f.HasDeclaration ? GuardFailure.DeclarationMissing
        : f.MandatoryDocumentsMissingOrInvalid > 0 ? GuardFailure.DocumentsIncomplete
        : GuardFailure.None;

    private static GuardFailure ResearcherChosen(RequestFacts f) => f.HasResearcher ? GuardFailure.None : GuardFailure.ResearcherMissing;

    private static GuardFailure ReportSubmitted(RequestFacts f) => f.HasSubmittedResearchReport ? GuardFailure.None : GuardFailure.ResearchReportMissing;

    private static Func<RequestFacts, GuardFailure> Decided(CommitteeDecision decision) =>
        f => f.CommitteeDecision == decision ? GuardFailure.None : GuardFailure.CommitteeDecisionMissing;

    private static GuardFailure Registered(RequestFacts f) => f.HasRegistration ? GuardFailure.None : GuardFailure.RegistrationMissing;

    private static GuardFailure DeliveryRecorded(RequestFacts f) => f.Deliveries > 0 ? GuardFailure.None : GuardFailure.DeliveryMissing;

    private static GuardFailure AllDelivered(RequestFacts f) => f.ApprovedServicesDelivered ? GuardFailure.None : GuardFailure.ServicesNotDelivered;

    /// <summary>States in which the applicant may still withdraw and the association may still cancel.</summary>
    public static readonly IReadOnlyList<RequestState> OpenStates =
    [
        RequestState.Draft, RequestState.DocumentsReview, RequestState.ReturnedForCompletion, RequestState.Verified,
        RequestState.UnderResearch, RequestState.AwaitingCommittee, RequestState.Approved, RequestState.Registered, RequestState.InService,
    ];

    /// <summary>States in which the committee's decision is awaited: the decision window runs.</summary>
    public static readonly IReadOnlyList<RequestState> AwaitingDecisionStates =
    [
        RequestState.Verified, RequestState.UnderResearch, RequestState.AwaitingCommittee,
    ];

    /// <summary>States that end the request; nothing leaves them.</summary>
    public static readonly IReadOnlyList<RequestState> FinalStates =
    [
        RequestState.Rejected, RequestState.Closed, RequestState.Withdrawn, RequestState.Cancelled,
    ];

    /// <summary>States in which the desk completes the file: the declaration and the document checks are recorded.</summary>
    public static readonly IReadOnlyList<RequestState> IntakeStates =
    [
        RequestState.Draft, RequestState.DocumentsReview, RequestState.ReturnedForCompletion,
    ];

    /// <summary>States in which the request's researcher may be chosen or changed.</summary>
    public static readonly IReadOnlyList<RequestState> ResearcherAssignableStates =
    [
        RequestState.Verified, RequestState.UnderResearch,
    ];

    /// <summary>States in which deliveries are recorded: registered, and in service until the last one.</summary>
    public static readonly IReadOnlyList<RequestState> DeliveringStates =
    [
        RequestState.Registered, RequestState.InService,
    ];

    /// <summary>States the beneficiary is told about without asking (returned, decided, registered).</summary>
    public static readonly IReadOnlyList<RequestState> BeneficiaryToldStates =
    [
        RequestState.ReturnedForCompletion, RequestState.Approved, RequestState.Rejected, RequestState.Registered,
    ];

    public static readonly IReadOnlyList<RequestTransition> Transitions =
    [
        new(RequestState.Draft, RequestTrigger.Submit, RequestState.DocumentsReview, Desk, Always),
        new(RequestState.DocumentsReview, RequestTrigger.ReturnForCompletion, RequestState.ReturnedForCompletion, Desk, ReasonGiven),
        new(RequestState.ReturnedForCompletion, RequestTrigger.Resubmit, RequestState.DocumentsReview, Desk, Always),
        new(RequestState.DocumentsReview, RequestTrigger.Verify, RequestState.Verified, Desk, ReadyToVerify),
        new(RequestState.Verified, RequestTrigger.AssignResearcher, RequestState.UnderResearch, Dispatchers, ResearcherChosen, TransitionForm.ResearcherAssignment),
        new(RequestState.UnderResearch, RequestTrigger.SubmitResearch, RequestState.AwaitingCommittee, Researchers, ReportSubmitted, TransitionForm.ResearchReport),
        new(RequestState.AwaitingCommittee, RequestTrigger.Approve, RequestState.Approved, Chair, Decided(CommitteeDecision.Approve), TransitionForm.CommitteeItem),
        new(RequestState.AwaitingCommittee, RequestTrigger.Reject, RequestState.Rejected, Chair, Decided(CommitteeDecision.Reject), TransitionForm.CommitteeItem),
        new(RequestState.AwaitingCommittee, RequestTrigger.Defer, RequestState.UnderResearch, Chair, Decided(CommitteeDecision.Defer), TransitionForm.CommitteeItem),
        new(RequestState.Approved, RequestTrigger.Register, RequestState.Registered, Desk, Registered, TransitionForm.Registration),
        new(RequestState.Registered, RequestTrigger.Deliver, RequestState.InService, Desk, DeliveryRecorded, TransitionForm.Delivery),
        new(RequestState.InService, RequestTrigger.Deliver, RequestState.InService, Desk, DeliveryRecorded, TransitionForm.Delivery),
        new(RequestState.InService, RequestTrigger.Complete, RequestState.Closed, Desk, AllDelivered, TransitionForm.Delivery),
        new(RequestState.Registered, RequestTrigger.Close, RequestState.Closed, Management, ReasonGiven),
        new(RequestState.InService, RequestTrigger.Close, RequestState.Closed, Management, ReasonGiven),
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

    /// <summary>The committee's decision as the trigger it fires on the request.</summary>
    public static RequestTrigger TriggerFor(CommitteeDecision decision) => decision switch
    {
        CommitteeDecision.Approve => RequestTrigger.Approve,
        CommitteeDecision.Reject => RequestTrigger.Reject,
        CommitteeDecision.Defer => RequestTrigger.Defer,
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    /// <summary>Mermaid state diagram of the table, for docs/workflow.md.</summary>
    public static string ToMermaid()
    {
        var lines = new List<string> { "stateDiagram-v2", "    [*] --> Draft" };
        // One edge per (from, to, roles): Complete and Close both reach Closed, but not for the same people.
        foreach (var group in Transitions.GroupBy(t => (t.From, t.To, Roles: string.Join(" / ", t.Roles))))
        {
            var triggers = string.Join(", ", group.Select(t => t.Trigger).Distinct());
            lines.Add($"    {group.Key.From} --> {group.Key.To}: {triggers} ({group.Key.Roles})");
        }

        return string.Join('\n', lines) + '\n';
    }
}
