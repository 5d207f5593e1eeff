using Juthuruna.Data;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Requests;

/// <summary>
/// Issue 14, item 3: who may take a step is decided in the core, from the roles the workflow gives it — a command
/// called by any other role answers Forbidden and writes nothing, whatever page (or none) called it.
/// </summary>
[Collection(SharedApp.Requests)]
public sealed class StepAuthorisationTests(AppFactory factory)
{
    [Fact]
    public async Task Step_commands_called_by_a_role_without_the_step_are_forbidden_in_the_core_and_write_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        var verified = await TestRequests.VerifiedAsync(factory, tenant);
        var researcher = TestRequests.Actor(tenant, StaffRoles.SocialResearcher);
        var officer = TestRequests.Actor(tenant, StaffRoles.RelationsOfficer);
        var member = TestRequests.Actor(tenant, StaffRoles.CommitteeMember);
        var researcherId = tenant.User(StaffRoles.SocialResearcher).Id;
        var documentTypeId = Guid.NewGuid();

        var results = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var requests = sp.GetRequiredService<RequestCommands>();
            var documents = sp.GetRequiredService<DocumentChecks>();
            var research = sp.GetRequiredService<ResearchCommands>();
            var version = await sp.GetRequiredService<AppDbContext>().SupportRequests.Where(r => r.Id == verified.RequestId).Select(r => r.Version).SingleAsync();
            var referred = await requests.ReferAsync(verified.RequestId, researcherId, "هل زرت الأسرة؟", officer, CancellationToken.None);
            var referralId = await sp.GetRequiredService<AppDbContext>().Referrals.Where(r => r.RequestId == verified.RequestId).Select(r => r.Id).SingleAsync();
            var report = new ResearchReportInput(VisitType.PhoneCall, null, null, null, "سلة غذائية", null, [], null);
            return new Dictionary<string, RequestResult>
            {
                ["referred by the officer"] = referred,
                ["declaration by a researcher"] = await requests.DeclareAsync(verified.RequestId, "أحمد", DeclarationMethod.ConfirmedOnScreen, null, researcher, CancellationToken.None),
                ["document check by a researcher"] = await documents.RecordAsync(verified.RequestId, new DocumentCheckInput(documentTypeId, DocumentStatus.Matched, true, null, null, null), null, researcher, CancellationToken.None),
                ["referral by a researcher"] = await requests.ReferAsync(verified.RequestId, researcherId, "سؤال", researcher, CancellationToken.None),
                ["answer by the officer"] = await requests.AnswerReferralAsync(verified.RequestId, referralId, "جواب", officer, CancellationToken.None),
                ["assignment by a committee member"] = await research.AssignResearcherAsync(verified.RequestId, researcherId, version, member, CancellationToken.None),
                ["report by the officer"] = await research.SaveReportAsync(verified.RequestId, null, report, officer, CancellationToken.None),
            };
        });

        Assert.True(results["referred by the officer"].Succeeded);
        Assert.All(results.Where(r => r.Key != "referred by the officer"), r => Assert.True(r.Value.Forbidden, r.Key + " was not forbidden"));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.DocumentChecks.CountAsync(c => c.RequestId == verified.RequestId && c.CheckedBy == researcher.UserId)));
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.Referrals.CountAsync(r => r.RequestId == verified.RequestId)));
        Assert.Null(await factory.QueryAsync(tenant.Id, db => db.Referrals.Where(r => r.RequestId == verified.RequestId).Select(r => r.Answer).SingleAsync()));
        Assert.Equal(RequestState.Verified, await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == verified.RequestId).Select(r => r.State).SingleAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.ResearchReports.CountAsync(r => r.RequestId == verified.RequestId)));
    }

    [Fact]
    public async Task Answer_to_a_referral_of_another_request_is_not_found_and_changes_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        var first = await TestRequests.VerifiedAsync(factory, tenant);
        var second = await TestRequests.VerifiedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        await officer.SubmitFormAsync($"/Requests/{first.RequestId}/Referrals", "form[data-testid=referral-form]", new Dictionary<string, string>
        {
            ["Referral.ResearcherId"] = tenant.User(StaffRoles.SocialResearcher).Id.ToString(),
            ["Referral.Question"] = "هل زرت الأسرة؟",
        });
        var referralId = await factory.QueryAsync(tenant.Id, db => db.Referrals.Select(r => r.Id).SingleAsync());
        using var researcher = await factory.SignInAsync(tenant.User(StaffRoles.SocialResearcher).Email);

        var crossed = await researcher.PostWithTokenAsync($"/Requests/{second.RequestId}/Referrals?handler=Answer", new Dictionary<string, string>
        {
            ["Answer.ReferralId"] = referralId.ToString(),
            ["Answer.Text"] = "جواب على طلب آخر",
        });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Null(await factory.QueryAsync(tenant.Id, db => db.Referrals.Select(r => r.Answer).SingleAsync()));
    }

    [Fact]
    public async Task Step_pages_of_another_associations_request_are_not_found()
    {
        var victim = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, victim);
        var intruder = await factory.CreateTenantAsync();
        using var intruderAdmin = await factory.SignInAsync(intruder.Admin.Email);

        foreach (var step in new[] { "Documents", "Declaration", "Referrals", "Research", "Registration", "Delivery", "Transition" })
        {
            await TenantLeak.AssertGetNotFoundAsync(intruderAdmin, $"/Requests/{registered.RequestId}/{step}");
        }
    }
}
