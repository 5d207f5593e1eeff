using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Research;

/// <summary>A social researcher and how many requests they are studying now.</summary>
public sealed record ResearcherWorkload(Guid Id, string Name, int UnderResearch);

public sealed record AttachmentItem(Guid Id, string OriginalName, string? Description, DateTime UploadedAtUtc);

public sealed record ReportItem(
    Guid Id,
    Guid ResearcherId,
    string ResearcherName,
    VisitType VisitType,
    DateOnly VisitedOn,
    string HouseholdSituation,
    string Findings,
    string Needs,
    ResearchRecommendation Recommendation,
    IReadOnlyList<Guid> RecommendedServiceIds,
    long? RecommendedAmountHalalas,
    DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc,
    Guid Version,
    IReadOnlyList<AttachmentItem> Attachments)
{
    public bool IsDraft => SubmittedAtUtc is null;
}

/// <summary>A committee item closed on the request: the committee's answer to the research.</summary>
public sealed record DecisionItem(
    Guid AgendaItemId,
    string SessionNumber,
    DateOnly HeldOn,
    CommitteeDecision Decision,
    string? Reasons,
    IReadOnlyList<Guid> ApprovedServiceIds,
    long? ApprovedAmountHalalas,
    string DecidedByName,
    DateTime DecidedAtUtc);

/// <summary>A request the researcher is studying, as their dashboard lists it.</summary>
/// <param name="HasDraft">A report of this round is saved but not yet sent to the committee.</param>
/// <param name="Deferred">The committee sent the request back to research (this round answers its questions).</param>
/// <param name="CommitteeQuestions">The note of the latest deferral, or the deferred item's reasons.</param>
public sealed record AssignedRow(
    Guid RequestId,
    string Number,
    string BeneficiaryName,
    DateOnly? DecisionDueOn,
    bool HasDraft,
    bool Deferred,
    string? CommitteeQuestions);

/// <summary>The top of a researcher's list and how many there are in all.</summary>
public sealed record AssignedWork(IReadOnlyList<AssignedRow> Items, int Total);

/// <summary>An open referral addressed to a researcher (policy step 3).</summary>
public sealed record ReferralRow(Guid ReferralId, Guid RequestId, string RequestNumber, string BeneficiaryName, string Question, DateTime AskedAtUtc);

/// <summary>The top of a researcher's open referrals, oldest first, and how many there are in all.</summary>
public sealed record OpenReferrals(IReadOnlyList<ReferralRow> Items, int Total);

/// <summary>Reads of the research step and of the committee's decisions on a request: no tracking, bounded.</summary>
public sealed class ResearchQueries(AppDbContext db)
{
    public const int MaxResearchers = 100;
    public const int MaxReports = 20;

    /// <summary>How many rows a dashboard list shows; the total is shown beside it.</summary>
    public const int DashboardSize = 20;

    /// <summary>
    /// The requests under research assigned to <paramref name="researcherId"/>, nearest decision due date first
    /// (undated last). One statement for the rows (draft and deferral read as correlated subqueries) and one count.
    /// </summary>
    public async Task<AssignedWork> AssignedToAsync(Guid researcherId, CancellationToken ct)
    {
        var mine = db.SupportRequests.AsNoTracking().Where(r => r.State == RequestState.UnderResearch && r.ResearcherId == researcherId);
        var total = await mine.CountAsync(ct);
        if (total == 0)
        {
            return new AssignedWork([], 0);
        }

        var items = await mine
            .OrderBy(r => r.DecisionDueOn == null).ThenBy(r => r.DecisionDueOn).ThenBy(r => r.CreatedAtUtc)
            .Take(DashboardSize)
            .Join(db.Beneficiaries, r => r.BeneficiaryId, b => b.Id, (r, b) => new AssignedRow(
                r.Id,
                r.Number,
                b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
                r.DecisionDueOn,
                db.ResearchReports.Any(rep => rep.RequestId == r.Id && rep.SubmittedAtUtc == null),
                db.RequestHistory.Any(h => h.RequestId == r.Id && h.Trigger == RequestTrigger.Defer),
                db.RequestHistory.Where(h => h.RequestId == r.Id && h.Trigger == RequestTrigger.Defer)
                    .OrderByDescending(h => h.AtUtc).Select(h => h.Note).FirstOrDefault()
                ?? db.AgendaItems.Where(i => i.RequestId == r.Id && i.Decision == CommitteeDecision.Defer && i.DecidedAtUtc != null)
                    .OrderByDescending(i => i.DecidedAtUtc).Select(i => i.Reasons).FirstOrDefault()))
            .ToListAsync(ct);

        return new AssignedWork(items, total);
    }

    /// <summary>Open referrals addressed to <paramref name="researcherId"/>, oldest first (they have waited longest).</summary>
    public async Task<OpenReferrals> OpenReferralsToAsync(Guid researcherId, CancellationToken ct)
    {
        var open = db.Referrals.AsNoTracking().Where(f => f.ResearcherId == researcherId && f.Status == ReferralStatus.Open);
        var total = await open.CountAsync(ct);
        if (total == 0)
        {
            return new OpenReferrals([], 0);
        }

        var items = await open.OrderBy(f => f.AskedAtUtc).ThenBy(f => f.Id).Take(DashboardSize)
            .Join(db.SupportRequests, f => f.RequestId, r => r.Id, (f, r) => new { f, r })
            .Join(db.Beneficiaries, x => x.r.BeneficiaryId, b => b.Id, (x, b) => new ReferralRow(
                x.f.Id, x.r.Id, x.r.Number, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
                x.f.Question, x.f.AskedAtUtc))
            .ToListAsync(ct);
        return new OpenReferrals(items, total);
    }

