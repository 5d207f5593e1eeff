using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>The portal's front page: what a beneficiary can do here without visiting the association.</summary>
public sealed class IndexModel : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    public void OnGet()
    {
    }
}
