using Juthuruna.Data;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>
/// After sending: the reference number. Found by the form's key (random, known only to the browser that sent it),
/// so the address reveals nothing to anyone else and a reload shows the same number.
/// </summary>
public sealed class FeedbackSentModel(AppDbContext db) : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;
    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid key, CancellationToken ct)
    {
        var reference = await db.FeedbackItems.AsNoTracking().Where(f => f.IdempotencyKey == key && f.RecordedBy == null)
            .Select(f => f.Reference).SingleOrDefaultAsync(ct);
        if (reference is null)
        {
            return NotFound();
        }

        Reference = reference;
        return Page();
    }
}
