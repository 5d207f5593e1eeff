using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Branches;

internal sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> builder)
    {
        builder.HasIndex(b => new { b.TenantId, b.Code }).IsUnique();
        builder.Property(b => b.Code).HasMaxLength(20);
        builder.Property(b => b.NameAr).HasMaxLength(200);
        builder.Property(b => b.NameEn).HasMaxLength(200);
        builder.Property(b => b.City).HasMaxLength(100);
        builder.Property(b => b.Address).HasMaxLength(300);
        builder.Property(b => b.Phone).HasMaxLength(30);
    }
}
