using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Errors;

/// <summary>Friendly pages for 403, 404, 500 and any other status, re-executed by the status-code middleware.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code) => Render(code);

    // The original request may have been a POST (e.g. a stale form hitting a 404): render the same page.
    public IActionResult OnPost(int code) => Render(code);

    private PageResult Render(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 500;
        // Direct visits (e.g. /Errors/403 as the access-denied path) answer with the status they describe.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = Code;
        }

        return Page();
    }
}
