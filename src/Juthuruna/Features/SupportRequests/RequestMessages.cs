using Juthuruna.Data;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Notifications.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.SupportRequests;

/// <summary>
/// Tells the beneficiary, without them having to ask (the policy's goal), when their request reaches a step that
/// concerns them: received, returned for completion, decided, registered. Queued in the step's own unit of work, so a
/// refused or stale step sends nothing; one message per request received and per transition (keyed by its history row).
/// Always to the mobile registered on the file, never to one typed on a form.
/// </summary>
public sealed class RequestMessages(AppDbContext db, Outbox outbox, MessageTemplates templates, Portal.PortalLinks links) : IRequestTransitionHandler
{
    /// <summary>A new request, from the desk or the portal.</summary>
    internal async Task QueueReceivedAsync(SupportRequest request, CancellationToken ct) =>
        outbox.Queue(await AddressAsync(request.BeneficiaryId, ct), MessageKind.RequestReceived, $"RequestReceived:{request.Id}", templates.RequestReceived(request.Number, await links.ForAsync("track", ct)));

    /// <summary>
    /// What the beneficiary is told after a transition (the step's history row keys the message): queued in the
    /// step's own unit of work.
    /// </summary>
    public async Task HandleAsync(RequestTransitioned transition, CancellationToken ct)
    {
        var request = transition.Request;
        var (to, historyId) = (transition.To, transition.Step.Id);
        if (!RequestWorkflow.BeneficiaryToldStates.Contains(to))
        {
            return;
        }

        var address = await AddressAsync(request.BeneficiaryId, ct);
        var (kind, text) = to switch
        {
            RequestState.ReturnedForCompletion => (MessageKind.ReturnedForCompletion, templates.ReturnedForCompletion(request.Number, await links.ForAsync("track", ct))),
            RequestState.Registered => (MessageKind.Registration, templates.Registration(await BeneficiaryNumberAsync(request.Id, ct))),
            _ => (MessageKind.Decision, templates.Decision(request.Number, await links.ForAsync("track", ct))),
        };
        outbox.Queue(address, kind, $"{kind}:{historyId}", text);
    }

    private async Task<MessageAddress> AddressAsync(Guid beneficiaryId, CancellationToken ct) =>
        await db.Beneficiaries.AsNoTracking()
            .Where(b => b.Id == beneficiaryId)
            .Select(b => new MessageAddress(b.Mobile, b.Email, b.NonEssentialMessagesOptOut))
            .SingleAsync(ct);

    // The registration step adds its row in the same unit of work as the transition: it is found among the tracked
    // rows, not in the database (nothing is read back).
    private async Task<string> BeneficiaryNumberAsync(Guid requestId, CancellationToken ct) =>
        db.Registrations.Local.FirstOrDefault(r => r.RequestId == requestId)?.BeneficiaryNumber
        ?? await db.Registrations.AsNoTracking().Where(r => r.RequestId == requestId).Select(r => r.BeneficiaryNumber).SingleAsync(ct);
}
