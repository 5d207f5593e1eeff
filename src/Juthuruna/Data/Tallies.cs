using System.Globalization;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Satisfaction;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Data;

/// <summary>What one SaveChanges adds to (or takes from) the maintained summaries, one entry per summary row.</summary>
internal sealed class TallyDeltas
{
    public Dictionary<(Guid TenantId, DateOnly Day), (int Decided, int WithinWindow)> Days { get; } = [];

    public Dictionary<(Guid TenantId, RequestState State), int> States { get; } = [];

    public Dictionary<(Guid TenantId, DateOnly Month, Guid ServiceId, ContactChannel Channel, Guid BranchId), (int Answers, int Overall, int Courtesy, int Speed, int Clarity)> Surveys { get; } = [];

    public Dictionary<(Guid TenantId, DateOnly Day, Guid ServiceId, Guid BranchId, ContactChannel Channel), (int Received, int Deferred)> Requests { get; } = [];

    public Dictionary<(Guid TenantId, DateOnly Day, Guid ServiceId, Guid BranchId, int DaysToDecide), (int Approved, int Rejected, int WithinWindow)> Decisions { get; } = [];

    public Dictionary<(Guid TenantId, DateOnly Day, Guid ServiceId, Guid BranchId), ServiceCounts> Services { get; } = [];

    public Dictionary<(Guid TenantId, DateOnly Day, ContactChannel Channel, Guid BranchId), int> Contacts { get; } = [];

    public bool IsEmpty => Days.Count == 0 && States.Count == 0 && Surveys.Count == 0
        && Requests.Count == 0 && Decisions.Count == 0 && Services.Count == 0 && Contacts.Count == 0;

    /// <summary>Drops the entries whose changes cancelled out (a value moved and moved back in the same save).</summary>
    public TallyDeltas WithoutZeros()
    {
        foreach (var key in Days.Where(d => d.Value == (0, 0)).Select(d => d.Key).ToList())
        {
            Days.Remove(key);
        }

        foreach (var key in States.Where(d => d.Value == 0).Select(d => d.Key).ToList())
        {
            States.Remove(key);
        }

        foreach (var key in Surveys.Where(d => d.Value == (0, 0, 0, 0, 0)).Select(d => d.Key).ToList())
        {
            Surveys.Remove(key);
        }

        Drop(Requests, v => v == (0, 0));
        Drop(Decisions, v => v == (0, 0, 0));
        Drop(Services, v => v == default);
        Drop(Contacts, v => v == 0);

        return this;
    }

    private static void Drop<TKey, TValue>(Dictionary<TKey, TValue> entries, Func<TValue, bool> isZero)
        where TKey : notnull
    {
        foreach (var key in entries.Where(e => isZero(e.Value)).Select(e => e.Key).ToList())
        {
            entries.Remove(key);
        }
    }
}

/// <summary>One <see cref="Features.Reports.ServiceTally"/> row's counts.</summary>
internal readonly record struct ServiceCounts(int Registrations, long ApprovedHalalas, int Deliveries, int InKind, long Quantity, long DisbursedHalalas)
{
    public static ServiceCounts operator +(ServiceCounts a, ServiceCounts b) => new(a.Registrations + b.Registrations, a.ApprovedHalalas + b.ApprovedHalalas,
        a.Deliveries + b.Deliveries, a.InKind + b.InKind, a.Quantity + b.Quantity, a.DisbursedHalalas + b.DisbursedHalalas);

    public ServiceCounts Times(int sign) => new(sign * Registrations, sign * ApprovedHalalas, sign * Deliveries, sign * InKind, sign * Quantity, sign * DisbursedHalalas);
}

