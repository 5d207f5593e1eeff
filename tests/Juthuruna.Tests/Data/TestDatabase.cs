using Juthuruna.Data;
using Juthuruna.Tenancy;
using Juthuruna.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Tests.Data;

/// <summary>
/// A real, migrated SQLite file for one test (a copy of the process's <see cref="TemplateDatabase"/>); contexts are
/// built per tenant like the app does.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "juthuruna-unit", $"{Guid.NewGuid():N}.db");

    private TestDatabase()
    {
    }

    public static Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        TemplateDatabase.CopyTo(database._path);
        return Task.FromResult(database);
    }

    public static DbContextOptions<AppDbContext> SqliteOptions(string connectionString) =>
        new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsAssembly("Juthuruna.Migrations.Sqlite"))
            .Options;

    /// <summary>A context bound to <paramref name="tenantId"/> (or to no tenant).</summary>
    public AppDbContext Context(Guid? tenantId)
    {
        var tenant = new TenantContext();
        if (tenantId is { } id)
        {
            tenant.Use(id);
        }

        return new AppDbContext(SqliteOptions($"Data Source={_path}"), tenant);
    }

    public async Task<Guid> AddTenantAsync(string slug)
    {
        await using var db = Context(null);
        var tenant = new Tenant { Slug = slug, NameAr = slug, NameEn = slug };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant.Id;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
