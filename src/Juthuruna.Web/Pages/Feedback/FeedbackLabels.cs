using Juthuruna.Features.Feedback;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Feedback;

/// <summary>The localized labels of suggestions and complaints (written out so every key is checked for Arabic); the portal uses them too.</summary>
public static class FeedbackLabels
{
    public static string Of(IStringLocalizer l, FeedbackKind value) => value switch
    {
        FeedbackKind.Suggestion => l["Suggestion"],
        FeedbackKind.Complaint => l["Complaint"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, FeedbackCategory value) => value switch
    {
        FeedbackCategory.ServiceQuality => l["Quality of service"],
        FeedbackCategory.StaffConduct => l["Conduct of staff"],
        FeedbackCategory.Delays => l["Delays"],
        FeedbackCategory.DocumentsAndProcedures => l["Documents and procedures"],
        FeedbackCategory.WebsiteAndPortal => l["Website and portal"],
        FeedbackCategory.Other => l["Other"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, FeedbackStatus value) => value switch
    {
        FeedbackStatus.New => l["New"],
        FeedbackStatus.InProgress => l["In progress"],
        FeedbackStatus.Answered => l["Answered"],
        FeedbackStatus.Closed => l["Closed"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, FeedbackAction value) => value switch
    {
        FeedbackAction.Received => l["Received"],
        FeedbackAction.Assigned => l["Assigned"],
        FeedbackAction.Answered => l["Answered"],
        FeedbackAction.Closed => l["Closed"],
        _ => value.ToString(),
    };
}
