using Juthuruna.Common.Text;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Tenancy;

namespace Juthuruna.Features.Contacts;

/// <summary>The eight channels of the beneficiary relations policy, in the policy's order.</summary>
public enum ContactChannel
{
    InPerson = 1,
    Phone = 2,
    SocialMedia = 3,
    Letter = 4,
    AssistanceRequest = 5,
    Volunteering = 6,
    Website = 7,
    BranchRepresentative = 8,
}

public enum ContactDirection
{
    Incoming = 1,
    Outgoing = 2,
}

public enum ContactType
{
    Inquiry = 1,
    Request = 2,
    FollowUp = 3,
    Suggestion = 4,
    Complaint = 5,
    Thanks = 6,
}

/// <summary>
/// One interaction in the contacts log (سجل التواصل). Either about a beneficiary file, or with an unknown
/// caller known only by name and mobile until someone links the contact to a file.
/// </summary>
public sealed class Contact : ITenantOwned
{
    public const int MaxSummary = TextLimits.Note;
    public const int MaxOutcome = TextLimits.Note;
    public const int MaxCallerName = TextLimits.Line;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    public DateTime OccurredAtUtc { get; set; }
    public ContactChannel Channel { get; set; }
    public ContactDirection Direction { get; set; }
    public ContactType Type { get; set; }
    public required string Summary { get; set; }
    public string? Outcome { get; set; }
    public DateOnly? FollowUpOn { get; set; }

    /// <summary>The signed-in staff member who logged it.</summary>
    public Guid StaffUserId { get; set; }

    public Guid? BranchId { get; set; }

    public Guid? BeneficiaryId { get; set; }
    public Beneficiary? Beneficiary { get; set; }

    /// <summary>Name of a caller without a file (kept after linking: it is what was said at the time).</summary>
    public string? CallerName { get; set; }

    /// <summary>E.164 mobile of a caller without a file.</summary>
    public string? CallerMobile { get; set; }

    /// <summary>Generated when the form is shown: posting the same form twice finds the first row.</summary>
    public Guid IdempotencyKey { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? LinkedAtUtc { get; set; }
    public Guid? LinkedByUserId { get; set; }
}
