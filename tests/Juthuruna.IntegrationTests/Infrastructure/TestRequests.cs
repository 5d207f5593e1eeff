using Juthuruna.Common.Saudi;
using Juthuruna.Data;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Research;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Infrastructure;

/// <summary>
/// Arranges support requests at a given step of the workflow through the core services (the intake pages
/// have their own tests), so tests of later steps start where they need to.
/// </summary>
public static class TestRequests
{
    private static int _next = 9000;

    public sealed record Arranged(Guid RequestId, Guid BeneficiaryId, Guid ServiceId);

    /// <summary>A verified request (declaration recorded, no mandatory documents) of a new file for a new service.</summary>
    public static Task<Arranged> VerifiedAsync(AppFactory factory, TestTenant tenant) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var n = Interlocked.Increment(ref _next);
            var service = new SupportService { Code = $"S{n}", NameAr = $"مساعدة نقدية {n}", NameEn = $"Cash aid {n}" };
            var beneficiary = new Beneficiary
            {
                FileNumber = Beneficiary.FormatFileNumber(n),
                IdentityType = IdentityType.NationalId,
                IdentityNumber = TestBeneficiaries.NationalIdFor(n),
                FirstName = "سعاد",
                FatherName = "عبدالله",
                GrandfatherName = "صالح",
                FamilyName = "الزهراني",
                Nationality = "سعودية",
                Mobile = "+966551234567",
                SearchKey = "سعاد عبدالله صالح الزهراني",
            };
            db.SupportServices.Add(service);
            db.Beneficiaries.Add(beneficiary);
            await db.SaveChangesAsync();

            var officer = Actor(tenant, StaffRoles.RelationsOfficer);
            var requests = sp.GetRequiredService<SupportRequests>();
            var created = await requests.CreateAsync(
                new NewSupportRequest(beneficiary.Id, service.Id, null, Features.Contacts.ContactChannel.InPerson, "أسرة تحتاج مساعدة في الإيجار", "3000", Guid.NewGuid()),
                officer, CancellationToken.None);
            var id = created.Id!.Value;
            Assert.True((await requests.DeclareAsync(id, "سعاد عبدالله", DeclarationMethod.ConfirmedOnScreen, null, officer, CancellationToken.None)).Succeeded);
            await StepAsync(sp, id, RequestTrigger.Submit, officer);
            await StepAsync(sp, id, RequestTrigger.Verify, officer);
            return new Arranged(id, beneficiary.Id, service.Id);
        });

    /// <summary>A request in the committee's queue: researched by the tenant's researcher, report submitted recommending approval.</summary>
    public static async Task<Arranged> AwaitingCommitteeAsync(AppFactory factory, TestTenant tenant)
    {
        var arranged = await VerifiedAsync(factory, tenant);
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var researcher = tenant.User(StaffRoles.SocialResearcher).Id;
            var request = await db.SupportRequests.SingleAsync(r => r.Id == arranged.RequestId);
            request.ResearcherId = researcher;
            await db.SaveChangesAsync();
            await StepAsync(sp, arranged.RequestId, RequestTrigger.AssignResearcher, Actor(tenant, StaffRoles.RelationsOfficer));
            db.ResearchReports.Add(new ResearchReport
            {
                RequestId = arranged.RequestId,
                ResearcherId = researcher,
                VisitType = VisitType.HomeVisit,
                VisitedOn = new DateOnly(2026, 2, 17),
                HouseholdSituation = "أم وخمسة أبناء في شقة مستأجرة",
                Findings = "الدخل لا يغطي الإيجار",
                Needs = "مساعدة في الإيجار",
                Recommendation = ResearchRecommendation.Approve,
                RecommendedServiceIds = [arranged.ServiceId],
                RecommendedAmountHalalas = 300_000,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                SubmittedAtUtc = now,
            });
            await db.SaveChangesAsync();
            await StepAsync(sp, arranged.RequestId, RequestTrigger.SubmitResearch, Actor(tenant, StaffRoles.SocialResearcher));
        });
        return arranged;
    }

    public static Actor Actor(TestTenant tenant, string role) => new(tenant.User(role).Id, [role]);

    private static async Task StepAsync(IServiceProvider sp, Guid id, RequestTrigger trigger, Actor actor)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var version = await db.SupportRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
        var result = await sp.GetRequiredService<SupportRequests>().ApplyAsync(id, trigger, version, null, actor, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}
