using Juthuruna.Features.Committee;

namespace Juthuruna.Tests.Committee;

public sealed class CommitteeSeatsTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);
    private static readonly DateOnly Jan31 = new(2026, 1, 31);
    private static readonly DateOnly Feb1 = new(2026, 2, 1);
    private static readonly DateOnly Mar1 = new(2026, 3, 1);

    [Theory]
    [MemberData(nameof(Periods))]
    public void Overlap_is_true_when_the_periods_share_a_day(DateOnly fromA, DateOnly? toA, DateOnly fromB, DateOnly? toB, bool expected)
    {
        Assert.Equal(expected, CommitteeSeats.Overlap(fromA, toA, fromB, toB));
        Assert.Equal(expected, CommitteeSeats.Overlap(fromB, toB, fromA, toA));
    }

    public static TheoryData<DateOnly, DateOnly?, DateOnly, DateOnly?, bool> Periods() => new()
    {
        { Jan1, Jan31, Feb1, null, false },  // a seat ended before the next one starts
        { Jan1, Jan31, Jan31, Mar1, true },  // the last day of one is the first of the other
        { Jan1, null, Mar1, null, true },    // two open-ended seats always meet
        { Jan1, Jan31, Jan1, Jan31, true },
        { Feb1, Mar1, Jan1, Jan31, false },
        { Jan1, null, Jan31, Feb1, true },
    };

    [Theory]
    [InlineData(CommitteeRole.Chair, true)]
    [InlineData(CommitteeRole.Secretary, true)]
    [InlineData(CommitteeRole.Member, false)]
    [InlineData(null, false)]
    public void KeepsMinutes_only_for_the_secretary_and_the_chair(CommitteeRole? role, bool expected) =>
        Assert.Equal(expected, CommitteeSeats.KeepsMinutes(role));
}
