using Juthuruna.Features.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Verify;

/// <summary>
/// The public page a letter's QR code opens: proves the letter was issued by the association, with its number, date,
/// subject and the SHA-256 of the PDF — and nothing personal beyond the recipient's initials.
/// </summary>
public sealed class IndexModel(LetterVerifier verifier) : PageModel
{
    public LetterVerificationView? Letter { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        Letter = await verifier.VerifyAsync(code, ct);
        if (Letter is null)
        {
            // The page says so in words; the status tells machines.
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
