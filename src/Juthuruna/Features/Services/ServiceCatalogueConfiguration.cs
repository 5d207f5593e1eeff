using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Services;

internal sealed class DocumentTypeConfiguration : IEntityTypeConfiguration<DocumentType>
{
    public void Configure(EntityTypeBuilder<DocumentType> builder)
    {
        builder.HasIndex(d => new { d.TenantId, d.Code }).IsUnique();
        builder.Property(d => d.Code).HasMaxLength(20);
        builder.Property(d => d.NameAr).HasMaxLength(200);
        builder.Property(d => d.NameEn).HasMaxLength(200);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class SupportServiceConfiguration : IEntityTypeConfiguration<SupportService>
{
    public void Configure(EntityTypeBuilder<SupportService> builder)
    {
        builder.HasIndex(s => new { s.TenantId, s.Code }).IsUnique();
        builder.Property(s => s.Code).HasMaxLength(20);
        builder.Property(s => s.NameAr).HasMaxLength(200);
        builder.Property(s => s.NameEn).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(SupportService.MaxDescription);
        builder.Property(s => s.Version).IsConcurrencyToken();

        builder.HasMany(s => s.Requirements).WithOne().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceRequirementConfiguration : IEntityTypeConfiguration<ServiceRequirement>
{
    public void Configure(EntityTypeBuilder<ServiceRequirement> builder)
    {
        builder.HasIndex(r => new { r.TenantId, r.ServiceId, r.DocumentTypeId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.DocumentTypeId });
        // A document type in use is deactivated, never deleted.
        builder.HasOne<DocumentType>().WithMany().HasForeignKey(r => r.DocumentTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Id).ValueGeneratedNever();
    }
}
