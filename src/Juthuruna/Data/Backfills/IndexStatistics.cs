namespace Juthuruna.Data.Backfills;

/// <summary>
/// SQLite only: statistics for an index a migration creates. An index without a row in <c>sqlite_stat1</c> looks very
/// selective to the planner, which then prefers it over an analysed one — measured at 1M: a new
/// (TenantId, RecipientUserId, CreatedAtUtc, Id) index made the bell's unread count read all 287k notifications of a
/// manager instead of the partial unread index (~500 ms on every page) until <c>ANALYZE</c>. SQL Server builds an
/// index's statistics when it creates it.
/// </summary>
public static class IndexStatistics
{
    public static string Sqlite(params string[] indexNames) => string.Concat(indexNames.Select(n => $"ANALYZE \"{n}\";\n"));
}
