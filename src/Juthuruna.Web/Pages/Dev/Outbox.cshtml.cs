using Juthuruna.Features.Notifications.Messaging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Dev;

/// <summary>
/// Development only: the messages the local sink kept instead of sending (e.g. the portal's one-time code).
/// Open without signing in, like the portal that "sends" them; anywhere but Development it does not exist.
/// </summary>
[AllowAnonymous]
public sealed class OutboxModel(IWebHostEnvironment environment, LocalOutboxSink sink) : PageModel
{
    public IReadOnlyList<LocalOutboxEntry> Messages { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Messages = sink.Latest();
        return Page();
    }
}
