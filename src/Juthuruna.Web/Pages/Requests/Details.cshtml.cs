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
    ResearchCommands research,
    ResearchQueries researchQueries,
    RegistrationCommands registrations,
    RegistrationQueries registrationQueries,
    DeliveryCommands deliveries,
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
    public IReadOnlyList<ResearcherWorkload> Workload { get; private set; } = [];
    public IReadOnlyList<ReportItem> Reports { get; private set; } = [];
    public ReportItem? Draft => Reports.FirstOrDefault(r => r.IsDraft);
    public string? CommitteeQuestions { get; private set; }
    public IReadOnlyList<DecisionItem> Decisions { get; private set; } = [];
    public RegistrationItem? RegistrationSummary { get; private set; }
    public IReadOnlyList<DeliveryItem> DeliveryRows { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, bool IsActive)> Services { get; private set; } = [];
    public string ServiceName(Guid serviceId) => Services.FirstOrDefault(s => s.Id == serviceId).Name ?? "—";

    /// <summary>The form of a permitted transition is shown; a reassignment while under research is not a transition.</summary>
    public bool ShowsForm(TransitionForm form) => Permitted.Any(t => t.Form == form);

    public bool CanReassign => Details.State == RequestState.UnderResearch && ResearchCommands.AssignerRoles.Any(User.IsInRole);
    public bool CanWriteReport => Details.State == RequestState.UnderResearch && ResearchCommands.MayWrite(AssignedResearcher?.Id, Actor);

    /// <summary>Submitting is the researcher's transition (the table's SubmitResearch row), not the admin's.</summary>
    public bool CanSubmitReport => ShowsForm(TransitionForm.ResearchReport) && AssignedResearcher?.Id == User.UserId();

    [BindProperty]
    public AssignmentInput Assignment { get; set; } = new();

    [BindProperty]
    public ReportInput Report { get; set; } = new();

    [BindProperty]
    public ReportAttachmentInput ReportAttachment { get; set; } = new();

    [BindProperty]
    public RegisterInput Register { get; set; } = new();

    [BindProperty]
    public DeliveryInput Delivery { get; set; } = new();

    public sealed class AssignmentInput
    {
        [Display(Name = "Social researcher")]
        public Guid ResearcherId { get; set; }

        public Guid Version { get; set; }
    }

    public sealed class ReportInput
    {
        [Display(Name = "Visit type")]
        public VisitType? VisitType { get; set; }

        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "Visit date")]
        public string? VisitedOn { get; set; }

        [Display(Name = "Household situation")]
        public string? HouseholdSituation { get; set; }

        [Display(Name = "Findings")]
        public string? Findings { get; set; }

        [Display(Name = "Needs")]
        public string? Needs { get; set; }

        [Display(Name = "Recommendation")]
        public ResearchRecommendation? Recommendation { get; set; }

        [Display(Name = "Recommended services")]
        public List<Guid> RecommendedServiceIds { get; set; } = [];

        [Display(Name = "Recommended amount (SAR)")]
        public string? RecommendedAmount { get; set; }

        /// <summary>The draft's version when the form was shown; null when there was no draft.</summary>
        public Guid? Version { get; set; }

        public Guid RequestVersion { get; set; }

        /// <summary>Which button: save the draft, or submit to the committee.</summary>
        public bool Submit { get; set; }

        public static ReportInput From(ReportItem draft) => new()
        {
            VisitType = Enum.IsDefined(draft.VisitType) ? draft.VisitType : null,
            Calendar = CalendarKind.Hijri,
            VisitedOn = draft.VisitedOn == default ? null : DateEntry.Format(draft.VisitedOn, CalendarKind.Hijri),
            HouseholdSituation = draft.HouseholdSituation,
            Findings = draft.Findings,
            Needs = draft.Needs,
            Recommendation = Enum.IsDefined(draft.Recommendation) ? draft.Recommendation : null,
            RecommendedServiceIds = [.. draft.RecommendedServiceIds],
            RecommendedAmount = draft.RecommendedAmountHalalas is { } a ? Riyals.ToInput(a) : null,
        };
    }

    public sealed class ReportAttachmentInput
    {
        [Display(Name = "Attachment (PDF, JPEG or PNG)")]
        public IFormFile? Upload { get; set; }

        [Display(Name = "Description")]
        public string? Description { get; set; }
    }

    public sealed class RegisterInput
    {
        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "Eligible from")]
        public string? EligibleFrom { get; set; }

        [Display(Name = "Eligible to")]
        public string? EligibleTo { get; set; }

        public Guid Version { get; set; }
    }

    public sealed class DeliveryInput
    {
        [Display(Name = "Service")]
        public Guid ServiceId { get; set; }

        [Display(Name = "Quantity")]
        public string? Quantity { get; set; }

        [Display(Name = "Amount (SAR)")]
        public string? Amount { get; set; }

        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "Delivered on")]
        public string? DeliveredOn { get; set; }

        [Display(Name = "Receipt")]
        public ReceiptKind ReceiptKind { get; set; } = ReceiptKind.SignatureScan;

        [Display(Name = "Scan of the signed receipt")]
        public IFormFile? Scan { get; set; }

        [Display(Name = "Receipt note")]
        public string? ReceiptNote { get; set; }

        /// <summary>Generated when the form is shown: the same form posted twice records one delivery.</summary>
        public Guid IdempotencyKey { get; set; }

        public Guid Version { get; set; }
    }

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

    public async Task<IActionResult> OnPostAssignResearcherAsync(Guid id, CancellationToken ct)
    {
        if (!ResearchCommands.AssignerRoles.Any(User.IsInRole))
        {
            return Forbid();
        }

        var result = await research.AssignResearcherAsync(id, Assignment.ResearcherId, Assignment.Version, Actor, ct);
        return await AfterAsync(id, result, nameof(Assignment), l["The social researcher has been assigned."], ct);
    }

    public async Task<IActionResult> OnPostSaveReportAsync(Guid id, CancellationToken ct)
    {
        if (!(User.IsInRole(StaffRoles.SocialResearcher) || User.IsInRole(StaffRoles.TenantAdmin)))
        {
            return Forbid();
        }

        var visitedOn = ModelState.ParseDate("Report.VisitedOn", Report.VisitedOn, Report.Calendar, l);
        if (ModelState.ErrorCount > 0)
        {
            return await ReloadAsync(id, nameof(Report), ct);
        }

        var input = new ResearchReportInput(Report.VisitType, visitedOn, Report.HouseholdSituation, Report.Findings, Report.Needs,
            Report.Recommendation, Report.RecommendedServiceIds, Report.RecommendedAmount);
        var result = Report.Submit
            ? await research.SubmitReportAsync(id, Report.Version, Report.RequestVersion, input, Actor, ct)
            : await research.SaveReportAsync(id, Report.Version, input, Actor, ct);
        return await AfterAsync(id, result, nameof(Report),
            Report.Submit ? l["The report has been submitted: the request is in the committee's queue."] : l["The draft report has been saved."], ct);
    }

    public async Task<IActionResult> OnPostAttachToReportAsync(Guid id, CancellationToken ct)
    {
        if (!(User.IsInRole(StaffRoles.SocialResearcher) || User.IsInRole(StaffRoles.TenantAdmin)))
        {
            return Forbid();
        }

        if (ReportAttachment.Upload is not { } upload)
        {
            if (!await queries.ExistsAsync(id, ct))
            {
                return NotFound();
            }

            ModelState.AddModelError("ReportAttachment.Upload", l[Juthuruna.Features.Files.UploadErrors.Missing]);
            return await ReloadAsync(id, nameof(ReportAttachment), ct);
        }

        await using var stream = upload.OpenReadStream();
        var result = await research.AttachAsync(id, new IncomingFile(stream, upload.FileName), ReportAttachment.Description, Actor, ct);
        return await AfterAsync(id, result, nameof(ReportAttachment), l["The document has been attached to the report."], ct);
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct)
    {
        if (!RegistrationCommands.RegistrarRoles.Any(User.IsInRole))
        {
            return Forbid();
        }

        var from = ModelState.ParseDate("Register.EligibleFrom", Register.EligibleFrom, Register.Calendar, l);
        var to = ModelState.ParseDate("Register.EligibleTo", Register.EligibleTo, Register.Calendar, l);
        if (ModelState.ErrorCount > 0)
        {
            return await ReloadAsync(id, nameof(Register), ct);
        }

        var result = await registrations.RegisterAsync(id, from, to, Register.Version, Actor, ct);
        return await AfterAsync(id, result, nameof(Register), l["The beneficiary has been registered."], ct);
    }

    public async Task<IActionResult> OnPostDeliverAsync(Guid id, CancellationToken ct)
    {
        if (!DeliveryCommands.DelivererRoles.Any(User.IsInRole))
        {
            return Forbid();
        }

        var deliveredOn = ModelState.ParseDate("Delivery.DeliveredOn", Delivery.DeliveredOn, Delivery.Calendar, l);
        if (ModelState.ErrorCount > 0)
        {
            return await ReloadAsync(id, nameof(Delivery), ct);
        }

        var command = new NewDelivery(id, Delivery.ServiceId, Delivery.Quantity, Delivery.Amount, deliveredOn, Delivery.ReceiptKind, Delivery.ReceiptNote, Delivery.IdempotencyKey);
        await using var scan = Delivery.ReceiptKind == ReceiptKind.SignatureScan ? Delivery.Scan?.OpenReadStream() : null;
        var result = await deliveries.RecordAsync(command, scan is null ? null : new IncomingFile(scan, Delivery.Scan!.FileName), Delivery.Version, Actor, ct);

        var closed = result.Succeeded && (await queries.DetailsAsync(id, ct))?.State == RequestState.Closed;
        return await AfterAsync(id, result, nameof(Delivery),
            closed ? l["The delivery has been recorded. Every approved service is delivered: the request is closed."] : l["The delivery has been recorded."], ct);
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
        if (ShowsForm(TransitionForm.ResearcherAssignment) || CanReassign)
        {
            Workload = await researchQueries.WorkloadAsync(ct);
        }

        Reports = await researchQueries.ReportsAsync(id, ct);
        if (state == RequestState.UnderResearch)
        {
            CommitteeQuestions = await researchQueries.CommitteeQuestionsAsync(id, ct);
        }

        Decisions = await researchQueries.DecisionsAsync(id, ct);
        if (state is RequestState.Registered or RequestState.InService or RequestState.Closed or RequestState.Withdrawn or RequestState.Cancelled)
        {
            RegistrationSummary = await registrationQueries.ForRequestAsync(id, ct);
        }

        if (RegistrationSummary is not null)
        {
            DeliveryRows = await deliveryQueries.ForRequestAsync(id, ct);
        }

        Services = await researchQueries.ServicesAsync(Localization.IsArabic, ct);

        // The posted form keeps what was typed; the others start from what is stored, or from what a person
        // would type anyway: today's date, the requested service, a year of eligibility.
        if (posted != nameof(Report))
        {
            Report = Draft is { } draft
                ? ReportInput.From(draft)
                : new ReportInput { VisitedOn = DateEntry.Format(Today, CalendarKind.Hijri), RecommendedServiceIds = [Details.ServiceId] };
        }

        if (posted != nameof(Register))
        {
            Register = new RegisterInput
            {
                EligibleFrom = DateEntry.Format(Today, CalendarKind.Hijri),
                EligibleTo = DateEntry.Format(Today.AddYears(1).AddDays(-1), CalendarKind.Hijri),
            };
        }

        if (posted != nameof(Delivery))
        {
            Delivery = new DeliveryInput { IdempotencyKey = Guid.NewGuid(), DeliveredOn = DateEntry.Format(Today, CalendarKind.Hijri) };
        }
    }
}
