using Juthuruna.Common.Dates;
using Juthuruna.Common.Text;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Contacts;
using Juthuruna.Tenancy;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.SupportRequests;

/// <summary>طلب دعم: a beneficiary's request for one of the association's services.</summary>
public sealed class SupportRequest : ITenantOwned, IAudited
{
    public const string NumberCounterPrefix = "support-request-";
    public const int MaxDescription = TextLimits.Note;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>e.g. <c>JTH-1447-000123</c>: gapless per association and Hijri year.</summary>
    public required string Number { get; set; }

    public int HijriYear { get; set; }
    public Guid BeneficiaryId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid? BranchId { get; set; }
    public ContactChannel Channel { get; set; }
    public required string Description { get; set; }
    public long? AmountRequestedHalalas { get; set; }
    /// <summary>Written only by <see cref="Apply"/> (a source-scan test keeps it so); tests arrange states through the internal setter.</summary>
    public RequestState State { get; internal set; } = RequestState.Draft;

    /// <summary>The day the file was submitted: documents are valid or not on this date (policy step 2).</summary>
    public DateOnly? SubmittedOn { get; set; }

    public DateOnly? VerifiedOn { get; set; }

    /// <summary>Verified date + the association's decision window (calendar or working days).</summary>
    public DateOnly? DecisionDueOn { get; set; }

    /// <summary>The social researcher studying the request (policy step 5); reassignable while under research.</summary>
    public Guid? ResearcherId { get; set; }

    /// <summary>The day the committee approved or rejected it: within the window if on or before <see cref="DecisionDueOn"/>.</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>
    /// The officer's queue order, stored so one index serves it (issue 13): null once the request has left the queue
    /// (closed, rejected, withdrawn, cancelled); its decision due date while the decision is awaited; otherwise
    /// <see cref="DateOnly.MaxValue"/>, after every due date, where the oldest waiting come first. Worked out from
    /// <see cref="State"/> and <see cref="DecisionDueOn"/> whenever the request is saved.
    /// </summary>
    public DateOnly? QueueOrder
    {
        get => !RequestWorkflow.OpenStates.Contains(State) ? null
            : RequestWorkflow.AwaitingDecisionStates.Contains(State) && DecisionDueOn is { } due ? due
            : DateOnly.MaxValue;
        // Read back from the database and ignored: the value always follows State and DecisionDueOn.
        private set { }
    }

    public Guid CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Generated when the create form is shown: the same form posted twice creates one request.</summary>
    public Guid IdempotencyKey { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public static string FormatNumber(string prefix, int hijriYear, long sequence) =>
        FormattableString.Invariant($"{prefix}-{hijriYear}-{sequence:000000}");

    /// <summary>
    /// Applies <paramref name="trigger"/>: the workflow table's row from the current state, allowed to one of the
    /// actor's roles, whose guard holds on <paramref name="evidence"/> — what the calling step has recorded and hands
    /// in (the request adds what it knows itself: its researcher, and whether a reason was given). The only writer of
    /// <see cref="State"/>. On success the request's dates and version move on and the history row to save is returned;
    /// nothing is changed otherwise.
    /// </summary>
    /// <param name="decisionDueOn">The decision window's end, worked out by the caller from the association's settings; required when the trigger leads to Verified.</param>
    public TransitionOutcome Apply(RequestTrigger trigger, RequestFacts evidence, Actor actor, DateTime nowUtc, string? note = null, DateOnly? decisionDueOn = null)
    {
        var transition = RequestWorkflow.Transitions.SingleOrDefault(t => t.From == State && t.Trigger == trigger);
        if (transition is null || !transition.Roles.Any(actor.Roles.Contains))
        {
            return TransitionOutcome.NotAvailable;
        }

        var facts = evidence with { HasReason = !string.IsNullOrWhiteSpace(note), HasResearcher = ResearcherId is not null };
        if (transition.Guard(facts) is var failure and not GuardFailure.None)
        {
            return TransitionOutcome.Refused(failure);
        }

        var today = DualDate.RiyadhDay(nowUtc);
        var from = State;
        State = transition.To;
        if (trigger == RequestTrigger.Submit)
        {
            SubmittedOn = today;
        }

        if (transition.To == RequestState.Verified)
        {
            VerifiedOn = today;
            DecisionDueOn = decisionDueOn ?? throw new ArgumentNullException(nameof(decisionDueOn), "Verifying a request starts its decision window.");
        }

        if (trigger is RequestTrigger.Approve or RequestTrigger.Reject)
        {
            DecidedOn = today;
        }

        // The history is strictly ordered: a transition is never recorded at or before the request's last change, so two
        // transitions in one command (the last delivery's Deliver then Complete) read back in the order they happened.
        var at = nowUtc > UpdatedAtUtc ? nowUtc : UpdatedAtUtc.AddTicks(1);
        UpdatedAtUtc = at;
        Version = Guid.NewGuid();
        return TransitionOutcome.Applied(new RequestHistory
        {
            RequestId = Id,
            From = from,
            To = transition.To,
            Trigger = trigger,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            UserId = actor.UserId,
            AtUtc = at,
        });
    }
}

/// <summary>What <see cref="SupportRequest.Apply"/> did: applied (with the history row to save), not available to this actor from this state, or refused by the guard.</summary>
public sealed record TransitionOutcome(RequestHistory? History, GuardFailure Failure, bool Available)
{
    public static readonly TransitionOutcome NotAvailable = new(null, GuardFailure.None, false);

