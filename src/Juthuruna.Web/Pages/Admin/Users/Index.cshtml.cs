using Juthuruna.Features.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Admin.Users;

/// <summary>The association's staff accounts, searchable by name or e-mail, fifty to a page.</summary>
public sealed class IndexModel(StaffQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public StaffListPage Staff { get; private set; } = new([], 1, 1, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Staff = await queries.ListAsync(Search, PageNumber, ct);
}
