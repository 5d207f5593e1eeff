using Juthuruna.Data;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Juthuruna.Tests.Data;

/// <summary>Both providers' migrations stay generated from the current model; SQL Server's script builds without a server.</summary>
public sealed class MigrationsTests
{
    private static AppDbContext SqlServerContext() => new(
        new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlServer("Server=unused;Database=Juthuruna;TrustServerCertificate=True", o => o.MigrationsAssembly("Juthuruna.Migrations.SqlServer"))
            .Options,
        new TenantContext());

    [Fact]
    public void SqlServer_idempotent_migration_script_is_generated()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Tenants]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([TenantId], [NormalizedUserName])", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var db = SqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Juthuruna.Migrations.SqlServer --startup-project src/Juthuruna.Migrations.SqlServer --output-dir Migrations");
    }

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new AppDbContext(TestDatabase.SqliteOptions("Data Source=:memory:"), new TenantContext());

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Juthuruna.Migrations.Sqlite --startup-project src/Juthuruna.Migrations.Sqlite --output-dir Migrations");
    }

    [Fact]
    public void Sqlite_and_SqlServer_have_the_same_migrations()
    {
        static IEnumerable<string> Names(AppDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        using var sqlite = new AppDbContext(TestDatabase.SqliteOptions("Data Source=:memory:"), new TenantContext());
        using var sqlServer = SqlServerContext();

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }
}
