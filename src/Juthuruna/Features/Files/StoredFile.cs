using Juthuruna.Features.Audit;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Files;

/// <summary>An uploaded document, hung off any record by <see cref="OwnerKind"/> + <see cref="OwnerId"/>.</summary>
public sealed class StoredFile : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string OriginalName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>Relative to the storage root: <c>{tenantId}/{yyyy}/{MM}/{fileId}</c>; never the user's file name.</summary>
    public required string StorageKey { get; set; }

    public string? Description { get; set; }
    public Guid? UploadedBy { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public required string OwnerKind { get; set; }
    public Guid OwnerId { get; set; }
}

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("StoredFiles");
        builder.Property(f => f.OriginalName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.StorageKey).HasMaxLength(200);
        builder.Property(f => f.Description).HasMaxLength(500);
        builder.Property(f => f.OwnerKind).HasMaxLength(50);
        builder.HasIndex(f => new { f.TenantId, f.OwnerKind, f.OwnerId });
    }
}
