using Juthuruna.Data;
using Juthuruna.Seeding;
using Microsoft.EntityFrameworkCore;

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

        // Scoped, never pooled: the tenant is fixed when an instance is built (architecture rule 1).
        services.AddDbContext<AppDbContext>(options =>
        {
            switch (provider)
            {
                case DatabaseProvider.SqlServer:
                    options.UseSqlServer(
                        connectionString ?? throw new InvalidOperationException("ConnectionStrings:Default is required for SQL Server."),
                        o => o.MigrationsAssembly("Juthuruna.Migrations.SqlServer"));
                    break;
                default:
                    options.UseSqlite(connectionString ?? DefaultSqliteConnection, o => o.MigrationsAssembly("Juthuruna.Migrations.Sqlite"));
                    break;
            }
        });
        return services;
    }

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

    private static void PrintDemoLogins(ILogger logger)
    {
        // Demo credentials only (never real ones): printed so a newcomer can sign in straight away.
        foreach (var login in DemoData.Logins)
        {
            logger.LogInformation("Demo login {Association,-10} {Role,-19} {Email} / {Password}", login.Association, login.Role, login.Email, login.Password);
        }
    }
}
