using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Files;
using Juthuruna.Features.Portal;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests.Steps;

/// <summary>
/// فحص المستندات (policy step 2): the officer checks each document the service asks for against the original — matched,
/// expired, mismatched or missing, with its dates and a copy — while the file is at the desk; what the beneficiary sent
/// through the portal is shown beside it.
/// </summary>
[Authorize(Policy = RequestStepPolicy.Intake)]
public sealed class DocumentsModel(
    RequestQueries queries,
    DocumentChecks documents,
    PortalTracking portal,
    IStringLocalizer<SharedResource> l) : StepPageModel(queries, l)
{
    /// <summary>While the desk completes the file (draft, under review, returned for completion).</summary>
    protected override bool IsAvailable(RequestHeader header) => RequestWorkflow.IntakeStates.Contains(header.State);

    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];
    public IReadOnlyList<PortalUploadRow> PortalUploads { get; private set; } = [];

    [BindProperty]
    public DocumentInput Document { get; set; } = new();

    public sealed class DocumentInput
    {
        public Guid DocumentTypeId { get; set; }

        [Display(Name = "Finding")]
        public DocumentStatus Found { get; set; } = DocumentStatus.Matched;

        [Display(Name = "Seen in original")]
        public bool SeenInOriginal { get; set; }

        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "Issue date")]
        public string? IssueDate { get; set; }

        [Display(Name = "Expiry date")]
        public string? ExpiryDate { get; set; }

        [Display(Name = "Note")]
        public string? Note { get; set; }

        [Display(Name = "Copy of the document (PDF, JPEG or PNG)")]
        public IFormFile? Upload { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCheckDocumentAsync(Guid id, CancellationToken ct)
    {
        var issue = ModelState.ParseDate("Document.IssueDate", Document.IssueDate, Document.Calendar, L);
        var expiry = ModelState.ParseDate("Document.ExpiryDate", Document.ExpiryDate, Document.Calendar, L);
        if (ModelState.ErrorCount == 0)
        {
            // A chosen file, even an empty one, goes to the check: it is refused there with its message, not skipped.
            await using var copy = Document.Upload?.OpenReadStream();
            var result = await documents.RecordAsync(
                id, new DocumentCheckInput(Document.DocumentTypeId, Document.Found, Document.SeenInOriginal, issue, expiry, Document.Note),
                copy is null ? null : new IncomingFile(copy, Document.Upload!.FileName), Actor, ct);
            if (result.Succeeded)
            {
                // The officer usually checks the next document: back here, with the list brought up to date.
                TempData["Success"] = L["The document check has been recorded."].Value;
                return RedirectToPage(new { id });
            }

            if (result.Forbidden)
            {
                return Forbid();
            }

            AddErrors(result, nameof(Document));
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(id, ct))
        {
            return false;
        }

        Checklist = await documents.ChecklistAsync(id, Header.ServiceId, ct);
        PortalUploads = await portal.UploadsAsync(id, ct);
        return true;
    }
}
