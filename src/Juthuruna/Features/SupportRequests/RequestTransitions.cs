using Juthuruna.Data;

namespace Juthuruna.Features.SupportRequests;

/// <summary>
/// What every step does once it has its evidence: the request applies the trigger itself
/// (<see cref="SupportRequest.Apply"/>), and on success its history row and the beneficiary's message
/// (<see cref="RequestMessages"/>) join the step's unit of work. Reads nothing but the message's address, saves
/// nothing: the step saves once, with its own rows (ADR 0020). Where domain events are to be dispatched from.
/// </summary>
public sealed class RequestTransitions(AppDbContext db, RequestMessages messages)
{
    /// <param name="request">Tracked: its version is the step's concurrency token.</param>
    /// <param name="decisionDueOn">The decision window's end; required when the trigger leads to Verified.</param>
    internal async Task<TransitionOutcome> ApplyAsync(
        SupportRequest request, RequestTrigger trigger, RequestFacts evidence, Actor actor, DateTime nowUtc, CancellationToken ct,
        string? note = null, DateOnly? decisionDueOn = null)
    {
        var outcome = request.Apply(trigger, evidence, actor, nowUtc, note, decisionDueOn);
        if (outcome.History is { } history)
        {
            db.RequestHistory.Add(history);
            await messages.QueueAsync(request, history, ct);
        }

        return outcome;
    }
}
