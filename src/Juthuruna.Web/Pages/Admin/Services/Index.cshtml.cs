using Juthuruna.Features.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Admin.Services;

/// <summary>The association's services, active first, with how many documents each asks for.</summary>
public sealed class IndexModel(ServiceCatalogue catalogue) : PageModel
{
    public IReadOnlyList<ServiceRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await catalogue.ServicesAsync(ct);
}
