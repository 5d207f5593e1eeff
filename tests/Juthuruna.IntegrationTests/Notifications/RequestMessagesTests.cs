using Juthuruna.Data;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Notifications;

/// <summary>The beneficiary hears of their request's steps without asking: returned, decided, registered.</summary>
[Collection(SharedApp.Administration)]
public sealed class RequestMessagesTests(AppFactory factory)
{
    private const string RegisteredMobile = "+966551234567"; // TestRequests' file

    private Task<List<OutgoingMessage>> MessagesAsync(TestTenant tenant, MessageKind kind) =>
        factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.AsNoTracking().Where(m => m.Kind == kind).ToListAsync());

    private Task<string> NumberAsync(TestTenant tenant, Guid requestId) =>
        factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.Number).SingleAsync());

    [Fact]
    public async Task Request_returned_for_completion_sends_one_sms_with_the_portal_link_to_the_registered_mobile_and_a_stale_repeat_sends_none()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.VerifiedAsync(factory, tenant);
        var officer = TestRequests.Actor(tenant, StaffRoles.RelationsOfficer);
        // Back to the desk: verified requests cannot be returned, so a fresh one is submitted and returned.
        var (requestId, staleVersion) = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var requests = sp.GetRequiredService<RequestCommands>();
            var created = await requests.CreateAsync(
                new NewSupportRequest(arranged.BeneficiaryId, arranged.ServiceId, null, Features.Contacts.ContactChannel.Phone, "طلب ثان", null, Guid.NewGuid()),
                officer, CancellationToken.None);
            var id = created.Id!.Value;
            var db = sp.GetRequiredService<AppDbContext>();
            async Task<Guid> VersionAsync() => await db.SupportRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
            Assert.True((await requests.TransitionAsync(id, RequestTrigger.Submit, await VersionAsync(), null, officer, CancellationToken.None)).Succeeded);
            var beforeReturn = await VersionAsync();
            Assert.True((await requests.TransitionAsync(id, RequestTrigger.ReturnForCompletion, beforeReturn, "صورة الهوية منتهية", officer, CancellationToken.None)).Succeeded);
            return (id, beforeReturn);
        });

        var stale = await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<RequestCommands>()
            .TransitionAsync(requestId, RequestTrigger.ReturnForCompletion, staleVersion, "مرة ثانية", officer, CancellationToken.None));

        Assert.True(stale.Stale);
        var sms = Assert.Single(await MessagesAsync(tenant, MessageKind.ReturnedForCompletion));
        Assert.Equal(MessageChannel.Sms, sms.Channel);
        Assert.Equal(RegisteredMobile, sms.Recipient);
        Assert.Contains(await NumberAsync(tenant, requestId), sms.Body);
        Assert.Contains("للاستكمال", sms.Body);
        Assert.EndsWith($"http://localhost:5080/t/{tenant.Slug}/track", sms.Body); // where the beneficiary sends the documents
    }

    [Fact]
    public async Task Rejected_request_tells_a_beneficiary_who_opted_out_of_non_essential_messages()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var beneficiary = await db.Beneficiaries.SingleAsync(b => b.Id == arranged.BeneficiaryId);
            beneficiary.NonEssentialMessagesOptOut = true;
            beneficiary.Email = "suad@example.test";
            await db.SaveChangesAsync();
        });

        await TestRequests.RejectAsync(factory, tenant, arranged.RequestId, "الدخل يتجاوز حد الاستحقاق");

        var messages = await MessagesAsync(tenant, MessageKind.Decision);
        var number = await NumberAsync(tenant, arranged.RequestId);
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms], messages.Select(m => m.Channel).Order());
        Assert.Equal(RegisteredMobile, messages.Single(m => m.Channel == MessageChannel.Sms).Recipient);
        var email = messages.Single(m => m.Channel == MessageChannel.Email);
        Assert.Equal("suad@example.test", email.Recipient);
        Assert.Contains(number, email.Subject);
        Assert.All(messages, m => Assert.Contains(number, m.Body));
    }

    [Fact]
    public async Task Registered_request_sends_the_beneficiary_their_file_number_once()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.RegisteredAsync(factory, tenant);

        var number = await factory.QueryAsync(tenant.Id, db => db.Registrations.Where(r => r.RequestId == arranged.RequestId).Select(r => r.BeneficiaryNumber).SingleAsync());
        var sms = Assert.Single(await MessagesAsync(tenant, MessageKind.Registration));
        Assert.Contains(number, sms.Body);
        Assert.Single(await MessagesAsync(tenant, MessageKind.Decision)); // the approval before it
    }
}
