using Juthuruna.Features.Audit;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Portal;

/// <summary>
/// A one-time code sent to the registered mobile of a request's beneficiary so they can follow it on the portal.
/// Only the code's HMAC is kept (keyed with a salt of its own), so a copy of the database does not reveal live codes.
/// </summary>
public sealed class PortalChallenge : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RequestId { get; set; }
    public Guid BeneficiaryId { get; set; }

    /// <summary>Lower-case hex HMAC-SHA256 of the code, keyed with <see cref="Salt"/>.</summary>
    public required string CodeHash { get; set; }

    /// <summary>Lower-case hex, 16 random bytes.</summary>
    public required string Salt { get; set; }

    public DateTime ExpiresAtUtc { get; set; }
    public int FailedAttempts { get; set; }
    public DateTime? UsedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// A document a beneficiary uploaded through the portal for a request returned for completion. The stored file hangs
/// off this row (<c>OwnerKind = "PortalUpload"</c>), so the two are saved together or not at all.
/// </summary>
public sealed class PortalUpload : ITenantOwned, IAudited
{
    public const string FileOwnerKind = "PortalUpload";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RequestId { get; set; }
    public Guid DocumentTypeId { get; set; }
    public Guid BeneficiaryId { get; set; }
    public DateTime UploadedAtUtc { get; set; }

    /// <summary>Generated when the form is shown: the same form posted twice stores one file.</summary>
    public Guid IdempotencyKey { get; set; }
}

public sealed class PortalChallengeConfiguration : IEntityTypeConfiguration<PortalChallenge>
{
    public void Configure(EntityTypeBuilder<PortalChallenge> builder)
    {
        builder.ToTable("PortalChallenges");
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.Salt).HasMaxLength(32).IsFixedLength();
        builder.HasIndex(c => new { c.TenantId, c.RequestId, c.CreatedAtUtc });
    }
}

public sealed class PortalUploadConfiguration : IEntityTypeConfiguration<PortalUpload>
{
    public void Configure(EntityTypeBuilder<PortalUpload> builder)
    {
        builder.ToTable("PortalUploads");
        builder.HasIndex(u => new { u.TenantId, u.RequestId });
        builder.HasIndex(u => new { u.TenantId, u.IdempotencyKey }).IsUnique();
        builder.HasOne<Services.DocumentType>().WithMany().HasForeignKey(u => u.DocumentTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}
