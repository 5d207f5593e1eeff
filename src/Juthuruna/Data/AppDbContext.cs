using System.Linq.Expressions;
using System.Reflection;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Branches;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Counters;
using Juthuruna.Features.Services;
using Juthuruna.Identity;
using Juthuruna.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Juthuruna.Data;

/// <summary>
/// The application's unit of work and query surface (no repository layer on top). One instance serves
/// one tenant, fixed at construction: every <see cref="ITenantOwned"/> query is filtered to it by the
/// named filter <see cref="TenantFilter"/>, and <see cref="SaveChangesAsync(bool, CancellationToken)"/>
/// stamps new rows and refuses rows of any other tenant. No tenant means no rows (fail closed).
/// </summary>
public sealed class AppDbContext
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid, ApplicationUserClaim, ApplicationUserRole,
        ApplicationUserLogin, ApplicationRoleClaim, ApplicationUserToken>
{
    public const string TenantFilter = "Tenant";

    // Read by the query filter; EF turns it into a parameter bound to this instance on every query.
    private readonly Guid? _tenantId;

    public AppDbContext(DbContextOptions<AppDbContext> options, TenantContext tenantContext)
        : base(options)
    {
        _tenantId = tenantContext.TenantId;
    }

    /// <summary>The tenant this instance was built for; null for an anonymous, tenant-less scope.</summary>
    public Guid? TenantId => _tenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<StaffDirectoryEntry> StaffDirectory => Set<StaffDirectoryEntry>();
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<TenantCounter> TenantCounters => Set<TenantCounter>();
    public DbSet<Beneficiary> Beneficiaries => Set<Beneficiary>();
    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();
    public DbSet<SupportService> SupportServices => Set<SupportService>();
    public DbSet<ServiceRequirement> ServiceRequirements => Set<ServiceRequirement>();
    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();
    public DbSet<RequestHistory> RequestHistory => Set<RequestHistory>();
    public DbSet<Declaration> Declarations => Set<Declaration>();
    public DbSet<DeclarationTemplate> DeclarationTemplates => Set<DeclarationTemplate>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<DocumentCheck> DocumentChecks => Set<DocumentCheck>();
    public DbSet<Features.Settings.TenantHoliday> TenantHolidays => Set<Features.Settings.TenantHoliday>();
    public DbSet<Contact> Contacts => Set<Contact>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored in UTC; SQLite forgets DateTimeKind, so restore it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var clrType in builder.Model.GetEntityTypes()
                     .Select(e => e.ClrType)
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t))
                     .ToList())
        {
            ApplyTenantFilterMethod.MakeGenericMethod(clrType).Invoke(this, [builder]);
        }
    }

    private static readonly MethodInfo ApplyTenantFilterMethod =
        typeof(AppDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.Instance | BindingFlags.NonPublic)!;

    private void ApplyTenantFilter<TEntity>(ModelBuilder builder)
        where TEntity : class, ITenantOwned
    {
        Expression<Func<TEntity, bool>> filter = e => e.TenantId == _tenantId;
        var entity = builder.Entity<TEntity>();
        entity.HasQueryFilter(TenantFilter, filter);
        entity.HasIndex(e => e.TenantId);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnforceTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnforceTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void EnforceTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    if (_tenantId is not { } tenantId)
                    {
                        throw new TenantMismatchException(
                            $"Cannot add {entry.Metadata.ClrType.Name}: this unit of work has no tenant.");
                    }

                    if (entry.Entity.TenantId == Guid.Empty)
                    {
                        entry.Entity.TenantId = tenantId;
                    }
                    else if (entry.Entity.TenantId != tenantId)
                    {
                        throw Mismatch(entry);
                    }

                    break;

                case EntityState.Modified or EntityState.Deleted:
                    // Not IsModified: DbSet.Update (Identity uses it) marks every property modified.
                    var tenantProperty = entry.Property(e => e.TenantId);
                    if (tenantProperty.CurrentValue != tenantProperty.OriginalValue || tenantProperty.OriginalValue != _tenantId)
                    {
                        throw Mismatch(entry);
                    }

                    break;
            }
        }
    }

    private TenantMismatchException Mismatch(EntityEntry<ITenantOwned> entry) =>
        new($"{entry.Metadata.ClrType.Name} belongs to another tenant than this unit of work ({_tenantId?.ToString() ?? "none"}); refusing to save.");
}
