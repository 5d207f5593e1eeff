using Juthuruna.Common.Money;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Committee;

/// <param name="Version">The item's version when the chair's page was shown: a vote or a close since then refuses the close.</param>
/// <param name="Amount">Riyals as typed; optional, for an approval only.</param>
/// <param name="ConfirmMissingVotes">The chair confirms closing although members recorded present have not voted.</param>
public sealed record CloseItem(CommitteeDecision? Decision, string? Reasons, IReadOnlyCollection<Guid> ServiceIds, string? Amount, Guid Version, bool ConfirmMissingVotes = false);

/// <summary>Outcome of a vote: <see cref="Changed"/> when an earlier vote of the member was replaced.</summary>
public sealed record VoteResult(CommitteeResult Result, bool Changed);

/// <summary>
/// Votes and the chair's decision on an agenda item. Only a member seated on the session's day and recorded
/// present votes; only the chair closes. Closing applies the decision to the request in the same transaction.
/// </summary>
public sealed class CommitteeVoting(AppDbContext db, RequestTransitions transitions, Policies.PolicyQueries policies, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<VoteResult> VoteAsync(Guid itemId, VoteChoice choice, string? reason, Actor actor, CancellationToken ct)
    {
        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId, ct)
            ?? throw new EntityNotFoundException(nameof(AgendaItem), itemId);
        var heldOn = await db.CommitteeSessions.AsNoTracking().Where(s => s.Id == item.SessionId).Select(s => s.HeldOn).SingleAsync(ct);
        if (await CommitteeQueries.SeatAsync(db, actor.UserId, heldOn, ct) is null)
        {
            return new VoteResult(CommitteeResult.Denied, false);
        }

        if (item.Status != AgendaItemStatus.Open)
        {
            return Refused("", l["This item is closed: votes can no longer be cast or changed."]);
        }

        if (!await db.SessionAttendees.AnyAsync(a => a.SessionId == item.SessionId && a.UserId == actor.UserId, ct))
        {
            return Refused("", l["Only members recorded present at the session can vote."]);
        }

        if (!Enum.IsDefined(choice))
        {
            return Refused("Choice", l["Choose your vote."]);
        }

        // Every vote carries its reason, an approval too: the minutes must say why each member voted as they did.
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refused("Reason", choice == VoteChoice.Recuse ? l["State the conflict of interest."] : l["Every vote needs a reason, an approval too: give the reason for your vote."]);
        }

        if (!TextLimits.Fits(reason, CommitteeVote.MaxReason))
        {
            return Refused("Reason", TextLimits.TooLong(l, CommitteeVote.MaxReason));
        }

        var text = reason.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var vote = await db.CommitteeVotes.SingleOrDefaultAsync(v => v.AgendaItemId == itemId && v.UserId == actor.UserId, ct);
        if (vote is not null && vote.Choice == choice && vote.Reason == text)
        {
            return Refused("", l["Your vote was already recorded."]);
        }

        var changed = vote is not null;
        if (vote is null)
        {
            db.CommitteeVotes.Add(new CommitteeVote { AgendaItemId = itemId, UserId = actor.UserId, Choice = choice, Reason = text, CastAtUtc = now, UpdatedAtUtc = now });
        }
        else
        {
            vote.Choice = choice;
            vote.Reason = text;
            vote.UpdatedAtUtc = now;
        }

        // A vote moves the item's version: a chair's close prepared on the earlier tally is refused, and a
        // vote racing a close fails on the same token instead of slipping in after the count.
        item.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click (unique index on member and item) or a close meanwhile: one effect, and say which.
            var closed = await ClosedMeanwhileAsync(itemId, ct);
            return closed
                ? Refused("", l["This item is closed: votes can no longer be cast or changed."])
                : Refused("", l["Your vote was already recorded."]);
        }

        return new VoteResult(CommitteeResult.Done(itemId), changed);
    }

    /// <summary>
    /// The chair closes the item: the decision must be one the tally allows (quorum; majority of votes cast,
    /// the chair breaking a tie; deferral whenever the quorum holds). The tally and the policy version are
    /// recorded with it, and the request takes the matching transition, all in one transaction.
    /// </summary>
    public async Task<CommitteeResult> CloseAsync(Guid itemId, CloseItem command, Actor actor, CancellationToken ct)
    {
        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId, ct)
            ?? throw new EntityNotFoundException(nameof(AgendaItem), itemId);
        var heldOn = await db.CommitteeSessions.AsNoTracking().Where(s => s.Id == item.SessionId).Select(s => s.HeldOn).SingleAsync(ct);
        if (await CommitteeQueries.SeatAsync(db, actor.UserId, heldOn, ct) != CommitteeRole.Chair)
        {
            return CommitteeResult.Denied;
        }

        if (item.Status != AgendaItemStatus.Open)
        {
            return CommitteeResult.Fail("", l["This item was already closed."]);
        }

        if (item.Version != command.Version)
        {
            return CommitteeResult.Fail("", l["The votes on this item changed meanwhile. Review the tally and close it again."]);
        }

        if (!await db.SessionAttendees.AnyAsync(a => a.SessionId == item.SessionId && a.UserId == actor.UserId, ct))
        {
            return CommitteeResult.Fail("", l["Only a chair recorded present at the session can close its items."]);
        }

        var errors = new List<(string, string)>();
        if (command.Decision is not { } decision || !Enum.IsDefined(decision))
        {
            return CommitteeResult.Fail(nameof(command.Decision), l["Choose the committee's decision."]);
        }

        if (string.IsNullOrWhiteSpace(command.Reasons))
        {
            errors.Add((nameof(command.Reasons), decision == CommitteeDecision.Defer
                ? l["Write the committee's questions for the researcher."]
                : l["Give the reasons for the decision."]));
        }
        else if (!TextLimits.Fits(command.Reasons, AgendaItem.MaxReasons))
        {
            errors.Add((nameof(command.Reasons), TextLimits.TooLong(l, AgendaItem.MaxReasons)));
        }

        List<Guid> services = [];
        long? amount = null;
        if (decision == CommitteeDecision.Approve)
        {
            var wanted = command.ServiceIds.Distinct().ToList();
            services = await db.SupportServices.AsNoTracking().Where(s => wanted.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
            if (services.Count == 0 || services.Count != wanted.Count)
            {
                errors.Add((nameof(command.ServiceIds), l["Choose the approved services from the catalogue."]));
            }

            if (!string.IsNullOrWhiteSpace(command.Amount))
            {
                if (Riyals.TryParseHalalas(command.Amount, out var halalas) && halalas > 0)
                {
                    amount = halalas;
                }
                else
                {
                    errors.Add((nameof(command.Amount), l["Enter the amount in riyals, e.g. 1500 or 1500.50."]));
                }
            }
        }

        // A close on one vote while others present are silent must be deliberate: the chair is told who and confirms.
        var notVoted = await CommitteeQueries.PresentNotVotedAsync(db, itemId, item.SessionId, heldOn, ct);
        if (notVoted.Count > 0 && !command.ConfirmMissingVotes)
        {
            var separator = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? "، " : ", ";
            errors.Add((nameof(command.ConfirmMissingVotes), l["Present members have not voted: {0}. Confirm that the item is closed without their votes.", string.Join(separator, notVoted)]));
        }

        if (errors.Count > 0)
        {
            return new CommitteeResult(null, errors);
        }

        var tally = await CommitteeQueries.TallyAsync(db, itemId, item.SessionId, heldOn, ct);
        if (!CommitteeRules.Allows(tally, decision))
        {
            return CommitteeResult.Fail(nameof(command.Decision), !tally.QuorumMet
                ? l["The quorum is not met: {0} members present and not recused, {1} needed.", tally.Eligible, tally.QuorumRequired]
                : tally.Outcome is null
                    ? l["The votes give no majority (a tie the chair did not break): the committee can only defer."]
                    : l["The votes do not give this decision."]);
        }

        // The versions in force at decision time, copied: a later approval does not change what this decision cited.
        var policyVersions = CommitteeSeats.PolicyVersionsText(await policies.ApprovedVersionsAsync(ct));
        var reasons = command.Reasons!.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        item.Status = AgendaItemStatus.Decided;
        item.Decision = decision;
        item.Reasons = reasons;
        item.ApprovedServiceIds = services;
        item.ApprovedAmountHalalas = amount;
        item.PolicyVersions = policyVersions;
        item.VotesApprove = tally.Approve;
        item.VotesReject = tally.Reject;
        item.Abstentions = tally.Abstain;
        item.Recusals = tally.Recused;
        item.DecidedBy = actor.UserId;
        item.DecidedAtUtc = now;
        item.Version = Guid.NewGuid();

        // The item and the request it decides are saved together.
        var request = await db.SupportRequests.SingleAsync(r => r.Id == item.RequestId, ct);
        var outcome = await ApplyDecisionAsync(request, decision, reasons, actor, now, ct);
        if (!outcome.Succeeded)
        {
            db.ChangeTracker.Clear();
            // Another chair's close committed between our read of the item and our read of the request: the request
            // has moved on, and what the user needs to hear is that the item is closed, not that the step is unavailable.
            if (await ClosedMeanwhileAsync(itemId, ct))
            {
                return CommitteeResult.Fail("", l["This item was already closed."]);
            }

            var refusal = outcome.ToRefusal(l);
            return new CommitteeResult(null, refusal.Errors.Select(e => (e.Field == "Note" ? nameof(command.Reasons) : e.Field, e.Message)).ToList());
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another chair (or the same click twice) closed it, or a vote came in, or the request changed (withdrawn,
            // cancelled), between our read and write.
            db.ChangeTracker.Clear();
            var closed = await ClosedMeanwhileAsync(itemId, ct);
            return CommitteeResult.Fail("", closed
                ? l["This item was already closed."]
                : l["The votes on this item changed meanwhile. Review the tally and close it again."]);
        }

        return CommitteeResult.Done(itemId);
    }

    /// <summary>
    /// The committee's decision handed to the request: the decision just taken is the evidence the decision trigger's
    /// guard asks for, and the chair's seat is the authority for it, whatever staff roles the person holds. On success
    /// the history row and the beneficiary's message are added to this unit of work; the caller saves.
    /// </summary>
    internal Task<TransitionOutcome> ApplyDecisionAsync(SupportRequest request, CommitteeDecision decision, string reasons, Actor actor, DateTime nowUtc, CancellationToken ct) =>
        transitions.ApplyAsync(request, RequestWorkflow.TriggerFor(decision), RequestFacts.None with { CommitteeDecision = decision },
            new Actor(actor.UserId, [StaffRoles.CommitteeChair]), nowUtc, ct, reasons);

    /// <summary>Whether the item was closed by someone else after this command read it (the reason a write was refused).</summary>
    private Task<bool> ClosedMeanwhileAsync(Guid itemId, CancellationToken ct) =>
        db.AgendaItems.AsNoTracking().AnyAsync(i => i.Id == itemId && i.Status != AgendaItemStatus.Open, ct);

    private static VoteResult Refused(string field, string message) => new(CommitteeResult.Fail(field, message), false);
}
