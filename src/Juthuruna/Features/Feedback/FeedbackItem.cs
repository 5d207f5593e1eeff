using Juthuruna.Features.Audit;
using Juthuruna.Features.Contacts;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Feedback;

public enum FeedbackKind
{
    Suggestion = 1,
    Complaint = 2,
}

/// <summary>What the submission is about: a small fixed list, so the manager can count them.</summary>
public enum FeedbackCategory
{
    ServiceQuality = 1,
    StaffConduct = 2,
    Delays = 3,
    DocumentsAndProcedures = 4,
    WebsiteAndPortal = 5,
    Other = 6,
}

/// <summary>New → InProgress (assigned) → Answered → Closed; closing without an answer needs a closure note.</summary>
public enum FeedbackStatus
{
    New = 1,
    InProgress = 2,
    Answered = 3,
    Closed = 4,
}

public enum FeedbackAction
{
    Received = 1,
    Assigned = 2,
    Answered = 3,
    Closed = 4,
}

/// <summary>
/// A suggestion or complaint (المقترحات والشكاوى), from the portal, the desk or any channel. Its reference is
/// gapless per association and Hijri year (<c>SC-1447-0007</c>); the submitter follows it with that reference
/// and the mobile number they gave, never with the reference alone (references are sequential).
/// </summary>
public sealed class FeedbackItem : ITenantOwned, IAudited
{
    public const string CounterPrefix = "feedback-";
    public const string ReferencePrefix = "SC";
    public const int MaxSubject = 200;
    public const int MaxText = 4000;
    public const int MaxName = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    public required string Reference { get; set; }
    public int HijriYear { get; set; }
    public long Sequence { get; set; }

    public FeedbackKind Kind { get; set; }
    public FeedbackCategory Category { get; set; }
    public ContactChannel Channel { get; set; }
    public required string Subject { get; set; }
    public required string Text { get; set; }

    /// <summary>The beneficiary file, when staff recorded it for a known beneficiary.</summary>
    public Guid? BeneficiaryId { get; set; }

    public required string Name { get; set; }

    /// <summary>E.164; with the reference, the key the submitter follows the item with.</summary>
    public required string Mobile { get; set; }

    public string? Email { get; set; }
    public bool WantsReply { get; set; }

    public FeedbackStatus Status { get; set; } = FeedbackStatus.New;
    public Guid? AssigneeId { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>The Saudi day it was received plus the association's <c>ComplaintResponseDays</c> (calendar days).</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>Staff member who recorded it; null when submitted on the portal.</summary>
    public Guid? RecordedBy { get; set; }

    public string? Response { get; set; }
    public Guid? AnsweredBy { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }

    public string? ClosureNote { get; set; }
    public Guid? ClosedBy { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Generated when the form is shown: the same form posted twice records one item.</summary>
    public Guid IdempotencyKey { get; set; }

    /// <summary>Optimistic concurrency: an edit made on a page shown before another's change is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => Status is FeedbackStatus.New or FeedbackStatus.InProgress;

    public static string FormatReference(int hijriYear, long sequence) =>
        FormattableString.Invariant($"{ReferencePrefix}-{hijriYear}-{sequence:0000}");
}

/// <summary>One line of an item's history: received, assigned, answered, closed (who, when, note).</summary>
public sealed class FeedbackEvent : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid FeedbackItemId { get; set; }
    public DateTime AtUtc { get; set; }
    public FeedbackAction Action { get; set; }

    /// <summary>The staff member; null for a portal submission.</summary>
    public Guid? UserId { get; set; }

    /// <summary>For an assignment, the staff member it was given to.</summary>
    public Guid? AssigneeId { get; set; }
}

internal sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.Property(f => f.Reference).HasMaxLength(30);
        builder.Property(f => f.Subject).HasMaxLength(FeedbackItem.MaxSubject);
        builder.Property(f => f.Text).HasMaxLength(FeedbackItem.MaxText);
        builder.Property(f => f.Name).HasMaxLength(FeedbackItem.MaxName);
        builder.Property(f => f.Mobile).HasMaxLength(20);
        builder.Property(f => f.Email).HasMaxLength(256);
        builder.Property(f => f.Response).HasMaxLength(FeedbackItem.MaxText);
        builder.Property(f => f.ClosureNote).HasMaxLength(FeedbackItem.MaxText);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.IsOpen);
        builder.HasIndex(f => new { f.TenantId, f.Reference }).IsUnique();
        builder.HasIndex(f => new { f.TenantId, f.HijriYear, f.Sequence }).IsUnique();
        builder.HasIndex(f => new { f.TenantId, f.IdempotencyKey }).IsUnique();
        builder.HasIndex(f => new { f.TenantId, f.Status, f.DueOn });
        builder.HasIndex(f => new { f.TenantId, f.AssigneeId });
        builder.HasIndex(f => new { f.TenantId, f.ReceivedAtUtc });
        builder.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(f => f.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Beneficiaries.Beneficiary>().WithMany().HasForeignKey(f => f.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedbackEventConfiguration : IEntityTypeConfiguration<FeedbackEvent>
{
    public void Configure(EntityTypeBuilder<FeedbackEvent> builder)
    {
        builder.HasOne<FeedbackItem>().WithMany().HasForeignKey(e => e.FeedbackItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TenantId, e.FeedbackItemId, e.AtUtc });
    }
}
