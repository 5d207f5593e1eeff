using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Identity;

// Identity's own unique indexes (user name, role name) are global; a user name or role name is unique
// within an association only (architecture rule 4), so they are replaced by tenant-prefixed ones.
internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        RemoveIndex(builder.Metadata, nameof(ApplicationUser.NormalizedUserName));
        RemoveIndex(builder.Metadata, nameof(ApplicationUser.NormalizedEmail));
        builder.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique().HasDatabaseName("UserNameIndex");
        builder.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).HasDatabaseName("EmailIndex");
        builder.Property(u => u.FullName).HasMaxLength(200);
    }

    internal static void RemoveIndex(Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType entityType, string propertyName)
    {
        var property = entityType.FindProperty(propertyName)!;
        var index = entityType.FindIndex(property);
        if (index is not null)
        {
            entityType.RemoveIndex(index);
        }
    }
}

internal sealed class ApplicationRoleConfiguration : IEntityTypeConfiguration<ApplicationRole>
{
    public void Configure(EntityTypeBuilder<ApplicationRole> builder)
    {
        ApplicationUserConfiguration.RemoveIndex(builder.Metadata, nameof(ApplicationRole.NormalizedName));
        builder.HasIndex(r => new { r.TenantId, r.NormalizedName }).IsUnique().HasDatabaseName("RoleNameIndex");
    }
}

internal sealed class StaffDirectoryEntryConfiguration : IEntityTypeConfiguration<StaffDirectoryEntry>
{
    public void Configure(EntityTypeBuilder<StaffDirectoryEntry> builder)
    {
        builder.ToTable("StaffDirectory");
        builder.HasKey(e => e.NormalizedEmail);
        builder.Property(e => e.NormalizedEmail).HasMaxLength(256);
        builder.HasIndex(e => e.UserId).IsUnique();
    }
}
