using Juthuruna.Features.Policies;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>One public policy's approved text. A private document, a draft-only one or another association's id is a 404.</summary>
public sealed class PolicyModel(PolicyQueries queries) : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    public PublicPolicy Policy { get; private set; } = null!;

    /// <summary>Sanitised by <see cref="PolicyMarkdown.ToSafeHtml"/>: safe to write raw.</summary>
    public string SafeHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.PublicTextAsync(id, ct) is not { } found)
        {
            return NotFound();
        }

        Policy = found.Policy;
        SafeHtml = PolicyMarkdown.ToSafeHtml(found.Text);
        return Page();
    }
}
