using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Contacts;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        // The same form posted twice makes one row.
        builder.HasIndex(c => new { c.TenantId, c.IdempotencyKey }).IsUnique();
        // The log newest first, by keyset: the id ends the key because it ends the order (ADR 0018).
        builder.HasIndex(c => new { c.TenantId, c.OccurredAtUtc, c.Id });
        builder.HasIndex(c => new { c.TenantId, c.BeneficiaryId, c.OccurredAtUtc });
        builder.HasIndex(c => new { c.TenantId, c.FollowUpOn });

        builder.Property(c => c.Summary).HasMaxLength(Contact.MaxSummary);
        builder.Property(c => c.Outcome).HasMaxLength(Contact.MaxOutcome);
        builder.Property(c => c.CallerName).HasMaxLength(Contact.MaxCallerName);
        builder.Property(c => c.CallerMobile).HasMaxLength(16);

        builder.HasOne(c => c.Beneficiary).WithMany().HasForeignKey(c => c.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Features.Branches.Branch>().WithMany().HasForeignKey(c => c.BranchId).OnDelete(DeleteBehavior.Restrict);
    }
}
