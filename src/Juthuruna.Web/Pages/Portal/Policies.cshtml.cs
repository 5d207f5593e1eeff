using Juthuruna.Features.Policies;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>The association's public policies: the approved version of each document marked public.</summary>
public sealed class PoliciesModel(PolicyQueries queries) : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    public IReadOnlyList<PublicPolicy> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await queries.PublicAsync(ct);
}
