using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Notifications.Messaging;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Satisfaction;

/// <summary>The four ratings and the comment as posted; a rating missing or outside 1–5 is refused beside its field.</summary>
public sealed record SurveyAnswer(int? Overall, int? Courtesy, int? Speed, int? Clarity, string? Comment, bool Anonymous);

public enum SurveyLinkState
{
    /// <summary>Unknown token, another association's token, or expired: the same friendly "not found".</summary>
    NotFound = 0,
    Open = 1,
    Answered = 2,
}

/// <summary>What the survey page needs to know about its link.</summary>
public sealed record SurveyLink(SurveyLinkState State, string? RequestNumber);

public enum SurveyOutcome
{
    Recorded = 1,
    Invalid = 2,
    AlreadyAnswered = 3,
    NotFound = 4,
}

public sealed record SurveyResult(SurveyOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static SurveyResult Of(SurveyOutcome outcome) => new(outcome, []);
}

/// <summary>
/// قياس الرضا (issue 6): invites the beneficiary when a request closes, and records their one answer. The policy
/// measures satisfaction to improve the service, never to rank staff: nothing here records who served the request.
/// </summary>
public sealed class Surveys(AppDbContext db, Outbox outbox, MessageTemplates templates, TimeProvider clock, Portal.PortalLinks links, IStringLocalizer<SharedResource> l)
{
    /// <summary>Long enough for a beneficiary who reads messages rarely; short enough that old links die.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// Adds the invitation and its message to the caller's unit of work (saved with the step that completed the
    /// request: <see cref="SurveyOnCompletion"/>). A beneficiary who opted out of non-essential messages is not surveyed at all: an
    /// invitation nobody can receive would only sit in the table.
    /// </summary>
    /// <returns>Whether a survey was sent.</returns>
    public async Task<bool> InviteAsync(Features.SupportRequests.SupportRequest completed, CancellationToken ct)
    {
        var requestId = completed.Id;
        var beneficiary = await db.Beneficiaries.AsNoTracking().Where(b => b.Id == completed.BeneficiaryId)
            .Select(b => new { b.Mobile, b.Email, b.NonEssentialMessagesOptOut })
            .SingleOrDefaultAsync(ct);
        if (beneficiary is null || !MessageRules.MaySend(MessageKind.Survey, beneficiary.NonEssentialMessagesOptOut)
            || await db.SurveyInvitations.AnyAsync(i => i.RequestId == requestId, ct))
        {
            return false;
        }

        var token = NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new SurveyInvitation
        {
            RequestId = requestId,
            TokenHash = Hash(token),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + LinkLifetime,
        };
        db.SurveyInvitations.Add(invitation);
        outbox.Queue(new MessageAddress(beneficiary.Mobile, beneficiary.Email, beneficiary.NonEssentialMessagesOptOut), MessageKind.Survey,
            $"Survey:{invitation.Id}", templates.Survey(completed.Number, await links.ForAsync($"survey/{token}", ct)));
        return true;
    }

    public async Task<SurveyLink> FindAsync(string? token, CancellationToken ct)
    {
        var found = await Find(token).Select(i => new
        {
            i.ExpiresAtUtc,
            i.AnsweredAtUtc,
            Number = db.SupportRequests.Where(r => r.Id == i.RequestId).Select(r => r.Number).FirstOrDefault(),
        }).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return found switch
        {
            null => new SurveyLink(SurveyLinkState.NotFound, null),
            { AnsweredAtUtc: not null } => new SurveyLink(SurveyLinkState.Answered, found.Number),
            _ when found.ExpiresAtUtc <= now => new SurveyLink(SurveyLinkState.NotFound, null),
            _ => new SurveyLink(SurveyLinkState.Open, found.Number),
        };
    }

    /// <summary>
    /// Records the answer and uses up the link in one transaction. The link is claimed by a conditional UPDATE
    /// (still unanswered, not expired) before the answer is written: of two posts at once only one changes the row,
    /// the other records nothing.
    /// </summary>
    public async Task<SurveyResult> AnswerAsync(string? token, SurveyAnswer answer, CancellationToken ct)
    {
        var link = await FindAsync(token, ct);
        if (link.State != SurveyLinkState.Open)
        {
            return SurveyResult.Of(link.State == SurveyLinkState.Answered ? SurveyOutcome.AlreadyAnswered : SurveyOutcome.NotFound);
        }

        var errors = new List<(string, string)>();
        void Rating(int? value, string field)
        {
            if (value is not (>= SurveyResponse.MinRating and <= SurveyResponse.MaxRating))
            {
                errors.Add((field, l["Choose a rating from 1 to 5."]));
            }
        }

        Rating(answer.Overall, nameof(answer.Overall));
        Rating(answer.Courtesy, nameof(answer.Courtesy));
        Rating(answer.Speed, nameof(answer.Speed));
        Rating(answer.Clarity, nameof(answer.Clarity));
        var comment = string.IsNullOrWhiteSpace(answer.Comment) ? null : answer.Comment.Trim();
        if (comment is { Length: > SurveyResponse.MaxCommentLength })
        {
            errors.Add((nameof(answer.Comment), TextLimits.TooLong(l, SurveyResponse.MaxCommentLength)));
        }

        if (errors.Count > 0)
        {
            return new SurveyResult(SurveyOutcome.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(token!);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.SurveyInvitations.Where(i => i.TokenHash == hash && i.AnsweredAtUtc == null && i.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AnsweredAtUtc, now), ct);
        if (claimed == 0)
        {
            return SurveyResult.Of(SurveyOutcome.AlreadyAnswered);
        }

        var request = await db.SurveyInvitations.AsNoTracking().Where(i => i.TokenHash == hash)
            .Join(db.SupportRequests, i => i.RequestId, r => r.Id, (i, r) => new { r.Id, r.BeneficiaryId, r.ServiceId, r.Channel, r.BranchId })
            .SingleAsync(ct);
        var today = DualDate.RiyadhDay(now);
        db.SurveyResponses.Add(new SurveyResponse
        {
            Overall = answer.Overall!.Value,
            Courtesy = answer.Courtesy!.Value,
            Speed = answer.Speed!.Value,
            Clarity = answer.Clarity!.Value,
            Comment = comment,
            ServiceId = request.ServiceId,
            Channel = request.Channel,
            BranchId = request.BranchId,
            AnsweredMonth = new DateOnly(today.Year, today.Month, 1),
            BeneficiaryId = answer.Anonymous ? null : request.BeneficiaryId,
            RequestId = answer.Anonymous ? null : request.Id,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return SurveyResult.Of(SurveyOutcome.Recorded);
    }

    private IQueryable<SurveyInvitation> Find(string? token)
    {
        // A well-formed token is 22 base64url characters; anything else is not looked up.
        if (token is not { Length: 22 } || !Base64Url.IsValid(token))
        {
            return db.SurveyInvitations.Where(_ => false);
        }

        var hash = Hash(token);
        return db.SurveyInvitations.AsNoTracking().Where(i => i.TokenHash == hash);
    }

    /// <summary>128 random bits, base64url (22 characters).</summary>
    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
