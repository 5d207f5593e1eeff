using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.SupportRequests;

public sealed record QueueItem(
    Guid Id,
    string Number,
    RequestState State,
    string BeneficiaryName,
    string BeneficiaryFileNumber,
    Guid ServiceId,
    ContactChannel Channel,
    DateTime CreatedAtUtc,
    DateOnly? DecisionDueOn,
    DateTime UpdatedAtUtc);

/// <summary>Open requests, those still at the desk (draft, review, returned), overdue and due within four days.</summary>
public sealed record RequestCounts(int Open, int AtTheDesk, int Overdue, int DueSoon);

public sealed record HistoryItem(RequestState? From, RequestState To, RequestTrigger? Trigger, string? Note, string UserName, DateTime AtUtc)
{
    /// <summary>The <see cref="UserName"/> of a step taken on the public portal (<see cref="Actor.Portal"/>); the page words it.</summary>
    public const string ByPortal = "portal";
}

public sealed record DeclarationItem(string ApplicantName, DeclarationMethod Method, string Text, int TextVersion, string WitnessName, DateTime AtUtc, Guid? ScanFileId);

public sealed record ReferralItem(Guid Id, string Question, string ResearcherName, Guid ResearcherId, string AskedByName, DateTime AskedAtUtc, string? Answer, DateTime? AnsweredAtUtc, ReferralStatus Status);

public sealed record RequestDetails(
    Guid Id,
    string Number,
    RequestState State,
    Guid Version,
    Guid BeneficiaryId,
    string BeneficiaryName,
    string BeneficiaryFileNumber,
    Guid ServiceId,
    string ServiceNameAr,
    string? ServiceNameEn,
    Guid? BranchId,
    ContactChannel Channel,
    string Description,
    long? AmountRequestedHalalas,
    DateOnly? SubmittedOn,
    DateOnly? VerifiedOn,
    DateOnly? DecisionDueOn,
    DateOnly? DecidedOn,
    DateTime CreatedAtUtc,
    IReadOnlyList<HistoryItem> History,
    DeclarationItem? Declaration,
    IReadOnlyList<ReferralItem> Referrals,
    (Guid Id, string Name)? Researcher,
    Guid? OpenAgendaItemId,
    Registrations.RegistrationItem? Registration);

/// <summary>What a step's page shows of its request above the step's own form (one statement).</summary>
public sealed record RequestHeader(
    Guid Id,
    string Number,
    RequestState State,
    Guid Version,
    Guid BeneficiaryId,
    string BeneficiaryName,
    string BeneficiaryFileNumber,
    Guid ServiceId,
    string ServiceNameAr,
    string? ServiceNameEn);

/// <summary>Reads of support requests: no tracking, projections, bounded lists, names resolved in one query.</summary>
public sealed class RequestQueries(AppDbContext db)
{
    /// <summary>The request a step's page works on, with its beneficiary and service named; null when not in this association.</summary>
    public Task<RequestHeader?> HeaderAsync(Guid id, CancellationToken ct) =>
        db.SupportRequests.AsNoTracking().Where(r => r.Id == id)
            .Join(db.Beneficiaries, r => r.BeneficiaryId, b => b.Id, (r, b) => new { r, b })
            .Join(db.SupportServices, x => x.r.ServiceId, s => s.Id, (x, s) => new RequestHeader(
                x.r.Id, x.r.Number, x.r.State, x.r.Version, x.b.Id,
                x.b.FirstName + " " + x.b.FatherName + " " + x.b.GrandfatherName + " " + x.b.FamilyName,
                x.b.FileNumber, s.Id, s.NameAr, s.NameEn))
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// The request page's reading of the request in three statements whatever it holds: the request with its file,
    /// service, declaration, researcher and open agenda item (one row); its history with who took each step; its
    /// referrals with their names.
    /// </summary>
    public async Task<RequestDetails?> DetailsAsync(Guid id, CancellationToken ct)
    {
        var request = await (
                from r in db.SupportRequests.AsNoTracking()
                where r.Id == id
                join b in db.Beneficiaries on r.BeneficiaryId equals b.Id
                join s in db.SupportServices on r.ServiceId equals s.Id
                from d in db.Declarations.Where(d => d.RequestId == r.Id).DefaultIfEmpty()
                from g in db.Registrations.Where(x => x.RequestId == r.Id).DefaultIfEmpty()
                select new
                {
                    Request = r,
                    BeneficiaryName = b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
                    b.FileNumber,
                    s.NameAr,
                    s.NameEn,
                    Declaration = d == null ? null : new
                    {
                        d.ApplicantName, d.Method, d.Text, d.TextVersion, d.AtUtc, d.ScanFileId,
                        WitnessName = db.Users.Where(u => u.Id == d.WitnessUserId).Select(u => u.FullName).FirstOrDefault(),
                    },
                    Registration = g == null ? null : new
                    {
                        g.Id, g.BeneficiaryNumber, g.EligibleFrom, g.EligibleTo, g.ApprovedServiceIds, g.ApprovedAmountHalalas, g.RegisteredAtUtc,
                        RegisteredByName = db.Users.Where(u => u.Id == g.RegisteredBy).Select(u => u.FullName).FirstOrDefault(),
                    },
                    ResearcherName = db.Users.Where(u => u.Id == r.ResearcherId).Select(u => u.FullName).FirstOrDefault(),
                    OpenAgendaItemId = db.AgendaItems.Where(i => i.RequestId == r.Id && i.Status == Committee.AgendaItemStatus.Open).Select(i => (Guid?)i.Id).FirstOrDefault(),
                })
            .SingleOrDefaultAsync(ct);
        if (request is null)
        {
            return null;
        }

        var history = await (
                from h in db.RequestHistory.AsNoTracking()
                where h.RequestId == id
                join u in db.Users on h.UserId equals u.Id into users
                from u in users.DefaultIfEmpty()
                orderby h.AtUtc, h.Id
                select new HistoryItem(h.From, h.To, h.Trigger, h.Note,
                    h.UserId == Guid.Empty ? HistoryItem.ByPortal : u == null ? "—" : u.FullName, h.AtUtc))
            .Take(200).ToListAsync(ct);
        var referrals = await ReferralsAsync(id, ct);

        var found = request.Request;
        var declared = request.Declaration;
        return new RequestDetails(
            found.Id, found.Number, found.State, found.Version, found.BeneficiaryId, request.BeneficiaryName, request.FileNumber, found.ServiceId, request.NameAr, request.NameEn,
            found.BranchId, found.Channel, found.Description, found.AmountRequestedHalalas, found.SubmittedOn, found.VerifiedOn, found.DecisionDueOn, found.DecidedOn, found.CreatedAtUtc,
            history,
            declared is null ? null : new DeclarationItem(declared.ApplicantName, declared.Method, declared.Text, declared.TextVersion, declared.WitnessName ?? "—", declared.AtUtc, declared.ScanFileId),
            referrals,
            found.ResearcherId is { } researcherId ? (researcherId, request.ResearcherName ?? "—") : null,
            request.OpenAgendaItemId,
            request.Registration is { } reg
                ? new Registrations.RegistrationItem(reg.Id, found.Id, found.Number, reg.BeneficiaryNumber, reg.EligibleFrom, reg.EligibleTo, reg.ApprovedServiceIds,
                    reg.ApprovedAmountHalalas, reg.RegisteredByName ?? "—", reg.RegisteredAtUtc)
                : null);
    }

