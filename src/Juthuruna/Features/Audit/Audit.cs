using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Juthuruna.Features.Audit;

/// <summary>
/// Marks an entity whose creates, updates and deletes AppDbContext records in <see cref="AuditEntry"/>
/// rows, in the same SaveChanges. Owned children (income sources, household members, address) are
/// recorded on their owner's row, with field names like <c>IncomeSources[id].MonthlyHalalas</c>.
/// </summary>
public interface IAudited;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
    Transition = 4,
    Viewed = 5,

    /// <summary>A list written out to a file (issue 16): which list, the format, the filters and the number of rows.</summary>
    Exported = 6,

    // Staff account events (issue 17, item 11), on the record kind "ApplicationUser" (Features/Staff/AccountEvents).
    SignedIn = 7,
    SignInFailed = 8,
    Disabled = 9,
    Enabled = 10,
    RolesChanged = 11,
    PasswordReset = 12,
    Unlocked = 13,

    /// <summary>Reserved for two-factor sign-in (issue 17, item 8): an administrator resetting a user's authenticator.</summary>
    TwoFactorReset = 14,
}

public sealed class AuditEntry : ITenantOwned
{
    public const string SystemUser = "system";

    /// <summary>A beneficiary acting on the association's public portal (no staff account), e.g. applying online.</summary>
    public const string PortalUser = "portal";

    /// <summary>Someone at the sign-in form who did not get in: the e-mail they typed is in the entry's changes.</summary>
    public const string SignInUser = "sign-in";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The acting user's id, <see cref="PortalUser"/> for the public portal, or <see cref="SystemUser"/> for seed and background work.</summary>
    public required string UserId { get; set; }

    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>Compact JSON: <c>{"Field":{"old":..,"new":..}}</c>; null for Viewed.</summary>
    public string? Changes { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.UserId).HasMaxLength(40);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(40);
        // The audit log is read newest first by keyset on (AtUtc, Id) (ADR 0021): one index per filter, each ending with
        // (AtUtc, Id), so a page of any single filter reads only its own rows — every entry, one record's trail, one
        // record kind, one actor, one action.
        builder.HasIndex(a => new { a.TenantId, a.AtUtc, a.Id });
        builder.HasIndex(a => new { a.TenantId, a.EntityType, a.EntityId, a.AtUtc, a.Id });
        builder.HasIndex(a => new { a.TenantId, a.EntityType, a.AtUtc, a.Id });
        builder.HasIndex(a => new { a.TenantId, a.UserId, a.AtUtc, a.Id });
        builder.HasIndex(a => new { a.TenantId, a.Action, a.AtUtc, a.Id });
    }
}

/// <summary>The acting user of this scope; set by the web host from the sign-in claim, null for background work.</summary>
public sealed class CurrentUser
{
    public Guid? UserId { get; private set; }

    /// <summary>The scope acts for the public portal: audited as <see cref="AuditEntry.PortalUser"/>, never as a staff member.</summary>
    public bool IsPortal { get; private set; }

    public void Use(Guid userId) => UserId = userId;

    public void UsePortal()
    {
        UserId = null;
        IsPortal = true;
    }

    /// <summary>What the audit trail records as the actor.</summary>
    public string AuditName => UserId?.ToString() ?? (IsPortal ? AuditEntry.PortalUser : AuditEntry.SystemUser);
}

public sealed record FieldChange(string Field, object? Old, object? New);

/// <summary>Builds the compact change JSON; unchanged fields are left out.</summary>
public static class AuditChanges
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string? ToJson(IEnumerable<FieldChange> changes)
    {
        var root = new JsonObject();
        foreach (var change in changes)
        {
            if (Equals(change.Old, change.New))
            {
                continue;
            }

            root[change.Field] = new JsonObject
            {
                ["old"] = JsonSerializer.SerializeToNode(change.Old, Options),
                ["new"] = JsonSerializer.SerializeToNode(change.New, Options),
            };
        }

        return root.Count == 0 ? null : root.ToJsonString(Options);
    }

    /// <summary>
    /// Reads the JSON back for display: field, old, new (as text). A field whose value is not an {old, new} pair (an
    /// entry written by other code in its own shape) is shown as its new value; anything unreadable as one row of raw
    /// text — the audit log never fails to show an entry.
    /// </summary>
    public static IReadOnlyList<(string Field, string? Old, string? New)> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            if (JsonNode.Parse(json) is not JsonObject node)
            {
                return [("", null, json)];
            }

            return node.Select(p => p.Value is JsonObject pair && (pair.ContainsKey("old") || pair.ContainsKey("new"))
                ? (p.Key, Text(pair["old"]), Text(pair["new"]))
                : (p.Key, (string?)null, Text(p.Value))).ToList();
        }
        catch (JsonException)
        {
            return [("", null, json)];
        }
    }

    private static string? Text(JsonNode? node) =>
        node is null ? null : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
}

