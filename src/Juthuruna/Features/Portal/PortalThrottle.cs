using System.Security.Cryptography;
using System.Text;
using Juthuruna.Data;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Portal;

/// <summary>What a portal attempt was for; each purpose has its own <see cref="PortalLimit"/>.</summary>
public enum PortalAttemptPurpose
{
    /// <summary>A request looked up by number and identity number on the track page, matched or not.</summary>
    TrackLookup = 1,

    /// <summary>A one-time code sent for a request (counted per request: <see cref="PortalAttempt.SubjectKey"/>).</summary>
    CodeRequest = 2,

    /// <summary>A valid application form accepted for processing.</summary>
    Application = 3,
    FeedbackSubmission = 4,
    FeedbackLookup = 5,
}

/// <summary>Whether a limit counts the attempts of one client address or of one subject (e.g. one request).</summary>
public enum PortalLimitScope
{
    Client = 1,
    Subject = 2,
}

/// <summary>At most <paramref name="MaxAttempts"/> attempts of <paramref name="Purpose"/> within a sliding <paramref name="Window"/>.</summary>
public sealed record PortalLimit(PortalAttemptPurpose Purpose, int MaxAttempts, TimeSpan Window, PortalLimitScope Scope = PortalLimitScope.Client);

/// <summary>Every limit of the public portal, in one place.</summary>
public static class PortalLimits
{
    /// <summary>Guessing identity numbers on the track page is as slow as asking for codes.</summary>
    public static readonly PortalLimit TrackLookup = new(PortalAttemptPurpose.TrackLookup, 10, TimeSpan.FromMinutes(15));

    /// <summary>Per request, whoever asks: a beneficiary's phone is not flooded with codes.</summary>
    public static readonly PortalLimit CodeRequest = new(PortalAttemptPurpose.CodeRequest, 3, TimeSpan.FromMinutes(15), PortalLimitScope.Subject);

    public static readonly PortalLimit Application = new(PortalAttemptPurpose.Application, 5, TimeSpan.FromHours(1));
    public static readonly PortalLimit FeedbackSubmission = new(PortalAttemptPurpose.FeedbackSubmission, 5, TimeSpan.FromHours(1));
    public static readonly PortalLimit FeedbackLookup = new(PortalAttemptPurpose.FeedbackLookup, 20, TimeSpan.FromMinutes(15));

    /// <summary>Longer than every window: older attempts count for nothing and are deleted.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);
}

/// <param name="RetryAtUtc">When refused: when the allowance frees again (the counted attempt that leaves the window first).</param>
public sealed record ThrottleVerdict(bool Allowed, DateTime? RetryAtUtc = null)
{
    public static readonly ThrottleVerdict Allow = new(true);

    /// <summary>Time left until <see cref="RetryAtUtc"/> (zero when allowed), for a page or a Retry-After header.</summary>
    public TimeSpan RetryAfter(DateTime nowUtc) =>
        RetryAtUtc is { } at && at > nowUtc ? at - nowUtc : TimeSpan.Zero;
}

/// <summary>
/// One counted attempt on the association's portal. Kept per association (the portal's tenant), so one association's
/// visitors never slow another's; in the database, so limits hold across restarts and web nodes. The client address
/// is personal data: only its hash is stored.
/// </summary>
public sealed class PortalAttempt : ITenantOwned
{
    public const int KeyLength = 64;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public PortalAttemptPurpose Purpose { get; set; }

    /// <summary>Lower-case hex SHA-256 of the client address (<see cref="PortalThrottle.ClientKey"/>).</summary>
    public required string ClientKey { get; set; }

    /// <summary>What a per-subject limit counts (e.g. the request id for codes); null for per-client limits.</summary>
    public string? SubjectKey { get; set; }

    public DateTime AtUtc { get; set; }
}

internal sealed class PortalAttemptConfiguration : IEntityTypeConfiguration<PortalAttempt>
{
    public void Configure(EntityTypeBuilder<PortalAttempt> builder)
    {
        builder.Property(a => a.ClientKey).HasMaxLength(PortalAttempt.KeyLength).IsFixedLength();
        builder.Property(a => a.SubjectKey).HasMaxLength(PortalAttempt.KeyLength);
        builder.HasIndex(a => new { a.TenantId, a.Purpose, a.ClientKey, a.AtUtc });
        builder.HasIndex(a => new { a.TenantId, a.Purpose, a.SubjectKey, a.AtUtc });
        // The purge of old attempts deletes the oldest first.
        builder.HasIndex(a => new { a.TenantId, a.AtUtc });
    }
}

/// <summary>
/// The portal's rate limits: a sliding window counted in the database with the injected clock. <see cref="TryAsync"/>
/// records the attempt only if the window still has room, in one conditional INSERT: parallel attempts cannot all
/// see the same free count and all pass (count-then-record raced: six codes went out where three were allowed).
/// A refused attempt is never recorded.
/// </summary>
public sealed class PortalThrottle(AppDbContext db, TimeProvider clock)
{
    /// <summary>How many expired attempts one check deletes at most: keeps the check cheap while the table stays small.</summary>
    public const int PurgeBatch = 50;

