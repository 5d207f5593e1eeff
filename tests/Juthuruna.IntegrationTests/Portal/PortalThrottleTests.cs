using Juthuruna.Data;
using Juthuruna.Features.Portal;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Portal;

/// <summary>The one rate limiter of the portal: sliding windows, retry time, scopes, association isolation, purge.</summary>
public sealed class PortalThrottleTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Client = "203.0.113.7";

    private Task<ThrottleVerdict> CheckAsync(Guid tenantId, PortalLimit limit, string client = Client, string? subject = null) =>
        factory.InTenantAsync(tenantId, sp => sp.GetRequiredService<PortalThrottle>().CheckAsync(limit, client, subject, CancellationToken.None));

    private Task RecordAsync(Guid tenantId, PortalLimit limit, string client = Client, string? subject = null) =>
        factory.InTenantAsync(tenantId, async sp =>
        {
            sp.GetRequiredService<PortalThrottle>().Record(limit, client, subject);
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

    [Fact]
    public async Task Throttle_over_the_limit_refuses_until_the_oldest_counted_attempt_leaves_the_window()
    {
        var tenant = await factory.CreateTenantAsync();
        var limit = PortalLimits.FeedbackSubmission;
        var first = factory.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < limit.MaxAttempts; i++)
        {
            Assert.True((await CheckAsync(tenant.Id, limit)).Allowed);
            await RecordAsync(tenant.Id, limit);
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var refused = await CheckAsync(tenant.Id, limit);
        Assert.Equal(new ThrottleVerdict(false, first + limit.Window), refused);
        Assert.Equal(limit.Window - TimeSpan.FromMinutes(limit.MaxAttempts), refused.RetryAfter(factory.Clock.GetUtcNow().UtcDateTime));

        factory.Clock.Advance(refused.RetryAfter(factory.Clock.GetUtcNow().UtcDateTime));
        Assert.True((await CheckAsync(tenant.Id, limit)).Allowed);
    }

    [Fact]
    public async Task Throttle_counts_each_purpose_client_association_and_subject_apart()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        for (var i = 0; i < PortalLimits.CodeRequest.MaxAttempts; i++)
        {
            // Three different clients asking codes for one request: the request's limit is spent.
            await RecordAsync(tenant.Id, PortalLimits.CodeRequest, $"198.51.100.{i}", "request-a");
        }

        for (var i = 0; i < PortalLimits.Application.MaxAttempts; i++)
        {
            await RecordAsync(tenant.Id, PortalLimits.Application);
        }

        Assert.False((await CheckAsync(tenant.Id, PortalLimits.CodeRequest, subject: "request-a")).Allowed);
        Assert.True((await CheckAsync(tenant.Id, PortalLimits.CodeRequest, subject: "request-b")).Allowed);
        Assert.False((await CheckAsync(tenant.Id, PortalLimits.Application)).Allowed);
        Assert.True((await CheckAsync(tenant.Id, PortalLimits.Application, "198.51.100.200")).Allowed);
        Assert.True((await CheckAsync(tenant.Id, PortalLimits.FeedbackSubmission)).Allowed);
        Assert.True((await CheckAsync(other.Id, PortalLimits.Application)).Allowed);
        Assert.True((await CheckAsync(other.Id, PortalLimits.CodeRequest, subject: "request-a")).Allowed);
    }

    [Fact]
    public async Task Throttle_deletes_attempts_older_than_a_day_and_stores_no_address()
    {
        var tenant = await factory.CreateTenantAsync();
        await RecordAsync(tenant.Id, PortalLimits.TrackLookup);
        await RecordAsync(tenant.Id, PortalLimits.FeedbackLookup, "198.51.100.9");
        factory.Clock.Advance(PortalLimits.Retention + TimeSpan.FromMinutes(1));
        await RecordAsync(tenant.Id, PortalLimits.TrackLookup);

        Assert.True((await CheckAsync(tenant.Id, PortalLimits.Application)).Allowed);

        var left = await factory.QueryAsync(tenant.Id, db => db.PortalAttempts.AsNoTracking().ToListAsync());
        var kept = Assert.Single(left);
        Assert.Equal((PortalAttemptPurpose.TrackLookup, PortalThrottle.ClientKey(Client)), (kept.Purpose, kept.ClientKey));
        Assert.DoesNotContain(Client, kept.ClientKey, StringComparison.Ordinal);
    }
}
