using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>After an application: its number and what happens next. Reached only by the redirect that carries the number.</summary>
public sealed class ApplyReceivedModel : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    public string Number { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (TempData[ApplyModel.NumberKey] is not string number)
        {
            return Redirect(Association.Path("apply"));
        }

        Number = number;
        return Page();
    }
}
