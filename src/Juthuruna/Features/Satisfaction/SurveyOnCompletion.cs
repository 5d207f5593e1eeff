using Juthuruna.Features.SupportRequests;

namespace Juthuruna.Features.Satisfaction;

/// <summary>
/// قياس الرضا: when a request is completed — every approved service delivered — the beneficiary is asked how it went, in
/// the unit of work of the delivery that completed it. A request closed early by the manager is not surveyed: the
/// service was not delivered.
/// </summary>
public sealed class SurveyOnCompletion(Surveys surveys) : IRequestTransitionHandler
{
    public async Task HandleAsync(RequestTransitioned transition, CancellationToken ct)
    {
        if (transition.Trigger == RequestTrigger.Complete)
        {
            await surveys.InviteAsync(transition.Request, ct);
        }
    }
}
