using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Feedback;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Reports;

/// <summary>The period of a report: its first and last day, and whether its months are Hijri (Umm al-Qura) or Gregorian.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, bool HijriMonths)
{
    /// <summary>The month of <paramref name="day"/> in the period's calendar, as (year, month).</summary>
    public (int Year, int Month) MonthOf(DateOnly day) =>
        HijriMonths ? (DualDate.ToHijri(day).Year, DualDate.ToHijri(day).Month) : (day.Year, day.Month);

    /// <summary>Every month the period touches, in order.</summary>
    public IReadOnlyList<(int Year, int Month)> Months()
    {
        var months = new List<(int, int)>();
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            var m = MonthOf(day);
            if (months.Count == 0 || months[^1] != m)
            {
                months.Add(m);
            }
        }

        return months;
    }
}

/// <summary>What the board's report is about: a period, and optionally one branch and one service (ids checked in this association by the page).</summary>
public sealed record ReportFilter(ReportPeriod Period, Guid? BranchId, Guid? ServiceId);

public sealed record FeedbackFigure(FeedbackKind Kind, FeedbackCategory Category, int Received, int Answered, int AnsweredOnTime);

public sealed record SatisfactionFigure(DateOnly Month, int Answers, long RatingSum, int Ratings);

/// <summary>Amounts and deliveries of one service in one month of the period.</summary>
public sealed record ServiceMonthFigure(Guid ServiceId, (int Year, int Month) Month, int Registrations, long ApprovedHalalas, int Deliveries, int InKind, long Quantity, long DisbursedHalalas);

/// <summary>Every figure of the board's report for one filter (issue 16, item 2), from the maintained summaries of ADR 0022.</summary>
public sealed record BoardReport(
    ReportFilter Filter,
    IReadOnlyList<(int Year, int Month)> Months,
    IReadOnlyDictionary<ContactChannel, int> ReceivedByChannel,
    IReadOnlyDictionary<Guid, int> ReceivedByService,
    IReadOnlyDictionary<Guid, int> ReceivedByBranch,
    IReadOnlyDictionary<(int Year, int Month), int> ReceivedByMonth,
    int Approved,
    int Rejected,
    int Deferred,
    int? MedianDaysToDecide,
    int? P90DaysToDecide,
    int DecidedWithinWindow,
    int Decided,
    int OverdueUndecided,
    int BeneficiariesServed,
    IReadOnlyList<ServiceMonthFigure> Services,
    IReadOnlyList<SatisfactionFigure> Satisfaction,
    IReadOnlyList<FeedbackFigure> Feedback,
    IReadOnlyDictionary<ContactChannel, int> ContactsByChannel,
    IReadOnlyDictionary<Guid, int> ContactsByBranch)
{
    public int Received => ReceivedByChannel.Values.Sum();

    /// <summary>Committee outcomes in the period: approvals, rejections and deferrals (the rates' denominator).</summary>
    public int Outcomes => Approved + Rejected + Deferred;

    /// <summary>Decided in the period plus the undecided ones whose window ended in it: an overdue undecided request is a miss.</summary>
    public int WindowCounted => Decided + OverdueUndecided;
}

