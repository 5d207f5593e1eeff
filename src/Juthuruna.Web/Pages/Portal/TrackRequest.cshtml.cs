using System.ComponentModel.DataAnnotations;
using Juthuruna.Features.Portal;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>
/// The beneficiary's request, for the portal session's request only: status, timeline, decision due date, letters to
/// them, and the documents still owed when it was returned for completion.
/// </summary>
public sealed class TrackRequestModel(PortalTracking tracking, IStringLocalizer<SharedResource> l) : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    public PortalRequestView Tracked { get; private set; } = null!;

    /// <summary>The document whose form was posted and came back with an error.</summary>
    public Guid? PostedDocumentTypeId { get; private set; }

    /// <summary>One key per page view: the same upload form posted twice stores one file.</summary>
    public Guid IdempotencyKey { get; private set; } = Guid.NewGuid();

    [BindProperty]
    public UploadInput Upload { get; set; } = new();

    public sealed class UploadInput
    {
        public Guid DocumentTypeId { get; set; }

        public Guid IdempotencyKey { get; set; }

        [Display(Name = "File (PDF, JPEG or PNG)")]
        public IFormFile? File { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (HttpContext.PortalSession() is not { } session)
        {
            return Redirect(Association.Path("track"));
        }

        return await LoadAsync(session, ct) ? Page() : await EndAsync();
    }

    public async Task<IActionResult> OnGetLetterAsync(Guid letterId, CancellationToken ct)
    {
        if (HttpContext.PortalSession() is not { } session || await tracking.LetterPdfAsync(session.RequestId, letterId, ct) is not { } pdf)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(pdf.Content, "application/pdf", $"{pdf.Number.Replace('/', '-')}.pdf");
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (HttpContext.PortalSession() is not { } session)
        {
            return NotFound();
        }

        // No file chosen and an empty chosen file are told apart by PortalTracking (and FileStorage), not here.
        await using var content = Upload.File?.OpenReadStream();
        var result = await tracking.UploadAsync(session.RequestId, session.BeneficiaryId, Upload.DocumentTypeId,
            content is null ? null : new Juthuruna.Features.Files.IncomingFile(content, Upload.File!.FileName), Upload.IdempotencyKey, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = l["Thank you: the document has been received. The association will review it."].Value;
            return Redirect(Association.Path("track/request"));
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(field) ? "Upload" : $"Upload.{field}", message);
        }

        PostedDocumentTypeId = Upload.DocumentTypeId;
        IdempotencyKey = Upload.IdempotencyKey;
        return await LoadAsync(session, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutOfPortalAsync();
        return Redirect(Association.Path());
    }

    private async Task<bool> LoadAsync(PortalSession session, CancellationToken ct)
    {
        if (await tracking.RequestAsync(session.RequestId, ct) is not { } request)
        {
            return false;
        }

        Tracked = request;
        return true;
    }

    /// <summary>The session's request is gone (deleted or never of this association): the session is worth nothing.</summary>
    private async Task<IActionResult> EndAsync()
    {
        await HttpContext.SignOutOfPortalAsync();
        return Redirect(Association.Path("track"));
    }
}
