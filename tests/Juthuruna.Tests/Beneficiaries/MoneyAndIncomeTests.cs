using Juthuruna.Common.Dates;
using Juthuruna.Common.Money;
using Juthuruna.Features.Beneficiaries;

namespace Juthuruna.Tests.Beneficiaries;

public sealed class MoneyAndIncomeTests
{
    [Theory]
    [InlineData("1500", 150000)]
    [InlineData("1500.50", 150050)]
    [InlineData("1500.5", 150050)]
    [InlineData("1,500.05", 150005)]
    [InlineData("١٥٠٠٫٥٠", 150050)]
    [InlineData("٢٠٠٠", 200000)]
    [InlineData(" 0.99 ", 99)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void Riyals_typed_amounts_parse_to_halalas(string? text, long expected)
    {
        Assert.True(Riyals.TryParseHalalas(text, out var halalas));
        Assert.Equal(expected, halalas);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("1500.505")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public void Riyals_bad_amounts_are_refused(string text) =>
        Assert.False(Riyals.TryParseHalalas(text, out _));

    [Theory]
    [InlineData(150000, "1,500.00", "1500")]
    [InlineData(150050, "1,500.50", "1500.50")]
    [InlineData(5, "0.05", "0.05")]
    public void Riyals_format_for_display_and_for_the_form(long halalas, string display, string input)
    {
        Assert.Equal(display, Riyals.Format(halalas));
        Assert.Equal(input, Riyals.ToInput(halalas));
    }

    [Fact]
    public void PerCapita_income_divides_all_household_income_by_household_size()
    {
        // Beneficiary: salary 3,000 + citizen account 500; three members, one earning 1,000 → 4,500 / 4.
        var perCapita = HouseholdIncome.PerCapitaHalalas([300000, 50000], [100000, 0, 0]);

        Assert.Equal(112500, perCapita);
    }

    [Fact]
    public void PerCapita_income_of_a_person_living_alone_is_their_income()
    {
        Assert.Equal(250000, HouseholdIncome.PerCapitaHalalas([250000], []));
        Assert.Equal(0, HouseholdIncome.PerCapitaHalalas([], []));
    }

    [Fact]
    public void PerCapita_income_rounds_down_to_the_halala()
    {
        Assert.Equal(33333, HouseholdIncome.PerCapitaHalalas([100000], [0, 0]));
    }

    [Theory]
    [InlineData("1990-05-17", CalendarKind.Gregorian, 1990, 5, 17)]
    [InlineData("17/05/1990", CalendarKind.Gregorian, 1990, 5, 17)]
    [InlineData("١٩٩٠/٠٥/١٧", CalendarKind.Gregorian, 1990, 5, 17)]
    [InlineData("1447-09-01", CalendarKind.Hijri, 2026, 2, 18)]
    [InlineData("01/09/1447", CalendarKind.Hijri, 2026, 2, 18)]
    public void DateEntry_parses_both_calendars_and_orders(string text, CalendarKind calendar, int y, int m, int d)
    {
        Assert.True(DateEntry.TryParse(text, calendar, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("1990-02-30", CalendarKind.Gregorian)]
    [InlineData("17-05-90", CalendarKind.Gregorian)]
    [InlineData("1447-09-31", CalendarKind.Hijri)]
    [InlineData("yesterday", CalendarKind.Gregorian)]
    public void DateEntry_refuses_impossible_dates(string text, CalendarKind calendar) =>
        Assert.False(DateEntry.TryParse(text, calendar, out _));
}
