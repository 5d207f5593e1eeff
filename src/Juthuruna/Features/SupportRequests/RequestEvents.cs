namespace Juthuruna.Features.SupportRequests;

/// <summary>
/// The domain event a request raises when it applies a trigger (<see cref="SupportRequest.Apply"/>): received into a
/// step, decided, registered, closed… <see cref="Step"/> is the history row of the transition, in the same unit of work.
/// </summary>
public sealed record RequestTransitioned(SupportRequest Request, RequestHistory Step)
{
    public RequestState? From => Step.From;
    public RequestState To => Step.To;
    public RequestTrigger? Trigger => Step.Trigger;
}

/// <summary>
/// Something another feature does when a request moves — the beneficiary's message, the satisfaction survey — in the
/// unit of work of the step that moved it: it adds rows and saves nothing, so a refused or stale step does nothing
/// and a step that commits does everything once. Handlers are called in registration order by
/// <see cref="RequestTransitions"/>; the request's own feature knows none of them (ADR 0020).
/// </summary>
public interface IRequestTransitionHandler
{
    Task HandleAsync(RequestTransitioned transition, CancellationToken ct);
}
