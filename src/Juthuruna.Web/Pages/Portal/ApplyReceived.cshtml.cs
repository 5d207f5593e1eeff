using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>
/// After an application: what happens next. Reached only by the redirect after an application; it shows no request
/// number (that reaches the registered mobile), so it reads the same whether a request was opened or one was open.
/// </summary>
public sealed class ApplyReceivedModel : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    public IActionResult OnGet() =>
        TempData[ApplyModel.SentKey] is true ? Page() : Redirect(Association.Path("apply"));
}
