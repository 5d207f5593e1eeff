using System.Net;
using System.Net.Sockets;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Juthuruna.IntegrationTests.Notifications;

/// <summary>
/// The app in Live mode: e-mail to an SMTP server on a loopback port chosen now but left closed until a test
/// starts netDumbster on it; SMS to a loopback gateway port, closed unless a test listens on it.
/// </summary>
public sealed class LiveMessagingFactory : AppFactory
{
    public int SmtpPort { get; } = FreePort();

    public int SmsPort { get; } = FreePort();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:Mode", "Live");
        builder.UseSetting("Messaging:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Messaging:Smtp:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Messaging:Smtp:From", "no-reply@juthuruna.test");
        builder.UseSetting("Messaging:Smtp:FromName", "جمعية جذورنا");
        builder.UseSetting("Messaging:Smtp:StartTls", "false");
        // Far above a loopback send on a loaded machine; no test waits for it to expire.
        builder.UseSetting("Messaging:Smtp:TimeoutSeconds", "120");
        builder.UseSetting("Messaging:Sms:GatewayUrl", $"http://127.0.0.1:{SmsPort}/sms");
        builder.UseSetting("Messaging:Sms:ApiKey", "test-key");
    }

    /// <summary>A loopback port free at this moment (the listener is closed again at once).</summary>
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>The app as a developer runs it (Development environment, no demo data).</summary>
public sealed class DevelopmentFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>The app as deployed (Production environment).</summary>
public sealed class ProductionFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
