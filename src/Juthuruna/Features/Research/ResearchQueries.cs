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

/// <summary>Reads of the research step and of the committee's decisions on a request: no tracking, bounded.</summary>
public sealed class ResearchQueries(AppDbContext db)
{
    public const int MaxResearchers = 100;
    public const int MaxReports = 20;

    /// <summary>Active researchers with their number of requests under research: one SQL statement, each count a correlated COUNT.</summary>
    public async Task<IReadOnlyList<ResearcherWorkload>> WorkloadAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == StaffRoles.SocialResearcher)))
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
        var reports = await db.ResearchReports.AsNoTracking().Where(r => r.RequestId == requestId)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).Take(MaxReports).ToListAsync(ct);
        if (reports.Count == 0)
        {
            return [];
        }

        var ids = reports.Select(r => r.Id).ToList();
        var files = await db.StoredFiles.AsNoTracking()
            .Where(f => f.OwnerKind == ResearchReport.FileOwnerKind && ids.Contains(f.OwnerId))
            .OrderBy(f => f.UploadedAtUtc).Take(200)
            .Select(f => new { f.OwnerId, Item = new AttachmentItem(f.Id, f.OriginalName, f.Description, f.UploadedAtUtc) })
            .ToListAsync(ct);
        var researcherIds = reports.Select(r => r.ResearcherId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => researcherIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return reports.Select(r => new ReportItem(
                r.Id, r.ResearcherId, names.GetValueOrDefault(r.ResearcherId, "—"), r.VisitType, r.VisitedOn, r.HouseholdSituation, r.Findings, r.Needs,
                r.Recommendation, r.RecommendedServiceIds, r.RecommendedAmountHalalas, r.CreatedAtUtc, r.SubmittedAtUtc, r.Version,
                files.Where(f => f.OwnerId == r.Id).Select(f => f.Item).ToList()))
            .ToList();
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
    public async Task<IReadOnlyList<DecisionItem>> DecisionsAsync(Guid requestId, CancellationToken ct)
    {
        var items = await db.AgendaItems.AsNoTracking()
            .Where(i => i.RequestId == requestId && i.Status == AgendaItemStatus.Decided && i.Decision != null && i.DecidedAtUtc != null)
            .OrderByDescending(i => i.DecidedAtUtc).Take(MaxReports)
            .Join(db.CommitteeSessions, i => i.SessionId, s => s.Id, (i, s) => new
            {
                i.Id, s.Number, s.HeldOn, i.Decision, i.Reasons, i.ApprovedServiceIds, i.ApprovedAmountHalalas, i.DecidedBy, i.DecidedAtUtc,
            })
            .ToListAsync(ct);
        var deciders = items.Where(i => i.DecidedBy != null).Select(i => i.DecidedBy!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return items.Select(i => new DecisionItem(
                i.Id, i.Number, i.HeldOn, i.Decision!.Value, i.Reasons, i.ApprovedServiceIds, i.ApprovedAmountHalalas,
                i.DecidedBy is { } by ? names.GetValueOrDefault(by, "—") : "—", i.DecidedAtUtc!.Value))
            .ToList();
    }

    /// <summary>Names of the association's services (active first), for the forms and the read-only views; bounded.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, bool IsActive)>> ServicesAsync(bool arabic, CancellationToken ct) =>
        (await db.SupportServices.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.NameAr).Take(500)
            .Select(s => new { s.Id, Name = arabic || s.NameEn == null ? s.NameAr : s.NameEn, s.IsActive }).ToListAsync(ct))
        .Select(s => (s.Id, s.Name, s.IsActive)).ToList();
}
