using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Letters.Templates;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Letters;

/// <summary>A member seated on the session's day, with the seat they hold.</summary>
public sealed record MinutesMember(string Name, CommitteeRole Role);

/// <summary>
/// A present member's line on one item: their vote and its reason, or <see cref="VoteChoice.Recuse"/> with no
/// reason (a conflict-of-interest statement is not printed, nor any vote), or no vote at all.
/// </summary>
public sealed record MinutesVote(string Name, VoteChoice? Choice, string? Reason);

/// <summary>What the social research recommended, from the report the committee had when it decided.</summary>
public sealed record MinutesRecommendation(ResearchRecommendation Recommendation, IReadOnlyList<string> Services, long? AmountHalalas);

/// <summary>One decided (or deferred) agenda item with the tally recorded when it was closed.</summary>
public sealed record MinutesItem(
    string RequestNumber,
    string ApplicantName,
    string ServiceName,
    MinutesRecommendation? Recommendation,
    IReadOnlyList<MinutesVote> Votes,
    int Approve,
    int Reject,
    int Abstain,
    int Recused,
    CommitteeDecision Decision,
    string Reasons,
    IReadOnlyList<string> ApprovedServices,
    long? ApprovedAmountHalalas,
    string? PolicyVersions);

/// <param name="Present">Chair first, then the secretary, then the members (by name).</param>
/// <param name="Seated">How many members held a seat on the session's day (the quorum is counted on them).</param>
public sealed record SessionMinutesModel(
    string Number,
    DateOnly HeldOn,
    string Place,
    IReadOnlyList<MinutesMember> Present,
    IReadOnlyList<MinutesMember> Absent,
    int Seated,
    int QuorumRequired,
    IReadOnlyList<MinutesItem> Items)
{
    public bool QuorumMet => Present.Count >= QuorumRequired;
}

/// <summary>
/// محضر اجتماع لجنة البحث الاجتماعي: the session, who attended, and for each item the research's recommendation,
/// every present member's vote, and the decision with its reasons; then a signature line for each member present.
/// The minutes record decisions, so they are issued only when every item is decided or deferred: an open item
/// would be a blank in a document that is kept unchanged. Not addressed to anyone: it carries its own signatures.
/// </summary>
public sealed class SessionMinutesLetter(IStringLocalizer<SharedResource> l) : LetterTemplate
{
    /// <summary>More items than any session holds (the agenda page lists up to this many too).</summary>
    private const int MaxItems = 200;

    public override LetterKind Kind => LetterKind.SessionMinutes;

