using System.Net;
using Juthuruna.Data;
using Juthuruna.Features.Services;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Requests;

/// <summary>
/// Every id a form posts is checked to exist in this association (and be usable) before anything is numbered, written
/// or sent: a hand-made post with a made-up or another association's service id opens nothing.
/// </summary>
[Collection(SharedApp.Requests)]
public sealed class RequestFormIdsTests(AppFactory factory)
{
    private const string RequestForm = "form[data-testid=request-form]";

    private sealed record Desk(TestTenant Tenant, StaffClient Officer, Guid BeneficiaryId);

    private async Task<Desk> DeskAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        return new Desk(tenant, officer, await TestBeneficiaries.CreateAsync(officer));
    }

    private Task<Guid> ServiceAsync(TestTenant tenant, bool active = true) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var service = new SupportService { Code = $"FOOD-{Guid.NewGuid():N}"[..20], NameAr = "سلة غذائية", NameEn = "Food basket", IsActive = active };
            db.SupportServices.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });

    private static Task<HttpResponseMessage> OpenAsync(Desk desk, Guid serviceId) =>
        desk.Officer.SubmitFormAsync($"/Requests/Create?beneficiaryId={desk.BeneficiaryId}", RequestForm, new Dictionary<string, string>
        {
            ["Input.ServiceId"] = serviceId.ToString(),
            ["Input.Channel"] = "Phone",
            ["Input.Description"] = "أسرة تحتاج سلة غذائية شهرية",
        });

    private async Task AssertRefusedAsync(Desk desk, HttpResponseMessage response)
    {
        Assert.True((int)response.StatusCode is >= 200 and < 300 or >= 400 and < 500, $"Status {response.StatusCode}.");
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("اختر خدمة من الخدمات التي تقدمها الجمعية", page.QuerySelector("[data-valmsg-for='Input.ServiceId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("أسرة تحتاج سلة غذائية شهرية", page.QuerySelector("[name='Input.Description']")!.TextContent);
        Assert.Equal(0, await factory.QueryAsync(desk.Tenant.Id, db => db.SupportRequests.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(desk.Tenant.Id, db => db.OutgoingMessages.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(desk.Tenant.Id, db => db.TenantCounters.CountAsync(c => c.Name.StartsWith("support-request-"))));
    }

    [Fact]
    public async Task Create_with_a_made_up_service_id_is_refused_with_a_field_message_and_nothing_numbered_or_sent()
    {
        var desk = await DeskAsync();

        await AssertRefusedAsync(desk, await OpenAsync(desk, Guid.NewGuid()));
    }

    [Fact]
    public async Task Create_with_another_associations_service_id_is_refused_with_a_field_message_and_nothing_numbered_or_sent()
    {
        var desk = await DeskAsync();
        var other = await factory.CreateTenantAsync();
        var theirs = await ServiceAsync(other);

        await AssertRefusedAsync(desk, await OpenAsync(desk, theirs));
        Assert.Equal(0, await factory.QueryAsync(other.Id, db => db.SupportRequests.CountAsync()));
    }

    [Fact]
    public async Task Create_with_an_inactive_service_is_refused_and_a_valid_one_then_gets_the_first_number()
    {
        var desk = await DeskAsync();
        var retired = await ServiceAsync(desk.Tenant, active: false);

        await AssertRefusedAsync(desk, await OpenAsync(desk, retired));

        var opened = await OpenAsync(desk, await ServiceAsync(desk.Tenant));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("TST-1447-000001", await factory.QueryAsync(desk.Tenant.Id, db => db.SupportRequests.Select(r => r.Number).SingleAsync()));
    }
}
