using Juthuruna.Features.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// The bell in the top bar: the signed-in user's unread notifications, read with the sign-in check
/// (<see cref="SignedInViewer"/>); counted here only when that check did not run.
/// </summary>
public sealed class NotificationBellViewComponent(SignedInViewer viewer, NotificationInbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var unread = viewer.IsKnown ? viewer.UnreadNotifications : await inbox.UnreadCountAsync(UserClaimsPrincipal.UserId(), HttpContext.RequestAborted);
        return View(unread);
    }
}
