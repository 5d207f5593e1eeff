using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Tenancy;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(50);
        builder.Property(t => t.NameAr).HasMaxLength(200);
        builder.Property(t => t.NameEn).HasMaxLength(200);
        builder.Property(t => t.LicenceNumber).HasMaxLength(50);
        builder.Property(t => t.City).HasMaxLength(100);
        builder.Property(t => t.Address).HasMaxLength(300);
        builder.Property(t => t.Phone).HasMaxLength(30);
        builder.Property(t => t.Email).HasMaxLength(256);
        builder.Property(t => t.LogoContentType).HasMaxLength(50);
        builder.ComplexProperty(t => t.Settings, s =>
        {
            s.Property(x => x.NumberPrefix).HasMaxLength(10);
            s.Property(x => x.LetterSignatoryName).HasMaxLength(200);
            s.Property(x => x.LetterSignatoryTitle).HasMaxLength(200);
        });
    }
}
