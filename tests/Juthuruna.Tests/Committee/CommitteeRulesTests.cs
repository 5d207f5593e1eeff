using Juthuruna.Features.Committee;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.SupportRequests;

namespace Juthuruna.Tests.Committee;

public sealed class CommitteeRulesTests
{
    private static readonly Guid Chair = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();
    private static readonly Guid D = Guid.NewGuid();

    [Theory]
    [InlineData(5, null, 3)]
    [InlineData(4, null, 3)]
    [InlineData(3, null, 2)]
    [InlineData(1, null, 1)]
    [InlineData(7, 2, 2)]
    [InlineData(7, 0, 4)]
    public void QuorumRequired_is_the_setting_or_more_than_half_the_active_members(int active, int? setting, int expected) =>
        Assert.Equal(expected, CommitteeRules.QuorumRequired(active, setting));

    [Fact]
    public void Count_majority_of_votes_cast_decides_and_abstentions_do_not_count_as_votes()
    {
        var tally = CommitteeRules.Count([Chair, A, B, C], [(Chair, VoteChoice.Reject), (A, VoteChoice.Approve), (B, VoteChoice.Approve), (C, VoteChoice.Abstain)], Chair, 3);

        Assert.Equal((2, 1, 1, 0), (tally.Approve, tally.Reject, tally.Abstain, tally.Recused));
        Assert.True(tally.QuorumMet);
        Assert.Equal(CommitteeDecision.Approve, tally.Outcome);
        Assert.False(tally.TieBrokenByChair);
    }

    [Theory]
    [InlineData(VoteChoice.Approve, CommitteeDecision.Approve)]
    [InlineData(VoteChoice.Reject, CommitteeDecision.Reject)]
    public void Count_a_tie_is_broken_by_the_chairs_vote(VoteChoice chairVote, CommitteeDecision expected)
    {
        var other = chairVote == VoteChoice.Approve ? VoteChoice.Reject : VoteChoice.Approve;
        var tally = CommitteeRules.Count([Chair, A, B, C], [(Chair, chairVote), (A, other), (B, chairVote), (C, other)], Chair, 3);

        Assert.Equal(expected, tally.Outcome);
        Assert.True(tally.TieBrokenByChair);
    }

    [Fact]
    public void Count_a_tie_the_chair_abstained_on_is_no_decision()
    {
        var tally = CommitteeRules.Count([Chair, A, B], [(Chair, VoteChoice.Abstain), (A, VoteChoice.Approve), (B, VoteChoice.Reject)], Chair, 2);

        Assert.Null(tally.Outcome);
        Assert.False(CommitteeRules.Allows(tally, CommitteeDecision.Approve));
        Assert.False(CommitteeRules.Allows(tally, CommitteeDecision.Reject));
        Assert.True(CommitteeRules.Allows(tally, CommitteeDecision.Defer));
    }

    [Fact]
    public void Count_no_votes_is_no_decision()
    {
        var tally = CommitteeRules.Count([Chair, A, B], [], Chair, 2);

        Assert.Null(tally.Outcome);
        Assert.Equal(0, tally.Cast);
    }

    [Fact]
    public void Count_a_recused_member_does_not_count_toward_the_quorum()
    {
        // Three present of five active: quorum 3 is met until one of them recuses.
        var tally = CommitteeRules.Count([Chair, A, B], [(Chair, VoteChoice.Approve), (A, VoteChoice.Approve), (B, VoteChoice.Recuse)], Chair, 3);

        Assert.Equal(1, tally.Recused);
        Assert.Equal(2, tally.Eligible);
        Assert.False(tally.QuorumMet);
        Assert.False(CommitteeRules.Allows(tally, CommitteeDecision.Approve));
        Assert.False(CommitteeRules.Allows(tally, CommitteeDecision.Defer));
    }

    [Fact]
    public void Count_votes_of_members_not_present_are_ignored()
    {
        var tally = CommitteeRules.Count([Chair, A, B], [(Chair, VoteChoice.Reject), (A, VoteChoice.Reject), (D, VoteChoice.Approve), (C, VoteChoice.Approve)], Chair, 2);

        Assert.Equal((0, 2), (tally.Approve, tally.Reject));
        Assert.Equal(CommitteeDecision.Reject, tally.Outcome);
    }

    [Fact]
    public void Allows_only_the_decision_the_votes_give()
    {
        var tally = CommitteeRules.Count([Chair, A, B], [(Chair, VoteChoice.Reject), (A, VoteChoice.Reject), (B, VoteChoice.Approve)], Chair, 2);

        Assert.True(CommitteeRules.Allows(tally, CommitteeDecision.Reject));
        Assert.False(CommitteeRules.Allows(tally, CommitteeDecision.Approve));
    }
}

public sealed class DeliveryRulesTests
{
    private static readonly Guid Food = Guid.NewGuid();
    private static readonly Guid Cash = Guid.NewGuid();

    [Fact]
    public void AllDelivered_needs_a_delivery_of_every_approved_service()
    {
        Assert.False(DeliveryRules.AllDelivered([Food, Cash], null, [(Food, null)]));
        Assert.True(DeliveryRules.AllDelivered([Food, Cash], null, [(Food, null), (Cash, 50_000)]));
    }

    [Fact]
    public void AllDelivered_partial_amounts_add_up_to_the_approved_amount()
    {
        Assert.False(DeliveryRules.AllDelivered([Cash], 300_000, [(Cash, 150_000)]));
        Assert.True(DeliveryRules.AllDelivered([Cash], 300_000, [(Cash, 150_000), (Cash, 150_000)]));
    }

    [Fact]
    public void AllDelivered_nothing_delivered_is_never_complete() =>
        Assert.False(DeliveryRules.AllDelivered([], null, []));
}
