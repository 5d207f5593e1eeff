using Juthuruna.Features.Import;
using Juthuruna.Tenancy;
using Microsoft.Extensions.Options;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Runs the imports users start (and their roll-backs), one at a time per process, each in its association's own
/// tenant scope (architecture rule 5). The job row is the truth — its status and progress are written with each batch —;
/// the signal only wakes this runner. Off with <c>Import:RunInBackground=false</c> (tests then run jobs themselves).
/// </summary>
public sealed class ImportRunner(ImportSignals signals, TenantScopeFactory tenantScopes, IOptions<ImportOptions> options, ILogger<ImportRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        try
        {
            await foreach (var (tenantId, jobId) in signals.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = tenantScopes.BeginScope(tenantId);
                    await scope.ServiceProvider.GetRequiredService<ImportCommitter>().RunAsync(jobId, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Import {JobId} of association {TenantId} failed", jobId, tenantId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a running job records itself as interrupted.
        }
    }
}

/// <summary>
/// At start-up and every few minutes, in every association: imports left running by a process that died are marked
/// interrupted (resume or roll back, on the import's page) and imports still waiting — queued before a restart, or a
/// roll-back nobody is at work on — are signalled to the runner again. Safe on several nodes: the runner claims a job.
/// </summary>
public sealed class ImportRecovery(
    IServiceScopeFactory scopes,
    TenantScopeFactory tenantScopes,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    ILogger<ImportRecovery> logger) : AssociationJob<ImportRecovered>(scopes, tenantScopes, clock, logger)
{
    protected override bool Enabled => options.Value.RunInBackground;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.StaleAfterMinutes) / 2.0);

    protected override Task<ImportRecovered> RunForAssociationAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ImportJobs>().RecoverAsync(ct);

    protected override string Name => "Import recovery";
}
