using Juthuruna.Tenancy;

namespace Juthuruna.Features.SupportRequests;

/// <summary>
/// The research committee decides within the decision window (policy: "خلال مدة لا تقل عن أسبوعين"):
/// counted from the day the request is verified, in calendar days or in working days — Sunday to
/// Thursday, skipping the association's holidays.
/// </summary>
public static class DecisionWindow
{
    /// <summary>A request this close to its due date is at risk: flagged in lists and counted on dashboards.</summary>
    public const int AtRiskDays = 4;

    public static DateOnly DueDate(DateOnly verifiedOn, int days, DecisionWindowMode mode, IReadOnlySet<DateOnly>? holidays = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        if (mode == DecisionWindowMode.CalendarDays)
        {
            return verifiedOn.AddDays(days);
        }

        var date = verifiedOn;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, holidays))
            {
                counted++;
            }
        }

        return date;
    }

    public static bool IsWorkingDay(DateOnly date, IReadOnlySet<DateOnly>? holidays = null) =>
        date.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday) && holidays?.Contains(date) != true;

    /// <summary>Whole days from <paramref name="today"/> to the due date; negative when overdue.</summary>
    public static int DaysRemaining(DateOnly dueDate, DateOnly today) => dueDate.DayNumber - today.DayNumber;

    /// <summary>
    /// The days left of a request's window, or null once it is decided, closed or not yet verified: only a
    /// request awaiting its decision has a window running (a decided one keeps its due date as history).
    /// </summary>
    public static int? DaysRemaining(RequestState state, DateOnly? dueDate, DateOnly today) =>
        dueDate is { } due && RequestWorkflow.AwaitingDecisionStates.Contains(state) ? DaysRemaining(due, today) : null;
}
