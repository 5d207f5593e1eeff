using Juthuruna.Features.Audit;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Deliveries;

public enum ReceiptKind
{
    /// <summary>The beneficiary signed a receipt; its scan is attached.</summary>
    SignatureScan = 1,

    /// <summary>No paper receipt (e.g. a bank transfer): the officer notes the reference.</summary>
    Note = 2,
}

/// <summary>تسليم الخدمة (policy step 7): one delivery of an approved service, whole or partial.</summary>
public sealed class ServiceDelivery : ITenantOwned, IAudited
{
    public const string FileOwnerKind = nameof(ServiceDelivery);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RequestId { get; set; }
    public Guid ServiceId { get; set; }
    public int? Quantity { get; set; }
    public long? AmountHalalas { get; set; }
    public DateOnly DeliveredOn { get; set; }
    public Guid DeliveredBy { get; set; }
    public ReceiptKind ReceiptKind { get; set; }
    public Guid? ReceiptFileId { get; set; }
    public string? ReceiptNote { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>Generated when the form is shown: the same form posted twice records one delivery.</summary>
    public Guid IdempotencyKey { get; set; }
}

internal sealed class ServiceDeliveryConfiguration : IEntityTypeConfiguration<ServiceDelivery>
{
    public void Configure(EntityTypeBuilder<ServiceDelivery> builder)
    {
        builder.Property(d => d.ReceiptNote).HasMaxLength(1000);
        builder.HasIndex(d => new { d.TenantId, d.RequestId, d.DeliveredOn });
        // The board's report counts the files served in a period from the period's deliveries (ADR 0022).
        builder.HasIndex(d => new { d.TenantId, d.DeliveredOn, d.RequestId });
        builder.HasIndex(d => new { d.TenantId, d.IdempotencyKey }).IsUnique();
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Services.SupportService>().WithMany().HasForeignKey(d => d.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
