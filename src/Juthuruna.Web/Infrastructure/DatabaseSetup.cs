using System.Data.Common;
using System.Globalization;
using Juthuruna.Data;
using Juthuruna.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Juthuruna.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=App_Data/juthuruna.db";

    /// <summary>
    /// <c>Database:Provider</c> picks SQLite (embedded default) or SQL Server (production); each has its own
    /// migrations assembly (EF's documented pattern for several providers).
    /// </summary>
    public static IServiceCollection AddJuthurunaDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Default");
        var busyTimeout = SqliteBusyTimeout(configuration);
        var tuning = new SqliteConnectionTuning(busyTimeout);

        // Scoped, never pooled: the tenant is fixed when an instance is built (architecture rule 1).
        // Single query, set deliberately (ADR 0019): the one entity loaded with several collections is a beneficiary
        // with its owned incomes and household members (at most 30), tracked for an edit or a registration; a split
        // would add two round trips inside those write transactions. A query that loads unbounded collections says
        // AsSplitQuery() itself.
        services.AddDbContext<AppDbContext>(options =>
        {
            switch (provider)
            {
                case DatabaseProvider.SqlServer:
                    options.UseSqlServer(
                        connectionString ?? throw new InvalidOperationException("ConnectionStrings:Default is required for SQL Server."),
                        o => o.MigrationsAssembly("Juthuruna.Migrations.SqlServer")
                            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
                    break;
                default:
                    // A command waits for the write lock up to the busy timeout (SQLite's own busy handler, which
                    // retries within milliseconds), then fails with SQLITE_BUSY: LockContention answers it 503.
                    options.UseSqlite(connectionString ?? DefaultSqliteConnection, o => o
                        .MigrationsAssembly("Juthuruna.Migrations.Sqlite")
                        .CommandTimeout((int)Math.Ceiling(busyTimeout.TotalSeconds))
                        .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
                    options.AddInterceptors(tuning);
                    break;
            }
        });
        return services;
    }

    /// <summary>
    /// How long a SQLite command waits for another connection's write to finish before it gives up
    /// (<c>Database:SqliteBusyTimeoutSeconds</c>, 10 s by default): write transactions are kept to milliseconds (no
    /// print, network call or file write inside one), so a wait this long means the server is overloaded, and the user
    /// is told to try again (503) rather than left waiting.
    /// </summary>
    public static TimeSpan SqliteBusyTimeout(IConfiguration configuration) =>
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Database:SqliteBusyTimeoutSeconds", 10.0), 1, 600));

    /// <summary>
    /// SQLite databases are migrated at start-up (a fresh machine runs with one command); SQL Server is
    /// migrated by the deployment (idempotent script) unless <c>Database:MigrateOnStartup</c> says otherwise.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var configuration = app.Configuration;
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var migrate = configuration.GetValue("Database:MigrateOnStartup", provider == DatabaseProvider.Sqlite);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (migrate)
        {
            if (db.Database.GetDbConnection().DataSource is { Length: > 0 } file && provider == DatabaseProvider.Sqlite)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            }

            await AdoptSquashedHistoryAsync(db, logger);
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} pending {Provider} migrations: {Migrations}", pending.Count, provider, string.Join(", ", pending));
                await db.Database.MigrateAsync();
                logger.LogInformation("Database migrated to {Migration}", pending[^1]);
            }
            else
            {
                logger.LogInformation("Database is up to date ({Provider})", provider);
            }
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            await UseWriteAheadLogAsync(db, logger);
        }

        // Demo data is for trying the product: never in Production, whatever the configuration says.
        if (!app.Environment.IsProduction() && configuration.GetValue("Demo:Seed", false))
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
            if (seeded || app.Environment.IsDevelopment())
            {
                PrintDemoLogins(logger);
            }
        }
    }

    /// <summary>The last migration before they were squashed into one per provider (2026-12-07; ADR 0019).</summary>
    public const string LastMigrationBeforeSquash = "20261207150443_MergedBranchesIndexes";

    /// <summary>
    /// A database made before the migrations were squashed (nothing was released) names only the old migrations in its
    /// history. If it had all of them, its schema is the squashed one's: the one initial migration is recorded as
    /// applied (the provider's own history insert) and later migrations apply as usual. One that stopped earlier cannot
    /// be upgraded by this version: start the app of a commit before the squash on it once, then this one.
    /// </summary>
    public static async Task AdoptSquashedHistoryAsync(AppDbContext db, ILogger logger)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        var known = db.Database.GetMigrations().ToList();
        if (applied.Count == 0 || applied.Intersect(known).Any())
        {
            return;
        }

        var source = db.Database.GetDbConnection().DataSource;
        if (!applied.Contains(LastMigrationBeforeSquash))
        {
            throw new InvalidOperationException(
                $"The database {source} was made by an unreleased version and stops at migration {applied.Max()}; the migrations were " +
                $"squashed on 2026-12-07 after {LastMigrationBeforeSquash}. Delete it (a demo database is seeded again at the next start), " +
                "or start the app of a commit before the squash on it once, then this version.");
        }

        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(known[0], ProductInfo.GetVersion())));
        logger.LogInformation("Database {Source} made before the migrations were squashed: recorded {Migration} as applied", source, known[0]);
    }

    /// <summary>
    /// Write-ahead logging: readers do not wait for the writer nor the writer for readers; only writers queue behind
    /// each other. EF creates a new file in this mode already; a file made another way (restored, copied, by a tool)
    /// is switched here. The mode is stored in the database file, so setting it once at start-up is enough.
    /// </summary>
    private static async Task UseWriteAheadLogAsync(AppDbContext db, ILogger logger)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                // An in-memory database (or a file system without shared memory) keeps its own mode.
                logger.LogWarning("SQLite journal mode is {Mode}, not WAL: readers and writers will wait for each other", mode);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void PrintDemoLogins(ILogger logger)
    {
        // Demo credentials only (never real ones): printed so a newcomer can sign in straight away.
        foreach (var login in DemoData.Logins)
        {
            logger.LogInformation("Demo login {Association,-10} {Role,-19} {Email} / {Password}", login.Association, login.Role, login.Email, login.Password);
        }
    }
}

/// <summary>
/// Per-connection SQLite settings, applied each time EF opens a connection (pooled connections keep them; the
/// statement costs microseconds). <c>busy_timeout</c> makes SQLite wait for a held write lock with its own short
/// sleeps (1, 2, 5, 10… ms) instead of failing at once into Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms
/// a turn on a thread-pool thread. <c>synchronous = FULL</c> keeps every committed transaction durable across a power
/// loss in WAL mode: a letter handed out under number N must never see N given again after a restart.
/// </summary>
public sealed class SqliteConnectionTuning(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _pragmas = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
