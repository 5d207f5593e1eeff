using Juthuruna.Features.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace Juthuruna.Web.Infrastructure;

/// <summary>The bell in the top bar: the signed-in user's unread notifications, one indexed count.</summary>
public sealed class NotificationBellViewComponent(NotificationInbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var unread = await inbox.UnreadCountAsync(UserClaimsPrincipal.UserId(), HttpContext.RequestAborted);
        return View(unread);
    }
}
