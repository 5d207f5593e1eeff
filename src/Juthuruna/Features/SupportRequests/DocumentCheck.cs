using Juthuruna.Features.Audit;
using Juthuruna.Tenancy;

namespace Juthuruna.Features.SupportRequests;

/// <summary>What the officer found when matching a document with the applicant's data (policy step 2).</summary>
public enum DocumentStatus
{
    Missing = 0,
    Matched = 1,
    Mismatched = 2,

    /// <summary>Not valid on the submission date: chosen by the officer, or computed from the document's dates.</summary>
    Expired = 3,
}

/// <summary>The check of one required document of one request: who checked it, when, and what they found.</summary>
public sealed class DocumentCheck : ITenantOwned, IAudited
{
    public const int MaxNote = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RequestId { get; set; }
    public Guid DocumentTypeId { get; set; }

    /// <summary>The effective status: the officer's finding, or <see cref="DocumentStatus.Expired"/> when the dates say so.</summary>
    public DocumentStatus Status { get; set; }

    public bool SeenInOriginal { get; set; }
    public DateOnly? IssueDate { get; set; }
    public DateOnly? ExpiryDate { get; set; }
    public Guid? FileId { get; set; }
    public string? Note { get; set; }
    public Guid CheckedBy { get; set; }
    public DateTime CheckedAtUtc { get; set; }
}

/// <summary>
/// Validity on the submission date: "على الموظف مطابقة البيانات والتأكد من صلاحيتها وقت التقديم".
/// A document that expires before the submission date, or was issued longer ago than the type allows
/// (e.g. a salary certificate older than 90 days), is expired whatever the officer marked.
/// </summary>
public static class DocumentValidity
{
    public enum Problem
    {
        None,
        ExpiryDateRequired,
        IssueDateRequired,
        IssueDateInFuture,
    }

    public static (DocumentStatus Status, Problem Problem) Evaluate(
        DocumentStatus found,
        bool typeHasExpiry,
        int? typeMaxAgeDays,
        DateOnly? issueDate,
        DateOnly? expiryDate,
        DateOnly submittedOn)
    {
        if (found != DocumentStatus.Matched)
        {
            return (found, Problem.None);
        }

        if (typeHasExpiry && expiryDate is null)
        {
            return (found, Problem.ExpiryDateRequired);
        }

        if (typeMaxAgeDays is not null && issueDate is null)
        {
            return (found, Problem.IssueDateRequired);
        }

        if (issueDate is { } issued && issued > submittedOn)
        {
            return (found, Problem.IssueDateInFuture);
        }

        // An ID that expires before the submission date is invalid; one expiring on that very day is still valid.
        if (expiryDate is { } expires && expires < submittedOn)
        {
            return (DocumentStatus.Expired, Problem.None);
        }

        if (typeMaxAgeDays is { } maxAge && issueDate is { } issuedOn && submittedOn.DayNumber - issuedOn.DayNumber > maxAge)
        {
            return (DocumentStatus.Expired, Problem.None);
        }

        return (DocumentStatus.Matched, Problem.None);
    }
}
