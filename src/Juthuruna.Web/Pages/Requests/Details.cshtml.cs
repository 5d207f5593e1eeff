using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests;

[Authorize(Policy = StaffIdentitySetup.BeneficiaryReadersPolicy)]
public sealed class DetailsModel(
    RequestQueries queries,
    SupportRequests requests,
    DocumentChecks documents,
    Juthuruna.Features.Files.FileStorage storage,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public RequestDetails Details { get; private set; } = null!;
    /// <summary>Everything this user may do from the current state; <see cref="Actions"/> are the plain buttons among them.</summary>
    public IReadOnlyList<RequestTransition> Permitted { get; private set; } = [];
    public IReadOnlyList<RequestTransition> Actions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Researchers { get; private set; } = [];
    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];
    public string DeclarationText { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public bool CanWrite => User.IsInRole(StaffRoles.RelationsOfficer) || User.IsInRole(StaffRoles.TenantAdmin);

    [BindProperty]
    public ActionInput Action { get; set; } = new();

    [BindProperty]
    public DeclarationInput Declaration { get; set; } = new();

    [BindProperty]
    public ReferralInput Referral { get; set; } = new();

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

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

    public sealed class ActionInput
    {
        public RequestTrigger Trigger { get; set; }
        public Guid Version { get; set; }

        [Display(Name = "Note or reason")]
        public string? Note { get; set; }
    }

    public sealed class DeclarationInput
    {
        [Display(Name = "Applicant's name")]
        public string? ApplicantName { get; set; }

        [Display(Name = "How the declaration was made")]
        public DeclarationMethod Method { get; set; } = DeclarationMethod.ConfirmedOnScreen;

        [Display(Name = "Scan of the signed declaration")]
        public IFormFile? Scan { get; set; }
    }

    public sealed class ReferralInput
    {
        [Display(Name = "Social researcher")]
        public Guid ResearcherId { get; set; }

        [Display(Name = "Question")]
        public string? Question { get; set; }
    }

    public sealed class AnswerInput
    {
        public Guid ReferralId { get; set; }

        [Display(Name = "Answer")]
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTransitionAsync(Guid id, CancellationToken ct)
    {
        var result = await requests.TransitionAsync(id, Action.Trigger, Action.Version, Action.Note, Actor, ct);
        return await AfterAsync(id, result, "Action", l["The request is now: {0}.", ""], ct);
    }

    public const string FileOwnerKind = "SupportRequest";

    public async Task<IActionResult> OnPostCheckDocumentAsync(Guid id, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        DateOnly? issue = null, expiry = null;
        if (!string.IsNullOrWhiteSpace(Document.IssueDate))
        {
            if (DateEntry.TryParse(Document.IssueDate, Document.Calendar, out var parsed))
            {
                issue = parsed;
            }
            else
            {
                ModelState.AddModelError("Document.IssueDate", l["Enter the date as dd/mm/yyyy."]);
            }
        }

        if (!string.IsNullOrWhiteSpace(Document.ExpiryDate))
        {
            if (DateEntry.TryParse(Document.ExpiryDate, Document.Calendar, out var parsed))
            {
                expiry = parsed;
            }
            else
            {
                ModelState.AddModelError("Document.ExpiryDate", l["Enter the date as dd/mm/yyyy."]);
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var result = await documents.RecordAsync(
            id, new DocumentCheckInput(Document.DocumentTypeId, Document.Found, Document.SeenInOriginal, issue, expiry, Document.Note), Actor, ct);
        if (result.Succeeded && Document.Upload is { Length: > 0 } upload)
        {
            // The copy is checked by content and size like every upload; a refused file leaves the check recorded.
            await using var stream = upload.OpenReadStream();
            var saved = await storage.SaveAsync(stream, upload.FileName, FileOwnerKind, id, null, ct);
            if (!saved.Succeeded)
            {
                ModelState.AddModelError("Document.Upload", l[saved.Error!, storage.MaxBytes / (1024.0 * 1024.0)]);
                return await LoadAsync(id, ct) ? Page() : NotFound();
            }

            await documents.AttachFileAsync(id, Document.DocumentTypeId, saved.File!.Id, ct);
        }

        return await AfterAsync(id, result, "Document", l["The document check has been recorded."], ct);
    }

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        Guid? scanId = null;
        if (Declaration.Method == DeclarationMethod.SignedPaperScanned && Declaration.Scan is { Length: > 0 } scan)
        {
            if (!await queries.ExistsAsync(id, ct))
            {
                return NotFound();
            }

            await using var stream = scan.OpenReadStream();
            var saved = await storage.SaveAsync(stream, scan.FileName, FileOwnerKind, id, l["Signed declaration"], ct);
            if (!saved.Succeeded)
            {
                ModelState.AddModelError("Declaration.Scan", l[saved.Error!, storage.MaxBytes / (1024.0 * 1024.0)]);
                return await LoadAsync(id, ct) ? Page() : NotFound();
            }

            scanId = saved.File!.Id;
        }

        var result = await requests.DeclareAsync(id, Declaration.ApplicantName, Declaration.Method, scanId, Actor, ct);
        return await AfterAsync(id, result, "Declaration", l["The declaration has been recorded."], ct);
    }

    public async Task<IActionResult> OnPostReferAsync(Guid id, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var result = await requests.ReferAsync(id, Referral.ResearcherId, Referral.Question, Actor, ct);
        return await AfterAsync(id, result, "Referral", l["The question has been referred to the researcher."], ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        if (!(User.IsInRole(StaffRoles.SocialResearcher) || User.IsInRole(StaffRoles.TenantAdmin)))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The referral must belong to this request (and so to this tenant).
        if (Details.Referrals.All(r => r.Id != Answer.ReferralId))
        {
            return NotFound();
        }

        var result = await requests.AnswerReferralAsync(Answer.ReferralId, Answer.Text, Actor, ct);
        return await AfterAsync(id, result, "Answer", l["The answer has been recorded."], ct);
    }

    private Actor Actor => new(User.UserId(), StaffRoles.All.Where(User.IsInRole).ToList());

    private async Task<IActionResult> AfterAsync(Guid id, RequestResult result, string prefix, string success, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            if (prefix == "Action")
            {
                var state = (await queries.DetailsAsync(id, ct))?.State;
                success = state is { } s ? l["The request is now: {0}.", RequestLabels.Of(l, s)] : success;
            }

            TempData["Success"] = success;
            return RedirectToPage(new { id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(field) ? prefix : $"{prefix}.{field}", message);
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.DetailsAsync(id, ct) is not { } request)
        {
            return false;
        }

        Details = request;
        Today = DateOnly.FromDateTime(DualDate.ToRiyadh(clock.GetUtcNow().UtcDateTime));
        Permitted = RequestWorkflow.Permitted(request.State, StaffRoles.All.Where(User.IsInRole));
        Actions = Permitted.Where(t => t.Form == TransitionForm.Button).ToList();
        Checklist = await documents.ChecklistAsync(id, request.ServiceId, ct);
        if (CanWrite)
        {
            Researchers = await queries.ResearchersAsync(ct);
            DeclarationText = (await requests.CurrentDeclarationAsync(ct)).Text;
        }

        return true;
    }
}
