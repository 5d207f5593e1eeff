using Juthuruna.Common.Dates;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Tenancy;

namespace Juthuruna.Tests.SupportRequests;

public sealed class DecisionWindowTests
{
    [Fact]
    public void DueDate_calendar_days_adds_the_window()
    {
        Assert.Equal(new DateOnly(2026, 2, 19), DecisionWindow.DueDate(new DateOnly(2026, 2, 5), 14, DecisionWindowMode.CalendarDays));
    }

    [Fact]
    public void DueDate_working_days_skip_fridays_and_saturdays()
    {
        // Verified on Thursday 19 Feb 2026: 14 working days (Sun–Thu) end on Wednesday 11 March.
        Assert.Equal(new DateOnly(2026, 3, 11), DecisionWindow.DueDate(new DateOnly(2026, 2, 19), 14, DecisionWindowMode.WorkingDays));
    }

    [Fact]
    public void DueDate_working_days_skip_the_associations_holidays()
    {
        // Founding Day (Sunday 22 Feb 2026) is a holiday: one more day.
        var holidays = new HashSet<DateOnly> { new(2026, 2, 22) };

        Assert.Equal(new DateOnly(2026, 3, 12), DecisionWindow.DueDate(new DateOnly(2026, 2, 19), 14, DecisionWindowMode.WorkingDays, holidays));
    }

    [Fact]
    public void DueDate_working_days_across_a_week_long_eid_holiday()
    {
        var eid = Enumerable.Range(0, 6).Select(i => new DateOnly(2026, 3, 19).AddDays(i)).ToHashSet();

        Assert.Equal(new DateOnly(2026, 4, 5), DecisionWindow.DueDate(new DateOnly(2026, 3, 10), 14, DecisionWindowMode.WorkingDays, eid));
    }

    [Fact]
    public void DueDate_across_the_end_of_a_hijri_month_lands_in_the_next_month()
    {
        // 29 Sha'ban 1447 (17 Feb 2026) + 14 calendar days = 14 Ramadan 1447 (3 Mar 2026).
        var verified = DualDate.FromHijri(1447, 8, 29);

        var due = DecisionWindow.DueDate(verified, 14, DecisionWindowMode.CalendarDays);

        Assert.Equal(new DateOnly(2026, 2, 17), verified);
        Assert.Equal(new HijriDate(1447, 9, 14), DualDate.ToHijri(due));
    }

    [Theory]
    [InlineData(2026, 3, 1, 10)]
    [InlineData(2026, 3, 11, 0)]
    [InlineData(2026, 3, 13, -2)]
    public void DaysRemaining_counts_down_and_goes_negative_when_overdue(int y, int m, int d, int expected) =>
        Assert.Equal(expected, DecisionWindow.DaysRemaining(new DateOnly(2026, 3, 11), new DateOnly(y, m, d)));
}
