using Juthuruna.Data;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Identity;

public enum SignInSessionKind
{
    /// <summary>A staff member's sign-in cookie; the subject is the user.</summary>
    Staff = 1,

    /// <summary>A beneficiary's portal cookie, opened with a one-time code; the subject is the beneficiary.</summary>
    Portal = 2,
}

/// <summary>
/// One signed-in browser, known on the server. The cookie carries this row's id; a cookie whose row is gone is refused,
/// so signing out (which deletes the row) ends that cookie everywhere it was copied, while the person's other sessions
/// go on (ADR 0011).
/// </summary>
public sealed class SignInSession : ITenantOwned
{
    // Random, not time-ordered: the id is only ever read back from the protected cookie, never listed.
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public SignInSessionKind Kind { get; set; }
    public Guid SubjectId { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Last request seen, to within <see cref="SignInSessions.SeenResolution"/>: rows unseen for long are purged.</summary>
    public DateTime SeenAtUtc { get; set; }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.HasIndex(s => new { s.TenantId, s.SeenAtUtc });
    }
}

/// <summary>Starts, ends and keeps alive the server-side record of sign-in cookies (staff and portal alike).</summary>
public sealed class SignInSessions(AppDbContext db, TimeProvider clock)
{
    /// <summary>How stale <see cref="SignInSession.SeenAtUtc"/> may get before a request writes it again: one write an hour, not one a request.</summary>
    public static readonly TimeSpan SeenResolution = TimeSpan.FromHours(1);

    /// <summary>
    /// Unseen for this long, no cookie can still be valid (the staff cookie slides over 10 hours, the portal's lasts 30
    /// minutes), so the row is deleted.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private const int PurgeBatch = 50;

    public async Task<Guid> StartAsync(SignInSessionKind kind, Guid subjectId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - Retention;
        await db.SignInSessions.Where(s => s.SeenAtUtc < cutoff).OrderBy(s => s.SeenAtUtc).Take(PurgeBatch).ExecuteDeleteAsync(ct);
        var session = new SignInSession { Kind = kind, SubjectId = subjectId, CreatedAtUtc = now, SeenAtUtc = now };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>Whether the session is still open for this subject; keeps it alive when it was last seen long ago.</summary>
    public async Task<bool> IsOpenAsync(Guid sessionId, SignInSessionKind kind, Guid subjectId, CancellationToken ct)
    {
        var seen = await db.SignInSessions.AsNoTracking().Where(s => s.Id == sessionId && s.Kind == kind && s.SubjectId == subjectId)
            .Select(s => (DateTime?)s.SeenAtUtc).SingleOrDefaultAsync(ct);
        if (seen is { } at)
        {
            await SeenAsync(sessionId, at, ct);
        }

        return seen is not null;
    }

    /// <summary>Records a request of the session when <paramref name="lastSeenUtc"/> is older than <see cref="SeenResolution"/>.</summary>
    public async Task SeenAsync(Guid sessionId, DateTime lastSeenUtc, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - lastSeenUtc >= SeenResolution)
        {
            await db.SignInSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.SeenAtUtc, now), ct);
        }
    }

    /// <summary>Ends the session: its cookie, wherever it was copied, is refused from the next request on.</summary>
    public Task EndAsync(Guid sessionId, CancellationToken ct) =>
        db.SignInSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);
}
