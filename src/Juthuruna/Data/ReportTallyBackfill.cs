namespace Juthuruna.Data;

/// <summary>
/// Rebuilds the board report's summaries (ADR 0022) from the rows they count. Day arithmetic differs between the
/// providers (a UTC time's Riyadh day; days between two dates), so there is one list per provider. Used by the
/// migration that created them and to repair them by hand: run <see cref="Rebuild"/> in one transaction while
/// nothing writes requests, registrations, deliveries or contacts. Riyadh is UTC+3 all year (no daylight saving).
/// </summary>
public static class ReportTallyBackfill
{
    private const string NoBranch = "'00000000-0000-0000-0000-000000000000'";

    public static IReadOnlyList<string> Rebuild(bool sqlite)
    {
        string RiyadhDay(string utc) => sqlite ? $"date({utc}, '+3 hours')" : $"CAST(DATEADD(hour, 3, {utc}) AS date)";
        string DaysBetween(string from, string to) => sqlite
            ? $"CAST(julianday({to}) - julianday({from}) AS INTEGER)"
            : $"DATEDIFF(day, {from}, {to})";
        var rejected = (int)Features.SupportRequests.RequestState.Rejected;
        var defer = (int)Features.SupportRequests.RequestTrigger.Defer;
        return
        [
            "DELETE FROM RequestTallies;",
            $"""
            INSERT INTO RequestTallies (TenantId, Day, ServiceId, BranchId, Channel, Received, Deferred)
            SELECT TenantId, Day, ServiceId, BranchId, Channel, SUM(Received), SUM(Deferred) FROM (
                SELECT TenantId, SubmittedOn AS Day, ServiceId, COALESCE(BranchId, {NoBranch}) AS BranchId, Channel, 1 AS Received, 0 AS Deferred
                FROM SupportRequests WHERE SubmittedOn IS NOT NULL
                UNION ALL
                SELECT h.TenantId, {RiyadhDay("h.AtUtc")}, r.ServiceId, COALESCE(r.BranchId, {NoBranch}), r.Channel, 0, 1
                FROM RequestHistory h JOIN SupportRequests r ON r.Id = h.RequestId
                WHERE h.[Trigger] = {defer}
            ) x
            GROUP BY TenantId, Day, ServiceId, BranchId, Channel;
            """,
            "DELETE FROM DecisionTallies;",
            $"""
            INSERT INTO DecisionTallies (TenantId, Day, ServiceId, BranchId, DaysToDecide, Approved, Rejected, WithinWindow)
            SELECT TenantId, DecidedOn, ServiceId, COALESCE(BranchId, {NoBranch}),
                   CASE WHEN VerifiedOn IS NULL THEN -1 ELSE {DaysBetween("VerifiedOn", "DecidedOn")} END,
                   SUM(CASE WHEN State = {rejected} THEN 0 ELSE 1 END), SUM(CASE WHEN State = {rejected} THEN 1 ELSE 0 END),
                   SUM(CASE WHEN DecisionDueOn IS NOT NULL AND DecidedOn <= DecisionDueOn THEN 1 ELSE 0 END)
            FROM SupportRequests
            WHERE DecidedOn IS NOT NULL
            GROUP BY TenantId, DecidedOn, ServiceId, COALESCE(BranchId, {NoBranch}),
                     CASE WHEN VerifiedOn IS NULL THEN -1 ELSE {DaysBetween("VerifiedOn", "DecidedOn")} END;
            """,
            "DELETE FROM ServiceTallies;",
            $"""
            INSERT INTO ServiceTallies (TenantId, Day, ServiceId, BranchId, Registrations, ApprovedHalalas, Deliveries, InKind, Quantity, DisbursedHalalas)
            SELECT TenantId, Day, ServiceId, BranchId, SUM(Registrations), SUM(ApprovedHalalas), SUM(Deliveries), SUM(InKind), SUM(Quantity), SUM(DisbursedHalalas) FROM (
                SELECT g.TenantId, {RiyadhDay("g.RegisteredAtUtc")} AS Day, r.ServiceId, COALESCE(r.BranchId, {NoBranch}) AS BranchId,
                       1 AS Registrations, COALESCE(g.ApprovedAmountHalalas, 0) AS ApprovedHalalas, 0 AS Deliveries, 0 AS InKind, 0 AS Quantity, 0 AS DisbursedHalalas
                FROM Registrations g JOIN SupportRequests r ON r.Id = g.RequestId
                UNION ALL
                SELECT d.TenantId, d.DeliveredOn, d.ServiceId, COALESCE(r.BranchId, {NoBranch}), 0, 0, 1,
                       CASE WHEN d.AmountHalalas IS NULL AND d.Quantity IS NOT NULL THEN 1 ELSE 0 END,
                       CASE WHEN d.AmountHalalas IS NULL AND d.Quantity IS NOT NULL THEN d.Quantity ELSE 0 END,
                       COALESCE(d.AmountHalalas, 0)
                FROM ServiceDeliveries d JOIN SupportRequests r ON r.Id = d.RequestId
            ) x
            GROUP BY TenantId, Day, ServiceId, BranchId;
            """,
            "DELETE FROM ContactTallies;",
            $"""
            INSERT INTO ContactTallies (TenantId, Day, Channel, BranchId, Contacts)
            SELECT TenantId, {RiyadhDay("OccurredAtUtc")}, Channel, COALESCE(BranchId, {NoBranch}), COUNT(*)
            FROM Contacts
            GROUP BY TenantId, {RiyadhDay("OccurredAtUtc")}, Channel, COALESCE(BranchId, {NoBranch});
            """,
        ];
    }
}

/// <summary>
/// The board member role (issue 16) for the associations that existed before it: new associations get it from
/// <c>TenantProvisioning</c> with the other roles. Used once by the migration <c>ReportSummaries</c>.
/// </summary>
public static class BoardMemberRoleBackfill
{
    public static string Sql(bool sqlite) => sqlite
        ? """
          INSERT INTO AspNetRoles (Id, TenantId, Name, NormalizedName, ConcurrencyStamp)
          SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12)),
                 TenantId, 'BoardMember', 'BOARDMEMBER', lower(hex(randomblob(16)))
          FROM (SELECT t.Id AS TenantId, hex(randomblob(16)) AS h FROM Tenants t
                WHERE t.IsPlatform = 0 AND NOT EXISTS (SELECT 1 FROM AspNetRoles r WHERE r.TenantId = t.Id AND r.NormalizedName = 'BOARDMEMBER'));
          """
        : """
          INSERT INTO AspNetRoles (Id, TenantId, Name, NormalizedName, ConcurrencyStamp)
          SELECT NEWID(), t.Id, 'BoardMember', 'BOARDMEMBER', CONVERT(nvarchar(36), NEWID())
          FROM Tenants t
          WHERE t.IsPlatform = 0 AND NOT EXISTS (SELECT 1 FROM AspNetRoles r WHERE r.TenantId = t.Id AND r.NormalizedName = 'BOARDMEMBER');
          """;
}