    /// <summary>The dashboard's figures: open, at the desk, overdue and due soon (one statement).</summary>
    public async Task<RequestCounts> CountsAsync(DateOnly today, CancellationToken ct)
    {
        var soon = today.AddDays(DecisionWindow.AtRiskDays);
        // One statement: the open and at-the-desk figures add up the maintained per-state summary (ADR 0015; some
        // twenty thousand requests are open at a million), the overdue and due-soon ones are ranges of the
        // (TenantId, State, DecisionDueOn) index over the three awaiting states — only the rows counted are read.
        var counts = await db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId)
            .Select(t => new
            {
                Open = db.RequestStateCounts.Where(c => RequestWorkflow.OpenStates.Contains(c.State)).Sum(c => c.Requests),
                AtTheDesk = db.RequestStateCounts
                    .Where(c => c.State == RequestState.Draft || c.State == RequestState.DocumentsReview || c.State == RequestState.ReturnedForCompletion)
                    .Sum(c => c.Requests),
                // Only while the decision is awaited: an approved request keeps its past due date.
                Overdue = db.SupportRequests.Count(r => RequestWorkflow.AwaitingDecisionStates.Contains(r.State) && r.DecisionDueOn != null && r.DecisionDueOn < today),
                DueSoon = db.SupportRequests.Count(r => RequestWorkflow.AwaitingDecisionStates.Contains(r.State) && r.DecisionDueOn != null && r.DecisionDueOn >= today && r.DecisionDueOn <= soon),
            })
            .SingleAsync(ct);
        return new RequestCounts(counts.Open, counts.AtTheDesk, counts.Overdue, counts.DueSoon);
    }

    /// <summary>The questions the desk referred to researchers on this request, oldest first, names joined (one statement).</summary>
    public async Task<IReadOnlyList<ReferralItem>> ReferralsAsync(Guid requestId, CancellationToken ct) =>
        await (
                from x in db.Referrals.AsNoTracking()
                where x.RequestId == requestId
                join researcher in db.Users on x.ResearcherId equals researcher.Id into researchers
                from researcher in researchers.DefaultIfEmpty()
                join asker in db.Users on x.AskedBy equals asker.Id into askers
                from asker in askers.DefaultIfEmpty()
                orderby x.AskedAtUtc, x.Id
                select new ReferralItem(x.Id, x.Question, researcher == null ? "—" : researcher.FullName, x.ResearcherId,
                    asker == null ? "—" : asker.FullName, x.AskedAtUtc, x.Answer, x.AnsweredAtUtc, x.Status))
            .Take(50).ToListAsync(ct);

    public Task<bool> ExistsAsync(Guid id, CancellationToken ct) => db.SupportRequests.AnyAsync(r => r.Id == id, ct);

    /// <summary>Social researchers of the association, for the referral form.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ResearchersAsync(CancellationToken ct) =>
        (await Staff.StaffQueries.ActiveInRoles(db, Identity.StaffRoles.SocialResearcher).AsNoTracking()
            .OrderBy(u => u.FullName).Take(100)
            .Select(u => new { u.Id, u.FullName }).ToListAsync(ct))
        .Select(u => (u.Id, u.FullName)).ToList();
}

/// <summary>
/// A step that leaves the state as it was (every delivery after the first keeps the request In service) is
/// worded by what happened — "Delivery no. 2" — never as a change from a state to itself.
/// </summary>
public static class RequestSteps
{
    /// <summary>For each step of a history read in order: the delivery's number when the step kept the state by a delivery, else null.</summary>
    public static IReadOnlyList<int?> RepeatedDeliveries(IEnumerable<(RequestState? From, RequestState To, RequestTrigger? Trigger)> stepsInOrder)
    {
        var deliveries = 0;
        return stepsInOrder.Select(s =>
        {
            if (s.Trigger == RequestTrigger.Deliver)
            {
                deliveries++;
                return s.From == s.To ? deliveries : (int?)null;
            }

            return null;
        }).ToList();
    }
}
