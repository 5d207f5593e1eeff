using Juthuruna.Data;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Committee;

public sealed record MemberRow(Guid Id, Guid UserId, string Name, CommitteeRole Role, DateOnly ActiveFrom, DateOnly? ActiveTo);

public sealed record StaffOption(Guid Id, string Name);

public sealed record SessionRow(Guid Id, string Number, DateOnly HeldOn, string Place, SessionStatus Status, int Items, int OpenItems);

public sealed record CommitteeQueueRow(Guid RequestId, string Number, string BeneficiaryName, string FileNumber, string ServiceNameAr, string? ServiceNameEn, DateOnly? DecisionDueOn);

public sealed record AttendeeRow(Guid UserId, string Name, CommitteeRole Role, bool Present);

public sealed record AgendaRow(Guid Id, int Position, Guid RequestId, string RequestNumber, string BeneficiaryName, AgendaItemStatus Status, CommitteeDecision? Decision, int Votes);

public sealed record SessionDetails(
    Guid Id,
    string Number,
    DateOnly HeldOn,
    string Place,
    SessionStatus Status,
    IReadOnlyList<AttendeeRow> Members,
    IReadOnlyList<AgendaRow> Items,
    CommitteeRole? MySeat);

public sealed record VoteRow(Guid UserId, string Name, VoteChoice Choice, string Reason, DateTime UpdatedAtUtc);

public sealed record ServiceName(Guid Id, string NameAr, string? NameEn, bool IsActive);

public sealed record DeclarationSummary(string ApplicantName, DeclarationMethod Method, DateTime AtUtc);

public sealed record DecisionView(
    CommitteeDecision Decision,
    string? Reasons,
    IReadOnlyList<Guid> ApprovedServiceIds,
    long? ApprovedAmountHalalas,
    string? PolicyVersions,
    int VotesApprove,
    int VotesReject,
    int Abstentions,
    int Recusals,
    string DecidedByName,
    DateTime? DecidedAtUtc);

/// <summary>
/// One agenda item as a viewer may see it. <see cref="Votes"/> and <see cref="Tally"/> are null for a member
/// who recused on it: a recused member never sees how the others voted.
/// </summary>
public sealed record ItemDetails(
    Guid Id,
    Guid Version,
    AgendaItemStatus Status,
    Guid SessionId,
    string SessionNumber,
    DateOnly HeldOn,
    Guid RequestId,
    string RequestNumber,
    RequestState RequestState,
    string BeneficiaryName,
    string FileNumber,
    Guid ServiceId,
    string Description,
    long? AmountRequestedHalalas,
    DateOnly? DecisionDueOn,
    DeclarationSummary? Declaration,
    IReadOnlyList<ServiceName> Services,
    CommitteeRole? MySeat,
    bool IAmPresent,
    VoteRow? MyVote,
    IReadOnlyList<VoteRow>? Votes,
    Tally? Tally,
    DecisionView? Decision,
    IReadOnlyList<string> PresentNotVoted)
{
    public bool IRecused => MyVote?.Choice == VoteChoice.Recuse;
}

/// <summary>An open agenda item a member has not voted on yet, as their dashboard lists it.</summary>
/// <param name="IAmPresent">The secretary has recorded the member present (they can vote now).</param>
public sealed record AwaitingVoteRow(
    Guid ItemId,
    string SessionNumber,
    DateOnly HeldOn,
    bool IAmPresent,
    Guid RequestId,
    string RequestNumber,
    string BeneficiaryName,
    DateOnly? DecisionDueOn);

/// <summary>The top of a member's items awaiting their vote and how many there are in all.</summary>
public sealed record AwaitingVotes(IReadOnlyList<AwaitingVoteRow> Items, int Total);

/// <summary>Reads of the committee: no tracking, projections, bounded lists, names resolved in one query.</summary>
public sealed class CommitteeQueries(AppDbContext db, Services.ServiceNames serviceNames)
{
    public const int ListSize = 100;

    /// <summary>How many rows a dashboard list shows; the total is shown beside it.</summary>
    public const int DashboardSize = 20;

