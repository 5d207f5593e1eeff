using Juthuruna.Data;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Notifications.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.SupportRequests;

/// <summary>
/// Tells the beneficiary, without them having to ask (the policy's goal), when their request reaches a step that
/// concerns them: returned for completion, decided, registered. Queued in the transition's own unit of work, so a
/// refused or stale transition sends nothing; one message per transition (keyed by its history row).
/// </summary>
public sealed class RequestMessages(AppDbContext db, Outbox outbox, MessageTemplates templates)
{
    internal async Task QueueAsync(SupportRequest request, RequestState to, Guid historyId, CancellationToken ct)
    {
        if (to is not (RequestState.ReturnedForCompletion or RequestState.Approved or RequestState.Rejected or RequestState.Registered))
        {
            return;
        }

        var address = await db.Beneficiaries.AsNoTracking()
            .Where(b => b.Id == request.BeneficiaryId)
            .Select(b => new MessageAddress(b.Mobile, b.Email, b.NonEssentialMessagesOptOut))
            .SingleAsync(ct);

        var (kind, text) = to switch
        {
            RequestState.ReturnedForCompletion => (MessageKind.ReturnedForCompletion, templates.ReturnedForCompletion(request.Number)),
            RequestState.Registered => (MessageKind.Registration, templates.Registration(await BeneficiaryNumberAsync(request.Id, ct))),
            _ => (MessageKind.Decision, templates.Decision(request.Number)),
        };
        outbox.Queue(address, kind, $"{kind}:{historyId}", text);
    }

    // The registration row is saved before the transition is applied (the guard looks at it).
    private async Task<string> BeneficiaryNumberAsync(Guid requestId, CancellationToken ct) =>
        await db.Registrations.AsNoTracking().Where(r => r.RequestId == requestId).Select(r => r.BeneficiaryNumber).SingleAsync(ct);
}
