namespace Juthuruna.Data;

/// <summary>
/// Rebuilds the maintained summaries (ADR 0015) from the rows they count, in SQL that runs unchanged on SQLite and
/// SQL Server. Used by the migration that created them (through <c>migrationBuilder.Sql</c>, once per statement) and
/// to repair a summary by hand: run <see cref="Rebuild"/> in one transaction while nothing writes requests or answers.
/// </summary>
public static class TallyBackfill
{
    /// <summary>Empties the summaries and fills them again: decisions per association and day, requests per state, answers per month, service, channel and branch.</summary>
    public static IReadOnlyList<string> Rebuild { get; } =
    [
        "DELETE FROM DecisionDays;",
        """
        INSERT INTO DecisionDays (TenantId, Day, Decided, WithinWindow)
        SELECT TenantId, DecidedOn, COUNT(*), SUM(CASE WHEN DecisionDueOn IS NOT NULL AND DecidedOn <= DecisionDueOn THEN 1 ELSE 0 END)
        FROM SupportRequests
        WHERE DecidedOn IS NOT NULL
        GROUP BY TenantId, DecidedOn;
        """,
        "DELETE FROM RequestStateCounts;",
        "INSERT INTO RequestStateCounts (TenantId, State, Requests) SELECT TenantId, State, COUNT(*) FROM SupportRequests GROUP BY TenantId, State;",
        "DELETE FROM SurveyTallies;",
        // A missing branch is the empty GUID in the summary's key: the literal each provider stores for Guid.Empty.
        """
        INSERT INTO SurveyTallies (TenantId, Month, ServiceId, Channel, BranchId, Answers, OverallSum, CourtesySum, SpeedSum, ClaritySum)
        SELECT TenantId, AnsweredMonth, ServiceId, Channel, COALESCE(BranchId, '00000000-0000-0000-0000-000000000000'),
               COUNT(*), SUM(Overall), SUM(Courtesy), SUM(Speed), SUM(Clarity)
        FROM SurveyResponses
        GROUP BY TenantId, AnsweredMonth, ServiceId, Channel, COALESCE(BranchId, '00000000-0000-0000-0000-000000000000');
        """,
    ];
}
