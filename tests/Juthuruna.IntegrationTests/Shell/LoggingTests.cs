using System.Text.Json;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;

namespace Juthuruna.IntegrationTests.Shell;

public sealed class LoggingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Log_events_of_a_signed_in_request_carry_tenant_and_user_ids_but_no_email()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = tenant.User(StaffRoles.Manager);
        using var client = await factory.SignInAsync(user.Email);

        await client.GetDocumentAsync("/");

        // The request-completed event is written after the response reaches the client: wait for it (as long as a
        // loaded machine may take; the loop ends as soon as it is there).
        static bool IsDashboardRequest(JsonElement e) =>
            e.GetProperty("@mt").GetString()!.StartsWith("HTTP", StringComparison.Ordinal)
            && e.TryGetProperty("RequestPath", out var path) && path.GetString() == "/";
        var events = ReadEvents();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline && !events.Any(IsDashboardRequest))
        {
            await Task.Delay(100);
            events = ReadEvents();
        }

        var request = events.Last(IsDashboardRequest);
        Assert.Equal(tenant.Id.ToString(), request.GetProperty("TenantId").GetString());
        Assert.Equal(user.Id.ToString(), request.GetProperty("UserId").GetString());
        Assert.DoesNotContain(events, e => e.GetRawText().Contains(user.Email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(events, e => e.GetRawText().Contains(AppFactory.Password, StringComparison.Ordinal));
    }

    private List<JsonElement> ReadEvents()
    {
        var directory = Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, "logs");
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var events = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(directory, "juthuruna-*.json"))
        {
            // The host still has the file open for writing.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                events.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return events;
    }
}
