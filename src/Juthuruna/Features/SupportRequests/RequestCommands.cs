using Juthuruna.Common.Dates;
using Juthuruna.Common.Money;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Counters;
using Juthuruna.Features.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.SupportRequests;

/// <summary>Who acts: the signed-in staff member and the roles the workflow table checks.</summary>
public sealed record Actor(Guid UserId, IReadOnlyCollection<string> Roles)
{
    /// <summary>
    /// The association's public portal (a beneficiary applying online): no staff user and no role, so it can do nothing
    /// the workflow table guards. Rows it writes carry <see cref="Guid.Empty"/> as their user.
    /// </summary>
    public static readonly Actor Portal = new(Guid.Empty, []);

    public bool IsPortal => UserId == Guid.Empty;
}

public sealed record NewSupportRequest(
    Guid BeneficiaryId,
    Guid ServiceId,
    Guid? BranchId,
    ContactChannel Channel,
    string? Description,
    string? AmountRequested,
    Guid IdempotencyKey);

/// <summary>
/// Outcome of a request command: done (with the request's id), field errors, stale, or forbidden — the actor holds
/// none of the roles that may take this step (the page answers 403; the core decides it, not the page).
/// </summary>
public sealed record RequestResult(Guid? Id, IReadOnlyList<(string Field, string Message)> Errors, bool Stale = false, bool Forbidden = false)
{
    public bool Succeeded => Errors.Count == 0 && !Stale && !Forbidden;

    public static RequestResult Done(Guid id) => new(id, []);

    public static RequestResult Forbid() => new(null, [], Forbidden: true);

    public static RequestResult Fail(string field, string message) => new(null, [(field, message)]);
}

/// <summary>Writes of support requests. Every state change goes through <see cref="RequestWorkflow"/> and writes history.</summary>
public sealed class RequestCommands(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, RequestMessages messages, RequestTransitions transitions, FileStorage storage)
{
    /// <summary>
    /// Opens a draft request and, in the same unit of work, queues "request received" to the beneficiary's registered
    /// mobile (once per request): the desk and the portal both come through here.
    /// </summary>
    /// <param name="applicantNote">What the applicant typed on the portal, kept in the draft's first history row for the officer.</param>
    public async Task<RequestResult> CreateAsync(NewSupportRequest command, Actor actor, CancellationToken ct, string? applicantNote = null)
    {
        // The same form posted twice: the first post's request is the answer to the second.
        if (await db.SupportRequests.AsNoTracking().Where(r => r.IdempotencyKey == command.IdempotencyKey).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct) is { } existing)
        {
            return RequestResult.Done(existing);
        }

        var errors = new List<(string, string)>();
        if (!await db.Beneficiaries.AnyAsync(b => b.Id == command.BeneficiaryId, ct))
        {
            errors.Add((nameof(command.BeneficiaryId), l["Choose the beneficiary's file."]));
        }

        // Checked here, before anything is numbered, written or queued: an id from a form may be made up or
        // another association's (invisible through the tenant filter), and an inactive service is no longer offered.
        if (command.ServiceId == Guid.Empty)
        {
            errors.Add((nameof(command.ServiceId), l["Choose the service requested."]));
        }
        else if (!await db.SupportServices.AnyAsync(s => s.Id == command.ServiceId && s.IsActive, ct))
        {
            errors.Add((nameof(command.ServiceId), l["Choose one of the services the association offers."]));
        }

        if (!Enum.IsDefined(command.Channel))
        {
            errors.Add((nameof(command.Channel), l["Choose the channel the request came through."]));
        }

        if (string.IsNullOrWhiteSpace(command.Description))
        {
            errors.Add((nameof(command.Description), l["Describe the need."]));
        }
        else if (!TextLimits.Fits(command.Description, SupportRequest.MaxDescription))
        {
            errors.Add((nameof(command.Description), TextLimits.TooLong(l, SupportRequest.MaxDescription)));
        }

