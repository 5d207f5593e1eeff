using Juthuruna.Data;
using Juthuruna.Tenancy;
using Juthuruna.Testing;
using Juthuruna.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Juthuruna.IntegrationTests.Data;

/// <summary>A database made before the migrations were squashed into one per provider (2026-12-07) is adopted or refused plainly.</summary>
public sealed class SquashedMigrationsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "juthuruna-squash", $"{Guid.NewGuid():N}.db");

    private AppDbContext Context() => new(
        new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_path};Pooling=False", o => o.MigrationsAssembly("Juthuruna.Migrations.Sqlite")).Options,
        new TenantContext());

    /// <summary>The template (today's schema) with the history a pre-squash database would have: the old migrations' ids.</summary>
    private async Task WithOldHistoryAsync(params string[] ids)
    {
        TemplateDatabase.CopyTo(_path);
        await using var db = Context();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\"");
        foreach (var id in ids)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({0}, '10.0.0')", id);
        }
    }

    [Fact]
    public async Task Database_migrated_to_the_last_migration_before_the_squash_is_adopted_and_only_later_migrations_are_pending()
    {
        await WithOldHistoryAsync("20261125200319_Foundation", DatabaseSetup.LastMigrationBeforeSquash);

        await using (var db = Context())
        {
            await DatabaseSetup.AdoptSquashedHistoryAsync(db, NullLogger.Instance);
        }

        await using var after = Context();
        Assert.Equal(after.Database.GetMigrations().Skip(1), await after.Database.GetPendingMigrationsAsync());
        Assert.Contains(after.Database.GetMigrations().First(), await after.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Database_that_stopped_before_the_squash_point_is_refused_with_what_to_do()
    {
        await WithOldHistoryAsync("20261125200319_Foundation", "20261207140838_ContactsKeysetIndex");

        await using var db = Context();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseSetup.AdoptSquashedHistoryAsync(db, NullLogger.Instance));

        Assert.Contains("20261207140838_ContactsKeysetIndex", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Delete it", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
