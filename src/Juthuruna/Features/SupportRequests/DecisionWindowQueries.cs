using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.SupportRequests;

public sealed record WindowItem(Guid Id, string Number, RequestState State, string BeneficiaryName, DateOnly DecisionDueOn);

/// <summary>
/// Of the requests whose decision was due or taken from <see cref="From"/> to <see cref="To"/>, how many were
/// decided on or before their due date. A request past its due date still without a decision has already
/// missed the window: it counts against the share (<see cref="OverdueUndecided"/>), or the share would read
/// 100 % while requests wait unanswered.
/// </summary>
public sealed record WindowShare(DateOnly From, DateOnly To, int HijriYear, int Decided, int WithinWindow, int OverdueUndecided)
{
    /// <summary>Requests counted: decided in the period, and overdue ones awaiting a decision.</summary>
    public int Counted => Decided + OverdueUndecided;

    /// <summary>Rounded percentage; null when nothing was decided or overdue in the period.</summary>
    public int? Percent => Counted == 0 ? null : (int)Math.Round(100.0 * WithinWindow / Counted, MidpointRounding.AwayFromZero);
}

/// <summary>The manager's view of the decision window; <c>More…</c> says a list was cut at <see cref="DecisionWindowQueries.ListSize"/>.</summary>
public sealed record WindowBoard(
    IReadOnlyList<WindowItem> Overdue,
    bool MoreOverdue,
    IReadOnlyList<WindowItem> AtRisk,
    bool MoreAtRisk,
    WindowShare Share);

/// <summary>
/// Reads for the decision-window dashboard (issue 4, item 4): requests awaiting the committee that are
/// overdue or at risk, and the share decided within the window in the current Hijri year — the year the
/// association's request numbers and board reports follow.
/// </summary>
public sealed class DecisionWindowQueries(AppDbContext db)
{
    public const int ListSize = 100;

    public async Task<WindowBoard> BoardAsync(DateOnly today, CancellationToken ct)
    {
        var atRiskUntil = today.AddDays(DecisionWindow.AtRiskDays);
        var awaiting = db.SupportRequests.AsNoTracking()
            .Where(r => RequestWorkflow.AwaitingDecisionStates.Contains(r.State) && r.DecisionDueOn != null);

        var overdue = await ItemsAsync(awaiting.Where(r => r.DecisionDueOn < today), ct);
        var atRisk = await ItemsAsync(awaiting.Where(r => r.DecisionDueOn >= today && r.DecisionDueOn <= atRiskUntil), ct);
        var share = await ShareInHijriYearAsync(today, ct);
        return new WindowBoard(
            overdue.Take(ListSize).ToList(), overdue.Count > ListSize,
            atRisk.Take(ListSize).ToList(), atRisk.Count > ListSize,
            share);
    }

    /// <summary>The share decided within the window from 1 Muharram of <paramref name="today"/>'s Hijri year to today.</summary>
    public async Task<WindowShare> ShareInHijriYearAsync(DateOnly today, CancellationToken ct)
    {
        var year = DualDate.ToHijri(today).Year;
        var from = DualDate.FromHijri(year, 1, 1);
        // One statement: the decided ones summed from the maintained daily summary (at most a year of days: ADR 0015),
        // the overdue undecided ones counted from the open requests' index (a few thousand at most).
        var counts = await db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId)
            .Select(t => new
            {
                Decided = db.DecisionDays.Where(d => d.Day >= from && d.Day <= today).Sum(d => d.Decided),
                Within = db.DecisionDays.Where(d => d.Day >= from && d.Day <= today).Sum(d => d.WithinWindow),
                OverdueUndecided = db.SupportRequests.Count(r => RequestWorkflow.AwaitingDecisionStates.Contains(r.State) && r.DecisionDueOn != null && r.DecisionDueOn >= from && r.DecisionDueOn < today),
            })
            .SingleAsync(ct);
        return new WindowShare(from, today, year, counts.Decided, counts.Within, counts.OverdueUndecided);
    }

    // One more than shown, to say the list was cut; oldest due first (the most urgent on top).
    private async Task<List<WindowItem>> ItemsAsync(IQueryable<SupportRequest> requests, CancellationToken ct) =>
        (await requests
            .OrderBy(r => r.DecisionDueOn).ThenBy(r => r.Number)
            .Take(ListSize + 1)
            .Join(db.Beneficiaries, r => r.BeneficiaryId, b => b.Id, (r, b) => new WindowItem(
                r.Id, r.Number, r.State, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName, r.DecisionDueOn!.Value))
            .ToListAsync(ct))
        // The join does not keep the subquery's order: sort the page again.
        .OrderBy(i => i.DecisionDueOn).ThenBy(i => i.Number, StringComparer.Ordinal)
        .ToList();
}