        long? amount = null;
        if (!string.IsNullOrWhiteSpace(command.AmountRequested))
        {
            if (Riyals.TryParseHalalas(command.AmountRequested, out var halalas) && halalas > 0)
            {
                amount = halalas;
            }
            else
            {
                errors.Add((nameof(command.AmountRequested), l["Enter the amount in riyals, e.g. 1500 or 1500.50."]));
            }
        }

        if (command.BranchId is { } branchId && !await db.Branches.AnyAsync(b => b.Id == branchId && b.IsActive, ct))
        {
            errors.Add((nameof(command.BranchId), l["Choose one of the association's offices."]));
        }

        if (errors.Count > 0)
        {
            return new RequestResult(null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hijriYear = DualDate.ToHijri(DualDate.RiyadhDay(now)).Year;
        var prefix = await db.Tenants.Where(t => t.Id == db.TenantId).Select(t => t.Settings.NumberPrefix).SingleAsync(ct);

        // Inside the caller's transaction when there is one (the portal saves a new file with its first request).
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        var sequence = await TenantCounters.NextAsync(db, SupportRequest.NumberCounterPrefix + hijriYear, ct);
        var request = new SupportRequest
        {
            Number = SupportRequest.FormatNumber(prefix, hijriYear, sequence),
            HijriYear = hijriYear,
            BeneficiaryId = command.BeneficiaryId,
            ServiceId = command.ServiceId,
            BranchId = command.BranchId,
            Channel = command.Channel,
            Description = command.Description!.Trim(),
            AmountRequestedHalalas = amount,
            CreatedBy = actor.UserId,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            IdempotencyKey = command.IdempotencyKey,
        };
        db.SupportRequests.Add(request);
        db.RequestHistory.Add(new RequestHistory
        {
            RequestId = request.Id,
            To = RequestState.Draft,
            UserId = actor.UserId,
            AtUtc = now,
            Note = string.IsNullOrWhiteSpace(applicantNote) ? null : applicantNote.Trim(),
        });
        await messages.QueueReceivedAsync(request, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (tx is not null)
        {
            // The same form posted again while this one was being saved (the form's key is unique): the first post's
            // request is the answer, and this post's number goes back with the rollback.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await db.SupportRequests.AsNoTracking().Where(r => r.IdempotencyKey == command.IdempotencyKey).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct) is { } first)
            {
                return RequestResult.Done(first);
            }

            throw;
        }

        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return RequestResult.Done(request.Id);
    }

    /// <summary>
    /// Applies <paramref name="trigger"/> if the table allows it from the request's state, for one of the
    /// actor's roles, and its guard holds; refuses with a message otherwise. A page older than the request
    /// (<paramref name="version"/> differs) is refused as stale, so a double click has exactly one effect.
    /// </summary>
    public async Task<RequestResult> TransitionAsync(Guid requestId, RequestTrigger trigger, Guid version, string? note, Actor actor, CancellationToken ct)
    {
        // Steps with their own form (research report, committee item, registration, delivery) go through
        // that form's service, which records what the guard checks and then applies the transition.
        if (RequestWorkflow.Transitions.Any(t => t.Trigger == trigger && t.Form != TransitionForm.Button))
        {
            return RequestResult.Fail("", l["This action is not available for the request in its current state."]);
        }

        if (!TextLimits.Fits(note, RequestHistory.MaxNote))
        {
            return RequestResult.Fail("Note", TextLimits.TooLong(l, RequestHistory.MaxNote));
        }

        var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new EntityNotFoundException(nameof(SupportRequest), requestId);
        if (request.Version != version)
        {
            return Stale(requestId);
        }

        // The button steps' evidence is the desk's own: the declaration and the document checks, which only the
        // Verify row's guard reads (the request adds the reason and its researcher itself).
        var now = clock.GetUtcNow().UtcDateTime;
        var verifies = RequestWorkflow.Transitions.Any(t => t.From == request.State && t.Trigger == trigger && t.To == RequestState.Verified);
        var evidence = verifies
            ? RequestFacts.None with
            {
                HasDeclaration = await db.Declarations.AnyAsync(d => d.RequestId == requestId, ct),
                MandatoryDocumentsMissingOrInvalid = await DocumentChecks.MandatoryProblemsAsync(db, request, ct),
            }
            : RequestFacts.None;
        var outcome = await transitions.ApplyAsync(request, trigger, evidence, actor, now, ct, note, verifies ? await DecisionDueOnAsync(DualDate.RiyadhDay(now), ct) : null);
        if (!outcome.Succeeded)
        {
            return outcome.ToRefusal(l);
        }

        if (request.State is RequestState.Withdrawn or RequestState.Cancelled)
        {
            // Nothing is left for the committee to decide: the request leaves any agenda it is on (with the
            // votes cast on it; the audit trail keeps them), so the session can still be closed.
            db.AgendaItems.RemoveRange(await db.AgendaItems.Where(i => i.RequestId == request.Id && i.Status == Committee.AgendaItemStatus.Open).ToListAsync(ct));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale(requestId);
        }

        return RequestResult.Done(request.Id);
    }

    /// <summary>The decision window's end for a request verified today, from the association's settings.</summary>
    private async Task<DateOnly> DecisionDueOnAsync(DateOnly today, CancellationToken ct)
    {
        var settings = await db.Tenants.Where(t => t.Id == db.TenantId).Select(t => t.Settings).SingleAsync(ct);
        var holidays = settings.DecisionWindowMode == Tenancy.DecisionWindowMode.WorkingDays
            ? await Settings.AssociationSettings.HolidaysFromAsync(db, today, ct)
            : null;
        return DecisionWindow.DueDate(today, settings.DecisionWindowDays, settings.DecisionWindowMode, holidays);
    }

    private RequestResult Stale(Guid requestId) =>
        new(requestId, [("", l["This request was changed by someone else meanwhile. Review its current state and try again."])], Stale: true);

    /// <summary>Records the applicant's declaration (once per request), with the wording in force today.</summary>
    /// <param name="scan">The scan of the signed paper (kept only for that method), checked before anything is written and saved with the declaration.</param>
    public async Task<RequestResult> DeclareAsync(Guid requestId, string? applicantName, DeclarationMethod method, IncomingFile? scan, Actor actor, CancellationToken ct)
    {
        var request = await db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => new { r.State }).SingleOrDefaultAsync(ct)
            ?? throw new EntityNotFoundException(nameof(SupportRequest), requestId);
        if (!RequestWorkflow.DeskRoles.Any(actor.Roles.Contains))
        {
            return RequestResult.Forbid();
        }

        if (string.IsNullOrWhiteSpace(applicantName))
        {
            return RequestResult.Fail("ApplicantName", l["Enter the name of the applicant who makes the declaration."]);
        }

        if (!TextLimits.Fits(applicantName, Declaration.MaxApplicantName))
        {
            return RequestResult.Fail("ApplicantName", TextLimits.TooLong(l, Declaration.MaxApplicantName));
        }

        if (!Enum.IsDefined(method))
        {
            return RequestResult.Fail("Method", l["Choose how the declaration was made."]);
        }

        if (method == DeclarationMethod.SignedPaperScanned && scan is null)
        {
            return RequestResult.Fail("Scan", l["Attach the scan of the signed declaration."]);
        }

        if (!RequestWorkflow.IntakeStates.Contains(request.State))
        {
            return RequestResult.Fail("", l["This action is not available for the request in its current state."]);
        }

        if (await db.Declarations.AnyAsync(d => d.RequestId == requestId, ct))
        {
            return RequestResult.Fail("", l["The declaration has already been recorded."]);
        }

        using var upload = method == DeclarationMethod.SignedPaperScanned ? await storage.ReceiveAsync(scan!, ct) : null;
        if (upload is { Accepted: false })
        {
            return RequestResult.Fail("Scan", l[upload.Error!, storage.MaxMegabytes]);
        }

        var template = await CurrentDeclarationAsync(ct);
        db.Declarations.Add(new Declaration
        {
            RequestId = requestId,
            ApplicantName = applicantName.Trim(),
            Method = method,
            Text = template.Text,
            TextVersion = template.Version,
            ScanFileId = upload is null ? null : storage.Attach(upload, DocumentChecks.FileOwnerKind, requestId, l["Signed declaration"]).Id,
            WitnessUserId = actor.UserId,
            AtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        upload?.Keep();
        return RequestResult.Done(requestId);
    }

    /// <summary>The association's declaration wording in force (the built-in wording until it sets its own).</summary>
    public async Task<(string Text, int Version)> CurrentDeclarationAsync(CancellationToken ct) =>
        await db.DeclarationTemplates.AsNoTracking().OrderByDescending(t => t.Version)
            .Select(t => new ValueTuple<string, int>(t.Text, t.Version)).FirstOrDefaultAsync(ct) is { Item1: not null } found
            ? found
            : (DeclarationTemplate.DefaultText, 0);

    public async Task<RequestResult> ReferAsync(Guid requestId, Guid researcherId, string? question, Actor actor, CancellationToken ct)
    {
        if (!await db.SupportRequests.AnyAsync(r => r.Id == requestId, ct))
        {
            throw new EntityNotFoundException(nameof(SupportRequest), requestId);
        }

        if (!RequestWorkflow.DeskRoles.Any(actor.Roles.Contains))
        {
            return RequestResult.Forbid();
        }

        if (string.IsNullOrWhiteSpace(question))
        {
            return RequestResult.Fail("Question", l["Write the question for the researcher."]);
        }

        if (!TextLimits.Fits(question, Referral.MaxQuestion))
        {
            return RequestResult.Fail("Question", TextLimits.TooLong(l, Referral.MaxQuestion));
        }

        // A disabled account can't answer: the same rule as assigning the request's researcher.
        if (!await Staff.StaffQueries.ActiveInRoles(db, Identity.StaffRoles.SocialResearcher).AnyAsync(u => u.Id == researcherId, ct))
        {
            return RequestResult.Fail("ResearcherId", l["Choose an active social researcher."]);
        }

        db.Referrals.Add(new Referral
        {
            RequestId = requestId,
            ResearcherId = researcherId,
            Question = question.Trim(),
            AskedBy = actor.UserId,
            AskedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return RequestResult.Done(requestId);
    }

    /// <summary>The researcher's (or the administrator's) answer to a question referred on <paramref name="requestId"/>.</summary>
    public async Task<RequestResult> AnswerReferralAsync(Guid requestId, Guid referralId, string? answer, Actor actor, CancellationToken ct)
    {
        // The referral must be this request's (and so this association's).
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.RequestId == requestId, ct)
            ?? throw new EntityNotFoundException(nameof(Referral), referralId);
        if (!RequestWorkflow.ReferralAnswererRoles.Any(actor.Roles.Contains))
        {
            return RequestResult.Forbid();
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            return RequestResult.Fail("Answer", l["Write the answer."]);
        }

        if (!TextLimits.Fits(answer, Referral.MaxAnswer))
        {
            return RequestResult.Fail("Answer", TextLimits.TooLong(l, Referral.MaxAnswer));
        }

        if (referral.Status == ReferralStatus.Answered)
        {
            return RequestResult.Fail("", l["This referral has already been answered."]);
        }

        referral.Answer = answer.Trim();
        referral.AnsweredBy = actor.UserId;
        referral.AnsweredAtUtc = clock.GetUtcNow().UtcDateTime;
        referral.Status = ReferralStatus.Answered;
        await db.SaveChangesAsync(ct);
        return RequestResult.Done(referral.RequestId);
    }
}
