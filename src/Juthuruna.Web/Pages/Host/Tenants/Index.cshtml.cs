using Juthuruna.Features.Tenants;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Host.Tenants;

/// <summary>The platform operator's list of associations with their staff counts and status.</summary>
public sealed class IndexModel(TenantDirectory directory) : PageModel
{
    public AssociationList Associations { get; private set; } = new([], false);

    public async Task OnGetAsync(CancellationToken ct) => Associations = await directory.ListAssociationsAsync(ct);
}
