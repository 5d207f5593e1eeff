using System.ComponentModel.DataAnnotations;
using Juthuruna.Features.Letters;
using Juthuruna.Pdf;
using Juthuruna.Web.Pages.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.Letterhead;

/// <summary>
/// The association's letterhead: names, licence, contact details, signatory and logo, and a preview of every
/// letter with sample data (TenantAdmin, by the /Admin folder rule). Everything here is the signed-in
/// association's own row: no handler takes an id.
/// </summary>
public sealed class IndexModel(LetterheadSettings letterhead, LetterRegister register, IEnumerable<LetterTemplate> templates, IStringLocalizer<SharedResource> l) : PageModel
{
    public LetterheadView Current { get; private set; } = null!;

    /// <summary>The kinds that have a template, in the register's order.</summary>
    public IReadOnlyList<(LetterKind Kind, string Label)> Previews { get; private set; } = [];

    /// <summary>Why a preview could not be printed (the PDF engine is missing), shown instead of an error page.</summary>
    public string? PreviewError { get; private set; }

    /// <summary>After a refused stale save: the values now saved, beside the fields where they differ from the typed ones.</summary>
    public bool ShowSaved { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Arabic name")]
        public string? NameAr { get; set; }

        [Display(Name = "English name")]
        public string? NameEn { get; set; }

        [Display(Name = "Licence number")]
        public string? LicenceNumber { get; set; }

        [Display(Name = "City")]
        public string? City { get; set; }

        [Display(Name = "Address")]
        public string? Address { get; set; }

        [Display(Name = "Phone")]
        public string? Phone { get; set; }

        [Display(Name = "E-mail")]
        public string? Email { get; set; }

        [Display(Name = "Signatory's name")]
        public string? SignatoryName { get; set; }

        [Display(Name = "Signatory's title")]
        public string? SignatoryTitle { get; set; }

        /// <summary>The letterhead's version when the form was loaded: a save over someone else's newer one is refused.</summary>
        public string? Version { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = FromView(Current);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = new LetterheadForm(Input.NameAr, Input.NameEn, Input.LicenceNumber, Input.City, Input.Address, Input.Phone, Input.Email,
            Input.SignatoryName, Input.SignatoryTitle);
        var errors = await letterhead.UpdateAsync(form, Input.Version, ct);
        if (errors.Count == 0)
        {
            TempData["Success"] = l["The letterhead has been saved."].Value;
            return RedirectToPage();
        }

        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        }

        await LoadAsync(ct);
        if (errors.Any(e => e.Field.Length == 0))
        {
            // Stale: what was typed stays in the form, the saved values are shown beside it, and saving again
            // (having seen them) is a save over the current version.
            ShowSaved = true;
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
            Input.Version = Current.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logo, CancellationToken ct)
    {
        IReadOnlyList<(string Field, string Message)> errors;
        if (logo is null)
        {
            errors = [("Logo", l["Choose a PNG or JPEG image for the logo."])];
        }
        else
        {
            await using var stream = logo.OpenReadStream();
            errors = await letterhead.SetLogoAsync(stream, logo.FileName, ct);
        }

        if (errors.Count == 0)
        {
            TempData["Success"] = l["The logo has been saved."].Value;
            return RedirectToPage();
        }

        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        return await RedisplayAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveLogoAsync(CancellationToken ct)
    {
        await letterhead.RemoveLogoAsync(ct);
        TempData["Success"] = l["The logo has been removed."].Value;
        return RedirectToPage();
    }

    /// <summary>The signed-in association's logo; there is no id, so no other association's logo can be asked for.</summary>
    public async Task<IActionResult> OnGetLogoAsync(CancellationToken ct)
    {
        if (await letterhead.LogoAsync(ct) is not { } logo)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(logo.Content, logo.ContentType);
    }

    /// <summary>A letter with sample data on the current letterhead, opened in the browser (not stored, not numbered).</summary>
    public async Task<IActionResult> OnGetPreviewAsync(LetterKind kind, string? language, CancellationToken ct)
    {
        if (language is null || !LetterRegister.Languages.Contains(language) || templates.All(t => t.Kind != kind))
        {
            return NotFound();
        }

        byte[] pdf;
        try
        {
            pdf = await register.PreviewAsync(kind, language, ct);
        }
        catch (PdfRendererUnavailableException)
        {
            PreviewError = l[PdfRendererUnavailableException.UserMessageKey];
            await RedisplayAsync(ct);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        catch (TimeoutException)
        {
            // The print slots stayed busy (or the print itself ran) past Letters:TimeoutSeconds: try again, not a 500.
            PreviewError = l["The letter took too long to print. Please try again in a moment."];
            await RedisplayAsync(ct);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        catch (PdfRendererBusyException busy)
        {
            PreviewError = l[PdfRendererBusyException.UserMessageKey];
            await RedisplayAsync(ct);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        Response.Headers.ContentDisposition = $"inline; filename=\"preview-{kind.ToString().ToLowerInvariant()}-{language}.pdf\"";
        Response.Headers.CacheControl = "private, no-store";
        return File(pdf, "application/pdf");
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = FromView(Current);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await letterhead.GetAsync(ct);
        Previews = templates.Select(t => t.Kind).Distinct().Order().Select(k => (k, LetterLabels.Kind(k, l))).ToList();
    }

    private static InputModel FromView(LetterheadView v) => new()
    {
        NameAr = v.NameAr,
        NameEn = v.NameEn,
        LicenceNumber = v.LicenceNumber,
        City = v.City,
        Address = v.Address,
        Phone = v.Phone,
        Email = v.Email,
        SignatoryName = v.SignatoryName,
        SignatoryTitle = v.SignatoryTitle,
        Version = v.Version,
    };
}