    public override async Task<DraftResult> DraftAsync(AppDbContext db, Guid subjectId, CancellationToken ct)
    {
        var session = await db.CommitteeSessions.AsNoTracking().Where(s => s.Id == subjectId)
            .Select(s => new { s.Number, s.HeldOn, s.Place }).SingleOrDefaultAsync(ct)
            ?? throw new EntityNotFoundException(nameof(CommitteeSession), subjectId);

        var items = await db.AgendaItems.AsNoTracking().Where(i => i.SessionId == subjectId).OrderBy(i => i.Position).Take(MaxItems)
            .Join(db.SupportRequests, i => i.RequestId, r => r.Id, (i, r) => new { Item = i, r.Number, r.ServiceId, r.BeneficiaryId })
            .Join(db.Beneficiaries, x => x.BeneficiaryId, b => b.Id, (x, b) => new
            {
                x.Item,
                x.Number,
                x.ServiceId,
                Name = b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
            })
            .ToListAsync(ct);
        if (items.Count == 0)
        {
            return DraftResult.Refused(l["The minutes can be issued once the session has items on its agenda and every one of them is decided or deferred."]);
        }

        if (items.Any(x => x.Item.Status == AgendaItemStatus.Open || x.Item.Decision is null))
        {
            return DraftResult.Refused(l["The minutes can be issued only when every item on the session's agenda is decided or deferred."]);
        }

        var seated = await CommitteeQueries.ActiveOn(db, session.HeldOn).AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.FullName, m.Role })
            .OrderByDescending(m => m.Role).ThenBy(m => m.FullName).Take(500).ToListAsync(ct);
        var attendees = (await db.SessionAttendees.AsNoTracking().Where(a => a.SessionId == subjectId)
            .Select(a => a.UserId).OrderBy(u => u).Take(500).ToListAsync(ct)).ToHashSet();
        // As the tally counts them: an attendee who no longer held a seat on the session's day is not a member present.
        var present = seated.Where(m => attendees.Contains(m.UserId)).ToList();
        var absent = seated.Where(m => !attendees.Contains(m.UserId)).ToList();
        var fixedQuorum = await db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId).Select(t => t.Settings.CommitteeQuorum).SingleAsync(ct);
        var quorum = CommitteeRules.QuorumRequired(seated.Select(m => m.UserId).Distinct().Count(), fixedQuorum);

        var itemIds = items.Select(x => x.Item.Id).ToList();
        var votes = await db.CommitteeVotes.AsNoTracking().Where(v => itemIds.Contains(v.AgendaItemId))
            .OrderBy(v => v.AgendaItemId).Take(MaxItems * 50)
            .Select(v => new { v.AgendaItemId, v.UserId, v.Choice, v.Reason })
            .ToDictionaryAsync(v => (v.AgendaItemId, v.UserId), ct);

        // The recommendation the committee read: the latest report submitted before the item was decided (a
        // deferred request is researched again, and the later report belongs to a later session's minutes).
        var requestIds = items.Select(x => x.Item.RequestId).Distinct().ToList();
        var reports = await db.ResearchReports.AsNoTracking().Where(r => requestIds.Contains(r.RequestId) && r.SubmittedAtUtc != null)
            .OrderByDescending(r => r.SubmittedAtUtc).Take(MaxItems * 10)
            .Select(r => new { r.RequestId, r.SubmittedAtUtc, r.Recommendation, r.RecommendedServiceIds, r.RecommendedAmountHalalas }).ToListAsync(ct);
        var reportFor = items.ToDictionary(x => x.Item.Id, x => reports.FirstOrDefault(r =>
            r.RequestId == x.Item.RequestId && (x.Item.DecidedAtUtc is not { } decidedAt || r.SubmittedAtUtc <= decidedAt)));

        var serviceIds = items.Select(x => x.ServiceId)
            .Concat(items.SelectMany(x => x.Item.ApprovedServiceIds))
            .Concat(reportFor.Values.SelectMany(r => r?.RecommendedServiceIds ?? []))
            .Distinct().ToList();
        var services = await db.SupportServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.NameAr, s.NameEn }).ToDictionaryAsync(s => s.Id, s => RequestLetterData.LocalName(s.NameAr, s.NameEn), ct);
        IReadOnlyList<string> Names(IEnumerable<Guid> ids) => ids.Select(id => services.GetValueOrDefault(id, "—")).ToList();

        var minutesItems = items.Select(x =>
        {
            var item = x.Item;
            var lines = present.Select(m =>
            {
                return votes.GetValueOrDefault((item.Id, m.UserId)) is not { } vote
                    ? new MinutesVote(m.FullName, null, null)
                    : new MinutesVote(m.FullName, vote.Choice, vote.Choice == VoteChoice.Recuse ? null : vote.Reason);
            }).ToList();
            var report = reportFor[item.Id];
            return new MinutesItem(
                x.Number, x.Name, services.GetValueOrDefault(x.ServiceId, "—"),
                report is null ? null : new MinutesRecommendation(report.Recommendation, Names(report.RecommendedServiceIds), report.RecommendedAmountHalalas),
                lines, item.VotesApprove, item.VotesReject, item.Abstentions, item.Recusals,
                item.Decision!.Value, item.Reasons ?? "", Names(item.ApprovedServiceIds), item.ApprovedAmountHalalas, item.PolicyVersions);
        }).ToList();

        var model = new SessionMinutesModel(
            session.Number, session.HeldOn, session.Place,
            present.Select(m => new MinutesMember(m.FullName, m.Role)).ToList(),
            absent.Select(m => new MinutesMember(m.FullName, m.Role)).ToList(),
            seated.Count, quorum, minutesItems);
        return DraftResult.Of(new LetterDraft(l["Social research committee"], Title(session.Number), typeof(SessionMinutesBody), model, Addressed: false));
    }

    public override LetterDraft Sample()
    {
        var chair = l["Sample committee chair"].Value;
        var secretary = l["Sample committee secretary"].Value;
        var member = l["Sample committee member"].Value;
        var member2 = l["Sample second committee member"].Value;
        var service = l["Sample service"].Value;
        var model = new SessionMinutesModel(
            "1448/03", new DateOnly(2026, 11, 24), l["Sample meeting place"],
            [new(chair, CommitteeRole.Chair), new(secretary, CommitteeRole.Secretary), new(member, CommitteeRole.Member)],
            [new(member2, CommitteeRole.Member)],
            4, 3,
            [
                new MinutesItem(
                    "JTH-1448-000123", l["Sample beneficiary name"], service,
                    new MinutesRecommendation(ResearchRecommendation.Approve, [service], 300_000),
                    [new(chair, VoteChoice.Approve, l["Sample vote reason"]), new(secretary, VoteChoice.Approve, l["Sample vote reason"]), new(member, VoteChoice.Recuse, null)],
                    2, 0, 0, 1, CommitteeDecision.Approve, l["Sample approval reasons"], [service], 300_000, null),
                new MinutesItem(
                    "JTH-1448-000131", l["Sample second beneficiary name"], service,
                    new MinutesRecommendation(ResearchRecommendation.Reject, [], null),
                    [new(chair, VoteChoice.Reject, l["Sample vote reason"]), new(secretary, VoteChoice.Reject, l["Sample vote reason"]), new(member, VoteChoice.Abstain, l["Sample vote reason"])],
                    0, 2, 1, 0, CommitteeDecision.Reject, l["Sample rejection reasons"], [], null, null),
                new MinutesItem(
                    "JTH-1448-000140", l["Sample third beneficiary name"], service,
                    new MinutesRecommendation(ResearchRecommendation.ApprovePartially, [service], 150_000),
                    [new(chair, VoteChoice.Approve, l["Sample vote reason"]), new(secretary, VoteChoice.Reject, l["Sample vote reason"]), new(member, null, null)],
                    1, 1, 0, 0, CommitteeDecision.Defer, l["Sample deferral questions"], [], null, null),
            ]);
        return new LetterDraft(l["Social research committee"], Title(model.Number), typeof(SessionMinutesBody), model, Addressed: false);
    }

    private string Title(string sessionNumber) => l["Minutes of the social research committee's session no. {0}", sessionNumber];
}