/// <summary>
/// Keeps the maintained summaries (<see cref="DecisionDay"/>, <see cref="RequestStateCount"/>, <see cref="SurveyTally"/>; ADR 0015) in step with the
/// rows they count. <see cref="AppDbContext"/> calls <see cref="Collect"/> in every SaveChanges — the one place every
/// change of a request or an answer passes — and, when something counted changed, writes the rows and then the
/// increments in one transaction. Each increment is computed from the tracked entry's original and current values
/// (added: +new; deleted: −old; modified: −old +new) and applied as one atomic statement per summary
/// (SQLite <c>INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n</c>; SQL Server <c>MERGE … WITH (HOLDLOCK)</c>),
/// never as a read-modify-write, so concurrent saves cannot lose a count.
/// A bulk <c>ExecuteUpdate</c> that changes <see cref="SupportRequest.DecidedOn"/> or
/// <see cref="SupportRequest.DecisionDueOn"/> bypasses this and must call <see cref="AdjustDecisionAsync"/> itself.
/// </summary>
public static class Tallies
{
    // At most this many summary rows per statement (SQL Server allows 2,100 parameters; a survey row takes 10).
    private const int RowsPerStatement = 100;

    internal static TallyDeltas Collect(AppDbContext db)
    {
        var deltas = new TallyDeltas();
        foreach (var entry in db.ChangeTracker.Entries<SupportRequest>())
        {
            var tenant = entry.Property(r => r.TenantId);
            var decided = entry.Property(r => r.DecidedOn);
            var due = entry.Property(r => r.DecisionDueOn);
            var state = entry.Property(r => r.State);
            switch (entry.State)
            {
                case EntityState.Added:
                    AddDay(deltas, tenant.CurrentValue, decided.CurrentValue, due.CurrentValue, +1);
                    AddState(deltas, tenant.CurrentValue, state.CurrentValue, +1);
                    break;
                case EntityState.Deleted:
                    AddDay(deltas, tenant.OriginalValue, decided.OriginalValue, due.OriginalValue, -1);
                    AddState(deltas, tenant.OriginalValue, state.OriginalValue, -1);
                    break;
                case EntityState.Modified:
                    if (decided.OriginalValue != decided.CurrentValue || due.OriginalValue != due.CurrentValue)
                    {
                        AddDay(deltas, tenant.OriginalValue, decided.OriginalValue, due.OriginalValue, -1);
                        AddDay(deltas, tenant.CurrentValue, decided.CurrentValue, due.CurrentValue, +1);
                    }

                    if (state.OriginalValue != state.CurrentValue)
                    {
                        AddState(deltas, tenant.OriginalValue, state.OriginalValue, -1);
                        AddState(deltas, tenant.CurrentValue, state.CurrentValue, +1);
                    }

                    break;
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<SurveyResponse>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    AddAnswer(deltas, Values(entry, original: false), +1);
                    break;
                case EntityState.Deleted:
                    AddAnswer(deltas, Values(entry, original: true), -1);
                    break;
                case EntityState.Modified when Values(entry, original: true) != Values(entry, original: false):
                    AddAnswer(deltas, Values(entry, original: true), -1);
                    AddAnswer(deltas, Values(entry, original: false), +1);
                    break;
            }
        }

        ReportTallyCollector.Collect(db, deltas);
        return deltas.WithoutZeros();
    }

    internal static void Apply(AppDbContext db, TallyDeltas deltas)
    {
        foreach (var (sql, parameters) in Statements(db, deltas))
        {
            db.Database.ExecuteSqlRaw(sql, parameters);
        }
    }

