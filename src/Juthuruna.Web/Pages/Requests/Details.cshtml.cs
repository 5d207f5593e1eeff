using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Money;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Files;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.Research;
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
    RequestCommands requests,
    DocumentChecks documents,
    ResearchQueries researchQueries,
    RegistrationQueries registrationQueries,
    DeliveryQueries deliveryQueries,
    Juthuruna.Features.Letters.LetterQueries letterQueries,
    Juthuruna.Features.Policies.PolicyQueries policyQueries,
    Juthuruna.Features.Portal.PortalTracking portalTracking,
    IEnumerable<Juthuruna.Features.Letters.LetterTemplate> letterTemplates,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public RequestDetails Details { get; private set; } = null!;

    /// <summary>The letters card, for those who read the register (null for the others).</summary>
    public Juthuruna.Web.Pages.Letters.LettersPanel? Letters { get; private set; }

    /// <summary>The policies in force, so the officer works from the approved text (one query).</summary>
    public IReadOnlyList<Juthuruna.Features.Policies.ApprovedPolicy> Policies { get; private set; } = [];
    /// <summary>Everything this user may do from the current state; <see cref="Actions"/> are the plain buttons among them.</summary>
    public IReadOnlyList<RequestTransition> Permitted { get; private set; } = [];
    public IReadOnlyList<RequestTransition> Actions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Researchers { get; private set; } = [];
    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];

    /// <summary>Documents the beneficiary sent through the portal, for the officer to check.</summary>
    public IReadOnlyList<Juthuruna.Features.Portal.PortalUploadRow> PortalUploads { get; private set; } = [];
    public string DeclarationText { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public bool CanWrite => User.IsInRole(StaffRoles.RelationsOfficer) || User.IsInRole(StaffRoles.TenantAdmin);

    // Research, the committee's decision, registration and deliveries (partials _Research, _Registration, _Deliveries).
    public (Guid Id, string Name)? AssignedResearcher { get; private set; }
    public IReadOnlyList<ReportItem> Reports { get; private set; } = [];
    public IReadOnlyList<DecisionItem> Decisions { get; private set; } = [];
    public RegistrationItem? RegistrationSummary { get; private set; }

    /// <summary>What the registered beneficiary has received (null before registration).</summary>
    public DeliveriesView? Received { get; private set; }
    public IReadOnlyList<(Guid Id, string Name, bool IsActive)> Services { get; private set; } = [];
    public string ServiceName(Guid serviceId) => Services.FirstOrDefault(s => s.Id == serviceId).Name ?? "—";

    /// <summary>The form of a permitted transition is shown; a reassignment while under research is not a transition.</summary>
    public bool ShowsForm(TransitionForm form) => Permitted.Any(t => t.Form == form);

    public bool CanReassign => Details.State == RequestState.UnderResearch && ResearchCommands.AssignerRoles.Any(User.IsInRole);
    public bool CanWriteReport => Details.State == RequestState.UnderResearch && ResearchCommands.MayWrite(AssignedResearcher?.Id, Actor);

    /// <summary>The research step's page has something for this user: assigning, reassigning or writing the report.</summary>
    public bool ShowsResearchStep => ShowsForm(TransitionForm.ResearcherAssignment) || CanReassign || CanWriteReport;

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

    public async Task<IActionResult> OnPostCheckDocumentAsync(Guid id, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var issue = ModelState.ParseDate("Document.IssueDate", Document.IssueDate, Document.Calendar, l);
        var expiry = ModelState.ParseDate("Document.ExpiryDate", Document.ExpiryDate, Document.Calendar, l);
        if (ModelState.ErrorCount > 0)
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        // A chosen file, even an empty one, goes to the check: it is refused there with its message, not skipped.
        await using var copy = Document.Upload?.OpenReadStream();
        var result = await documents.RecordAsync(
            id, new DocumentCheckInput(Document.DocumentTypeId, Document.Found, Document.SeenInOriginal, issue, expiry, Document.Note),
            copy is null ? null : new IncomingFile(copy, Document.Upload!.FileName), Actor, ct);
        return await AfterAsync(id, result, "Document", l["The document check has been recorded."], ct);
    }

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        await using var scan = Declaration.Method == DeclarationMethod.SignedPaperScanned ? Declaration.Scan?.OpenReadStream() : null;
        var result = await requests.DeclareAsync(id, Declaration.ApplicantName, Declaration.Method,
            scan is null ? null : new IncomingFile(scan, Declaration.Scan!.FileName), Actor, ct);
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

    private async Task<IActionResult> ReloadAsync(Guid id, string posted, CancellationToken ct) =>
        await LoadAsync(id, ct, posted) ? Page() : NotFound();

    private Actor Actor => User.Actor();

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

        return await LoadAsync(id, ct, prefix) ? Page() : NotFound();
    }

    /// <param name="posted">The form that was posted and comes back with what was typed; the others are filled from the database.</param>
    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, string? posted = null)
    {
        if (await queries.DetailsAsync(id, ct) is not { } request)
        {
            return false;
        }

        Details = request;
        Today = DualDate.Today(clock);
        Permitted = RequestWorkflow.Permitted(request.State, StaffRoles.All.Where(User.IsInRole));
        Actions = Permitted.Where(t => t.Form == TransitionForm.Button).ToList();
        Checklist = await documents.ChecklistAsync(id, request.ServiceId, ct);
        PortalUploads = await portalTracking.UploadsAsync(id, ct);
        if (CanWrite)
        {
            Researchers = await queries.ResearchersAsync(ct);
            DeclarationText = (await requests.CurrentDeclarationAsync(ct)).Text;
        }

        await LoadStepsAsync(id, posted, ct);
        await LoadLettersAsync(ct);
        Policies = await policyQueries.ApprovedVersionsAsync(ct);
        return true;
    }

    private async Task LoadLettersAsync(CancellationToken ct)
    {
        if (!Juthuruna.Features.Letters.LetterRegister.ReaderRoles.Any(User.IsInRole))
        {
            return;
        }

        var offered = Juthuruna.Features.Letters.LetterRegister.RequestLetterRoles.Any(User.IsInRole)
            ? letterTemplates.Where(t => t.Subject == Juthuruna.Features.Letters.LetterSubject.Request && t.Offers(Details)).Select(t => t.Kind).Order().ToList()
            : [];
        Letters = Juthuruna.Web.Pages.Letters.LettersPanel.From(TempData, Details.Id, await letterQueries.ForSubjectAsync(Details.Id, ct), offered, $"/Requests/Details/{Details.Id}");
    }

    private async Task LoadStepsAsync(Guid id, string? posted, CancellationToken ct)
    {
        var state = Details.State;
        AssignedResearcher = await researchQueries.AssignedResearcherAsync(id, ct);
        Reports = await researchQueries.ReportsAsync(id, ct);

        Decisions = await researchQueries.DecisionsAsync(id, ct);
        if (state is RequestState.Registered or RequestState.InService or RequestState.Closed or RequestState.Withdrawn or RequestState.Cancelled)
        {
            RegistrationSummary = await registrationQueries.ForRequestAsync(id, ct);
        }

        Services = await researchQueries.ServicesAsync(Localization.IsArabic, ct);
        if (RegistrationSummary is { } registration)
        {
            Received = new DeliveriesView(registration, await deliveryQueries.ForRequestAsync(id, ct), Services.ToDictionary(s => s.Id, s => s.Name));
        }
    }
}
