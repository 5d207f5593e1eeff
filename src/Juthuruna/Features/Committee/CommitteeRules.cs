using Juthuruna.Features.SupportRequests;

namespace Juthuruna.Features.Committee;

/// <summary>The count of one item: votes cast, whether the quorum holds, and what the rule decides.</summary>
/// <param name="Outcome">Approve or Reject by the decision rule; null when there is no majority (the committee may only defer).</param>
public sealed record Tally(
    int Approve,
    int Reject,
    int Abstain,
    int Recused,
    int Eligible,
    int QuorumRequired,
    CommitteeDecision? Outcome,
    bool TieBrokenByChair)
{
    public bool QuorumMet => Eligible >= QuorumRequired;
    public int Cast => Approve + Reject;
}

/// <summary>
/// The committee's rules, as the association's bylaws usually write them:
/// <list type="bullet">
/// <item><b>Quorum</b>: the members present and not recused on the item must reach the association's
/// quorum setting, or by default a majority of the active members (more than half).</item>
/// <item><b>Decision</b>: a majority of the votes cast (approve vs reject; abstentions and recusals are not
/// votes cast); on a tie, the chair's vote decides. A tie the chair did not break is no decision.</item>
/// </list>
/// </summary>
public static class CommitteeRules
{
    /// <summary>Members needed: the association's fixed quorum, or more than half the active members.</summary>
    public static int QuorumRequired(int activeMembers, int? fixedQuorum) =>
        fixedQuorum is > 0 ? fixedQuorum.Value : (activeMembers / 2) + 1;

    /// <param name="present">Members recorded present at the session.</param>
    /// <param name="votes">Votes of present members on this item.</param>
    /// <param name="chairUserId">The session's chair, whose vote breaks a tie.</param>
    public static Tally Count(IReadOnlyCollection<Guid> present, IReadOnlyCollection<(Guid UserId, VoteChoice Choice)> votes, Guid? chairUserId, int quorumRequired)
    {
        var counted = votes.Where(v => present.Contains(v.UserId)).ToList();
        var approve = counted.Count(v => v.Choice == VoteChoice.Approve);
        var reject = counted.Count(v => v.Choice == VoteChoice.Reject);
        var abstain = counted.Count(v => v.Choice == VoteChoice.Abstain);
        var recused = counted.Count(v => v.Choice == VoteChoice.Recuse);

        CommitteeDecision? outcome = approve > reject ? CommitteeDecision.Approve : reject > approve ? CommitteeDecision.Reject : null;
        var tieBroken = false;
        if (outcome is null && approve > 0)
        {
            var chairVote = counted.Where(v => v.UserId == chairUserId).Select(v => (VoteChoice?)v.Choice).SingleOrDefault();
            outcome = chairVote switch
            {
                VoteChoice.Approve => CommitteeDecision.Approve,
                VoteChoice.Reject => CommitteeDecision.Reject,
                _ => null,
            };
            tieBroken = outcome is not null;
        }

        return new Tally(approve, reject, abstain, recused, present.Count - recused, quorumRequired, outcome, tieBroken);
    }

    /// <summary>Whether the chair may close an item with <paramref name="decision"/> given its tally.</summary>
    public static bool Allows(Tally tally, CommitteeDecision decision) =>
        tally.QuorumMet && (decision == CommitteeDecision.Defer || tally.Outcome == decision);
}