    public bool Succeeded => History is not null;

    public static TransitionOutcome Applied(RequestHistory history) => new(history, GuardFailure.None, true);

    public static TransitionOutcome Refused(GuardFailure failure) => new(null, failure, true);

    /// <summary>The refusal as the page shows it (the field is "Note" when a reason is missing).</summary>
    public RequestResult ToRefusal(IStringLocalizer l) => !Available
        ? RequestResult.Fail("", l["This action is not available for the request in its current state."])
        : Failure switch
        {
            GuardFailure.DeclarationMissing => RequestResult.Fail("", l["The applicant's declaration must be recorded before the request is verified."]),
            GuardFailure.DocumentsIncomplete => RequestResult.Fail("", l["Every mandatory document must be checked and valid on the submission date before the request is verified."]),
            GuardFailure.ReasonRequired => RequestResult.Fail("Note", l["Give the reason."]),
            GuardFailure.ResearcherMissing => RequestResult.Fail("", l["Choose the social researcher first."]),
            GuardFailure.ResearchReportMissing => RequestResult.Fail("", l["The research report must be submitted first."]),
            GuardFailure.CommitteeDecisionMissing => RequestResult.Fail("", l["The committee has not taken this decision on the request."]),
            GuardFailure.RegistrationMissing => RequestResult.Fail("", l["Complete the registration first."]),
            GuardFailure.DeliveryMissing => RequestResult.Fail("", l["Record the delivery first."]),
            GuardFailure.ServicesNotDelivered => RequestResult.Fail("", l["Not every approved service has been delivered yet."]),
            _ => throw new InvalidOperationException("A refusal without a reason."),
        };
}

/// <summary>One row per transition: who, when, from, to, note (architecture.md, "Workflow").</summary>
public sealed class RequestHistory : ITenantOwned
{
    /// <summary>The note or reason typed with a transition.</summary>
    public const int MaxNote = TextLimits.Note;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RequestId { get; set; }
    public RequestState? From { get; set; }
    public RequestState To { get; set; }
    public RequestTrigger? Trigger { get; set; }
    public string? Note { get; set; }
    public Guid UserId { get; set; }
    public DateTime AtUtc { get; set; }
}

public enum DeclarationMethod
{
    ConfirmedOnScreen = 1,
    SignedPaperScanned = 2,
}

/// <summary>
/// الإقرار: the applicant confirms the data is correct and that they are directly responsible for it
/// (policy step 4). The text signed is copied, with the template version it came from.
/// </summary>
public sealed class Declaration : ITenantOwned, IAudited
{
    public const int MaxApplicantName = TextLimits.Line;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RequestId { get; set; }
    public required string ApplicantName { get; set; }
    public DeclarationMethod Method { get; set; }
    public required string Text { get; set; }
    public int TextVersion { get; set; }
    public Guid? ScanFileId { get; set; }
    public Guid WitnessUserId { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>The association's declaration wording; a new version is a new row, old requests keep theirs.</summary>
public sealed class DeclarationTemplate : ITenantOwned
{
    public const int MaxText = TextLimits.LongText;

    public const string DefaultText =
        "أقر أنا الموقع أدناه بأن جميع البيانات والمعلومات والمستندات التي قدمتها إلى الجمعية صحيحة وكاملة، " +
        "وأنني مسؤول مسؤولية مباشرة عن صحتها، وأتعهد بإبلاغ الجمعية بأي تغيير يطرأ عليها، " +
        "وأعلم أن طلبي سيُرفع إلى لجنة البحث لدراسته والرد عليه بالقبول أو الرفض.";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public int Version { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

public enum ReferralStatus
{
    Open = 1,
    Answered = 2,
}

/// <summary>إحالة: an unclear case referred to a social researcher (policy step 3). Does not block the workflow.</summary>
public sealed class Referral : ITenantOwned, IAudited
{
    public const int MaxQuestion = TextLimits.Note;
    public const int MaxAnswer = TextLimits.LongText;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RequestId { get; set; }
    public required string Question { get; set; }
    public Guid ResearcherId { get; set; }
    public Guid AskedBy { get; set; }
    public DateTime AskedAtUtc { get; set; }
    public string? Answer { get; set; }
    public Guid? AnsweredBy { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public ReferralStatus Status { get; set; } = ReferralStatus.Open;
}
