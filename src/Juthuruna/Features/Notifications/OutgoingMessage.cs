using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Notifications;

public enum MessageChannel
{
    Email = 1,
    Sms = 2,
}

/// <summary>What a message is about; decides whether a beneficiary's opt-out applies (<see cref="MessageRules"/>).</summary>
public enum MessageKind
{
    DecisionDueSoon = 1,
    DecisionOverdue = 2,
    RequestReceived = 3,
    ReturnedForCompletion = 4,
    Decision = 5,
    Registration = 6,
    Survey = 7,
    Otp = 8,
    ComplaintAnswered = 9,
}

/// <summary>
/// One delivery over one channel: an e-mail or an SMS, written in the same transaction as what caused it
/// (a staff <see cref="Notification"/>, later a portal one-time code…) and sent by the dispatcher.
/// Kept apart from <see cref="Notification"/> because a notification is a staff member's in-app item
/// (read/unread), while a message is a channel's delivery with its own address, text, attempts and lease,
/// and portal messages go to beneficiaries who have no inbox at all.
/// </summary>
public sealed class OutgoingMessage : ITenantOwned
{
    public const int MaxRecipientLength = 256;
    public const int MaxSubjectLength = 300;
    public const int MaxErrorLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public MessageKind Kind { get; set; }
    public MessageChannel Channel { get; set; }

    /// <summary>The staff notification this message delivers, when there is one.</summary>
    public Guid? NotificationId { get; set; }

    /// <summary>
    /// Unique per association, so a message is created once: <c>{notification's key}:{channel}</c> for a
    /// notification's delivery, e.g. <c>DecisionOverdue:{requestId}:{userId}:Email</c>.
    /// </summary>
    public required string DedupKey { get; set; }

    /// <summary>An e-mail address or an international mobile number (+9665…).</summary>
    public required string Recipient { get; set; }

    /// <summary>E-mail only; empty for an SMS.</summary>
    public string Subject { get; set; } = "";

    public required string Body { get; set; }

    /// <summary>
    /// When the body carries a secret (a one-time code): the text that replaces it once the message is sent or given
    /// up, so the secret is readable in this table only while it waits to go; null otherwise.
    /// </summary>
    public string? KeptBody { get; set; }
    public DeliveryStatus Status { get; set; }

    /// <summary>Sending attempts begun (counted when claimed, so a node that dies mid-send still counts one).</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>While set in the future, one dispatcher holds the message; once past, another may retry it.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>The claim of the dispatcher holding the lease: only it may record the outcome.</summary>
    public Guid? ClaimToken { get; set; }

    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
}

internal sealed class OutgoingMessageConfiguration : IEntityTypeConfiguration<OutgoingMessage>
{
    public void Configure(EntityTypeBuilder<OutgoingMessage> builder)
    {
        builder.Property(m => m.DedupKey).HasMaxLength(220);
        builder.Property(m => m.Recipient).HasMaxLength(OutgoingMessage.MaxRecipientLength);
        builder.Property(m => m.Subject).HasMaxLength(OutgoingMessage.MaxSubjectLength);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.Property(m => m.KeptBody).HasMaxLength(4000);
        builder.Property(m => m.LastError).HasMaxLength(OutgoingMessage.MaxErrorLength);
        builder.HasIndex(m => new { m.TenantId, m.DedupKey }).IsUnique();
        // The dispatcher's query: due pending messages of one association.
        builder.HasIndex(m => new { m.TenantId, m.Status, m.NextAttemptAtUtc });
        builder.HasOne<Notification>().WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Which messages a beneficiary's opt-out holds back.</summary>
public static class MessageRules
{
    /// <summary>
    /// Essential messages carry the service itself (codes, the request's progress, the decision, an answer
    /// to the beneficiary's complaint) and are always sent; a survey invitation is non-essential.
    /// </summary>
    public static bool IsEssential(MessageKind kind) => kind != MessageKind.Survey;

    public static bool MaySend(MessageKind kind, bool nonEssentialOptOut) => !nonEssentialOptOut || IsEssential(kind);
}