/// <summary>
/// Access log: who opened which file (architecture: the association keeps this trail). Opening a file is a read; its
/// "Viewed" row is handed to <see cref="AccessLogBuffer"/> and written in batches off the request's path, so a page
/// view never waits for the database's write lock (ADR 0013). Only when the queue is full or stopped is the row
/// written here, at once — a view is never dropped.
/// </summary>
public sealed class AccessLog(Data.AppDbContext db, CurrentUser currentUser, TimeProvider clock, AccessLogBuffer queue)
{
    public async Task RecordViewAsync(string entityType, Guid entityId, CancellationToken ct)
    {
        var tenantId = db.TenantId ?? throw new InvalidOperationException("A view is recorded inside a tenant's scope.");
        var view = new RecordedView(tenantId, currentUser.AuditName, clock.GetUtcNow().UtcDateTime, entityType, entityId.ToString());
        if (queue.TryEnqueue(view))
        {
            return;
        }

        db.Add(view.ToEntry());
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>One "Viewed" row waiting to be written: everything is fixed when the file is opened, tenant included.</summary>
public sealed record RecordedView(Guid TenantId, string UserId, DateTime AtUtc, string EntityType, string EntityId)
{
    public AuditEntry ToEntry() => new()
    {
        TenantId = TenantId,
        AtUtc = AtUtc,
        UserId = UserId,
        Action = AuditAction.Viewed,
        EntityType = EntityType,
        EntityId = EntityId,
    };
}

public sealed class AccessLogOptions
{
    /// <summary>Views waiting at most; past it a view is written by its own request (never dropped).</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>Rows written per transaction at most.</summary>
    public int MaxBatch { get; set; } = 500;

    /// <summary>How long the writer gathers views before writing them: the most a view can be lost by a crash.</summary>
    public int BatchDelayMilliseconds { get; set; } = 500;
}

/// <summary>
/// The views waiting to be written (a bounded in-process channel) and the one writer of them. The host's background
/// service calls <see cref="FlushAsync"/> every <see cref="AccessLogOptions.BatchDelayMilliseconds"/> and on shutdown;
/// the audit log page calls it before it reads, so the log is complete to its reader. Each tenant's rows are written
/// from that tenant's own scope (the tenant filter and SaveChanges checks apply as everywhere), in one short
/// transaction per tenant and batch.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore's wait handle is never created; disposing it let the host break the last flush at shutdown.")]
public sealed partial class AccessLogBuffer(TenantScopeFactory scopes, IOptions<AccessLogOptions> options, ILogger<AccessLogBuffer> logger)
{
    private readonly Channel<RecordedView> _channel = Channel.CreateBounded<RecordedView>(
        new BoundedChannelOptions(Math.Max(1, options.Value.Capacity)) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });

    // Never disposed: its wait handle is never asked for, and the host may dispose this singleton before the writer's
    // StopAsync has written the last views (seen as an ObjectDisposedException at shutdown under load).
    private readonly SemaphoreSlim _writing = new(1, 1);

    public TimeSpan BatchDelay => TimeSpan.FromMilliseconds(Math.Max(0, options.Value.BatchDelayMilliseconds));

    /// <summary>False when the queue is full or stopped: the caller writes the view itself.</summary>
    public bool TryEnqueue(RecordedView view) => _channel.Writer.TryWrite(view);

    /// <summary>Waits until at least one view is waiting; false once the queue is stopped and empty.</summary>
    public ValueTask<bool> WaitForViewsAsync(CancellationToken ct) => _channel.Reader.WaitToReadAsync(ct);

    /// <summary>
    /// Writes every view queued before the call (and any that arrive meanwhile), batch by batch. Views taken from the
    /// channel stay in a pending list until their tenant's transaction commits, so a failed write (the database busy
    /// past its timeout) loses nothing: the next flush writes them, and a tenant already written is not written twice.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await _writing.WaitAsync(ct);
        try
        {
            var max = Math.Max(1, options.Value.MaxBatch);
            while (true)
            {
                while (_pending.Count < max && _channel.Reader.TryRead(out var view))
                {
                    _pending.Add(view);
                }

                if (_pending.Count == 0)
                {
                    return;
                }

                await WritePendingAsync();
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Stops taking views (later ones are written by their own request) and writes what is waiting.</summary>
    public async Task StopAsync()
    {
        _channel.Writer.TryComplete();
        await FlushAsync(CancellationToken.None);
    }

    // Views taken from the channel and not yet committed; only the holder of _writing touches it.
    private readonly List<RecordedView> _pending = [];

    private async Task WritePendingAsync()
    {
        var count = _pending.Count;
        foreach (var tenantId in _pending.Select(v => v.TenantId).Distinct().ToList())
        {
            // Saved whatever the caller's token says: these views have happened.
            await using var scope = scopes.BeginScope(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
            db.AddRange(_pending.Where(v => v.TenantId == tenantId).Select(v => v.ToEntry()));
            await db.SaveChangesAsync(CancellationToken.None);
            _pending.RemoveAll(v => v.TenantId == tenantId);
        }

        LogWritten(count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Access log: {Count} views written")]
    private partial void LogWritten(int count);
}
