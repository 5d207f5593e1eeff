using Juthuruna.Features.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Admin.DocumentTypes;

/// <summary>The association's document types, active first.</summary>
public sealed class IndexModel(ServiceCatalogue catalogue) : PageModel
{
    public IReadOnlyList<DocumentTypeRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await catalogue.DocumentTypesAsync(ct);
}
