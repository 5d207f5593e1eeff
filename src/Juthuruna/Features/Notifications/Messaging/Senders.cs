using System.Collections.Concurrent;
using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Juthuruna.Features.Notifications.Messaging;

/// <summary>Sends e-mail through the configured SMTP server (MailKit); throws when the server does not take it.</summary>
public sealed class SmtpEmailSender(IOptions<MessagingOptions> options)
{
    public async Task SendAsync(MessageToSend message, CancellationToken ct)
    {
        var settings = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(settings.Host) || string.IsNullOrWhiteSpace(settings.From))
        {
            throw new InvalidOperationException("Messaging:Smtp:Host and Messaging:Smtp:From are required to send e-mail.");
        }

        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        mime.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.Body };
        // The message id ties a resent e-mail to the same outbox row (a receiving server may drop the duplicate).
        mime.MessageId = $"{message.Id:N}@juthuruna";

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        await client.ConnectAsync(settings.Host, settings.Port, settings.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
        }

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>Sends an SMS by POSTing <c>{"to", "text"}</c> to the configured gateway with its API key header.</summary>
public sealed class HttpSmsSender(HttpClient http, IOptions<MessagingOptions> options)
{
    public async Task SendAsync(MessageToSend message, CancellationToken ct)
    {
        var settings = options.Value.Sms;
        if (string.IsNullOrWhiteSpace(settings.GatewayUrl))
        {
            throw new InvalidOperationException("Messaging:Sms:GatewayUrl is required to send SMS.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl)
        {
            Content = JsonContent.Create(new { to = message.Recipient, text = message.Body }),
        };
        request.Headers.Add(settings.ApiKeyHeader, settings.ApiKey);
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }
}

/// <summary>A message kept by the <see cref="LocalOutboxSink"/> instead of being sent.</summary>
public sealed record LocalOutboxEntry(Guid MessageId, Guid TenantId, MessageChannel Channel, string Recipient, string Subject, string Body, DateTime SentAtUtc);

/// <summary>
/// In Local mode (Development, tests) messages stop here: the latest <see cref="Capacity"/> are kept in
/// memory for the <c>/dev/outbox</c> page, so a developer reads the one-time code the portal "sent".
/// </summary>
public sealed class LocalOutboxSink(TimeProvider clock)
{
    public const int Capacity = 100;

    private readonly ConcurrentQueue<LocalOutboxEntry> _entries = new();

    public Task SendAsync(MessageToSend message, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        _entries.Enqueue(new LocalOutboxEntry(message.Id, message.TenantId, message.Channel, message.Recipient, message.Subject, message.Body, clock.GetUtcNow().UtcDateTime));
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<LocalOutboxEntry> Latest() => _entries.Reverse().Take(Capacity).ToList();
}
