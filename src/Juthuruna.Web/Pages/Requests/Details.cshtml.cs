using Juthuruna.Common.Dates;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Requests;

/// <summary>
/// The request, read-only: what it asks, where it stands, what each step recorded, its letters and its history. Every
/// step is taken on its own page (<c>Pages/Requests/Steps</c>, issue 14); this page links to the steps open to this
/// user and posts nothing itself.
/// </summary>
[Authorize(Policy = StaffIdentitySetup.BeneficiaryReadersPolicy)]
public sealed class DetailsModel(
    RequestQueries queries,
    DocumentChecks documents,
    ResearchQueries researchQueries,
    DeliveryQueries deliveryQueries,
    Juthuruna.Features.Services.ServiceNames serviceNames,
    Juthuruna.Features.Letters.LetterQueries letterQueries,
    Juthuruna.Features.Policies.PolicyQueries policyQueries,
    IEnumerable<Juthuruna.Features.Letters.LetterTemplate> letterTemplates,
    TimeProvider clock) : PageModel
{
    public RequestDetails Details { get; private set; } = null!;

    /// <summary>The letters card, for those who read the register (null for the others).</summary>
    public Juthuruna.Web.Pages.Letters.LettersPanel? Letters { get; private set; }

    /// <summary>The policies in force, so the officer works from the approved text (one query).</summary>
    public IReadOnlyList<Juthuruna.Features.Policies.ApprovedPolicy> Policies { get; private set; } = [];

    /// <summary>Everything this user may do from the current state; <see cref="Actions"/> are the plain buttons among them.</summary>
    public IReadOnlyList<RequestTransition> Permitted { get; private set; } = [];
    public IReadOnlyList<RequestTransition> Actions { get; private set; } = [];
    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>The desk completes the file (documents, declaration) while it is at the desk, and refers questions.</summary>
    public bool IsDesk => RequestWorkflow.DeskRoles.Any(User.IsInRole);
    public bool CompletesTheFile => IsDesk && RequestWorkflow.IntakeStates.Contains(Details.State);

    /// <summary>The referrals page has something for this user: a question to ask, or one to answer.</summary>
    public bool ShowsReferralsStep => !RequestWorkflow.FinalStates.Contains(Details.State)
        && (IsDesk || (ResearchCommands.WriterRoles.Any(User.IsInRole) && Details.Referrals.Any(r => r.Status == ReferralStatus.Open)));

    // Research, the committee's decision, registration and deliveries (partials _Research, _Registration, _Deliveries).
    public (Guid Id, string Name)? AssignedResearcher => Details.Researcher;
    public IReadOnlyList<ReportItem> Reports { get; private set; } = [];
    public IReadOnlyList<DecisionItem> Decisions { get; private set; } = [];
    public RegistrationItem? RegistrationSummary => Details.Registration;

    /// <summary>What the registered beneficiary has received (null before registration).</summary>
    public DeliveriesView? Received { get; private set; }

    /// <summary>Names of the services the page mentions (from the per-association copy in memory: no SQL when warm).</summary>
    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();
    public string ServiceName(Guid serviceId) => ServiceNames.GetValueOrDefault(serviceId, "—");

    /// <summary>The step whose form the workflow table names is open to this user from the current state.</summary>
    public bool ShowsForm(TransitionForm form) => Permitted.Any(t => t.Form == form);

    public bool CanWriteReport => ResearchCommands.MayWriteReport(Details.State, AssignedResearcher?.Id, User.Actor());

    /// <summary>The research step's page has something for this user: assigning, reassigning or writing the report.</summary>
    public bool ShowsResearchStep => ResearchCommands.MayAssign(Details.State, User.Actor()) || CanWriteReport;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.DetailsAsync(id, ct) is not { } request)
        {
            return NotFound();
        }

        Details = request;
        Today = DualDate.Today(clock);
        Permitted = RequestWorkflow.Permitted(request.State, User.Actor().Roles);
        Actions = Permitted.Where(t => t.Form == TransitionForm.Button).ToList();
        Checklist = await documents.ChecklistAsync(id, request.ServiceId, ct);
        await LoadStepsAsync(id, ct);
        await LoadLettersAsync(ct);
        Policies = await policyQueries.ApprovedVersionsAsync(ct);
        return Page();
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

    private async Task LoadStepsAsync(Guid id, CancellationToken ct)
    {
        Reports = await researchQueries.ReportsAsync(id, ct);
        Decisions = await researchQueries.DecisionsAsync(id, ct);
        var deliveries = RegistrationSummary is null ? [] : await deliveryQueries.ForRequestAsync(id, ct);
        ServiceNames = await serviceNames.DisplayNamesAsync(
            [
                .. Reports.SelectMany(r => r.RecommendedServiceIds), .. Decisions.SelectMany(d => d.ApprovedServiceIds),
                .. RegistrationSummary?.ApprovedServiceIds ?? [], .. deliveries.Select(d => d.ServiceId),
            ],
            Localization.IsArabic, ct);
        if (RegistrationSummary is { } registration)
        {
            Received = new DeliveriesView(registration, deliveries, ServiceNames);
        }
    }
}
