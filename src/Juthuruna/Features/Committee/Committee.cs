using Juthuruna.Common.Text;
using Juthuruna.Features.Audit;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Committee;

public enum CommitteeRole
{
    Member = 0,
    Secretary = 1,
    Chair = 2,
}

/// <summary>
/// A seat on the association's research committee (لجنة البحث) for a period. Membership, not the staff
/// role, is what lets someone vote, keep the minutes or chair: the staff roles only open the pages.
/// </summary>
public sealed class CommitteeMember : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public CommitteeRole Role { get; set; }
    public DateOnly ActiveFrom { get; set; }

    /// <summary>Last day of the seat; null while it lasts.</summary>
    public DateOnly? ActiveTo { get; set; }

    public bool IsActiveOn(DateOnly day) => ActiveFrom <= day && (ActiveTo is null || day <= ActiveTo);
}

public enum SessionStatus
{
    Scheduled = 0,
    Closed = 1,
}

/// <summary>جلسة اللجنة: a meeting with its attendees and agenda. Numbered per association and Hijri year.</summary>
public sealed class CommitteeSession : ITenantOwned, IAudited
{
    public const int MaxPlace = TextLimits.Line;
    public const string NumberCounterPrefix = "committee-session-";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>e.g. <c>1447/03</c>: the third session of 1447.</summary>
    public required string Number { get; set; }

    public int HijriYear { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Place { get; set; }
    public SessionStatus Status { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public static string FormatNumber(int hijriYear, long sequence) => FormattableString.Invariant($"{hijriYear}/{sequence:00}");
}

/// <summary>A member recorded as present at a session; only they count for the quorum and may vote.</summary>
public sealed class SessionAttendee : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SessionId { get; set; }
    public Guid UserId { get; set; }
}

public enum AgendaItemStatus
{
    Open = 0,
    Decided = 1,
}

/// <summary>
/// One request on a session's agenda. The chair closes it with the decision; closing applies the matching
/// transition to the request in the same transaction. <see cref="Version"/> makes a second close fail.
/// </summary>
public sealed class AgendaItem : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SessionId { get; set; }
    public Guid RequestId { get; set; }
    public int Position { get; set; }
    public AgendaItemStatus Status { get; set; }
    public CommitteeDecision? Decision { get; set; }
    public string? Reasons { get; set; }
    public List<Guid> ApprovedServiceIds { get; set; } = [];
    public long? ApprovedAmountHalalas { get; set; }

    public const int MaxPolicyVersionsLength = 2000;

    /// <summary>The decision's reasons are also the note of the request's history row, so they share its limit.</summary>
    public const int MaxReasons = RequestHistory.MaxNote;

    /// <summary>
    /// The approved policy documents in force when decided, e.g. "سياسة علاقات المستفيدين: الإصدار 1 (جلسة المجلس 5، 3/7/1447 هـ)؛ …"
    /// (see <see cref="CommitteeSeats.PolicyVersionsText"/>).
    /// </summary>
    public string? PolicyVersions { get; set; }

    /// <summary>The tally when closed, kept with the decision for the minutes.</summary>
    public int VotesApprove { get; set; }
    public int VotesReject { get; set; }
    public int Abstentions { get; set; }
    public int Recusals { get; set; }

    public Guid? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum VoteChoice
{
    Approve = 1,
    Reject = 2,
    Abstain = 3,

    /// <summary>تعارض مصالح: the member steps aside from this item and never sees its tally.</summary>
    Recuse = 4,
}

/// <summary>One member's vote on one item (unique): changeable until the item is closed.</summary>
public sealed class CommitteeVote : ITenantOwned, IAudited
{
    public const int MaxReason = TextLimits.Note;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid AgendaItemId { get; set; }
    public Guid UserId { get; set; }
    public VoteChoice Choice { get; set; }

    /// <summary>The reason for the vote, or the conflict-of-interest statement for a recusal.</summary>
    public required string Reason { get; set; }

    public DateTime CastAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> builder)
    {
        builder.HasIndex(m => new { m.TenantId, m.UserId, m.ActiveFrom }).IsUnique();
        builder.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitteeSessionConfiguration : IEntityTypeConfiguration<CommitteeSession>
{
    public void Configure(EntityTypeBuilder<CommitteeSession> builder)
    {
        builder.Property(s => s.Number).HasMaxLength(20);
        builder.Property(s => s.Place).HasMaxLength(CommitteeSession.MaxPlace);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.TenantId, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.TenantId, s.HeldOn });
    }
}

internal sealed class SessionAttendeeConfiguration : IEntityTypeConfiguration<SessionAttendee>
{
    public void Configure(EntityTypeBuilder<SessionAttendee> builder)
    {
        builder.HasIndex(a => new { a.TenantId, a.SessionId, a.UserId }).IsUnique();
        builder.HasOne<CommitteeSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(i => i.Reasons).HasMaxLength(4000);
        builder.Property(i => i.PolicyVersions).HasMaxLength(AgendaItem.MaxPolicyVersionsLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.TenantId, i.SessionId, i.RequestId }).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.RequestId, i.Status });
        // Open items are a few hundred of a million: counted per session (the committee's home) from this small index.
        builder.HasIndex(i => new { i.TenantId, i.SessionId, i.Status }).HasDatabaseName("IX_AgendaItems_Open").HasFilter("[Status] = 0");
        builder.HasOne<CommitteeSession>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(i => i.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitteeVoteConfiguration : IEntityTypeConfiguration<CommitteeVote>
{
    public void Configure(EntityTypeBuilder<CommitteeVote> builder)
    {
        builder.Property(v => v.Reason).HasMaxLength(CommitteeVote.MaxReason);
        builder.HasIndex(v => new { v.TenantId, v.AgendaItemId, v.UserId }).IsUnique();
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(v => v.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
