using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// A write that could not get the database's lock in time: SQLite's "database is locked" or "table is locked" after
/// the busy timeout (<see cref="DatabaseSetup.SqliteBusyTimeout"/>), SQL Server's deadlock victim or lock timeout.
/// The transaction was rolled back, so the user is answered 503 with Retry-After and "try again", never a 500.
/// </summary>
public static class DatabaseBusy
{
    /// <summary>Seconds the answer asks the client to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqlServerDeadlockVictim = 1205;
    private const int SqlServerLockTimeout = 1222;

    /// <summary>True when <paramref name="exception"/>, or one it wraps (EF's DbUpdateException), is lock contention.</summary>
    public static bool IsLockContention(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked:
                    return true;
                case SqlException sql when sql.Errors.Cast<SqlError>().Any(x => x.Number is SqlServerDeadlockVictim or SqlServerLockTimeout):
                    return true;
            }
        }

        return false;
    }

    /// <summary>The exception handler's status: 503 for lock contention, the client's 4xx for a request it refused to read, else 500.</summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when IsLockContention(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
