using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests;

/// <summary>Localized labels of the research, decision and delivery steps (written out so every key is checked for Arabic).</summary>
public static class ResearchLabels
{
    public static string Of(IStringLocalizer l, VisitType value) => value switch
    {
        VisitType.HomeVisit => l["Home visit"],
        VisitType.OfficeInterview => l["Interview at the office"],
        VisitType.PhoneCall => l["Phone call"],
        _ => "—",
    };

    public static string Of(IStringLocalizer l, ResearchRecommendation value) => value switch
    {
        ResearchRecommendation.Approve => l["Approve"],
        ResearchRecommendation.Reject => l["Reject"],
        ResearchRecommendation.ApprovePartially => l["Approve partially"],
        _ => "—",
    };

    public static string Of(IStringLocalizer l, CommitteeDecision value) => value switch
    {
        CommitteeDecision.Approve => l["Approved by the committee"],
        CommitteeDecision.Reject => l["Rejected by the committee"],
        CommitteeDecision.Defer => l["Deferred back to research"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, ReceiptKind value) => value switch
    {
        ReceiptKind.SignatureScan => l["Signed receipt (scan)"],
        ReceiptKind.Note => l["Note (e.g. transfer reference)"],
        _ => value.ToString(),
    };

    public static string DecisionBadgeClass(CommitteeDecision value) => value switch
    {
        CommitteeDecision.Approve => "text-bg-success",
        CommitteeDecision.Reject => "text-bg-dark",
        _ => "text-bg-warning",
    };
}
