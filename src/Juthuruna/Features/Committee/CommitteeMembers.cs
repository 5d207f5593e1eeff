using Juthuruna.Data;
using Juthuruna.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Committee;

/// <param name="ActiveTo">Last day of the seat; null while it lasts.</param>
public sealed record NewCommitteeMember(Guid UserId, CommitteeRole Role, DateOnly? ActiveFrom, DateOnly? ActiveTo);

/// <summary>Seats on the committee (managed by the association's administrator).</summary>
public sealed class CommitteeMembers(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    /// <summary>Staff roles that open the committee's pages; a seat is given only to someone who can use it.</summary>
    public static readonly IReadOnlyList<string> CommitteeReaderRoles =
    [
        StaffRoles.CommitteeMember, StaffRoles.CommitteeChair, StaffRoles.CommitteeSecretary, StaffRoles.Manager, StaffRoles.TenantAdmin,
    ];

    public async Task<CommitteeResult> AddAsync(NewCommitteeMember command, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var eligible = await Staff.StaffQueries.ActiveInRoles(db, [.. CommitteeReaderRoles]).AnyAsync(u => u.Id == command.UserId, ct);
        if (!eligible)
        {
            errors.Add((nameof(command.UserId), l["Choose an active staff user who can open the committee's pages (committee member, chair, secretary, manager or administrator)."]));
        }

        if (!Enum.IsDefined(command.Role))
        {
            errors.Add((nameof(command.Role), l["Choose the seat on the committee."]));
        }

        if (command.ActiveFrom is null)
        {
            errors.Add((nameof(command.ActiveFrom), l["Enter the first day of the seat."]));
        }
        else if (command.ActiveTo is { } to && to < command.ActiveFrom)
        {
            errors.Add((nameof(command.ActiveTo), l["The last day cannot be before the first day."]));
        }

        if (errors.Count > 0)
        {
            return new CommitteeResult(null, errors);
        }

        var from = command.ActiveFrom!.Value;
        var seats = await db.CommitteeMembers.AsNoTracking().Where(m => m.UserId == command.UserId)
            .OrderBy(m => m.ActiveFrom).Select(m => new { m.ActiveFrom, m.ActiveTo }).Take(100).ToListAsync(ct);
        if (seats.Any(s => CommitteeSeats.Overlap(from, command.ActiveTo, s.ActiveFrom, s.ActiveTo)))
        {
            return CommitteeResult.Fail(nameof(command.ActiveFrom), l["This person already holds a seat on some of these days: end that seat first."]);
        }

        var member = new CommitteeMember { UserId = command.UserId, Role = command.Role, ActiveFrom = from, ActiveTo = command.ActiveTo };
        db.CommitteeMembers.Add(member);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same form posted twice: the unique (user, first day) index keeps one seat.
            return CommitteeResult.Fail(nameof(command.ActiveFrom), l["This person already holds a seat on some of these days: end that seat first."]);
        }

        return CommitteeResult.Done(member.Id);
    }

    /// <summary>Ends a seat on <paramref name="lastDay"/> (its last active day). An id of another association is not found.</summary>
    public async Task<CommitteeResult> EndSeatAsync(Guid memberId, DateOnly? lastDay, CancellationToken ct)
    {
        var member = await db.CommitteeMembers.SingleOrDefaultAsync(m => m.Id == memberId, ct)
            ?? throw new EntityNotFoundException(nameof(CommitteeMember), memberId);
        if (lastDay is null)
        {
            return CommitteeResult.Fail("ActiveTo", l["Enter the last day of the seat."]);
        }

        if (lastDay < member.ActiveFrom)
        {
            return CommitteeResult.Fail("ActiveTo", l["The last day cannot be before the first day."]);
        }

        if (member.ActiveTo is { } current && current <= lastDay)
        {
            return CommitteeResult.Fail("ActiveTo", l["This seat already ends on or before that day."]);
        }

        member.ActiveTo = lastDay;
        await db.SaveChangesAsync(ct);
        return CommitteeResult.Done(member.Id);
    }
}
