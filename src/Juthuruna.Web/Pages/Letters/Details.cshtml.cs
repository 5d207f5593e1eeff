using Juthuruna.Features.Letters;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Pdf;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Juthuruna.Web.Pages.Letters;

/// <summary>One register entry: what was issued, to whom, its proof (SHA-256, verification link), the PDF, and a correction.</summary>
[Authorize(Policy = StaffIdentitySetup.LetterReadersPolicy)]
public sealed class DetailsModel(LetterQueries queries, LetterRegister register, IOptions<LetterOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    public LetterDetails Letter { get; private set; } = null!;
    public bool CanCorrect { get; private set; }
    public string VerifyUrl => LetterRegister.VerifyUrl(options.Value, Letter.VerificationCode);

    public string SubjectUrl => Letter.Row.Kind == LetterKind.SessionMinutes
        ? $"/Committee/Sessions/Details/{Letter.Row.SubjectId}"
        : $"/Requests/Details/{Letter.Row.SubjectId}";

    [BindProperty]
    public Guid IdempotencyKey { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The stored PDF, byte for byte as issued (never rendered again).</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        if (await queries.PdfAsync(id, ct) is not { } pdf)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(pdf.Content, "application/pdf", pdf.Number.Replace('/', '-') + ".pdf");
    }

    /// <summary>A correction: the letter written again from the file as it is now, under a new number.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanCorrect)
        {
            return Forbid();
        }

        RequestResult result;
        try
        {
            result = await register.ReissueAsync(id, IdempotencyKey, User.Actor(), ct);
        }
        catch (PdfRendererBusyException busy)
        {
            // Refused before a number was taken: nothing to undo; the page says to try again.
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError("", l[PdfRendererBusyException.UserMessageKey]);
            return Page();
        }

        if (result.Succeeded)
        {
            TempData["Success"] = l["The corrected letter has been issued."].Value;
            return RedirectToPage(new { id = result.Id });
        }

        foreach (var (_, message) in result.Errors)
        {
            ModelState.AddModelError("", message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } letter)
        {
            return false;
        }

        Letter = letter;
        CanCorrect = letter.Row.Status == LetterStatus.Issued && letter.Row.ReplacedByNumber is null && await register.MayIssueAsync(letter.Row.Kind, letter.Row.SubjectId, User.Actor(), ct);
        return true;
    }
}
