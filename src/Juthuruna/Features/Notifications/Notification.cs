using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Notifications;

public enum NotificationKind
{
    /// <summary>To the committee secretary: a request's decision is due within <c>DecisionWindow.AtRiskDays</c>.</summary>
    DecisionDueSoon = 1,

    /// <summary>To the manager: a request's decision window has passed without a decision.</summary>
    DecisionOverdue = 2,
}

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// The outbox: a message for one staff member, written in the same transaction as what caused it. Staff
/// read it in the app now; a later dispatcher sends the pending ones by e-mail/SMS and marks them sent.
/// <see cref="DedupKey"/> is unique per association, so a job that runs twice raises a message once.
/// </summary>
public sealed class Notification : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public NotificationKind Kind { get; set; }
    public Guid RecipientUserId { get; set; }
    public Guid? RequestId { get; set; }

    /// <summary>e.g. <c>DecisionOverdue:{requestId}:{userId}</c>.</summary>
    public required string DedupKey { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAtUtc { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.DedupKey).HasMaxLength(200);
        builder.HasIndex(n => new { n.TenantId, n.DedupKey }).IsUnique();
        // The inbox, in its own order (newest first, the id breaking ties): a page is read from here and stops.
        builder.HasIndex(n => new { n.TenantId, n.RecipientUserId, n.CreatedAtUtc, n.Id });
        // The bell on every page: the unread ones only (most notifications are read).
        builder.HasIndex(n => new { n.TenantId, n.RecipientUserId }).HasDatabaseName("IX_Notifications_Unread").HasFilter("[ReadAtUtc] IS NULL");
        builder.HasIndex(n => new { n.TenantId, n.Status, n.CreatedAtUtc });
    }
}
