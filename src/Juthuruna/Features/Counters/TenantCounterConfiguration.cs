using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Counters;

internal sealed class TenantCounterConfiguration : IEntityTypeConfiguration<TenantCounter>
{
    public void Configure(EntityTypeBuilder<TenantCounter> builder)
    {
        builder.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(100);
    }
}
