using Juthuruna.Common.Dates;
using Juthuruna.Common.Money;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Files;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Research;

/// <summary>
/// What the researcher typed in the report form. Dates arrive parsed (Hijri or Gregorian entry); the amount
/// as typed, in riyals. A draft may leave the visit type and the recommendation unchosen; submitting may not.
/// </summary>
public sealed record ResearchReportInput(
    VisitType? VisitType,
    DateOnly? VisitedOn,
    string? HouseholdSituation,
    string? Findings,
    string? Needs,
    ResearchRecommendation? Recommendation,
    IReadOnlyList<Guid> RecommendedServiceIds,
    string? RecommendedAmount);

/// <summary>
/// The social research step (policy step 5): assigning the researcher, the report drafts and their
/// submission to the committee. The step hands what it records (the researcher chosen, the report submitted) to
/// <see cref="SupportRequest.Apply"/> and saves both in one SaveChanges.
/// </summary>
public sealed class ResearchCommands(AppDbContext db, RequestTransitions transitions, FileStorage storage, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxText = 4000;

    /// <summary>Who may assign or reassign a researcher: the roles of the table's AssignResearcher row.</summary>
    public static IReadOnlyList<string> AssignerRoles { get; } = RequestWorkflow.Transitions.First(t => t.Trigger == RequestTrigger.AssignResearcher).Roles;

    /// <summary>
    /// Assigns <paramref name="researcherId"/>: from Verified this is the AssignResearcher transition; while
    /// UnderResearch it is a reassignment (no state change; the audit trail keeps who had it before).
    /// </summary>
    public async Task<RequestResult> AssignResearcherAsync(Guid requestId, Guid researcherId, Guid version, Actor actor, CancellationToken ct)
    {
        var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new EntityNotFoundException(nameof(SupportRequest), requestId);
        if (!AssignerRoles.Any(actor.Roles.Contains))
        {
            return RequestResult.Forbid();
        }

        if (request.Version != version)
        {
            return Stale(requestId);
        }

        if (!RequestWorkflow.ResearcherAssignableStates.Contains(request.State))
        {
            return NotAvailable();
        }

        if (!await IsActiveResearcherAsync(researcherId, ct))
        {
            return RequestResult.Fail("ResearcherId", l["Choose an active social researcher."]);
        }

        if (request.State == RequestState.UnderResearch && request.ResearcherId == researcherId)
        {
            return RequestResult.Fail("ResearcherId", l["This researcher is already assigned to the request."]);
        }

        // While under research this is a reassignment (no state change; the audit trail keeps who had it before);
        // from Verified the request applies AssignResearcher, its guard reading the researcher it now has.
        var now = clock.GetUtcNow().UtcDateTime;
        request.ResearcherId = researcherId;
        if (request.State == RequestState.UnderResearch)
        {
            request.UpdatedAtUtc = now;
            request.Version = Guid.NewGuid();
        }
        else
        {
            var outcome = await transitions.ApplyAsync(request, RequestTrigger.AssignResearcher, RequestFacts.None, actor, now, ct);
            if (!outcome.Succeeded)
            {
                return RolledBack(outcome.ToRefusal(l));
            }
        }

        return await SaveAsync(requestId, requestId, ct);
    }

    /// <summary>
    /// Creates or updates this round's draft report (the one not yet submitted). <paramref name="reportVersion"/>
    /// is the draft's version the form was shown with (null when there was no draft): any other is stale.
    /// The result's id is the report's.
    /// </summary>
    public async Task<RequestResult> SaveReportAsync(Guid requestId, Guid? reportVersion, ResearchReportInput input, Actor actor, CancellationToken ct)
    {
        var (refusal, report, _) = await PrepareAsync(requestId, reportVersion, input, actor, submitting: false, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        return await SaveAsync(requestId, report!.Id, ct);
    }

    /// <summary>
    /// Saves the report as typed, checks it is complete, marks it submitted and puts the request in the
    /// committee's queue (SubmitResearch) — all in one transaction: on any refusal nothing changes.
    /// </summary>
    public async Task<RequestResult> SubmitReportAsync(Guid requestId, Guid? reportVersion, Guid requestVersion, ResearchReportInput input, Actor actor, CancellationToken ct)
    {
        var (refusal, report, request) = await PrepareAsync(requestId, reportVersion, input, actor, submitting: true, ct);
        if (refusal is not null)
        {
            return RolledBack(refusal);
        }

        if (request!.Version != requestVersion)
        {
            return RolledBack(Stale(requestId));
        }

        // The report submitted now is this round's: the evidence SubmitResearch's guard asks for.
        var now = clock.GetUtcNow().UtcDateTime;
        report!.SubmittedAtUtc = now;
        var outcome = await transitions.ApplyAsync(request, RequestTrigger.SubmitResearch, RequestFacts.None with { HasSubmittedResearchReport = true }, actor, now, ct);
        if (!outcome.Succeeded)
        {
            return RolledBack(outcome.ToRefusal(l));
        }

        return await SaveAsync(requestId, report.Id, ct);
    }

    /// <summary>Attaches a document to this round's draft (checked by content and size like every upload).</summary>
    public async Task<RequestResult> AttachAsync(Guid requestId, IncomingFile file, string? description, Actor actor, CancellationToken ct)
    {
        var request = await db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => new { r.State, r.ResearcherId }).SingleOrDefaultAsync(ct)
            ?? throw new EntityNotFoundException(nameof(SupportRequest), requestId);
        if (!WriterRoles.Any(actor.Roles.Contains))
        {
            return RequestResult.Forbid();
        }

        if (!MayWrite(request.ResearcherId, actor))
        {
            return NotAssigned();
        }

        var draftId = await db.ResearchReports.Where(r => r.RequestId == requestId && r.SubmittedAtUtc == null).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (request.State != RequestState.UnderResearch || draftId is null)
        {
            return RequestResult.Fail("", l["Save the report as a draft before attaching documents."]);
        }

        if (description is { Length: > 500 })
        {
            return RequestResult.Fail("Description", TextLimits.TooLong(l, 500));
        }

        var saved = await storage.SaveAsync(file, ResearchReport.FileOwnerKind, draftId.Value, description, ct);
        return saved.Succeeded
            ? RequestResult.Done(draftId.Value)
            : RequestResult.Fail("Upload", l[saved.Error!, storage.MaxMegabytes]);
    }

    /// <summary>Who writes reports at all: researchers (the assigned one, <see cref="MayWrite"/>) and the administrator.</summary>
    public static IReadOnlyList<string> WriterRoles { get; } = [StaffRoles.SocialResearcher, StaffRoles.TenantAdmin];

    /// <summary>
    /// The researcher can be chosen now: from Verified by the table's AssignResearcher row, or changed while under
    /// research by the same roles (a reassignment, not a transition). The request page and the research step ask this.
    /// </summary>
    public static bool MayAssign(RequestState state, Actor actor) =>
        AssignerRoles.Any(actor.Roles.Contains) && RequestWorkflow.ResearcherAssignableStates.Contains(state);

    /// <summary>The report can be written now: under research, by its researcher (or the administrator).</summary>
    public static bool MayWriteReport(RequestState state, Guid? assignedResearcherId, Actor actor) =>
        state == RequestState.UnderResearch && MayWrite(assignedResearcherId, actor);

    /// <summary>The assigned researcher writes the report; the association's administrator may correct it.</summary>
    public static bool MayWrite(Guid? assignedResearcherId, Actor actor) =>
        actor.Roles.Contains(StaffRoles.TenantAdmin) || (assignedResearcherId == actor.UserId && actor.Roles.Contains(StaffRoles.SocialResearcher));

    /// <returns>A refusal, or this round's draft updated from the form and the request (tracked: submitting changes its state).</returns>
    private async Task<(RequestResult? Refusal, ResearchReport? Report, SupportRequest? Request)> PrepareAsync(
        Guid requestId, Guid? reportVersion, ResearchReportInput input, Actor actor, bool submitting, CancellationToken ct)
    {
        var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new EntityNotFoundException(nameof(SupportRequest), requestId);
        if (!WriterRoles.Any(actor.Roles.Contains))
        {
            return (RequestResult.Forbid(), null, null);
        }

        if (!MayWrite(request.ResearcherId, actor))
        {
            return (NotAssigned(), null, null);
        }

        if (request.State != RequestState.UnderResearch)
        {
            return (NotAvailable(), null, null);
        }

        // Only one report can be a draft: submitting one ends the round, and a new round starts with none.
        var draft = await db.ResearchReports.SingleOrDefaultAsync(r => r.RequestId == requestId && r.SubmittedAtUtc == null, ct);
        if (draft?.Version != reportVersion)
        {
            // The draft changed (or was created) since the form was shown: the same form posted twice has one effect.
            return (Stale(requestId), null, null);
        }

        var errors = await ValidateAsync(input, submitting, ct);
        if (errors.Count > 0)
        {
            return (new RequestResult(null, errors), null, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (draft is null)
        {
            draft = new ResearchReport
            {
                RequestId = requestId,
                // The author is the assigned researcher, even when the administrator starts the draft for them.
                ResearcherId = request.ResearcherId ?? actor.UserId,
                HouseholdSituation = "",
                Findings = "",
                Needs = "",
                CreatedAtUtc = now,
            };
            db.ResearchReports.Add(draft);
        }

        // A researcher taking over a reassigned request takes over its draft; an admin's correction keeps the author.
        if (request.ResearcherId == actor.UserId)
        {
            draft.ResearcherId = actor.UserId;
        }

        // A draft may keep the visit type and recommendation unchosen: 0 stands for "not chosen yet" (submitting refuses it).
        draft.VisitType = input.VisitType ?? default;
        draft.VisitedOn = input.VisitedOn ?? default;
        draft.HouseholdSituation = input.HouseholdSituation?.Trim() ?? "";
        draft.Findings = input.Findings?.Trim() ?? "";
        draft.Needs = input.Needs?.Trim() ?? "";
        draft.Recommendation = input.Recommendation ?? default;
        draft.RecommendedServiceIds = input.Recommendation == ResearchRecommendation.Reject ? [] : input.RecommendedServiceIds.Distinct().ToList();
        draft.RecommendedAmountHalalas = input.Recommendation != ResearchRecommendation.Reject && Riyals.TryParseHalalas(input.RecommendedAmount, out var amount) && amount > 0 ? amount : null;
        draft.UpdatedAtUtc = now;
        draft.Version = Guid.NewGuid();
        return (null, draft, request);
    }

    private async Task<List<(string, string)>> ValidateAsync(ResearchReportInput input, bool submitting, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var today = DualDate.Today(clock);
        if (input.VisitType is { } visit ? !Enum.IsDefined(visit) : submitting)
        {
            errors.Add(("VisitType", l["Choose how the household was met."]));
        }

        if (input.VisitedOn is { } visited)
        {
            if (visited > today)
            {
                errors.Add(("VisitedOn", l["The date cannot be in the future."]));
            }
        }
        else if (submitting)
        {
            errors.Add(("VisitedOn", l["Enter the date of the visit."]));
        }

        Text(input.HouseholdSituation, "HouseholdSituation", l["Describe the household's situation."]);
        Text(input.Findings, "Findings", l["Write the findings of the research."]);
        // The needs are the heart of the report: required even in a draft.
        if (string.IsNullOrWhiteSpace(input.Needs))
        {
            errors.Add(("Needs", l["Write the household's needs."]));
        }
        else if (input.Needs.Trim().Length > MaxText)
        {
            errors.Add(("Needs", TextLimits.TooLong(l, MaxText)));
        }

        if (input.Recommendation is { } recommendation ? !Enum.IsDefined(recommendation) : submitting)
        {
            errors.Add(("Recommendation", l["Choose the recommendation."]));
        }

        var recommendsSupport = input.Recommendation is ResearchRecommendation.Approve or ResearchRecommendation.ApprovePartially;
        var serviceIds = input.RecommendedServiceIds.Distinct().ToList();
        if (serviceIds.Count > 0)
        {
            var known = await db.SupportServices.CountAsync(s => serviceIds.Contains(s.Id), ct);
            if (known != serviceIds.Count)
            {
                errors.Add(("RecommendedServiceIds", l["Choose services from the association's catalogue."]));
            }
        }
        else if (submitting && recommendsSupport)
        {
            errors.Add(("RecommendedServiceIds", l["Choose the services recommended."]));
        }

        if (!string.IsNullOrWhiteSpace(input.RecommendedAmount) && !(Riyals.TryParseHalalas(input.RecommendedAmount, out var halalas) && halalas > 0))
        {
            errors.Add(("RecommendedAmount", l["Enter the amount in riyals, e.g. 1500 or 1500.50."]));
        }

        return errors;

        void Text(string? value, string field, string requiredMessage)
        {
            if (submitting && string.IsNullOrWhiteSpace(value))
            {
                errors.Add((field, requiredMessage));
            }
            else if (value is not null && value.Trim().Length > MaxText)
            {
                errors.Add((field, TextLimits.TooLong(l, MaxText)));
            }
        }
    }

    private Task<bool> IsActiveResearcherAsync(Guid userId, CancellationToken ct) =>
        Staff.StaffQueries.ActiveInRoles(db, StaffRoles.SocialResearcher).AnyAsync(u => u.Id == userId, ct);

    private RequestResult NotAvailable() => RequestResult.Fail("", l["This action is not available for the request in its current state."]);

    private RequestResult NotAssigned() => RequestResult.Fail("", l["Only the researcher assigned to this request may write its report."]);

    /// <summary>
    /// A refused or failed write: the transaction rolls back, and the context forgets the changes it tracked
    /// so that no later SaveChanges of this scope (the page reloading, an access-log row) writes them after all.
    /// </summary>
    private RequestResult RolledBack(RequestResult result)
    {
        db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>The step's one SaveChanges: a concurrent change of the request or the draft makes the form stale, and nothing is kept.</summary>
    private async Task<RequestResult> SaveAsync(Guid requestId, Guid doneId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RolledBack(Stale(requestId));
        }

        return RequestResult.Done(doneId);
    }

    private RequestResult Stale(Guid requestId) =>
        new(requestId, [("", l["This request was changed by someone else meanwhile. Review its current state and try again."])], Stale: true);
}
