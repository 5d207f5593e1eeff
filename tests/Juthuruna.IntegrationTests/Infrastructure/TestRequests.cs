using Juthuruna.Common.Saudi;
using Juthuruna.Data;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Registrations;
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
    public static Task<Arranged> VerifiedAsync(AppFactory factory, TestTenant tenant) => VerifiedAsync(factory, tenant, sameFileAs: null);

    /// <summary>A verified request; of the same file and service as <paramref name="sameFileAs"/> when given.</summary>
    public static Task<Arranged> VerifiedAsync(AppFactory factory, TestTenant tenant, Arranged? sameFileAs) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var (beneficiaryId, serviceId) = sameFileAs is null ? await NewFileAsync(sp) : (sameFileAs.BeneficiaryId, sameFileAs.ServiceId);
            var officer = Actor(tenant, StaffRoles.RelationsOfficer);
            var requests = sp.GetRequiredService<RequestCommands>();
            var created = await requests.CreateAsync(
                new NewSupportRequest(beneficiaryId, serviceId, null, Features.Contacts.ContactChannel.InPerson, "أسرة تحتاج مساعدة في الإيجار", "3000", Guid.NewGuid()),
                officer, CancellationToken.None);
            var id = created.Id!.Value;
            Assert.True((await requests.DeclareAsync(id, "سعاد عبدالله", DeclarationMethod.ConfirmedOnScreen, null, officer, CancellationToken.None)).Succeeded);
            await StepAsync(sp, id, RequestTrigger.Submit, officer);
            await StepAsync(sp, id, RequestTrigger.Verify, officer);
            return new Arranged(id, beneficiaryId, serviceId);
        });

    private static async Task<(Guid BeneficiaryId, Guid ServiceId)> NewFileAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
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
            BirthDate = new DateOnly(1985, 3, 10), // the file page shows it in both calendars
            Nationality = "سعودية",
            Mobile = "+966551234567",
            SearchKey = "سعاد عبدالله صالح الزهراني",
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.SupportServices.Add(service);
        db.Beneficiaries.Add(beneficiary);
        await db.SaveChangesAsync();
        return (beneficiary.Id, service.Id);
    }

    /// <summary>A request under research, assigned to the tenant's researcher, with no report yet.</summary>
    public static async Task<Arranged> UnderResearchAsync(AppFactory factory, TestTenant tenant)
    {
        var arranged = await VerifiedAsync(factory, tenant);
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var assigned = await sp.GetRequiredService<ResearchCommands>().AssignResearcherAsync(
                arranged.RequestId, tenant.User(StaffRoles.SocialResearcher).Id, await VersionAsync(sp, arranged.RequestId), Actor(tenant, StaffRoles.RelationsOfficer), CancellationToken.None);
            Assert.True(assigned.Succeeded, string.Join("; ", assigned.Errors.Select(e => e.Message)));
        });
        return arranged;
    }

    /// <summary>A request in the committee's queue: researched by the tenant's researcher, report submitted recommending approval.</summary>
    public static Task<Arranged> AwaitingCommitteeAsync(AppFactory factory, TestTenant tenant) => AwaitingCommitteeAsync(factory, tenant, sameFileAs: null);

    /// <summary>A request in the committee's queue; of the same file and service as <paramref name="sameFileAs"/> when given.</summary>
    public static async Task<Arranged> AwaitingCommitteeAsync(AppFactory factory, TestTenant tenant, Arranged? sameFileAs)
    {
        var arranged = await VerifiedAsync(factory, tenant, sameFileAs);
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var research = sp.GetRequiredService<ResearchCommands>();
            var researcher = tenant.User(StaffRoles.SocialResearcher).Id;
            var assigned = await research.AssignResearcherAsync(arranged.RequestId, researcher, await VersionAsync(sp, arranged.RequestId), Actor(tenant, StaffRoles.RelationsOfficer), CancellationToken.None);
            Assert.True(assigned.Succeeded, string.Join("; ", assigned.Errors.Select(e => e.Message)));
            var submitted = await research.SubmitReportAsync(
                arranged.RequestId, null, await VersionAsync(sp, arranged.RequestId),
                new ResearchReportInput(VisitType.HomeVisit, new DateOnly(2026, 2, 17), "أم وخمسة أبناء في شقة مستأجرة", "الدخل لا يغطي الإيجار",
                    "مساعدة في الإيجار", ResearchRecommendation.Approve, [arranged.ServiceId], "3000"),
                Actor(tenant, StaffRoles.SocialResearcher), CancellationToken.None);
            Assert.True(submitted.Succeeded, string.Join("; ", submitted.Errors.Select(e => e.Message)));
        });
        return arranged;
    }

    /// <summary>
    /// An approved request: in the committee's queue, then a decided agenda item written directly (the committee
    /// pages have their own tests) and the Approve transition applied by the chair. By default the committee
    /// approves the requested service and 3,000 riyals.
    /// </summary>
    public static async Task<Arranged> ApprovedAsync(AppFactory factory, TestTenant tenant, IReadOnlyList<Guid>? approvedServiceIds = null, long? amountHalalas = 300_000)
    {
        var arranged = await AwaitingCommitteeAsync(factory, tenant);
        await ApproveAsync(factory, tenant, arranged.RequestId, approvedServiceIds ?? [arranged.ServiceId], amountHalalas);
        return arranged;
    }

    /// <summary>An approved request registered by the desk for 18 Feb – 17 Aug 2026 (Registered, no delivery yet).</summary>
    public static async Task<Arranged> RegisteredAsync(AppFactory factory, TestTenant tenant, IReadOnlyList<Guid>? approvedServiceIds = null, long? amountHalalas = 300_000)
    {
        var arranged = await ApprovedAsync(factory, tenant, approvedServiceIds, amountHalalas);
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var registered = await sp.GetRequiredService<RegistrationCommands>().RegisterAsync(
                arranged.RequestId, new DateOnly(2026, 2, 18), new DateOnly(2026, 8, 17), await VersionAsync(sp, arranged.RequestId),
                Actor(tenant, StaffRoles.RelationsOfficer), CancellationToken.None);
            Assert.True(registered.Succeeded, string.Join("; ", registered.Errors.Select(e => e.Message)));
        });
        return arranged;
    }

    /// <summary>Records the committee's approval of a request awaiting it (session, decided item, Approve transition).</summary>
    public static Task ApproveAsync(AppFactory factory, TestTenant tenant, Guid requestId, IReadOnlyList<Guid> approvedServiceIds, long? amountHalalas) =>
        DecideAsync(factory, tenant, requestId, CommitteeDecision.Approve, "الأسرة مستحقة وفق دليل سياسة الدعم", approvedServiceIds, amountHalalas);

    /// <summary>Records the committee's rejection of a request awaiting it, with its reasons.</summary>
    public static Task RejectAsync(AppFactory factory, TestTenant tenant, Guid requestId, string reasons) =>
        DecideAsync(factory, tenant, requestId, CommitteeDecision.Reject, reasons, [], null);

    /// <summary>A session of today with the request as its decided item (three votes for the decision), then the transition.</summary>
    private static Task DecideAsync(AppFactory factory, TestTenant tenant, Guid requestId, CommitteeDecision decision, string reasons, IReadOnlyList<Guid> approvedServiceIds, long? amountHalalas) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var chair = tenant.User(StaffRoles.CommitteeChair).Id;
            var n = Interlocked.Increment(ref _next);
            var session = new CommitteeSession
            {
                Number = CommitteeSession.FormatNumber(1447, n),
                HijriYear = 1447,
                HeldOn = DateOnly.FromDateTime(now),
                Place = "مقر الجمعية",
                CreatedBy = chair,
                CreatedAtUtc = now,
            };
            db.CommitteeSessions.Add(session);
            var approve = decision == CommitteeDecision.Approve;
            db.AgendaItems.Add(new AgendaItem
            {
                SessionId = session.Id,
                RequestId = requestId,
                Position = 1,
                Status = AgendaItemStatus.Decided,
                Decision = decision,
                Reasons = reasons,
                ApprovedServiceIds = [.. approvedServiceIds],
                ApprovedAmountHalalas = amountHalalas,
                VotesApprove = approve ? 3 : 0,
                VotesReject = approve ? 0 : 3,
                DecidedBy = chair,
                DecidedAtUtc = now,
            });
            await db.SaveChangesAsync();
            await ApplyDecisionAsync(sp, requestId, decision, reasons, Actor(tenant, StaffRoles.CommitteeChair));
        });

    /// <summary>
    /// Hands a decision written directly (a decided agenda item) to the request, as the chair's close does: the
    /// committee's own <see cref="CommitteeVoting.ApplyDecisionAsync"/>, then one save.
    /// </summary>
    public static async Task ApplyDecisionAsync(IServiceProvider sp, Guid requestId, CommitteeDecision decision, string reasons, Actor chair)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var request = await db.SupportRequests.SingleAsync(r => r.Id == requestId);
        var outcome = await sp.GetRequiredService<CommitteeVoting>().ApplyDecisionAsync(
            request, decision, reasons, chair, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, CancellationToken.None);
        Assert.True(outcome.Succeeded, $"{decision}: {outcome.Failure} (available: {outcome.Available})");
        await db.SaveChangesAsync();
    }

    public static Actor Actor(TestTenant tenant, string role) => new(tenant.User(role).Id, [role]);

    private static Task<Guid> VersionAsync(IServiceProvider sp, Guid id) =>
        sp.GetRequiredService<AppDbContext>().SupportRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync();

    private static async Task StepAsync(IServiceProvider sp, Guid id, RequestTrigger trigger, Actor actor)
    {
        var version = await VersionAsync(sp, id);
        var result = await sp.GetRequiredService<RequestCommands>().TransitionAsync(id, trigger, version, null, actor, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}
