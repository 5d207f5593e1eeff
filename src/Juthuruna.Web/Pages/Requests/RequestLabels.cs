using Juthuruna.Common.Text;
using Juthuruna.Features.SupportRequests;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests;

/// <summary>Localized labels of the request's states, actions, documents and declaration methods (channels: ContactLabels) (written out so every key is checked for Arabic).</summary>
public static class RequestLabels
{
    public static string Of(IStringLocalizer l, RequestState value) => value switch
    {
        RequestState.Draft => l["Draft"],
        RequestState.DocumentsReview => l["Documents review"],
        RequestState.ReturnedForCompletion => l["Returned for completion"],
        RequestState.Verified => l["Verified"],
        RequestState.UnderResearch => l["Under research"],
        RequestState.AwaitingCommittee => l["Awaiting the committee"],
        RequestState.Approved => l["Approved"],
        RequestState.Rejected => l["Rejected"],
        RequestState.Registered => l["Registered"],
        RequestState.InService => l["In service"],
        RequestState.Closed => l["Closed"],
        RequestState.Withdrawn => l["Withdrawn"],
        RequestState.Cancelled => l["Cancelled"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, RequestTrigger value) => value switch
    {
        RequestTrigger.Submit => l["Submit for document review"],
        RequestTrigger.ReturnForCompletion => l["Return for completion"],
        RequestTrigger.Resubmit => l["Completed: back to review"],
        RequestTrigger.Verify => l["Verify the request"],
        RequestTrigger.Withdraw => l["Withdraw (applicant's wish)"],
        RequestTrigger.Cancel => l["Cancel the request"],
        RequestTrigger.Close => l["Close the request (management)"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, DeclarationMethod value) => value switch
    {
        DeclarationMethod.ConfirmedOnScreen => l["Confirmed on screen"],
        DeclarationMethod.SignedPaperScanned => l["Signed on paper (scan attached)"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, DocumentStatus value) => value switch
    {
        DocumentStatus.Missing => l["Missing"],
        DocumentStatus.Matched => l["Matched and valid"],
        DocumentStatus.Mismatched => l["Does not match the data"],
        DocumentStatus.Expired => l["Expired on the submission date"],
        _ => value.ToString(),
    };

    /// <summary>Bootstrap badge colour of a state.</summary>
    public static string BadgeClass(RequestState state) => state switch
    {
        RequestState.Draft => "text-bg-secondary",
        RequestState.ReturnedForCompletion => "text-bg-warning",
        // Verified means the data were checked against the documents, not that the request was granted:
        // a neutral colour, never the green of Approved.
        RequestState.Verified => "text-bg-info",
        RequestState.Approved or RequestState.Registered or RequestState.InService => "text-bg-success",
        RequestState.Rejected or RequestState.Cancelled or RequestState.Withdrawn => "text-bg-dark",
        _ => "text-bg-primary",
    };

    /// <summary>Badge colour of the days left: red when overdue, amber when at risk.</summary>
    public static string DaysLeftBadgeClass(int days) =>
        days < 0 ? "text-bg-danger" : days <= DecisionWindow.AtRiskDays ? "text-bg-warning" : "text-bg-light";

    /// <summary>"5 days left" / "due today" / "2 days overdue".</summary>
    public static string DaysLeft(IStringLocalizer l, int days) => days switch
    {
        > 0 => l.Count(Counted.DaysLeft, days),
        0 => l["Due today"],
        _ => l.Count(Counted.DaysOverdue, -days),
    };
}
