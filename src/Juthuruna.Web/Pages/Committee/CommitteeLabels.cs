using Juthuruna.Features.Committee;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Committee;

/// <summary>Localized labels of the committee's seats, votes and decisions (written out so every key is checked for Arabic).</summary>
public static class CommitteeLabels
{
    public static string Of(IStringLocalizer l, CommitteeRole value) => value switch
    {
        CommitteeRole.Chair => l["Chair"],
        CommitteeRole.Secretary => l["Secretary"],
        CommitteeRole.Member => l["Member"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, VoteChoice value) => value switch
    {
        VoteChoice.Approve => l["Approve"],
        VoteChoice.Reject => l["Reject"],
        VoteChoice.Abstain => l["Abstain"],
        VoteChoice.Recuse => l["Recuse (conflict of interest)"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, CommitteeDecision value) => value switch
    {
        CommitteeDecision.Approve => l["Approved"],
        CommitteeDecision.Reject => l["Rejected"],
        CommitteeDecision.Defer => l["Deferred to the researcher"],
        _ => value.ToString(),
    };

    /// <summary>The decision as the chair's choice in the close form.</summary>
    public static string Choice(IStringLocalizer l, CommitteeDecision value) => value switch
    {
        CommitteeDecision.Approve => l["Approve"],
        CommitteeDecision.Reject => l["Reject"],
        CommitteeDecision.Defer => l["Defer: back to the researcher with questions"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, SessionStatus value) => value switch
    {
        SessionStatus.Scheduled => l["Scheduled"],
        SessionStatus.Closed => l["Closed"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, AgendaItemStatus value) => value switch
    {
        AgendaItemStatus.Open => l["Open"],
        AgendaItemStatus.Decided => l["Decided"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, VisitType value) => value switch
    {
        VisitType.HomeVisit => l["Home visit"],
        VisitType.OfficeInterview => l["Interview at the office"],
        VisitType.PhoneCall => l["Phone call"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, ResearchRecommendation value) => value switch
    {
        ResearchRecommendation.Approve => l["Approve"],
        ResearchRecommendation.Reject => l["Reject"],
        ResearchRecommendation.ApprovePartially => l["Approve partially"],
        _ => value.ToString(),
    };

    public static string DecisionBadgeClass(CommitteeDecision? value) => value switch
    {
        CommitteeDecision.Approve => "text-bg-success",
        CommitteeDecision.Reject => "text-bg-dark",
        CommitteeDecision.Defer => "text-bg-warning",
        _ => "text-bg-primary",
    };
}
