using Juthuruna.Data;
using Juthuruna.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Testing;

/// <summary>
/// A SQLite file migrated once per test process; every test database starts as a copy of it. Migrating builds the
/// target model of every migration (seconds of CPU on a busy machine), a file copy takes milliseconds — and the copy is
/// what the app would have made itself: the same migrations, index statistics included.
/// </summary>
public static class TemplateDatabase
{
    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the migrated template to <paramref name="path"/> unless a database is already there.</summary>
    public static void CopyTo(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.Copy(Template.Value, path);
    }

    private static string Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "juthuruna-templates");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{Environment.ProcessId}-{Guid.NewGuid():N}.db");

        // No pooling: when the context is disposed the connection really closes, SQLite checkpoints the write-ahead
        // log into the file and removes it, so the single file is the whole database.
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False", o => o.MigrationsAssembly("Juthuruna.Migrations.Sqlite"))
            .Options;
        using (var db = new AppDbContext(options, new TenantContext()))
        {
            db.Database.Migrate();
        }

        if (File.Exists(path + "-wal"))
        {
            throw new InvalidOperationException($"The template database {path} still has a write-ahead log after migrating.");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // The OS temp cleaner will get it.
            }
        };
        return path;
    }
}
