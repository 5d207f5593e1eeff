using System.Security.Cryptography;
using System.Text;
using Juthuruna.Data;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
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
/// The portal's rate limits: a sliding window counted in the database with the injected clock. <see cref="CheckAsync"/>
/// says whether one more attempt is allowed; <see cref="Record"/> adds the attempt to the caller's unit of work, so it is
/// counted exactly when the caller saves (a refused attempt is never recorded).
/// </summary>
public sealed class PortalThrottle(AppDbContext db, TimeProvider clock)
{
    /// <summary>How many expired attempts one check deletes at most: keeps the check cheap while the table stays small.</summary>
    public const int PurgeBatch = 50;

    public async Task<ThrottleVerdict> CheckAsync(PortalLimit limit, string clientAddress, string? subject, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await PurgeAsync(now, ct);

        var since = now - limit.Window;
        var attempts = db.PortalAttempts.AsNoTracking().Where(a => a.Purpose == limit.Purpose && a.AtUtc > since);
        if (limit.Scope == PortalLimitScope.Subject)
        {
            var subjectKey = SubjectKey(subject);
            attempts = attempts.Where(a => a.SubjectKey == subjectKey);
        }
        else
        {
            var clientKey = ClientKey(clientAddress);
            attempts = attempts.Where(a => a.ClientKey == clientKey);
        }

        // The newest MaxAttempts: when all are in the window, the allowance frees as the oldest of them leaves it.
        var newest = await attempts.OrderByDescending(a => a.AtUtc).Select(a => a.AtUtc).Take(limit.MaxAttempts).ToListAsync(ct);
        return newest.Count < limit.MaxAttempts ? ThrottleVerdict.Allow : new ThrottleVerdict(false, newest[^1] + limit.Window);
    }

    /// <summary>Counts one attempt when the caller next saves.</summary>
    public void Record(PortalLimit limit, string clientAddress, string? subject)
    {
        db.PortalAttempts.Add(new PortalAttempt
        {
            Purpose = limit.Purpose,
            ClientKey = ClientKey(clientAddress),
            SubjectKey = subject is null ? null : SubjectKey(subject),
            AtUtc = clock.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>Check and, when allowed, record and save at once (for callers with nothing else to save).</summary>
    public async Task<ThrottleVerdict> TryAsync(PortalLimit limit, string clientAddress, string? subject, CancellationToken ct)
    {
        var verdict = await CheckAsync(limit, clientAddress, subject, ct);
        if (verdict.Allowed)
        {
            Record(limit, clientAddress, subject);
            await db.SaveChangesAsync(ct);
        }

        return verdict;
    }

    /// <summary>The stored stand-in for a client address: its SHA-256, so the table holds no IP addresses.</summary>
    public static string ClientKey(string clientAddress) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientAddress)));

    private static string SubjectKey(string? subject) =>
        subject is { Length: > 0 and <= PortalAttempt.KeyLength } ? subject : throw new ArgumentException("A per-subject limit needs a subject of at most 64 characters.", nameof(subject));

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
