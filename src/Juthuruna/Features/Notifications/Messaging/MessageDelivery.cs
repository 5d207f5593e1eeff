using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Juthuruna.Features.Notifications.Messaging;

/// <summary>What one pass over one association did.</summary>
public sealed record DeliveryRun(int Sent, int Retrying, int Failed, int Skipped)
{
    public static readonly DeliveryRun None = new(0, 0, 0, 0);

    public int Total => Sent + Retrying + Failed;
}

/// <summary>
/// Sends one association's due messages (runs inside its tenant scope). Each message is first claimed by a
/// conditional UPDATE — still pending, due, and not leased — that sets a lease and a claim token; only the
/// dispatcher whose UPDATE changed the row sends it, so two web nodes (or a restart overlapping the old
/// process) never send the same message twice while its lease runs. A node that dies mid-send leaves the
/// lease to expire and the message is tried again: delivery is at least once, duplicates only after a crash.
/// </summary>
public sealed partial class MessageDelivery(
    AppDbContext db,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    SmtpEmailSender smtp,
    HttpSmsSender sms,
    LocalOutboxSink local,
    ILogger<MessageDelivery> logger)
{
    /// <summary>After this many attempts a message is left Failed.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The wait before the next attempt: 1, 2, 4, 8… minutes after the first, second, third… failure.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Pow(2, Math.Clamp(attempts - 1, 0, 10)));

    public async Task<DeliveryRun> DeliverDueAsync(CancellationToken ct)
    {
        if (db.TenantId is null)
        {
            throw new InvalidOperationException("Messages are delivered inside a tenant's scope.");
        }

        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await Due(now)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(Math.Max(1, settings.BatchSize))
            .ToListAsync(ct);

        var run = DeliveryRun.None;
        foreach (var id in due)
        {
            run = await DeliverOneAsync(id, now, settings, ct) switch
            {
                DeliveryStatus.Sent => run with { Sent = run.Sent + 1 },
                DeliveryStatus.Failed => run with { Failed = run.Failed + 1 },
                DeliveryStatus.Pending => run with { Retrying = run.Retrying + 1 },
                _ => run with { Skipped = run.Skipped + 1 },
            };
        }

        return run;
    }

    private IQueryable<OutgoingMessage> Due(DateTime now) =>
        db.OutgoingMessages.Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAtUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc <= now));

    /// <summary>Claims, sends and records one message; null when another dispatcher holds it.</summary>
    private async Task<DeliveryStatus?> DeliverOneAsync(Guid id, DateTime now, MessagingOptions settings, CancellationToken ct)
    {
        var token = Guid.NewGuid();
        var leaseUntil = now.AddSeconds(Math.Max(30, settings.LeaseSeconds));
        var claimed = await Due(now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseUntilUtc, leaseUntil)
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0)
        {
            return null;
        }

        var message = await db.OutgoingMessages.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new { Send = new MessageToSend(m.Id, m.TenantId, m.Channel, m.Recipient, m.Subject, m.Body), m.Attempts })
            .SingleAsync(ct);
        try
        {
            await SendAsync(settings.Mode, message.Send, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var failed = message.Attempts >= MaxAttempts;
            var error = $"{ex.GetType().Name}: {ex.Message}";
            error = error.Length > OutgoingMessage.MaxErrorLength ? error[..OutgoingMessage.MaxErrorLength] : error;
            var nextAttempt = now.Add(BackOff(message.Attempts));
            await Claimed(id, token).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, failed ? DeliveryStatus.Failed : DeliveryStatus.Pending)
                .SetProperty(m => m.Body, m => failed && m.KeptBody != null ? m.KeptBody : m.Body)
                .SetProperty(m => m.KeptBody, m => failed ? (string?)null : m.KeptBody)
                .SetProperty(m => m.NextAttemptAtUtc, nextAttempt)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            LogSendFailed(ex, id, message.Send.Channel, message.Attempts, failed);
            return failed ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        }

        // Recorded even if the host is stopping now: the message has left, it must not be sent again.
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await Claimed(id, token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, DeliveryStatus.Sent)
            .SetProperty(m => m.SentAtUtc, sentAt)
            .SetProperty(m => m.Body, m => m.KeptBody ?? m.Body)
            .SetProperty(m => m.KeptBody, (string?)null)
            .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        return DeliveryStatus.Sent;
    }

    private IQueryable<OutgoingMessage> Claimed(Guid id, Guid token) =>
        db.OutgoingMessages.Where(m => m.Id == id && m.ClaimToken == token);

    private Task SendAsync(MessagingMode mode, MessageToSend message, CancellationToken ct) => (mode, message.Channel) switch
    {
        (MessagingMode.Local, _) => local.SendAsync(message, ct),
        (MessagingMode.Live, MessageChannel.Email) => smtp.SendAsync(message, ct),
        (MessagingMode.Live, MessageChannel.Sms) => sms.SendAsync(message, ct),
        _ => throw new InvalidOperationException($"No sender for {message.Channel} in {mode} mode."),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} ({Channel}) could not be sent, attempt {Attempts}; given up: {GivenUp}")]
    private partial void LogSendFailed(Exception exception, Guid messageId, MessageChannel channel, int attempts, bool givenUp);
}
