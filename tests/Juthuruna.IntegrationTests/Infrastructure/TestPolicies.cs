using Juthuruna.Features.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Infrastructure;

/// <summary>Policy documents through the real service, for tests of what cites or shows them.</summary>
public static class TestPolicies
{
    /// <summary>A document with its first version approved in board session <paramref name="session"/> on <paramref name="approvedOn"/>.</summary>
    public static Task<Guid> ApprovedAsync(AppFactory factory, TestTenant tenant, string titleAr, PolicyKind kind, string text, string session, DateOnly approvedOn, bool isPublic = true) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var policies = sp.GetRequiredService<PolicyDocuments>();
            var created = await policies.CreateAsync(new NewPolicyDocument(titleAr, titleAr + " (en)", kind, isPublic, text, Guid.NewGuid()), tenant.Admin.Id, CancellationToken.None);
            Assert.True(created.Succeeded);
            var draft = await sp.GetRequiredService<PolicyQueries>().DraftTextAsync(created.Id!.Value, CancellationToken.None);
            Assert.True((await policies.ApproveAsync(created.Id.Value, draft!.Id, draft.Token, session, approvedOn, tenant.Admin.Id, CancellationToken.None)).Succeeded);
            return created.Id.Value;
        });

    /// <summary>A document whose only version is still a draft.</summary>
    public static Task<Guid> DraftAsync(AppFactory factory, TestTenant tenant, string titleAr, string text, bool isPublic = true) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var created = await sp.GetRequiredService<PolicyDocuments>().CreateAsync(
                new NewPolicyDocument(titleAr, titleAr + " (en)", PolicyKind.Other, isPublic, text, Guid.NewGuid()), tenant.Admin.Id, CancellationToken.None);
            Assert.True(created.Succeeded);
            return created.Id!.Value;
        });
}
