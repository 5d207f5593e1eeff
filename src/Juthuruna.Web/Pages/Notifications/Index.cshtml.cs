using Juthuruna.Common.Paging;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Notifications;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Notifications;

/// <summary>The signed-in staff member's own notifications (any role): newest first, unread highlighted.</summary>
public sealed class IndexModel(NotificationInbox inbox, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The last notification of the previous page: this page shows older ones (<see cref="TimeCursor"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public IReadOnlyList<NotificationItem> Items { get; private set; } = [];

    /// <summary>Where the next (older) page starts; null when there is none.</summary>
    public TimeCursor? Older { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DualDate.Today(clock);
        var page = await inbox.ListAsync(User.UserId(), TimeCursor.Parse(Before), ct);
        Items = page.Items;
        Older = page.Older;
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        await inbox.MarkReadAsync(User.UserId(), id, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(User.UserId(), ct);
        TempData["Success"] = l["All notifications are marked as read."].Value;
        return RedirectToPage();
    }
}