    /// <summary>Active researchers with their number of requests under research: one SQL statement, each count a correlated COUNT.</summary>
    public async Task<IReadOnlyList<ResearcherWorkload>> WorkloadAsync(CancellationToken ct) =>
        await Staff.StaffQueries.ActiveInRoles(db, StaffRoles.SocialResearcher).AsNoTracking()
            .OrderBy(u => u.FullName).Take(MaxResearchers)
            .Select(u => new ResearcherWorkload(u.Id, u.FullName,
                db.SupportRequests.Count(r => r.ResearcherId == u.Id && r.State == RequestState.UnderResearch)))
            .ToListAsync(ct);

    /// <summary>The researcher assigned to the request, if any.</summary>
    public async Task<(Guid Id, string Name)?> AssignedResearcherAsync(Guid requestId, CancellationToken ct)
    {
        var found = await db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId && r.ResearcherId != null)
            .Join(db.Users, r => r.ResearcherId, u => (Guid?)u.Id, (r, u) => new { u.Id, u.FullName })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.FullName);
    }

    /// <summary>The request's reports, newest round first, each with its attachments (three queries whatever the count).</summary>
    public async Task<IReadOnlyList<ReportItem>> ReportsAsync(Guid requestId, CancellationToken ct)
    {
        // One statement: the reports with their researcher's name and their attachments (a left join on the report's id;
        // not cut per report — a cut inside the statement becomes a window over every research attachment of the association).
        return await db.ResearchReports.AsNoTracking().Where(r => r.RequestId == requestId)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).Take(MaxReports)
            .Select(r => new ReportItem(
                r.Id, r.ResearcherId,
                db.Users.Where(u => u.Id == r.ResearcherId).Select(u => u.FullName).FirstOrDefault() ?? "—",
                r.VisitType, r.VisitedOn, r.HouseholdSituation, r.Findings, r.Needs,
                r.Recommendation, r.RecommendedServiceIds, r.RecommendedAmountHalalas, r.CreatedAtUtc, r.SubmittedAtUtc, r.Version,
                db.StoredFiles.Where(f => f.OwnerKind == ResearchReport.FileOwnerKind && f.OwnerId == r.Id)
                    .OrderBy(f => f.UploadedAtUtc)
                    .Select(f => new AttachmentItem(f.Id, f.OriginalName, f.Description, f.UploadedAtUtc))
                    .ToList()))
            .AsSingleQuery()
            .ToListAsync(ct);
    }

    /// <summary>
    /// The committee's questions when it deferred the request back to research: the note of the latest Defer
    /// transition, or the reasons of the deferred item. Null when the request was never deferred.
    /// </summary>
    public async Task<string?> CommitteeQuestionsAsync(Guid requestId, CancellationToken ct)
    {
        var deferred = await db.RequestHistory.AsNoTracking().Where(h => h.RequestId == requestId && h.Trigger == RequestTrigger.Defer)
            .OrderByDescending(h => h.AtUtc).Select(h => new { h.Note }).FirstOrDefaultAsync(ct);
        if (deferred is null)
        {
            return null;
        }

        return deferred.Note ?? await db.AgendaItems.AsNoTracking()
            .Where(i => i.RequestId == requestId && i.Decision == CommitteeDecision.Defer && i.DecidedAtUtc != null)
            .OrderByDescending(i => i.DecidedAtUtc).Select(i => i.Reasons).FirstOrDefaultAsync(ct);
    }

    /// <summary>The committee's decisions on the request (deferrals included), newest first.</summary>
    public async Task<IReadOnlyList<DecisionItem>> DecisionsAsync(Guid requestId, CancellationToken ct) =>
        (await db.AgendaItems.AsNoTracking()
            .Where(i => i.RequestId == requestId && i.Status == AgendaItemStatus.Decided && i.Decision != null && i.DecidedAtUtc != null)
            .OrderByDescending(i => i.DecidedAtUtc).Take(MaxReports)
            .Join(db.CommitteeSessions, i => i.SessionId, s => s.Id, (i, s) => new
            {
                i.Id, s.Number, s.HeldOn, i.Decision, i.Reasons, i.ApprovedServiceIds, i.ApprovedAmountHalalas, i.DecidedAtUtc,
                DecidedByName = db.Users.Where(u => u.Id == i.DecidedBy).Select(u => u.FullName).FirstOrDefault(),
            })
            .ToListAsync(ct))
        .Select(i => new DecisionItem(
            i.Id, i.Number, i.HeldOn, i.Decision!.Value, i.Reasons, i.ApprovedServiceIds, i.ApprovedAmountHalalas,
            i.DecidedByName ?? "—", i.DecidedAtUtc!.Value))
        .ToList();

    /// <summary>Names of the association's services (active first), for the forms and the read-only views; bounded.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, bool IsActive)>> ServicesAsync(bool arabic, CancellationToken ct) =>
        (await db.SupportServices.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.NameAr).Take(500)
            .Select(s => new { s.Id, Name = arabic || s.NameEn == null ? s.NameAr : s.NameEn, s.IsActive }).ToListAsync(ct))
        .Select(s => (s.Id, s.Name, s.IsActive)).ToList();
}