/// <summary>
/// The board's report (issue 16, item 2; ADR 0022). Every request figure comes from the maintained per-day summaries
/// (<see cref="RequestTally"/>, <see cref="DecisionTally"/>, <see cref="ServiceTally"/>, <see cref="ContactTally"/>,
/// <see cref="Satisfaction.SurveyTally"/>): a period costs its days' summary rows, never a read of every request.
/// Three figures read rows of the period itself through an index: the overdue undecided requests (the open
/// requests' index, as the decision-window page does), the files served (distinct files of the period's deliveries)
/// and the suggestions and complaints received in the period (hundreds a year).
/// </summary>
public sealed class ReportQueries(AppDbContext db, TimeProvider clock)
{
    public async Task<BoardReport> ReportAsync(ReportFilter filter, CancellationToken ct)
    {
        var (from, to) = (filter.Period.From, filter.Period.To);
        var today = DualDate.Today(clock);
        var branch = filter.BranchId;
        var service = filter.ServiceId;

        var requestRows = await db.RequestTallies.AsNoTracking()
            .Where(t => t.Day >= from && t.Day <= to)
            .Where(t => branch == null || t.BranchId == branch)
            .Where(t => service == null || t.ServiceId == service)
            .Select(t => new { t.Day, t.ServiceId, t.BranchId, t.Channel, t.Received, t.Deferred })
            .ToListAsync(ct);

        var decisionRows = await db.DecisionTallies.AsNoTracking()
            .Where(t => t.Day >= from && t.Day <= to)
            .Where(t => branch == null || t.BranchId == branch)
            .Where(t => service == null || t.ServiceId == service)
            .GroupBy(t => t.DaysToDecide)
            .Select(g => new { Days = g.Key, Approved = g.Sum(t => t.Approved), Rejected = g.Sum(t => t.Rejected), Within = g.Sum(t => t.WithinWindow) })
            .ToListAsync(ct);

        var windowEnd = to < today ? to.AddDays(1) : today;
        var overdue = await db.SupportRequests.AsNoTracking()
            .Where(r => RequestWorkflow.AwaitingDecisionStates.Contains(r.State) && r.DecisionDueOn != null && r.DecisionDueOn >= from && r.DecisionDueOn < windowEnd)
            .Where(r => branch == null || r.BranchId == branch)
            .Where(r => service == null || r.ServiceId == service)
            .CountAsync(ct);

        var serviceRows = await db.ServiceTallies.AsNoTracking()
            .Where(t => t.Day >= from && t.Day <= to)
            .Where(t => branch == null || t.BranchId == branch)
            .Where(t => service == null || t.ServiceId == service)
            .Select(t => new { t.Day, t.ServiceId, t.Registrations, t.ApprovedHalalas, t.Deliveries, t.InKind, t.Quantity, t.DisbursedHalalas })
            .ToListAsync(ct);

        var served = await db.ServiceDeliveries.AsNoTracking()
            .Where(d => d.DeliveredOn >= from && d.DeliveredOn <= to)
            .Where(d => service == null || d.ServiceId == service)
            .Join(db.SupportRequests, d => d.RequestId, r => r.Id, (d, r) => new { r.BeneficiaryId, r.BranchId })
            .Where(x => branch == null || x.BranchId == branch)
            .Select(x => x.BeneficiaryId).Distinct().CountAsync(ct);

        // Answers keep only their (Gregorian) month, for anonymity: the months that overlap the period.
        var firstMonth = new DateOnly(from.Year, from.Month, 1);
        var lastMonth = new DateOnly(to.Year, to.Month, 1);
        var satisfaction = await db.SurveyTallies.AsNoTracking()
            .Where(t => t.Month >= firstMonth && t.Month <= lastMonth && t.Answers > 0)
            .Where(t => branch == null || t.BranchId == branch)
            .Where(t => service == null || t.ServiceId == service)
            .GroupBy(t => t.Month)
            .Select(g => new SatisfactionFigure(g.Key, g.Sum(t => t.Answers),
                g.Sum(t => (long)t.OverallSum + t.CourtesySum + t.SpeedSum + t.ClaritySum), g.Sum(t => t.Answers) * 4))
            .ToListAsync(ct);

        // Suggestions and complaints carry no branch or service: the association's, whatever those filters say.
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-3);
        var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-3);
        var feedbackRows = await db.FeedbackItems.AsNoTracking()
            .Where(f => f.ReceivedAtUtc >= fromUtc && f.ReceivedAtUtc < toUtc)
            .Select(f => new { f.Kind, f.Category, f.AnsweredAtUtc, f.DueOn })
            .ToListAsync(ct);

        var contactRows = await db.ContactTallies.AsNoTracking()
            .Where(t => t.Day >= from && t.Day <= to)
            .Where(t => branch == null || t.BranchId == branch)
            .GroupBy(t => new { t.Channel, t.BranchId })
            .Select(g => new { g.Key.Channel, g.Key.BranchId, Contacts = g.Sum(t => t.Contacts) })
            .ToListAsync(ct);

        var histogram = decisionRows.Where(r => r.Days >= 0).OrderBy(r => r.Days).Select(r => (r.Days, Count: r.Approved + r.Rejected)).ToList();
        return new BoardReport(
            filter,
            filter.Period.Months(),
            requestRows.GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => g.Sum(r => r.Received)),
            requestRows.GroupBy(r => r.ServiceId).ToDictionary(g => g.Key, g => g.Sum(r => r.Received)),
            requestRows.GroupBy(r => r.BranchId).ToDictionary(g => g.Key, g => g.Sum(r => r.Received)),
            requestRows.GroupBy(r => filter.Period.MonthOf(r.Day)).ToDictionary(g => g.Key, g => g.Sum(r => r.Received)),
            decisionRows.Sum(r => r.Approved),
            decisionRows.Sum(r => r.Rejected),
            requestRows.Sum(r => r.Deferred),
            Percentile(histogram, 0.5),
            Percentile(histogram, 0.9),
            decisionRows.Sum(r => r.Within),
            decisionRows.Sum(r => r.Approved + r.Rejected),
            overdue,
            served,
            serviceRows.GroupBy(r => (r.ServiceId, Month: filter.Period.MonthOf(r.Day)))
                .Select(g => new ServiceMonthFigure(g.Key.ServiceId, g.Key.Month, g.Sum(r => r.Registrations), g.Sum(r => r.ApprovedHalalas),
                    g.Sum(r => r.Deliveries), g.Sum(r => r.InKind), g.Sum(r => r.Quantity), g.Sum(r => r.DisbursedHalalas)))
                .ToList(),
            satisfaction.OrderBy(s => s.Month).ToList(),
            feedbackRows.GroupBy(f => (f.Kind, f.Category))
                .Select(g => new FeedbackFigure(g.Key.Kind, g.Key.Category, g.Count(), g.Count(f => f.AnsweredAtUtc != null),
                    g.Count(f => f.AnsweredAtUtc is { } at && DualDate.RiyadhDay(at) <= f.DueOn)))
                .OrderBy(f => f.Kind).ThenBy(f => f.Category).ToList(),
            contactRows.GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => g.Sum(r => r.Contacts)),
            contactRows.GroupBy(r => r.BranchId).ToDictionary(g => g.Key, g => g.Sum(r => r.Contacts)));
    }

    /// <summary>
    /// The nearest-rank percentile of a histogram (days → decisions): the smallest number of days by which at least
    /// <paramref name="p"/> of the decisions were taken. Null when nothing was decided.
    /// </summary>
    public static int? Percentile(IReadOnlyList<(int Days, int Count)> histogram, double p)
    {
        var total = histogram.Sum(h => h.Count);
        if (total == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * total);
        var seen = 0;
        foreach (var (days, count) in histogram)
        {
            seen += count;
            if (seen >= rank)
            {
                return days;
            }
        }

        return histogram[^1].Days;
    }
}
