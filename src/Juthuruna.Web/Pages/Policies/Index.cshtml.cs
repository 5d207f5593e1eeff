using Juthuruna.Features.Policies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Policies;

/// <summary>The association's policy documents (every association role reads; the administrator edits).</summary>
public sealed class IndexModel(PolicyQueries queries) : PageModel
{
    public IReadOnlyList<PolicyRow> Documents { get; private set; } = [];

    public bool IsAdmin => User.IsInRole(Juthuruna.Identity.StaffRoles.TenantAdmin);

    public async Task OnGetAsync(CancellationToken ct) => Documents = await queries.ListAsync(ct);
}
