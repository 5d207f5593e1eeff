using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Counters;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Registrations;

/// <summary>The registration step (policy step 6): an approved request is registered for what the committee approved.</summary>
public sealed class RegistrationCommands(AppDbContext db, RequestTransitions transitions, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Who may register: the roles of the table's Register row (the desk).</summary>
    public static IReadOnlyList<string> RegistrarRoles { get; } = RequestWorkflow.Transitions.First(t => t.Trigger == RequestTrigger.Register).Roles;

    /// <summary>
    /// Registers the approved request for the eligibility period: the services and amount are the committee's
    /// (the latest item that approved it); the beneficiary number is the file's, given now if it has none.
    /// The registration and the Register transition commit together: the step hands its registration to
    /// <see cref="SupportRequest.Apply"/> as evidence and saves once.
    /// </summary>
    public async Task<RequestResult> RegisterAsync(Guid requestId, DateOnly? eligibleFrom, DateOnly? eligibleTo, Guid version, Actor actor, CancellationToken ct)
    {
        // Tracked: the Register transition changes it in this step's own SaveChanges (its version is the concurrency token).
        var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new EntityNotFoundException(nameof(SupportRequest), requestId);
        if (request.Version != version)
        {
            return Stale(requestId);
        }

        if (request.State != RequestState.Approved || !RegistrarRoles.Any(actor.Roles.Contains))
        {
            return RequestResult.Fail("", l["This action is not available for the request in its current state."]);
        }

        var errors = new List<(string, string)>();
        if (eligibleFrom is null)
        {
            errors.Add(("EligibleFrom", l["Enter the first day of eligibility."]));
        }

        if (eligibleTo is null)
        {
            errors.Add(("EligibleTo", l["Enter the last day of eligibility."]));
        }
        else if (eligibleFrom is { } from && eligibleTo < from)
        {
            errors.Add(("EligibleTo", l["The end of eligibility cannot be before its start."]));
        }

        if (errors.Count > 0)
        {
            return new RequestResult(null, errors);
        }

        var approval = await db.AgendaItems.AsNoTracking()
            .Where(i => i.RequestId == requestId && i.Decision == CommitteeDecision.Approve && i.DecidedAtUtc != null)
            .OrderByDescending(i => i.DecidedAtUtc)
            .Select(i => new { i.ApprovedServiceIds, i.ApprovedAmountHalalas })
            .FirstOrDefaultAsync(ct);
        if (approval is null)
        {
            return RequestResult.Fail("", l["The committee's approval of this request was not found."]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var beneficiary = await db.Beneficiaries.SingleAsync(b => b.Id == request.BeneficiaryId, ct);
        if (beneficiary.BeneficiaryNumber is null)
        {
            var prefix = await db.Tenants.Where(t => t.Id == db.TenantId).Select(t => t.Settings.NumberPrefix).SingleAsync(ct);
            beneficiary.BeneficiaryNumber = Registration.FormatBeneficiaryNumber(prefix, await TenantCounters.NextAsync(db, Registration.BeneficiaryNumberCounter, ct));
            // A new version makes a concurrent first registration of another request of this file stale
            // instead of giving the file two numbers.
            beneficiary.Version = Guid.NewGuid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Registrations.Add(new Registration
        {
            RequestId = requestId,
            BeneficiaryId = request.BeneficiaryId,
            BeneficiaryNumber = beneficiary.BeneficiaryNumber,
            EligibleFrom = eligibleFrom!.Value,
            EligibleTo = eligibleTo!.Value,
            // A chair who approved without naming services approved the service requested.
            ApprovedServiceIds = approval.ApprovedServiceIds.Count > 0 ? approval.ApprovedServiceIds : [request.ServiceId],
            ApprovedAmountHalalas = approval.ApprovedAmountHalalas,
            RegisteredBy = actor.UserId,
            RegisteredAtUtc = now,
        });
        var outcome = await transitions.ApplyAsync(request, RequestTrigger.Register, RequestFacts.None with { HasRegistration = true }, actor, now, ct);
        if (!outcome.Succeeded)
        {
            return RolledBack(outcome.ToRefusal(l));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another registration of this request or this file committed first (a concurrency exception included:
            // the request or the file changed meanwhile).
            return RolledBack(Stale(requestId));
        }

        await tx.CommitAsync(ct);
        return RequestResult.Done(requestId);
    }

    /// <summary>
    /// A refused or failed write: the transaction rolls back, and the context forgets the changes it tracked
    /// so that no later SaveChanges of this scope (the page reloading, an access-log row) writes them after all.
    /// </summary>
    private RequestResult RolledBack(RequestResult result)
    {
        db.ChangeTracker.Clear();
        return result;
    }

    private RequestResult Stale(Guid requestId) =>
        new(requestId, [("", l["This request was changed by someone else meanwhile. Review its current state and try again."])], Stale: true);
}
