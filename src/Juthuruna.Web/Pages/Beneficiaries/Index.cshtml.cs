using Juthuruna.Features.Beneficiaries;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Beneficiaries;

public sealed class IndexModel(BeneficiaryQueries queries, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The next page: results after this one (<see cref="SearchCursor"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>The previous page: results before this one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public BeneficiaryPage Results { get; private set; } = BeneficiaryPage.Empty;
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var before = SearchCursor.Parse(Before);
        Results = await queries.SearchAsync(Q, before is null ? SearchCursor.Parse(After) : null, before, ct);
        CanCreate = (await authorization.AuthorizeAsync(User, StaffIdentitySetup.BeneficiaryWritersPolicy)).Succeeded;
    }

    public string PageUrl(string direction, SearchCursor cursor) =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&{direction}={Uri.EscapeDataString(cursor.ToString())}";
}
