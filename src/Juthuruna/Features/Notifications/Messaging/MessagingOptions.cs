namespace Juthuruna.Features.Notifications.Messaging;

public enum MessagingMode
{
    /// <summary>Nothing leaves the machine: every message goes to the <see cref="LocalOutboxSink"/> (Development, tests).</summary>
    Local = 0,

    /// <summary>E-mail through SMTP, SMS through the HTTP gateway.</summary>
    Live = 1,
}

/// <summary>The <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    public MessagingMode Mode { get; set; } = MessagingMode.Local;

    /// <summary>Off in the integration tests: they run the dispatcher themselves, at the fake clock's time.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public int DispatchIntervalSeconds { get; set; } = 30;

    /// <summary>Messages one association sends per pass; the rest wait for the next pass.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long a claimed message stays with its dispatcher; longer than any send may take (SMTP and SMS
    /// time out well before), so a live send is never claimed twice, and a node that died frees it after.
    /// </summary>
    public int LeaseSeconds { get; set; } = 300;

    public SmtpSettings Smtp { get; set; } = new();
    public SmsSettings Sms { get; set; } = new();
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public string From { get; set; } = "";
    public string FromName { get; set; } = "";
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>Upgrade the connection with STARTTLS (required when set); off only for a local relay.</summary>
    public bool StartTls { get; set; } = true;

    public int TimeoutSeconds { get; set; } = 30;
}

public sealed class SmsSettings
{
    public string GatewayUrl { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string ApiKeyHeader { get; set; } = "X-Api-Key";
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>What a sender needs of a message (read once, after the claim).</summary>
public sealed record MessageToSend(Guid Id, Guid TenantId, MessageChannel Channel, string Recipient, string Subject, string Body);
