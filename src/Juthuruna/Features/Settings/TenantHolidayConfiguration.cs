using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Settings;

internal sealed class TenantHolidayConfiguration : IEntityTypeConfiguration<TenantHoliday>
{
    public void Configure(EntityTypeBuilder<TenantHoliday> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(TenantHoliday.MaxName);
        builder.HasIndex(h => new { h.TenantId, h.Date }).IsUnique();
    }
}
