using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Performance;

/// <summary>
/// Issue 14: what one delivery costs the database — the POST that records the last delivery, applies Deliver and
/// Complete, invites the survey and queues its message, counted from the page's handler to its redirect.
/// </summary>
public sealed class DeliverySqlCountTests(CommandCountingAppFactory factory) : IClassFixture<CommandCountingAppFactory>
{
    /// <summary>
    /// 37 were measured before the request applied its own transitions (two calls back into the request's commands,
    /// each reloading the request and rebuilding its facts); the delivery may not cost more than that again.
    /// </summary>
    private const int MaxCommands = 37;

    [Fact]
    public async Task Delivery_that_closes_the_request_sends_a_bounded_number_of_sql_commands()
    {
        var tenant = await factory.CreateTenantAsync("count-delivery");
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var url = $"/Requests/Details/{registered.RequestId}";
        var page = await officer.GetDocumentAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>("form[data-testid=delivery-form]")!;
        var tag = Guid.NewGuid().ToString("N");

        officer.Http.DefaultRequestHeaders.Add(SqlCommandLog.Header, tag);
        using var response = await officer.SubmitAsync(form, url, new Dictionary<string, string>
        {
            ["Delivery.ServiceId"] = registered.ServiceId.ToString(),
            ["Delivery.Amount"] = "3000",
            ["Delivery.Calendar"] = "Gregorian",
            ["Delivery.DeliveredOn"] = "2026-02-18",
            ["Delivery.ReceiptKind"] = nameof(ReceiptKind.Note),
            ["Delivery.ReceiptNote"] = "حوالة بنكية",
        });
        officer.Http.DefaultRequestHeaders.Remove(SqlCommandLog.Header);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RequestState.Closed, await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == registered.RequestId).Select(r => r.State).SingleAsync()));
        var commands = factory.Commands.For(tag);
        Console.WriteLine($"[issue 14] a delivery that closes the request: {commands.Count} SQL commands");
        Assert.True(commands.Count <= MaxCommands, $"The delivery sent {commands.Count} SQL commands (at most {MaxCommands}):\n\n" + string.Join("\n\n----\n", commands));
    }
}