    /// <summary>Seats active on <paramref name="day"/> (at most one per person).</summary>
    public static IQueryable<CommitteeMember> ActiveOn(AppDbContext db, DateOnly day) =>
        db.CommitteeMembers.Where(m => m.ActiveFrom <= day && (m.ActiveTo == null || day <= m.ActiveTo));

    /// <summary>The seat <paramref name="userId"/> holds on <paramref name="day"/>, if any.</summary>
    public async Task<CommitteeRole?> SeatAsync(Guid userId, DateOnly day, CancellationToken ct) => await SeatAsync(db, userId, day, ct);

    internal static async Task<CommitteeRole?> SeatAsync(AppDbContext db, Guid userId, DateOnly day, CancellationToken ct) =>
        await ActiveOn(db, day).AsNoTracking().Where(m => m.UserId == userId)
            .OrderByDescending(m => m.Role).Select(m => (CommitteeRole?)m.Role).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The count of one item now: members present (and still seated on the session's day), their votes, the
    /// session's chair (the present member seated as chair) and the quorum from the association's setting.
    /// </summary>
    internal static async Task<Tally> TallyAsync(AppDbContext db, Guid itemId, Guid sessionId, DateOnly heldOn, CancellationToken ct)
    {
        var seated = await ActiveOn(db, heldOn).AsNoTracking().OrderBy(m => m.UserId).Select(m => new { m.UserId, m.Role, m.ActiveFrom }).Take(500).ToListAsync(ct);
        var attendees = await db.SessionAttendees.AsNoTracking().Where(a => a.SessionId == sessionId).Select(a => a.UserId).OrderBy(u => u).Take(500).ToListAsync(ct);
        var present = attendees.Where(u => seated.Any(s => s.UserId == u)).ToHashSet();
        var chair = seated.Where(s => s.Role == CommitteeRole.Chair && present.Contains(s.UserId))
            .OrderBy(s => s.ActiveFrom).ThenBy(s => s.UserId).Select(s => (Guid?)s.UserId).FirstOrDefault();
        var votes = await db.CommitteeVotes.AsNoTracking().Where(v => v.AgendaItemId == itemId)
            .OrderBy(v => v.UserId).Select(v => new { v.UserId, v.Choice }).Take(500).ToListAsync(ct);
        var fixedQuorum = await db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId).Select(t => t.Settings.CommitteeQuorum).SingleAsync(ct);
        var required = CommitteeRules.QuorumRequired(seated.Select(s => s.UserId).Distinct().Count(), fixedQuorum);
        return CommitteeRules.Count(present, votes.Select(v => (v.UserId, v.Choice)).ToList(), chair, required);
    }

