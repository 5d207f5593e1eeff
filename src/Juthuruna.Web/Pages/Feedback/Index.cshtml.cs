using Juthuruna.Features.Feedback;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Feedback;

/// <summary>Suggestions and complaints, newest first; overdue open items are highlighted (officer, manager, admin).</summary>
public sealed class IndexModel(FeedbackQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FeedbackKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public FeedbackStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public FeedbackPage Results { get; private set; } = new([], 1, false);

    public async Task OnGetAsync(CancellationToken ct) =>
        Results = await queries.ListAsync(new FeedbackFilter(Kind, Status, Overdue, Mine ? User.UserId() : null), PageNumber, ct);

    public string PageUrl(int page) => $"?kind={Kind}&status={Status}&overdue={Overdue}&mine={Mine}&p={page}";
}
