using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Money;
using Juthuruna.Features.Files;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests.Steps;

/// <summary>
/// البحث الاجتماعي (policy step 5): the desk assigns (or, while under research, reassigns) a social researcher, seeing
/// each one's workload; the assigned researcher drafts the report, attaches what the visit produced, and submits it to
/// the committee.
/// </summary>
[Authorize(Policy = RequestStepPolicy.Research)]
public sealed class ResearchModel(
    RequestQueries queries,
    ResearchCommands research,
    ResearchQueries researchQueries,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : StepPageModel(queries, l)
{
    /// <summary>Assigning from Verified, or reassigning while under research.</summary>
    protected override bool IsAvailable(RequestHeader header) => CanAssign(header) || CanWriteReport(header);

    public (Guid Id, string Name)? AssignedResearcher { get; private set; }
    public IReadOnlyList<ResearcherWorkload> Workload { get; private set; } = [];
    public IReadOnlyList<ReportItem> Reports { get; private set; } = [];
    public ReportItem? Draft => Reports.FirstOrDefault(r => r.IsDraft);
    public string? CommitteeQuestions { get; private set; }
    public IReadOnlyList<(Guid Id, string Name, bool IsActive)> Services { get; private set; } = [];

    public bool ShowsAssignment => CanAssign(Header);
    public bool ShowsReport => CanWriteReport(Header);

    /// <summary>Submitting is the researcher's transition (the table's SubmitResearch row), not the admin's.</summary>
    public bool CanSubmitReport => Permits(Header.State, TransitionForm.ResearchReport)
        && AssignedResearcher?.Id == User.UserId();

    private bool CanAssign(RequestHeader header) => ResearchCommands.MayAssign(header.State, Actor);

    private bool CanWriteReport(RequestHeader header) => ResearchCommands.MayWriteReport(header.State, AssignedResearcher?.Id, Actor);

    [BindProperty]
    public AssignmentInput Assignment { get; set; } = new();

    [BindProperty]
    public ReportInput Report { get; set; } = new();

    [BindProperty]
    public ReportAttachmentInput ReportAttachment { get; set; } = new();

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

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, posted: null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignResearcherAsync(Guid id, CancellationToken ct)
    {
        var result = await research.AssignResearcherAsync(id, Assignment.ResearcherId, Assignment.Version, Actor, ct);
        return await AfterAsync(id, result, nameof(Assignment), L["The social researcher has been assigned."], ct);
    }

    public async Task<IActionResult> OnPostSaveReportAsync(Guid id, CancellationToken ct)
    {
        var visitedOn = ModelState.ParseDate("Report.VisitedOn", Report.VisitedOn, Report.Calendar, L);
        if (ModelState.ErrorCount > 0)
        {
            return await LoadAsync(id, nameof(Report), ct) ? Page() : NotFound();
        }

        var input = new ResearchReportInput(Report.VisitType, visitedOn, Report.HouseholdSituation, Report.Findings, Report.Needs,
            Report.Recommendation, Report.RecommendedServiceIds, Report.RecommendedAmount);
        if (Report.Submit)
        {
            var submitted = await research.SubmitReportAsync(id, Report.Version, Report.RequestVersion, input, Actor, ct);
            return await AfterAsync(id, submitted, nameof(Report), L["The report has been submitted: the request is in the committee's queue."], ct);
        }

        // A saved draft stays on this page: the researcher usually goes on writing or attaching.
        var saved = await research.SaveReportAsync(id, Report.Version, input, Actor, ct);
        return await AfterAsync(id, saved, nameof(Report), L["The draft report has been saved."], ct, stayHere: true);
    }

    public async Task<IActionResult> OnPostAttachToReportAsync(Guid id, CancellationToken ct)
    {
        if (ReportAttachment.Upload is not { } upload)
        {
            // Nothing to attach: the core is not asked, so the page asks who may write reports at all.
            if (!ResearchCommands.WriterRoles.Any(Actor.Roles.Contains))
            {
                return Forbid();
            }

            ModelState.AddModelError("ReportAttachment.Upload", L[UploadErrors.Missing]);
            return await LoadAsync(id, nameof(ReportAttachment), ct) ? Page() : NotFound();
        }

        await using var stream = upload.OpenReadStream();
        var result = await research.AttachAsync(id, new IncomingFile(stream, upload.FileName), ReportAttachment.Description, Actor, ct);
        return await AfterAsync(id, result, nameof(ReportAttachment), L["The document has been attached to the report."], ct, stayHere: true);
    }

    private async Task<IActionResult> AfterAsync(Guid id, RequestResult result, string prefix, string success, CancellationToken ct, bool stayHere = false)
    {
        if (result.Forbidden)
        {
            return Forbid();
        }

        if (result.Succeeded)
        {
            if (!stayHere)
            {
                return Recorded(id, success);
            }

            TempData["Success"] = success;
            return RedirectToPage(new { id });
        }

        AddErrors(result, prefix);
        return await LoadAsync(id, prefix, ct) ? Page() : NotFound();
    }

    /// <param name="posted">The form that was posted and comes back with what was typed; the report form otherwise starts from the draft.</param>
    private async Task<bool> LoadAsync(Guid id, string? posted, CancellationToken ct)
    {
        // The assigned researcher first: whether this user may write the report depends on it.
        AssignedResearcher = await researchQueries.AssignedResearcherAsync(id, ct);
        if (!await LoadHeaderAsync(id, ct))
        {
            return false;
        }

        if (ShowsAssignment)
        {
            Workload = await researchQueries.WorkloadAsync(ct);
        }

        if (ShowsReport)
        {
            Reports = await researchQueries.ReportsAsync(id, ct);
            CommitteeQuestions = await researchQueries.CommitteeQuestionsAsync(id, ct);
            Services = await researchQueries.ServicesAsync(Localization.IsArabic, ct);
            if (posted != nameof(Report))
            {
                Report = Draft is { } draft
                    ? ReportInput.From(draft)
                    : new ReportInput { VisitedOn = DateEntry.Format(DualDate.Today(clock), CalendarKind.Hijri), RecommendedServiceIds = [Header.ServiceId] };
            }
        }

        return true;
    }
}
