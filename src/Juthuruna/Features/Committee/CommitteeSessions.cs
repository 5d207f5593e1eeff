using Juthuruna.Common.Dates;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Counters;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Committee;

public sealed record NewCommitteeSession(DateOnly? HeldOn, string? Place);

/// <summary>
/// Sessions, attendance and the agenda: the secretary's work (or the chair's). The seat on the committee
/// is the authority, not the staff role: someone without a secretary or chair seat is refused (403).
/// </summary>
public sealed class CommitteeSessions(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private DateOnly Today => DualDate.Today(clock);

    /// <summary>Whether <paramref name="userId"/> may open sessions today (a secretary or chair seat).</summary>
    public async Task<bool> MayOpenSessionsAsync(Guid userId, CancellationToken ct) =>
        CommitteeSeats.KeepsMinutes(await CommitteeQueries.SeatAsync(db, userId, Today, ct));

    public async Task<CommitteeResult> CreateAsync(NewCommitteeSession command, Actor actor, CancellationToken ct)
    {
        if (!await MayOpenSessionsAsync(actor.UserId, ct))
        {
            return CommitteeResult.Denied;
        }

        var errors = new List<(string, string)>();
        if (command.HeldOn is null)
        {
            errors.Add((nameof(command.HeldOn), l["Enter the session's date."]));
        }

        if (string.IsNullOrWhiteSpace(command.Place))
        {
            errors.Add((nameof(command.Place), l["Enter where the session is held."]));
        }
        else if (!TextLimits.Fits(command.Place, CommitteeSession.MaxPlace))
        {
            errors.Add((nameof(command.Place), TextLimits.TooLong(l, CommitteeSession.MaxPlace)));
        }

        if (errors.Count > 0)
        {
            return new CommitteeResult(null, errors);
        }

        var heldOn = command.HeldOn!.Value;
        var hijriYear = DualDate.ToHijri(heldOn).Year;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sequence = await TenantCounters.NextAsync(db, CommitteeSession.NumberCounterPrefix + hijriYear, ct);
        var session = new CommitteeSession
        {
            Number = CommitteeSession.FormatNumber(hijriYear, sequence),
            HijriYear = hijriYear,
            HeldOn = heldOn,
            Place = command.Place!.Trim(),
            CreatedBy = actor.UserId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.CommitteeSessions.Add(session);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommitteeResult.Done(session.Id);
    }

    /// <summary>Records who is present: members seated on the session's day, replacing the earlier list.</summary>
    public async Task<CommitteeResult> RecordAttendanceAsync(Guid sessionId, IReadOnlyCollection<Guid> present, Actor actor, CancellationToken ct)
    {
        var session = await SessionForMinutesAsync(sessionId, actor, ct);
        if (session.Result is { } refused)
        {
            return refused;
        }

        var heldOn = session.HeldOn;
        var seated = await CommitteeQueries.ActiveOn(db, heldOn).Select(m => m.UserId).OrderBy(u => u).Take(500).ToListAsync(ct);
        if (present.Any(u => !seated.Contains(u)))
        {
            return CommitteeResult.Fail("Present", l["Only members seated on the session's day can be recorded present."]);
        }

        var wanted = present.Distinct().ToHashSet();
        var existing = await db.SessionAttendees.Where(a => a.SessionId == sessionId).ToListAsync(ct);
        db.SessionAttendees.RemoveRange(existing.Where(a => !wanted.Contains(a.UserId)));
        foreach (var userId in wanted.Where(u => existing.All(a => a.UserId != u)))
        {
            db.SessionAttendees.Add(new SessionAttendee { SessionId = sessionId, UserId = userId });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves of the attendance at once: the unique index kept one row per member; the list shown is current.
            return CommitteeResult.Fail("Present", l["The attendance was changed by someone else meanwhile. Review it and save again."]);
        }

        return CommitteeResult.Done(sessionId);
    }

    /// <summary>Puts a request from the committee's queue on the session's agenda, after the last item.</summary>
    public async Task<CommitteeResult> AddItemAsync(Guid sessionId, Guid requestId, Actor actor, CancellationToken ct)
    {
        var session = await SessionForMinutesAsync(sessionId, actor, ct);
        if (session.Result is { } refused)
        {
            return refused;
        }

        var state = await db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => (RequestState?)r.State).SingleOrDefaultAsync(ct);
        if (state != RequestState.AwaitingCommittee)
        {
            return CommitteeResult.Fail("RequestId", l["Choose a request awaiting the committee."]);
        }

        if (await db.AgendaItems.AnyAsync(i => i.RequestId == requestId && (i.Status == AgendaItemStatus.Open || i.SessionId == sessionId), ct))
        {
            return CommitteeResult.Fail("RequestId", l["This request is already on an agenda."]);
        }

        var last = await db.AgendaItems.Where(i => i.SessionId == sessionId).MaxAsync(i => (int?)i.Position, ct) ?? 0;
        var item = new AgendaItem { SessionId = sessionId, RequestId = requestId, Position = last + 1 };
        db.AgendaItems.Add(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return CommitteeResult.Fail("RequestId", l["This request is already on an agenda."]);
        }

        return CommitteeResult.Done(item.Id);
    }

    /// <summary>Takes an open item off the agenda, as long as no one has voted on it.</summary>
    public async Task<CommitteeResult> RemoveItemAsync(Guid sessionId, Guid itemId, Actor actor, CancellationToken ct)
    {
        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId && i.SessionId == sessionId, ct)
            ?? throw new EntityNotFoundException(nameof(AgendaItem), itemId);
        var session = await SessionForMinutesAsync(sessionId, actor, ct);
        if (session.Result is { } refused)
        {
            return refused;
        }

        if (item.Status != AgendaItemStatus.Open)
        {
            return CommitteeResult.Fail("", l["This item was already closed."]);
        }

        if (await db.CommitteeVotes.AnyAsync(v => v.AgendaItemId == itemId, ct))
        {
            return CommitteeResult.Fail("", l["Members have voted on this item: it can no longer be removed."]);
        }

        db.AgendaItems.Remove(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Removed twice, or closed or voted on meanwhile: nothing more to do.
            return CommitteeResult.Fail("", l["This item was changed by someone else meanwhile. Review the agenda and try again."]);
        }

        return CommitteeResult.Done(sessionId);
    }

    /// <summary>Closes the session once every item on its agenda is decided.</summary>
    public async Task<CommitteeResult> CloseAsync(Guid sessionId, Actor actor, CancellationToken ct)
    {
        var loaded = await SessionForMinutesAsync(sessionId, actor, ct);
        if (loaded.Result is { } refused)
        {
            return refused;
        }

        if (await db.AgendaItems.AnyAsync(i => i.SessionId == sessionId && i.Status == AgendaItemStatus.Open, ct))
        {
            return CommitteeResult.Fail("", l["Every item on the agenda must be decided before the session is closed."]);
        }

        var session = await db.CommitteeSessions.SingleAsync(s => s.Id == sessionId, ct);
        session.Status = SessionStatus.Closed;
        session.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommitteeResult.Fail("", l["This session is closed."]);
        }

        return CommitteeResult.Done(sessionId);
    }

    /// <summary>The session (or not found), refused unless the actor keeps the minutes on its day and it is still open.</summary>
    private async Task<(DateOnly HeldOn, CommitteeResult? Result)> SessionForMinutesAsync(Guid sessionId, Actor actor, CancellationToken ct)
    {
        var session = await db.CommitteeSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.HeldOn, s.Status }).SingleOrDefaultAsync(ct)
            ?? throw new EntityNotFoundException(nameof(CommitteeSession), sessionId);
        if (!CommitteeSeats.KeepsMinutes(await CommitteeQueries.SeatAsync(db, actor.UserId, session.HeldOn, ct)))
        {
            return (session.HeldOn, CommitteeResult.Denied);
        }

        if (session.Status == SessionStatus.Closed)
        {
            return (session.HeldOn, CommitteeResult.Fail("", l["This session is closed."]));
        }

        return (session.HeldOn, null);
    }
}
