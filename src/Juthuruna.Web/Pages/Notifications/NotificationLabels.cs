using Juthuruna.Features.Notifications;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Notifications;

/// <summary>Localized titles of the notification kinds (written out so every key is checked for Arabic).</summary>
public static class NotificationLabels
{
    public static string Of(IStringLocalizer l, NotificationKind kind) => kind switch
    {
        NotificationKind.DecisionDueSoon => l["Committee decision due soon"],
        NotificationKind.DecisionOverdue => l["Committee decision overdue"],
        _ => kind.ToString(),
    };

    /// <summary>What the recipient is asked to do.</summary>
    public static string Hint(IStringLocalizer l, NotificationKind kind) => kind switch
    {
        NotificationKind.DecisionDueSoon => l["Put the request on the committee's agenda before its decision window ends."],
        NotificationKind.DecisionOverdue => l["The decision window has passed without a decision: follow it up with the committee."],
        _ => "",
    };

    public static string Icon(NotificationKind kind) => kind switch
    {
        NotificationKind.DecisionOverdue => "bi-exclamation-octagon text-danger",
        _ => "bi-alarm text-warning-emphasis",
    };
}
