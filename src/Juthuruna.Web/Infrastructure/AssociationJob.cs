using Juthuruna.Features.Tenants;
using Juthuruna.Tenancy;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// A background job run for every active association, at start-up and then every <see cref="Interval"/>. Each
/// association is worked in its own tenant scope (architecture rule 5), page by page through the associations; one
/// association's failure is logged and the others still run, and a pass that cannot list the associations (database
/// unreachable…) is retried at the next tick. The jobs themselves must be safe to run on several nodes at once.
/// </summary>
/// <typeparam name="TResult">What one pass did in one association (returned by <see cref="RunOnceAsync"/> for tests).</typeparam>
public abstract class AssociationJob<TResult>(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    private const int TenantPageSize = 200;

    /// <summary>False: the job does not start (integration tests run <see cref="RunOnceAsync"/> themselves).</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>The job's work in one association, with services resolved from that association's scope.</summary>
    protected abstract Task<TResult> RunForAssociationAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>What the log calls the job, e.g. "Decision window reminders".</summary>
    protected abstract string Name { get; }

    protected ILogger Logger => logger;

    /// <summary>Called once before the first pass (e.g. to warn about configuration).</summary>
    protected virtual void OnStarting()
    {
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        OnStarting();
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Job} could not run", Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One pass over the active associations; returns what was done in each (failed ones are left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, TResult>> RunOnceAsync(CancellationToken ct)
    {
        var results = new Dictionary<Guid, TResult>();
        Guid? after = null;
        while (true)
        {
            IReadOnlyList<Guid> tenantIds;
            await using (var scope = scopes.CreateAsyncScope())
            {
                tenantIds = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().ActiveAssociationIdsAsync(after, TenantPageSize, ct);
            }

            foreach (var tenantId in tenantIds)
            {
                using var logScope = logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenantId });
                try
                {
                    await using var scope = tenantScopes.BeginScope(tenantId);
                    results[tenantId] = await RunForAssociationAsync(scope.ServiceProvider, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Job} failed for association {TenantId}", Name, tenantId);
                }
            }

            if (tenantIds.Count < TenantPageSize)
            {
                return results;
            }

            after = tenantIds[^1];
        }
    }
}