    internal static async Task ApplyAsync(AppDbContext db, TallyDeltas deltas, CancellationToken ct)
    {
        foreach (var (sql, parameters) in Statements(db, deltas))
        {
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }

    /// <summary>
    /// For a bulk update that moved a request's decision or due date outside the change tracker (the demo seed's
    /// ageing): applies the difference between its old and new values. Call it in the update's transaction.
    /// </summary>
    public static Task AdjustDecisionAsync(AppDbContext db, Guid tenantId, (DateOnly? DecidedOn, DateOnly? DecisionDueOn) before,
        (DateOnly? DecidedOn, DateOnly? DecisionDueOn) after, CancellationToken ct)
    {
        var deltas = new TallyDeltas();
        AddDay(deltas, tenantId, before.DecidedOn, before.DecisionDueOn, -1);
        AddDay(deltas, tenantId, after.DecidedOn, after.DecisionDueOn, +1);
        return ApplyAsync(db, deltas.WithoutZeros(), ct);
    }

    /// <summary>
    /// For a bulk update of a request's dates outside the change tracker (the demo seed's ageing): applies the
    /// difference to the report's summaries (ADR 0022) — received day, decision day and days to decide. Call it in the update's transaction.
    /// </summary>
    public static Task AdjustRequestAsync(AppDbContext db, RequestFigures before, RequestFigures after, CancellationToken ct)
    {
        var deltas = new TallyDeltas();
        ReportTallyCollector.AddRequest(deltas, before, -1);
        ReportTallyCollector.AddRequest(deltas, after, +1);
        return ApplyAsync(db, deltas.WithoutZeros(), ct);
    }

    private static void AddDay(TallyDeltas deltas, Guid tenantId, DateOnly? decidedOn, DateOnly? dueOn, int sign)
    {
        if (DecisionDay.ContributionOf(decidedOn, dueOn) is not { } c)
        {
            return;
        }

        var key = (tenantId, c.Day);
        var now = deltas.Days.GetValueOrDefault(key);
        deltas.Days[key] = (now.Decided + sign * c.Decided, now.WithinWindow + sign * c.WithinWindow);
    }

    private static void AddState(TallyDeltas deltas, Guid tenantId, RequestState state, int sign) =>
        deltas.States[(tenantId, state)] = deltas.States.GetValueOrDefault((tenantId, state)) + sign;

    private readonly record struct AnswerValues(Guid TenantId, DateOnly Month, Guid ServiceId, ContactChannel Channel, Guid? BranchId, int Overall, int Courtesy, int Speed, int Clarity);

    private static AnswerValues Values(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<SurveyResponse> e, bool original)
    {
        T V<T>(System.Linq.Expressions.Expression<Func<SurveyResponse, T>> p) => original ? e.Property(p).OriginalValue : e.Property(p).CurrentValue;
        return new AnswerValues(V(r => r.TenantId), V(r => r.AnsweredMonth), V(r => r.ServiceId), V(r => r.Channel), V(r => r.BranchId),
            V(r => r.Overall), V(r => r.Courtesy), V(r => r.Speed), V(r => r.Clarity));
    }

    private static void AddAnswer(TallyDeltas deltas, AnswerValues a, int sign)
    {
        var key = (a.TenantId, a.Month, a.ServiceId, a.Channel, a.BranchId ?? Guid.Empty);
        var now = deltas.Surveys.GetValueOrDefault(key);
        deltas.Surveys[key] = (now.Answers + sign, now.Overall + sign * a.Overall, now.Courtesy + sign * a.Courtesy,
            now.Speed + sign * a.Speed, now.Clarity + sign * a.Clarity);
    }

    private static IEnumerable<(string Sql, object[] Parameters)> Statements(AppDbContext db, TallyDeltas deltas)
    {
        var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        foreach (var chunk in deltas.Days.Chunk(RowsPerStatement))
        {
            yield return Upsert(sqlite, "DecisionDays", ["TenantId", "Day"], ["Decided", "WithinWindow"],
                chunk.Select(d => new object[] { d.Key.TenantId, d.Key.Day, d.Value.Decided, d.Value.WithinWindow }).ToList());
        }

        foreach (var chunk in deltas.States.Chunk(RowsPerStatement))
        {
            yield return Upsert(sqlite, "RequestStateCounts", ["TenantId", "State"], ["Requests"],
                chunk.Select(d => new object[] { d.Key.TenantId, (int)d.Key.State, d.Value }).ToList());
        }

        foreach (var chunk in deltas.Surveys.Chunk(RowsPerStatement))
        {
            yield return Upsert(sqlite, "SurveyTallies", ["TenantId", "Month", "ServiceId", "Channel", "BranchId"],
                ["Answers", "OverallSum", "CourtesySum", "SpeedSum", "ClaritySum"],
                chunk.Select(d => new object[]
                {
                    d.Key.TenantId, d.Key.Month, d.Key.ServiceId, (int)d.Key.Channel, d.Key.BranchId,
                    d.Value.Answers, d.Value.Overall, d.Value.Courtesy, d.Value.Speed, d.Value.Clarity,
                }).ToList());
        }

        foreach (var statement in ReportStatements(sqlite, deltas))
        {
            yield return statement;
        }
    }

    private static IEnumerable<(string Sql, object[] Parameters)> ReportStatements(bool sqlite, TallyDeltas deltas)
    {
        foreach (var chunk in deltas.Requests.Chunk(RowsPerStatement))
        {
            yield return Upsert(sqlite, "RequestTallies", ["TenantId", "Day", "ServiceId", "BranchId", "Channel"], ["Received", "Deferred"],
                chunk.Select(d => new object[] { d.Key.TenantId, d.Key.Day, d.Key.ServiceId, d.Key.BranchId, (int)d.Key.Channel, d.Value.Received, d.Value.Deferred }).ToList());
        }

        foreach (var chunk in deltas.Decisions.Chunk(RowsPerStatement))
        {
            yield return Upsert(sqlite, "DecisionTallies", ["TenantId", "Day", "ServiceId", "BranchId", "DaysToDecide"], ["Approved", "Rejected", "WithinWindow"],
                chunk.Select(d => new object[] { d.Key.TenantId, d.Key.Day, d.Key.ServiceId, d.Key.BranchId, d.Key.DaysToDecide, d.Value.Approved, d.Value.Rejected, d.Value.WithinWindow }).ToList());
        }

        foreach (var chunk in deltas.Services.Chunk(RowsPerStatement))
        {
            yield return Upsert(sqlite, "ServiceTallies", ["TenantId", "Day", "ServiceId", "BranchId"],
                ["Registrations", "ApprovedHalalas", "Deliveries", "InKind", "Quantity", "DisbursedHalalas"],
                chunk.Select(d => new object[]
                {
                    d.Key.TenantId, d.Key.Day, d.Key.ServiceId, d.Key.BranchId,
                    d.Value.Registrations, d.Value.ApprovedHalalas, d.Value.Deliveries, d.Value.InKind, d.Value.Quantity, d.Value.DisbursedHalalas,
                }).ToList());
        }

        foreach (var chunk in deltas.Contacts.Chunk(RowsPerStatement))
        {
            yield return Upsert(sqlite, "ContactTallies", ["TenantId", "Day", "Channel", "BranchId"], ["Contacts"],
                chunk.Select(d => new object[] { d.Key.TenantId, d.Key.Day, (int)d.Key.Channel, d.Key.BranchId, d.Value }).ToList());
        }
    }

    /// <summary>One statement that adds each row's counts to the summary row with its key, creating it if missing.</summary>
    private static (string Sql, object[] Parameters) Upsert(bool sqlite, string table, string[] keys, string[] counts, List<object[]> rows)
    {
        var columns = keys.Concat(counts).ToArray();
        var values = string.Join(", ", rows.Select((_, i) => "(" + string.Join(", ", columns.Select((_, j) =>
            string.Create(CultureInfo.InvariantCulture, $"{{{i * columns.Length + j}}}"))) + ")"));
        string sql;
        if (sqlite)
        {
            sql = "INSERT INTO \"" + table + "\" (" + string.Join(", ", columns.Select(c => "\"" + c + "\"")) + ") VALUES " + values
                + " ON CONFLICT (" + string.Join(", ", keys.Select(c => "\"" + c + "\"")) + ") DO UPDATE SET "
                + string.Join(", ", counts.Select(c => "\"" + c + "\" = \"" + c + "\" + excluded.\"" + c + "\"")) + ";";
        }
        else
        {
            // HOLDLOCK: the key range stays locked from the match to the insert, so two savers cannot both insert.
            sql = "MERGE [" + table + "] WITH (HOLDLOCK) AS t USING (VALUES " + values + ") AS s (" + string.Join(", ", columns.Select(c => "[" + c + "]")) + ")"
                + " ON " + string.Join(" AND ", keys.Select(c => "t.[" + c + "] = s.[" + c + "]"))
                + " WHEN MATCHED THEN UPDATE SET " + string.Join(", ", counts.Select(c => "[" + c + "] = t.[" + c + "] + s.[" + c + "]"))
                + " WHEN NOT MATCHED THEN INSERT (" + string.Join(", ", columns.Select(c => "[" + c + "]")) + ") VALUES ("
                + string.Join(", ", columns.Select(c => "s.[" + c + "]")) + ");";
        }

        return (sql, rows.SelectMany(r => r).ToArray());
    }
}
