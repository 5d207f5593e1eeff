using Juthuruna.Common.Dates;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Requests;

/// <summary>The decision window's dashboard: overdue and at-risk requests awaiting the committee, and the share decided in time.</summary>
[Authorize(Policy = StaffIdentitySetup.DecisionWindowReadersPolicy)]
public sealed class WindowModel(DecisionWindowQueries queries, TimeProvider clock) : PageModel
{
    public WindowBoard Board { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>What the shared table partial shows.</summary>
    public sealed record Table(IReadOnlyList<WindowItem> Items, DateOnly Today, string TestId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DualDate.Today(clock);
        Board = await queries.BoardAsync(Today, ct);
    }
}
