using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Notifications.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Portal;

public enum CodeRequestOutcome
{
    Sent,

    /// <summary>No request of this association has this number with a beneficiary of this identity number (which of the two is wrong is not said).</summary>
    NoMatch,
    RateLimited,
}

/// <param name="MobileEnding">The last two digits of the registered mobile, all the page may show of it.</param>
/// <param name="RetryAtUtc">When rate-limited: when the oldest counted attempt leaves the window.</param>
public sealed record CodeRequestResult(CodeRequestOutcome Outcome, Guid? ChallengeId = null, string? MobileEnding = null, DateTime? RetryAtUtc = null);

public enum CodeCheckOutcome
{
    Accepted,
    Wrong,

    /// <summary>Too many wrong codes: the challenge is dead, a new code must be asked for.</summary>
    Locked,
    Expired,
    Used,
}

public sealed record CodeCheckResult(CodeCheckOutcome Outcome, int AttemptsLeft = 0, Guid RequestId = default, Guid BeneficiaryId = default);

/// <summary>The challenge a code page is about (null when unknown to this association).</summary>
public sealed record ChallengeView(Guid Id, string MobileEnding, DateTime ExpiresAtUtc, int AttemptsLeft, bool Used);

/// <summary>
/// The beneficiary's way into the portal: request number + identity number → a one-time code by SMS to the mobile
/// registered on their file → a portal session for that one request. Limits (all read from the database, by the
/// injected clock): a code lives <see cref="CodeLifetime"/> and takes <see cref="MaxAttempts"/> wrong tries; a request
/// gets at most <see cref="PortalLimits.CodeRequest"/> codes and a client <see cref="PortalLimits.TrackLookup"/> lookups.
/// </summary>
public sealed class PortalSignIn(AppDbContext db, PortalThrottle throttle, Outbox outbox, MessageTemplates templates, TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public const int MaxAttempts = 5;
    public const int CodeLength = 6;

    public async Task<CodeRequestResult> RequestCodeAsync(string? requestNumber, string? identityNumber, string clientAddress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Every lookup counts, matched or not.
        var lookups = await throttle.TryAsync(PortalLimits.TrackLookup, clientAddress, null, ct);
        if (!lookups.Allowed)
        {
            return new CodeRequestResult(CodeRequestOutcome.RateLimited, RetryAtUtc: lookups.RetryAtUtc);
        }

        var number = Normalize(requestNumber);
        var identity = Normalize(identityNumber);
        var match = number.Length == 0 || identity.Length == 0
            ? null
            : await db.SupportRequests.AsNoTracking()
                .Where(r => r.Number == number)
                .Join(db.Beneficiaries, r => r.BeneficiaryId, b => b.Id, (r, b) => new { RequestId = r.Id, BeneficiaryId = b.Id, b.IdentityNumber, b.Mobile })
                .Where(x => x.IdentityNumber == identity)
                .Take(2).ToListAsync(ct);

        if (match is not [var found])
        {
            return new CodeRequestResult(CodeRequestOutcome.NoMatch);
        }

        // Counted as it is allowed, so parallel lookups cannot send more codes than the limit (the lookup still counts
        // against the client when refused).
        var codes = await throttle.TryAsync(PortalLimits.CodeRequest, clientAddress, found.RequestId.ToString(), ct);
        if (!codes.Allowed)
        {
            return new CodeRequestResult(CodeRequestOutcome.RateLimited, RetryAtUtc: codes.RetryAtUtc);
        }

        var code = RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, CodeLength)).ToString(new string('0', CodeLength), CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(16);
        var challenge = new PortalChallenge
        {
            RequestId = found.RequestId,
            BeneficiaryId = found.BeneficiaryId,
            Salt = Convert.ToHexStringLower(salt),
            CodeHash = Hash(salt, code),
            ExpiresAtUtc = now + CodeLifetime,
            CreatedAtUtc = now,
        };
        db.Add(challenge);
        // Only to the mobile on the beneficiary's file: never to a number typed on the portal.
        outbox.Queue(new MessageAddress(found.Mobile), MessageKind.Otp, $"Otp:{challenge.Id}", templates.Otp(code, (int)CodeLifetime.TotalMinutes));
        await db.SaveChangesAsync(ct);
        return new CodeRequestResult(CodeRequestOutcome.Sent, challenge.Id, MobileEnding(found.Mobile));
    }

    public async Task<ChallengeView?> FindAsync(Guid challengeId, CancellationToken ct)
    {
        var challenge = await db.PortalChallenges.AsNoTracking().Where(c => c.Id == challengeId)
            .Join(db.Beneficiaries, c => c.BeneficiaryId, b => b.Id, (c, b) => new { c.Id, b.Mobile, c.ExpiresAtUtc, c.FailedAttempts, c.UsedAtUtc })
            .SingleOrDefaultAsync(ct);
        return challenge is null
            ? null
            : new ChallengeView(challenge.Id, MobileEnding(challenge.Mobile), challenge.ExpiresAtUtc, Math.Max(0, MaxAttempts - challenge.FailedAttempts), challenge.UsedAtUtc is not null);
    }

    /// <summary>Checks a typed code; a right one is used up at once, so it opens one session only.</summary>
    public async Task<CodeCheckResult?> CheckAsync(Guid challengeId, string? typed, CancellationToken ct)
    {
        var challenge = await db.PortalChallenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == challengeId, ct);
        if (challenge is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (challenge.UsedAtUtc is not null)
        {
            return new CodeCheckResult(CodeCheckOutcome.Used);
        }

        if (challenge.FailedAttempts >= MaxAttempts)
        {
            return new CodeCheckResult(CodeCheckOutcome.Locked);
        }

        if (now >= challenge.ExpiresAtUtc)
        {
            return new CodeCheckResult(CodeCheckOutcome.Expired);
        }

        var code = Normalize(typed);
        var expected = Convert.FromHexString(challenge.CodeHash);
        var actual = Convert.FromHexString(Hash(Convert.FromHexString(challenge.Salt), code));
        // Both updates are conditional single statements, so two posts at once cannot share a code or an attempt.
        var challenges = db.PortalChallenges.Where(c => c.Id == challengeId && c.UsedAtUtc == null && c.FailedAttempts < MaxAttempts);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            await challenges.ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), ct);
            var left = MaxAttempts - (challenge.FailedAttempts + 1);
            return new CodeCheckResult(left > 0 ? CodeCheckOutcome.Wrong : CodeCheckOutcome.Locked, Math.Max(0, left));
        }

        if (await challenges.ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAtUtc, now), ct) == 0)
        {
            return new CodeCheckResult(CodeCheckOutcome.Used);
        }

        return new CodeCheckResult(CodeCheckOutcome.Accepted, 0, challenge.RequestId, challenge.BeneficiaryId);
    }

    /// <summary>"••67": the last two digits of a mobile number.</summary>
    public static string MobileEnding(string mobile) => "••" + (mobile.Length >= 2 ? mobile[^2..] : mobile);

    /// <summary>Arabic-Indic digits to ASCII, spaces removed, letters upper-cased (request numbers, passports).</summary>
    public static string Normalize(string? value) =>
        value is null ? "" : new string(Digits.ToAscii(value).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    private static string Hash(byte[] salt, string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(code)));
}
