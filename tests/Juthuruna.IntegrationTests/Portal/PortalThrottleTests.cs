using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Data;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Portal;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Portal;

/// <summary>The one rate limiter of the portal: sliding windows, retry time, scopes, association isolation, purge.</summary>
public sealed class PortalThrottleTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Client = "203.0.113.7";

    private Task<ThrottleVerdict> TryAsync(Guid tenantId, PortalLimit limit, string client = Client, string? subject = null) =>
        factory.InTenantAsync(tenantId, sp => sp.GetRequiredService<PortalThrottle>().TryAsync(limit, client, subject, CancellationToken.None));

    private async Task RecordAsync(Guid tenantId, PortalLimit limit, string client = Client, string? subject = null) =>
        Assert.True((await TryAsync(tenantId, limit, client, subject)).Allowed);

    [Fact]
    public async Task Throttle_over_the_limit_refuses_until_the_oldest_counted_attempt_leaves_the_window()
    {
        var tenant = await factory.CreateTenantAsync();
        var limit = PortalLimits.FeedbackSubmission;
        var first = factory.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < limit.MaxAttempts; i++)
        {
            await RecordAsync(tenant.Id, limit);
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var refused = await TryAsync(tenant.Id, limit);
        Assert.Equal(new ThrottleVerdict(false, first + limit.Window), refused);
        Assert.Equal(limit.Window - TimeSpan.FromMinutes(limit.MaxAttempts), refused.RetryAfter(factory.Clock.GetUtcNow().UtcDateTime));

        factory.Clock.Advance(refused.RetryAfter(factory.Clock.GetUtcNow().UtcDateTime));
        Assert.True((await TryAsync(tenant.Id, limit)).Allowed);
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

        Assert.False((await TryAsync(tenant.Id, PortalLimits.CodeRequest, subject: "request-a")).Allowed);
        Assert.True((await TryAsync(tenant.Id, PortalLimits.CodeRequest, subject: "request-b")).Allowed);
        Assert.False((await TryAsync(tenant.Id, PortalLimits.Application)).Allowed);
        Assert.True((await TryAsync(tenant.Id, PortalLimits.Application, "198.51.100.200")).Allowed);
        Assert.True((await TryAsync(tenant.Id, PortalLimits.FeedbackSubmission)).Allowed);
        Assert.True((await TryAsync(other.Id, PortalLimits.Application)).Allowed);
        Assert.True((await TryAsync(other.Id, PortalLimits.CodeRequest, subject: "request-a")).Allowed);
    }

    [Fact]
    public async Task Throttle_deletes_attempts_older_than_a_day_and_stores_no_address()
    {
        var tenant = await factory.CreateTenantAsync();
        await RecordAsync(tenant.Id, PortalLimits.TrackLookup);
        await RecordAsync(tenant.Id, PortalLimits.FeedbackLookup, "198.51.100.9");
        factory.Clock.Advance(PortalLimits.Retention + TimeSpan.FromMinutes(1));
        // Every attempt first deletes a batch of the expired ones.
        await RecordAsync(tenant.Id, PortalLimits.TrackLookup);

        var left = await factory.QueryAsync(tenant.Id, db => db.PortalAttempts.AsNoTracking().ToListAsync());
        var kept = Assert.Single(left);
        Assert.Equal((PortalAttemptPurpose.TrackLookup, PortalThrottle.ClientKey(Client)), (kept.Purpose, kept.ClientKey));
        Assert.DoesNotContain(Client, kept.ClientKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttle_parallel_attempts_count_exactly_the_limit()
    {
        var tenant = await factory.CreateTenantAsync();
        var limit = PortalLimits.Application;

        // Each attempt in its own scope and connection, all started together: as parallel requests arrive.
        var verdicts = await Task.WhenAll(Enumerable.Range(0, limit.MaxAttempts * 3).Select(_ => Task.Run(() => TryAsync(tenant.Id, limit))));

        Assert.Equal(limit.MaxAttempts, verdicts.Count(v => v.Allowed));
        Assert.Equal(limit.MaxAttempts, await factory.QueryAsync(tenant.Id, db => db.PortalAttempts.CountAsync(a => a.Purpose == limit.Purpose)));
    }

    [Fact]
    public async Task Track_six_parallel_code_requests_for_one_request_send_exactly_three_codes()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        var url = $"/t/{tenant.Slug}/track";
        var visitors = Enumerable.Range(0, 2 * PortalLimits.CodeRequest.MaxAttempts).Select(_ => factory.CreateStaffClient()).ToList();
        var forms = new List<IHtmlFormElement>();
        foreach (var visitor in visitors)
        {
            forms.Add((await visitor.GetDocumentAsync(url)).QuerySelector<IHtmlFormElement>("form[data-testid=track-lookup]")!);
        }

        var fields = new Dictionary<string, string> { ["Input.Number"] = request.Number, ["Input.IdentityNumber"] = request.IdentityNumber };
        var responses = await Task.WhenAll(visitors.Select((visitor, i) => Task.Run(() => visitor.SubmitAsync(forms[i], url, fields))));

        Assert.Equal(PortalLimits.CodeRequest.MaxAttempts, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(PortalLimits.CodeRequest.MaxAttempts, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(PortalLimits.CodeRequest.MaxAttempts, await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.CountAsync(m => m.Kind == MessageKind.Otp)));
        Assert.Equal(PortalLimits.CodeRequest.MaxAttempts, await factory.QueryAsync(tenant.Id, db => db.PortalChallenges.CountAsync()));
        visitors.ForEach(v => v.Dispose());
    }
}
