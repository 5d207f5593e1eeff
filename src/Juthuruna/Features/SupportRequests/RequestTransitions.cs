using Juthuruna.Data;

namespace Juthuruna.Features.SupportRequests;

/// <summary>
/// What every step does once it has its evidence: the request applies the trigger itself
/// (<see cref="SupportRequest.Apply"/>), and on success its history row joins the step's unit of work and the event
/// it raised (<see cref="RequestTransitioned"/>) goes to every <see cref="IRequestTransitionHandler"/> — the
/// beneficiary's message (<see cref="RequestMessages"/>), the satisfaction survey when a request is completed. Saves
/// nothing: the step saves once, with its own rows and everything the handlers added (ADR 0020).
/// </summary>
public sealed class RequestTransitions(AppDbContext db, IEnumerable<IRequestTransitionHandler> handlers)
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
            var raised = new RequestTransitioned(request, history);
            foreach (var handler in handlers)
            {
                await handler.HandleAsync(raised, ct);
            }
        }

        return outcome;
    }
}
