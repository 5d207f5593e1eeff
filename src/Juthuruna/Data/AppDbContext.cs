using System.Linq.Expressions;
using System.Reflection;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Branches;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Counters;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Files;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.Research;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

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
    private readonly CurrentUser _currentUser;
    private readonly TimeProvider _clock;

    public AppDbContext(DbContextOptions<AppDbContext> options, TenantContext tenantContext, CurrentUser currentUser, TimeProvider clock)
        : base(options)
    {
        _tenantId = tenantContext.TenantId;
        _currentUser = currentUser;
        _clock = clock;
    }

    /// <summary>For design-time tools and model tests: no acting user, the system clock.</summary>
    public AppDbContext(DbContextOptions<AppDbContext> options, TenantContext tenantContext)
        : this(options, tenantContext, new CurrentUser(), TimeProvider.System)
    {
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
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ResearchReport> ResearchReports => Set<ResearchReport>();
    public DbSet<Features.Committee.CommitteeMember> CommitteeMembers => Set<Features.Committee.CommitteeMember>();
    public DbSet<Features.Committee.CommitteeSession> CommitteeSessions => Set<Features.Committee.CommitteeSession>();
    public DbSet<Features.Committee.SessionAttendee> SessionAttendees => Set<Features.Committee.SessionAttendee>();
    public DbSet<Features.Committee.AgendaItem> AgendaItems => Set<Features.Committee.AgendaItem>();
    public DbSet<Features.Committee.CommitteeVote> CommitteeVotes => Set<Features.Committee.CommitteeVote>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<ServiceDelivery> ServiceDeliveries => Set<ServiceDelivery>();
    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();
    public DbSet<Features.Notifications.OutgoingMessage> OutgoingMessages => Set<Features.Notifications.OutgoingMessage>();
    public DbSet<Features.Letters.Letter> Letters => Set<Features.Letters.Letter>();
    public DbSet<Features.Letters.LetterPdf> LetterPdfs => Set<Features.Letters.LetterPdf>();
    public DbSet<Features.Portal.PortalChallenge> PortalChallenges => Set<Features.Portal.PortalChallenge>();
    public DbSet<Features.Portal.PortalAttempt> PortalAttempts => Set<Features.Portal.PortalAttempt>();
    public DbSet<Features.Portal.PortalUpload> PortalUploads => Set<Features.Portal.PortalUpload>();
    public DbSet<Features.Policies.PolicyDocument> PolicyDocuments => Set<Features.Policies.PolicyDocument>();
    public DbSet<Features.Policies.PolicyVersion> PolicyVersions => Set<Features.Policies.PolicyVersion>();
    public DbSet<Features.Satisfaction.SurveyInvitation> SurveyInvitations => Set<Features.Satisfaction.SurveyInvitation>();
    public DbSet<Features.Satisfaction.SurveyResponse> SurveyResponses => Set<Features.Satisfaction.SurveyResponse>();
    public DbSet<Features.Feedback.FeedbackItem> FeedbackItems => Set<Features.Feedback.FeedbackItem>();
    public DbSet<Features.Feedback.FeedbackEvent> FeedbackEvents => Set<Features.Feedback.FeedbackEvent>();
    public DbSet<Identity.SignInSession> SignInSessions => Set<Identity.SignInSession>();
    public DbSet<NameToken> NameTokens => Set<NameToken>();
    public DbSet<Features.Import.ImportJob> ImportJobs => Set<Features.Import.ImportJob>();
    public DbSet<Features.Import.ImportedRecord> ImportedRecords => Set<Features.Import.ImportedRecord>();
    public DbSet<Features.Import.PastAid> PastAid => Set<Features.Import.PastAid>();
    public DbSet<Features.Import.ImportMapping> ImportMappings => Set<Features.Import.ImportMapping>();

    /// <summary>Maintained summary: decisions per day (ADR 0015).</summary>
    public DbSet<DecisionDay> DecisionDays => Set<DecisionDay>();

    /// <summary>Maintained summary: requests per state (ADR 0015).</summary>
    public DbSet<RequestStateCount> RequestStateCounts => Set<RequestStateCount>();

    /// <summary>Maintained summary: survey answers per month, service, channel and branch (ADR 0015).</summary>
    public DbSet<Features.Satisfaction.SurveyTally> SurveyTallies => Set<Features.Satisfaction.SurveyTally>();

    /// <summary>Maintained summaries of the board's report (ADR 0022): requests received and deferred, decisions, services given, contacts — per day.</summary>
    public DbSet<Features.Reports.RequestTally> RequestTallies => Set<Features.Reports.RequestTally>();

    public DbSet<Features.Reports.DecisionTally> DecisionTallies => Set<Features.Reports.DecisionTally>();

    public DbSet<Features.Reports.ServiceTally> ServiceTallies => Set<Features.Reports.ServiceTally>();

    public DbSet<Features.Reports.ContactTally> ContactTallies => Set<Features.Reports.ContactTally>();

    /// <summary>Platform-level: verification code → association and letter (the public page's only lookup).</summary>
    public DbSet<Features.Letters.LetterVerification> LetterVerifications => Set<Features.Letters.LetterVerification>();

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

        // The filter needs an index that starts with TenantId. Most entities' own indexes already do (every unique one
        // must); a single-column TenantId index beside them is only write cost, so it is made only for an entity that
        // has no unfiltered TenantId-first index of its own (issue 14). Configurations are applied before this runs.
        if (!entity.Metadata.GetIndexes().Any(i => i.Properties[0].Name == nameof(ITenantOwned.TenantId) && i.GetFilter() is null))
        {
            entity.HasIndex(e => e.TenantId);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        NameTokenIndex.SyncAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        WriteAudit();
        EnforceTenant();
        var tallies = Tallies.Collect(this);
        if (tallies.IsEmpty)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        // The rows and the summaries' increments commit together: in the caller's transaction, or in one of our own.
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var written = base.SaveChanges(acceptAllChangesOnSuccess: false);
        Tallies.Apply(this, tallies);
        own?.Commit();
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return written;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await NameTokenIndex.SyncAsync(this, cancellationToken);
        WriteAudit();
        EnforceTenant();
        var tallies = Tallies.Collect(this);
        if (tallies.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The rows and the summaries' increments commit together: in the caller's transaction, or in one of our own.
        // Changes are accepted only once both are written, so a failed increment leaves the entities as unsaved.
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        await Tallies.ApplyAsync(this, tallies, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return written;
    }

    /// <summary>
    /// One audit row per changed <see cref="IAudited"/> entity, added to this same SaveChanges (same
    /// transaction). Changes of owned children are folded into their owner's row.
    /// </summary>
    private void WriteAudit()
    {
        ChangeTracker.DetectChanges();
        var rows = new Dictionary<(Type Type, object Id), (AuditAction Action, List<FieldChange> Changes)>();
        // Entries() detects changes each time it is called: read once, and find owners by key in a dictionary (a
        // search per owned child made an import's batch of 200 files with their members take seconds: O(n²)).
        var entries = ChangeTracker.Entries().ToList();
        var byKey = new Dictionary<(IEntityType Type, string Key), EntityEntry>();
        foreach (var entry in entries)
        {
            if (entry.Metadata.FindPrimaryKey() is { } primaryKey)
            {
                byKey.TryAdd((entry.Metadata, KeyText(primaryKey.Properties.Select(p => entry.Property(p.Name).CurrentValue))), entry);
            }
        }

        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var (root, prefix) = RootOf(entry, byKey);
            if (root is null || !typeof(IAudited).IsAssignableFrom(root.Value.Type))
            {
                continue;
            }

            var ownAction = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            if (!rows.TryGetValue(root.Value, out var row))
            {
                // An owned child's change alone is an update of its owner.
                row = (prefix.Length == 0 ? ownAction : AuditAction.Updated, []);
                rows[root.Value] = row;
            }
            else if (prefix.Length == 0)
            {
                row = (ownAction, row.Changes);
                rows[root.Value] = row;
            }

            foreach (var property in entry.Properties)
            {
                var meta = property.Metadata;
                if (meta.IsShadowProperty() || meta.Name is nameof(ITenantOwned.TenantId) || (prefix.Length == 0 && meta.IsPrimaryKey()))
                {
                    continue;
                }

                var name = prefix + meta.Name;
                switch (entry.State)
                {
                    case EntityState.Added:
                        row.Changes.Add(new FieldChange(name, null, property.CurrentValue));
                        break;
                    case EntityState.Deleted:
                        row.Changes.Add(new FieldChange(name, property.OriginalValue, null));
                        break;
                    default:
                        if (property.IsModified)
                        {
                            row.Changes.Add(new FieldChange(name, property.OriginalValue, property.CurrentValue));
                        }

                        break;
                }
            }
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var userId = _currentUser.AuditName;
        foreach (var ((type, id), (action, changes)) in rows)
        {
            var json = AuditChanges.ToJson(changes);
            if (json is null && action == AuditAction.Updated)
            {
                continue;
            }

            Add(new AuditEntry
            {
                AtUtc = now,
                UserId = userId,
                Action = action,
                EntityType = type.Name,
                EntityId = Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)!,
                Changes = json,
            });
        }
    }

    /// <summary>The root entity (type, key) an entry belongs to and the field prefix for owned children.</summary>
    private static ((Type Type, object Id)? Root, string Prefix) RootOf(EntityEntry entry, Dictionary<(IEntityType Type, string Key), EntityEntry> byKey)
    {
        var prefix = "";
        var current = entry;
        while (current.Metadata.FindOwnership() is { } ownership)
        {
            var dependentKey = current.Metadata.FindPrimaryKey()!.Properties
                .Where(p => !ownership.Properties.Contains(p))
                .Select(p => current.Property(p.Name).CurrentValue)
                .FirstOrDefault();
            var segment = ownership.PrincipalToDependent!.Name + (ownership.IsUnique ? "" : $"[{dependentKey}]");
            prefix = segment + "." + prefix;
            var ownerKey = KeyText(ownership.Properties.Select(p => current.Property(p.Name).CurrentValue ?? current.Property(p.Name).OriginalValue));
            if (!byKey.TryGetValue((ownership.PrincipalEntityType, ownerKey), out var owner))
            {
                return (null, prefix);
            }

            current = owner;
        }

        if (current.Metadata.FindPrimaryKey() is not { Properties.Count: 1 } key)
        {
            return (null, prefix);
        }

        return ((current.Metadata.ClrType, current.Property(key.Properties[0].Name).CurrentValue!), prefix);
    }

    private static string KeyText(IEnumerable<object?> values) =>
        string.Join("\u001f", values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));

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
