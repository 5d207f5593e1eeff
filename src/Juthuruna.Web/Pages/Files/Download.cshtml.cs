using Juthuruna.Features.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Files;

/// <summary>
/// The only way to a stored file: the row must be visible through the tenant filter, else 404.
/// Always an attachment (never rendered inline) with the original name, RFC 6266-encoded for Arabic.
/// </summary>
public sealed class DownloadModel(FileStorage storage) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await storage.FindAsync(id, ct) is not { } found)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(found.Path, found.File.ContentType, found.File.OriginalName);
    }
}