    /// <summary>
    /// The names of the members recorded present (and seated on the session's day) who have cast no vote on the item:
    /// the chair is told who they are and must confirm before closing the item without them.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> PresentNotVotedAsync(AppDbContext db, Guid itemId, Guid sessionId, DateOnly heldOn, CancellationToken ct)
    {
        var seated = ActiveOn(db, heldOn);
        return await db.SessionAttendees.AsNoTracking()
            .Where(a => a.SessionId == sessionId
                && seated.Any(m => m.UserId == a.UserId)
                && !db.CommitteeVotes.Any(v => v.AgendaItemId == itemId && v.UserId == a.UserId))
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => u.FullName)
            .OrderBy(n => n).Take(100).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<MemberRow>> MembersAsync(CancellationToken ct)
    {
        var rows = await db.CommitteeMembers.AsNoTracking()
            .OrderBy(m => m.ActiveTo != null).ThenByDescending(m => m.Role).ThenByDescending(m => m.ActiveFrom)
            .Take(ListSize * 2)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberRow(m.Id, m.UserId, u.FullName, m.Role, m.ActiveFrom, m.ActiveTo))
            .ToListAsync(ct);
        return rows;
    }

    /// <summary>Active staff who may be given a seat (they can open the committee's pages).</summary>
    public async Task<IReadOnlyList<StaffOption>> EligibleStaffAsync(CancellationToken ct) =>
        await Staff.StaffQueries.ActiveInRoles(db, [.. CommitteeMembers.CommitteeReaderRoles]).AsNoTracking()
            .OrderBy(u => u.FullName).Take(200)
            .Select(u => new StaffOption(u.Id, u.FullName))
            .ToListAsync(ct);

    /// <summary>How many upcoming and how many recent sessions the committee's home lists.</summary>
    public const int SessionsShown = 20;

    /// <summary>
    /// Upcoming sessions first (nearest first), then the most recent ones: one statement, each half a range of the
    /// (TenantId, HeldOn) index that stops after <see cref="SessionsShown"/>. A session's items are counted from the
    /// (TenantId, SessionId, …) index and its open items from the partial index on open items (a decided session has none).
    /// </summary>
    public async Task<IReadOnlyList<SessionRow>> SessionsAsync(DateOnly today, CancellationToken ct)
    {
        var upcoming = db.CommitteeSessions.AsNoTracking().Where(s => s.HeldOn >= today)
            .OrderBy(s => s.HeldOn).ThenBy(s => s.Number).Take(SessionsShown);
        var recent = db.CommitteeSessions.AsNoTracking().Where(s => s.HeldOn < today)
            .OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Number).Take(SessionsShown);
        var rows = (await SessionCounts(upcoming).Concat(SessionCounts(recent)).ToListAsync(ct))
            .Select(r => new SessionRow(r.Id, r.Number, r.HeldOn, r.Place, r.Status, r.Items, r.OpenItems)).ToList();
        return
        [
            .. rows.Where(r => r.HeldOn >= today).OrderBy(r => r.HeldOn).ThenBy(r => r.Number, StringComparer.Ordinal),
            .. rows.Where(r => r.HeldOn < today).OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Number, StringComparer.Ordinal),
        ];
    }

    // Members set by name, not the record's constructor: EF concatenates the two halves only before a constructor is applied.
    private IQueryable<SessionCount> SessionCounts(IQueryable<CommitteeSession> sessions) =>
        sessions.Select(s => new SessionCount
        {
            Id = s.Id,
            Number = s.Number,
            HeldOn = s.HeldOn,
            Place = s.Place,
            Status = s.Status,
            Items = db.AgendaItems.Count(i => i.SessionId == s.Id),
            OpenItems = db.AgendaItems.Count(i => i.SessionId == s.Id && i.Status == AgendaItemStatus.Open),
        });

    private sealed class SessionCount
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = "";
        public DateOnly HeldOn { get; init; }
        public string Place { get; init; } = "";
        public SessionStatus Status { get; init; }
        public int Items { get; init; }
        public int OpenItems { get; init; }
    }

    /// <summary>
    /// Requests awaiting the committee that are not on an open agenda item, nearest decision due date first.
    /// Bounded: the secretary builds the agenda from the top of it.
    /// </summary>
    public async Task<IReadOnlyList<CommitteeQueueRow>> QueueAsync(CancellationToken ct) =>
        await AwaitingCommittee()
            // QueueOrder is the due date while the decision is awaited, after every due date when there is none.
            .OrderBy(r => r.QueueOrder).ThenBy(r => r.CreatedAtUtc)
            .Take(ListSize)
            .Join(db.Beneficiaries, r => r.BeneficiaryId, b => b.Id, (r, b) => new { r, b })
            .Join(db.SupportServices, x => x.r.ServiceId, s => s.Id, (x, s) => new CommitteeQueueRow(
                x.r.Id, x.r.Number, x.b.FirstName + " " + x.b.FatherName + " " + x.b.GrandfatherName + " " + x.b.FamilyName, x.b.FileNumber,
                s.NameAr, s.NameEn, x.r.DecisionDueOn))
            .ToListAsync(ct);

    /// <summary>How many requests <see cref="QueueAsync"/> would list, without the bound.</summary>
    public async Task<int> QueueCountAsync(CancellationToken ct) => await AwaitingCommittee().CountAsync(ct);

    /// <summary>
    /// Requests awaiting the committee and on no open agenda item, read from the queue's partial index by state
    /// (<c>IX_SupportRequests_QueueByState</c>, which holds the id): a request awaiting the committee is always in
    /// the queue, so <c>QueueOrder != null</c> changes nothing but the index that serves it.
    /// </summary>
    private IQueryable<SupportRequest> AwaitingCommittee() =>
        db.SupportRequests.AsNoTracking()
            .Where(r => r.QueueOrder != null && r.State == RequestState.AwaitingCommittee
                && !db.AgendaItems.Any(i => i.RequestId == r.Id && i.Status == AgendaItemStatus.Open));

    /// <summary>
    /// Open items of sessions not closed that <paramref name="userId"/> has not voted on, where they are seated on
    /// the session's day and either recorded present or the session is today or later (a past session they
    /// missed is not theirs to vote on). Nearest session first, then the request's due date. One statement for
    /// the rows, one count.
    /// </summary>
    public async Task<AwaitingVotes> AwaitingVoteAsync(Guid userId, DateOnly today, CancellationToken ct)
    {
        var awaiting =
            from i in db.AgendaItems.AsNoTracking()
            join s in db.CommitteeSessions on i.SessionId equals s.Id
            where i.Status == AgendaItemStatus.Open && s.Status != SessionStatus.Closed
                && db.CommitteeMembers.Any(m => m.UserId == userId && m.ActiveFrom <= s.HeldOn && (m.ActiveTo == null || s.HeldOn <= m.ActiveTo))
                && (s.HeldOn >= today || db.SessionAttendees.Any(a => a.SessionId == s.Id && a.UserId == userId))
                && !db.CommitteeVotes.Any(v => v.AgendaItemId == i.Id && v.UserId == userId)
            select new { i, s };
        var total = await awaiting.CountAsync(ct);
        if (total == 0)
        {
            return new AwaitingVotes([], 0);
        }

        var items = await (
            from x in awaiting
            join r in db.SupportRequests on x.i.RequestId equals r.Id
            join b in db.Beneficiaries on r.BeneficiaryId equals b.Id
            orderby x.s.HeldOn, x.s.Number, r.DecisionDueOn == null, r.DecisionDueOn, x.i.Position
            select new AwaitingVoteRow(
                x.i.Id, x.s.Number, x.s.HeldOn,
                db.SessionAttendees.Any(a => a.SessionId == x.s.Id && a.UserId == userId),
                r.Id, r.Number, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName, r.DecisionDueOn))
            .Take(DashboardSize)
            .ToListAsync(ct);
        return new AwaitingVotes(items, total);
    }

    /// <summary>The open agenda item a request is on, if any (for a link from the request's page).</summary>
    public async Task<Guid?> OpenItemForAsync(Guid requestId, CancellationToken ct) =>
        await db.AgendaItems.AsNoTracking().Where(i => i.RequestId == requestId && i.Status == AgendaItemStatus.Open)
            .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// A session in two statements: the session with the members seated on its day (name, seat, recorded present),
    /// then its agenda with each item's request, file and number of votes.
    /// </summary>
    public async Task<SessionDetails?> SessionAsync(Guid id, Guid viewerId, CancellationToken ct)
    {
        // The members seated on the session's day, each row with the session's own columns (joined on the association:
        // SQLite has no APPLY). A session with nobody seated on its day is read on its own.
        var rows = await (
                from s in db.CommitteeSessions.AsNoTracking().Where(s => s.Id == id)
                join m in db.CommitteeMembers.AsNoTracking() on s.TenantId equals m.TenantId
                where m.ActiveFrom <= s.HeldOn && (m.ActiveTo == null || s.HeldOn <= m.ActiveTo)
                join u in db.Users on m.UserId equals u.Id
                select new
                {
                    Session = new { s.Id, s.Number, s.HeldOn, s.Place, s.Status },
                    m.UserId,
                    u.FullName,
                    m.Role,
                    Present = db.SessionAttendees.Any(a => a.SessionId == s.Id && a.UserId == m.UserId),
                })
            .Take(500)
            .ToListAsync(ct);
        var session = rows.Count > 0
            ? rows[0].Session
            : await db.CommitteeSessions.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new { s.Id, s.Number, s.HeldOn, s.Place, s.Status }).SingleOrDefaultAsync(ct);
        if (session is null)
        {
            return null;
        }

        var seated = rows.Select(r => new { r.UserId, r.FullName, r.Role, r.Present })
            .OrderByDescending(m => m.Role).ThenBy(m => m.FullName, StringComparer.Ordinal).Take(200).ToList();
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.SessionId == id).OrderBy(i => i.Position).Take(200)
            .Join(db.SupportRequests, i => i.RequestId, r => r.Id, (i, r) => new { i, r })
            .Join(db.Beneficiaries, x => x.r.BeneficiaryId, b => b.Id, (x, b) => new AgendaRow(
                x.i.Id, x.i.Position, x.r.Id, x.r.Number, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
                x.i.Status, x.i.Decision, db.CommitteeVotes.Count(v => v.AgendaItemId == x.i.Id)))
            .ToListAsync(ct);
        return new SessionDetails(
            session.Id, session.Number, session.HeldOn, session.Place, session.Status,
            seated.Select(m => new AttendeeRow(m.UserId, m.FullName, m.Role, m.Present)).ToList(),
            items,
            seated.Where(m => m.UserId == viewerId).Select(m => (CommitteeRole?)m.Role).FirstOrDefault());
    }

    /// <summary>
    /// One agenda item in two statements: the item with its session, request, file, declaration, decider and the
    /// association's quorum setting; then everyone concerned on the session's day — the members seated then, those
    /// recorded present and those who voted — each with their seat, presence and vote. The tally, the viewer's seat
    /// and the present members who have not voted are worked out from those rows by <see cref="CommitteeRules"/>.
    /// </summary>
    public async Task<ItemDetails?> ItemAsync(Guid id, Guid viewerId, CancellationToken ct)
    {
        var row = await db.AgendaItems.AsNoTracking().Where(i => i.Id == id)
            .Join(db.CommitteeSessions, i => i.SessionId, s => s.Id, (i, s) => new { Item = i, s.Number, s.HeldOn })
            .Join(db.SupportRequests, x => x.Item.RequestId, r => r.Id, (x, r) => new { x.Item, x.Number, x.HeldOn, Request = r })
            .Join(db.Beneficiaries, x => x.Request.BeneficiaryId, b => b.Id, (x, b) => new
            {
                x.Item,
                x.Number,
                x.HeldOn,
                x.Request,
                BeneficiaryName = b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
                b.FileNumber,
                // Each of a related row's columns as its own scalar subquery (an index lookup): a many-column
                // FirstOrDefault becomes a window function over the whole table on SQLite.
                DeclarationName = db.Declarations.Where(d => d.RequestId == x.Request.Id).Select(d => d.ApplicantName).FirstOrDefault(),
                DeclarationMethod = db.Declarations.Where(d => d.RequestId == x.Request.Id).Select(d => (DeclarationMethod?)d.Method).FirstOrDefault(),
                DeclarationAtUtc = db.Declarations.Where(d => d.RequestId == x.Request.Id).Select(d => (DateTime?)d.AtUtc).FirstOrDefault(),
                DecidedByName = db.Users.Where(u => u.Id == x.Item.DecidedBy).Select(u => u.FullName).FirstOrDefault(),
                FixedQuorum = db.Tenants.Where(t => t.Id == db.TenantId).Select(t => t.Settings.CommitteeQuorum).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var item = row.Item;
        var request = row.Request;
        var heldOn = row.HeldOn;
        // The three sets everyone on the item's page comes from: seats on the session's day, attendance, votes.
        var seats = ActiveOn(db, heldOn);
        var attendance = db.SessionAttendees.Where(a => a.SessionId == item.SessionId);
        var votes = db.CommitteeVotes.Where(v => v.AgendaItemId == id);
        var rows = await db.Users.AsNoTracking()
            .Where(u => seats.Any(m => m.UserId == u.Id) || attendance.Any(a => a.UserId == u.Id) || votes.Any(v => v.UserId == u.Id))
            .Select(u => new
            {
                u.Id,
                u.FullName,
                // One scalar subquery per column (index lookups; see the declaration above).
                SeatRole = seats.Where(m => m.UserId == u.Id).OrderByDescending(m => m.Role).Select(m => (CommitteeRole?)m.Role).FirstOrDefault(),
                SeatFrom = seats.Where(m => m.UserId == u.Id).OrderByDescending(m => m.Role).Select(m => (DateOnly?)m.ActiveFrom).FirstOrDefault(),
                Present = attendance.Any(a => a.UserId == u.Id),
                VoteChoice = votes.Where(v => v.UserId == u.Id).Select(v => (VoteChoice?)v.Choice).FirstOrDefault(),
                VoteReason = votes.Where(v => v.UserId == u.Id).Select(v => v.Reason).FirstOrDefault(),
                VoteCastAtUtc = votes.Where(v => v.UserId == u.Id).Select(v => (DateTime?)v.CastAtUtc).FirstOrDefault(),
                VoteUpdatedAtUtc = votes.Where(v => v.UserId == u.Id).Select(v => (DateTime?)v.UpdatedAtUtc).FirstOrDefault(),
            })
            .Take(500)
            .ToListAsync(ct);
        var people = rows.Select(p => new
        {
            p.Id,
            p.FullName,
            Seat = p.SeatRole is { } role ? new { Role = role, ActiveFrom = p.SeatFrom!.Value } : null,
            p.Present,
            Vote = p.VoteChoice is { } choice ? new { Choice = choice, Reason = p.VoteReason!, CastAtUtc = p.VoteCastAtUtc!.Value, UpdatedAtUtc = p.VoteUpdatedAtUtc!.Value } : null,
        }).ToList();
        var services = await serviceNames.AllAsync([request.ServiceId, .. item.ApprovedServiceIds], ct);

        var seated = people.Where(p => p.Seat is not null).ToList();
        var present = seated.Where(p => p.Present).Select(p => p.Id).ToHashSet();
        var viewer = people.SingleOrDefault(p => p.Id == viewerId);
        var voteRows = people.Where(p => p.Vote is not null).OrderBy(p => p.Vote!.CastAtUtc)
            .Select(p => new VoteRow(p.Id, p.FullName, p.Vote!.Choice, p.Vote.Reason, p.Vote.UpdatedAtUtc)).ToList();
        var mine = voteRows.SingleOrDefault(v => v.UserId == viewerId);
        var recused = mine?.Choice == VoteChoice.Recuse;
        var chair = seated.Where(p => p.Seat!.Role == CommitteeRole.Chair && present.Contains(p.Id))
            .OrderBy(p => p.Seat!.ActiveFrom).ThenBy(p => p.Id).Select(p => (Guid?)p.Id).FirstOrDefault();
        var tally = recused ? null : CommitteeRules.Count(
            present, voteRows.Select(v => (v.UserId, v.Choice)).ToList(), chair, CommitteeRules.QuorumRequired(seated.Count, row.FixedQuorum));

        return new ItemDetails(
            item.Id, item.Version, item.Status, item.SessionId, row.Number, heldOn,
            request.Id, request.Number, request.State, row.BeneficiaryName, row.FileNumber, request.ServiceId, request.Description,
            request.AmountRequestedHalalas, request.DecisionDueOn,
            row.DeclarationName is { } applicant ? new DeclarationSummary(applicant, row.DeclarationMethod!.Value, row.DeclarationAtUtc!.Value) : null,
            services, viewer?.Seat?.Role, viewer?.Present ?? false, mine,
            recused ? null : voteRows,
            tally,
            item.Decision is { } decision
                ? new DecisionView(
                    decision, item.Reasons, item.ApprovedServiceIds, item.ApprovedAmountHalalas, item.PolicyVersions,
                    item.VotesApprove, item.VotesReject, item.Abstentions, item.Recusals,
                    row.DecidedByName ?? "—", item.DecidedAtUtc)
                : null,
            item.Status == AgendaItemStatus.Open
                ? people.Where(p => present.Contains(p.Id) && p.Vote is null).Select(p => p.FullName).Order(StringComparer.Ordinal).ToList()
                : []);
    }
}
