using Juthuruna.Features.Files;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Juthuruna.Web.Pages.Errors;

/// <summary>
/// Friendly pages for 403, 404, 413, 500, 503 and any other status, re-executed by the status-code and exception
/// middleware. A portal request keeps the portal's layout: a beneficiary never lands on the staff application's page.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IOptions<StorageOptions> storage) : PageModel
{
    public int Code { get; private set; }

    /// <summary>The association whose portal the failed request was for, or null for the staff application.</summary>
    public PortalAssociation? Portal => HttpContext.PortalAssociation();

    public double MaxFileMegabytes => storage.Value.MaxBytes / (1024.0 * 1024.0);

    public IActionResult OnGet(int code) => Render(code);

    // The original request may have been a POST (e.g. a stale form hitting a 404): render the same page.
    public IActionResult OnPost(int code) => Render(code);

    private PageResult Render(int code)
    {
        // Re-executed, the response already carries the real status (the exception handler's path always says 500,
        // even for a 400 or 413 it answered); visited directly (e.g. /Errors/403 as the access-denied path), the
        // page answers with the status it describes.
        var reExecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
        Code = reExecuted && Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode
            : code is >= 400 and <= 599 ? code
            : 500;
        Response.StatusCode = Code;
        if (Code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }
}
