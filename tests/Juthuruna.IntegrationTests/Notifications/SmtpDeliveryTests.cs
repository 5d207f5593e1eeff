using System.Net;
using System.Text;
using System.Text.Json;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Notifications.Messaging;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using MimeKit;
using netDumbster.smtp;

namespace Juthuruna.IntegrationTests.Notifications;

/// <summary>E-mail through MailKit to a real SMTP server (netDumbster) listening on loopback.</summary>
public sealed class SmtpDeliveryTests(LiveMessagingFactory factory) : IClassFixture<LiveMessagingFactory>
{
    [Fact]
    public async Task Reminder_email_reaches_the_smtp_server_with_its_arabic_subject_and_body()
    {
        using var server = SimpleSmtpServer.Start(factory.SmtpPort);
        var tenant = await factory.CreateTenantAsync();
        await TestWindow.RequestDueInAsync(factory, tenant, 1);
        await TestWindow.RaiseAsync(factory, tenant);
        var stored = Assert.Single(await TestMessages.StoredAsync(factory, tenant));

        var run = await TestMessages.DispatchAsync(factory);

        Assert.Equal(new DeliveryRun(1, 0, 0, 0), run[tenant.Id]);
        var received = Assert.Single(server.ReceivedEmail);
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.Data));
        var mime = await MimeMessage.LoadAsync(raw);
        Assert.Equal(stored.Subject, mime.Subject);
        Assert.StartsWith("تذكير: يقترب موعد البت في الطلب رقم", mime.Subject);
        Assert.Equal(stored.Body, mime.TextBody?.TrimEnd());
        Assert.Equal(tenant.User(StaffRoles.CommitteeSecretary).Email, Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal(("no-reply@juthuruna.test", "جمعية جذورنا"), (Assert.Single(mime.From.Mailboxes).Address, mime.From.Mailboxes.Single().Name));
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await TestMessages.StoredAsync(factory, tenant)).Status);
    }

    [Fact]
    public async Task Sms_is_posted_to_the_gateway_as_json_with_the_api_key_header()
    {
        using var gateway = new HttpListener();
        gateway.Prefixes.Add($"http://127.0.0.1:{factory.SmsPort}/");
        gateway.Start();
        var tenant = await factory.CreateTenantAsync();
        var id = Assert.Single(await TestMessages.AddAsync(factory, tenant, 1, MessageChannel.Sms));

        var dispatch = TestMessages.DispatchAsync(factory);
        var context = await gateway.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var json = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
        var (method, path, apiKey) = (context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["X-Api-Key"]);
        context.Response.StatusCode = 202;
        context.Response.Close();
        var run = await dispatch;

        Assert.Equal(("POST", "/sms", "test-key"), (method, path, apiKey));
        Assert.Equal("+966556766873", json.GetProperty("to").GetString());
        Assert.Equal("تم استلام طلب الدعم الخاص بكم برقم 0", json.GetProperty("text").GetString());
        Assert.Equal(new DeliveryRun(1, 0, 0, 0), run[tenant.Id]);
        var sent = Assert.Single(await TestMessages.StoredAsync(factory, tenant));
        Assert.Equal((id, DeliveryStatus.Sent), (sent.Id, sent.Status));
    }
}

/// <summary>
/// A sender that fails: the SMTP port is closed at first (and the SMS gateway always is). Its own factory, so
/// its SMTP port stays closed until the test opens it.
/// </summary>
public sealed class MessageRetryTests(LiveMessagingFactory factory) : IClassFixture<LiveMessagingFactory>
{
    [Fact]
    public async Task Email_to_a_closed_smtp_port_is_retried_after_one_then_two_minutes_and_sent_once_the_server_is_up()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = Assert.Single(await TestMessages.AddAsync(factory, tenant, 1));
        var start = factory.Clock.GetUtcNow().UtcDateTime;

        Assert.Equal(new DeliveryRun(0, 1, 0, 0), (await TestMessages.DispatchAsync(factory))[tenant.Id]);
        var failedOnce = Assert.Single(await TestMessages.StoredAsync(factory, tenant));
        Assert.Equal((DeliveryStatus.Pending, 1, start.AddMinutes(1)), (failedOnce.Status, failedOnce.Attempts, failedOnce.NextAttemptAtUtc));
        Assert.NotNull(failedOnce.LastError);

        // Not due yet: nothing is tried.
        Assert.Equal(DeliveryRun.None, (await TestMessages.DispatchAsync(factory))[tenant.Id]);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DeliveryRun(0, 1, 0, 0), (await TestMessages.DispatchAsync(factory))[tenant.Id]);
        var failedTwice = Assert.Single(await TestMessages.StoredAsync(factory, tenant));
        Assert.Equal((2, start.AddMinutes(3)), (failedTwice.Attempts, failedTwice.NextAttemptAtUtc));

        using var server = SimpleSmtpServer.Start(factory.SmtpPort);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new DeliveryRun(1, 0, 0, 0), (await TestMessages.DispatchAsync(factory))[tenant.Id]);
        await TestMessages.DispatchAsync(factory);

        Assert.Single(server.ReceivedEmail);
        var sent = Assert.Single(await TestMessages.StoredAsync(factory, tenant));
        Assert.Equal((id, DeliveryStatus.Sent, 3, (string?)null), (sent.Id, sent.Status, sent.Attempts, sent.LastError));
    }

    [Fact]
    public async Task Sms_to_an_unreachable_gateway_backs_off_1_2_4_8_minutes_and_fails_after_five_attempts()
    {
        var tenant = await factory.CreateTenantAsync();
        await TestMessages.AddAsync(factory, tenant, 1, MessageChannel.Sms);

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= MessageDelivery.MaxAttempts; attempt++)
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            await TestMessages.DispatchAsync(factory);
            var message = Assert.Single(await TestMessages.StoredAsync(factory, tenant));
            Assert.Equal(attempt, message.Attempts);
            Assert.Contains("HttpRequestException", message.LastError);
            waits.Add(message.NextAttemptAtUtc - now);
            factory.Clock.Advance(message.NextAttemptAtUtc - now);
        }

        Assert.Equal([1, 2, 4, 8], waits.Take(4).Select(w => w.TotalMinutes));
        Assert.Equal(DeliveryStatus.Failed, Assert.Single(await TestMessages.StoredAsync(factory, tenant)).Status);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await TestMessages.DispatchAsync(factory);
        var final = Assert.Single(await TestMessages.StoredAsync(factory, tenant));
        Assert.Equal((DeliveryStatus.Failed, 5), (final.Status, final.Attempts));
    }
}
