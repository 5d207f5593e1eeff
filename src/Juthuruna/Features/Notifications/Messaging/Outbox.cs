using Juthuruna.Data;

namespace Juthuruna.Features.Notifications.Messaging;

/// <summary>Where a message to a beneficiary (or to someone who wrote to the association) goes.</summary>
/// <param name="Mobile">E.164 (+9665…); the SMS goes here.</param>
/// <param name="Email">When known, the same text also goes by e-mail.</param>
/// <param name="NonEssentialOptOut">The beneficiary asked for no non-essential messages (see <see cref="MessageRules"/>).</param>
public sealed record MessageAddress(string Mobile, string? Email = null, bool NonEssentialOptOut = false);

/// <summary>
/// Writes messages to beneficiaries into the outbox, in the caller's unit of work: they are saved with what caused
/// them (a request received, a decision, a one-time code…) or not at all, and the dispatcher sends them afterwards.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Queues <paramref name="text"/> by SMS (and by e-mail when the address has one), unless the beneficiary opted
    /// out of this kind. <paramref name="eventKey"/> names the event once per association (e.g.
    /// <c>RequestReceived:{requestId}</c>); the channel is appended, so the same event never sends twice.
    /// </summary>
    /// <returns>Whether anything was queued.</returns>
    public bool Queue(MessageAddress to, MessageKind kind, string eventKey, MessageText text)
    {
        if (!MessageRules.MaySend(kind, to.NonEssentialOptOut))
        {
            return false;
        }

        Add(MessageChannel.Sms, to.Mobile, kind, eventKey, text);
        if (to.Email is { Length: > 0 } email)
        {
            Add(MessageChannel.Email, email, kind, eventKey, text);
        }

        return true;
    }

    private void Add(MessageChannel channel, string recipient, MessageKind kind, string eventKey, MessageText text)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutgoingMessages.Add(new OutgoingMessage
        {
            Kind = kind,
            Channel = channel,
            DedupKey = $"{eventKey}:{channel}",
            Recipient = recipient,
            // An SMS carries the body only.
            Subject = channel == MessageChannel.Email ? text.Subject : "",
            Body = text.Body,
            KeptBody = text.KeptBody,
            Status = DeliveryStatus.Pending,
            NextAttemptAtUtc = now,
            CreatedAtUtc = now,
        });
    }
}