    /// <summary>
    /// Counts one attempt if <paramref name="limit"/> allows it, atomically, and saves it at once (outside the caller's
    /// unit of work, unless the caller has a transaction open): allowed means counted.
    /// </summary>
    public async Task<ThrottleVerdict> TryAsync(PortalLimit limit, string clientAddress, string? subject, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await PurgeAsync(now, ct);

        var clientKey = ClientKey(clientAddress);
        var subjectKey = limit.Scope == PortalLimitScope.Subject || subject is not null ? SubjectKey(subject) : null;
        var counted = await RecordIfRoomAsync(limit, clientKey, subjectKey, now, ct);
        if (counted)
        {
            return ThrottleVerdict.Allow;
        }

        // Refused: the allowance frees as the oldest of the newest MaxAttempts counted attempts leaves the window.
        var since = now - limit.Window;
        var newest = await Counted(limit, clientKey, subjectKey).Where(a => a.AtUtc > since)
            .OrderByDescending(a => a.AtUtc).Select(a => a.AtUtc).Take(limit.MaxAttempts).ToListAsync(ct);
        return new ThrottleVerdict(false, newest.Count > 0 ? newest[^1] + limit.Window : now);
    }

    /// <summary>The stored stand-in for a client address: its SHA-256, so the table holds no IP addresses.</summary>
    public static string ClientKey(string clientAddress) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientAddress)));

    private static string SubjectKey(string? subject) =>
        subject is { Length: > 0 and <= PortalAttempt.KeyLength } ? subject : throw new ArgumentException("A per-subject limit needs a subject of at most 64 characters.", nameof(subject));

    /// <summary>The attempts a limit counts: of its purpose, and of one subject or one client.</summary>
    private IQueryable<PortalAttempt> Counted(PortalLimit limit, string clientKey, string? subjectKey)
    {
        var attempts = db.PortalAttempts.AsNoTracking().Where(a => a.Purpose == limit.Purpose);
        return limit.Scope == PortalLimitScope.Subject
            ? attempts.Where(a => a.SubjectKey == subjectKey)
            : attempts.Where(a => a.ClientKey == clientKey);
    }

    /// <summary>
    /// <c>INSERT … SELECT … WHERE (SELECT COUNT(*) …) &lt; max</c>: one statement that counts and records. SQLite runs a
    /// writing statement under the database's write lock from its first read; SQL Server is told to keep the counted
    /// range locked (UPDLOCK, HOLDLOCK) until the insert is done, so a second attempt waits and then sees the first.
    /// </summary>
    private async Task<bool> RecordIfRoomAsync(PortalLimit limit, string clientKey, string? subjectKey, DateTime now, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(PortalAttempt))!;
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        var lockCounted = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer" ? " WITH (UPDLOCK, HOLDLOCK)" : "";
        var scopeColumn = Column(limit.Scope == PortalLimitScope.Subject ? nameof(PortalAttempt.SubjectKey) : nameof(PortalAttempt.ClientKey));
        var subjectValue = subjectKey is null ? "NULL" : "{4}";
        var command =
            $"INSERT INTO {table} ({Column(nameof(PortalAttempt.Id))}, {Column(nameof(PortalAttempt.TenantId))}, {Column(nameof(PortalAttempt.Purpose))}, " +
            $"{Column(nameof(PortalAttempt.ClientKey))}, {Column(nameof(PortalAttempt.SubjectKey))}, {Column(nameof(PortalAttempt.AtUtc))}) " +
            $"SELECT {{0}}, {{1}}, {{2}}, {{3}}, {subjectValue}, {{5}} " +
            $"WHERE (SELECT COUNT(*) FROM {table}{lockCounted} WHERE {Column(nameof(PortalAttempt.TenantId))} = {{1}} " +
            $"AND {Column(nameof(PortalAttempt.Purpose))} = {{2}} AND {scopeColumn} = {{6}} AND {Column(nameof(PortalAttempt.AtUtc))} > {{7}}) < {{8}}";
        var scopeKey = limit.Scope == PortalLimitScope.Subject ? subjectKey! : clientKey;
        var tenantId = db.TenantId ?? throw new InvalidOperationException("The portal's association is not bound.");
        object[] values = [Guid.CreateVersion7(), tenantId, (int)limit.Purpose, clientKey, subjectKey ?? "", now, scopeKey, now - limit.Window, limit.MaxAttempts];
        return await db.Database.ExecuteSqlRawAsync(command, values, ct) == 1;
    }

    /// <summary>
    /// Deletes a bounded batch of this association's attempts older than <see cref="PortalLimits.Retention"/> (oldest
    /// first, by the (TenantId, AtUtc) index): every check takes a little, so the table never grows with old traffic.
    /// </summary>
    private Task<int> PurgeAsync(DateTime now, CancellationToken ct)
    {
        var cutoff = now - PortalLimits.Retention;
        return db.PortalAttempts.Where(a => a.AtUtc < cutoff).OrderBy(a => a.AtUtc).Take(PurgeBatch).ExecuteDeleteAsync(ct);
    }
}
