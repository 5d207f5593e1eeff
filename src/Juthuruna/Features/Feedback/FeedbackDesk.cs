using System.Globalization;
using FluentValidation;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Counters;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Notifications.Messaging;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Feedback;

/// <summary>Outcome of a write: the item (and its reference), or field errors; <see cref="Stale"/> when another change came first.</summary>
public sealed record FeedbackResult(Guid? Id, string? Reference, IReadOnlyList<(string Field, string Message)> Errors, bool Stale = false, bool Throttled = false, DateTime? RetryAtUtc = null)
{
    public bool Succeeded => Errors.Count == 0 && !Stale && !Throttled;

    public static FeedbackResult Fail(string field, string message) => new(null, null, [(field, message)]);
}

/// <summary>
/// Writes of suggestions and complaints: receiving them (portal or desk), assigning, answering and closing. Every
/// action writes a history line; answering one whose submitter wants a reply queues the "complaint answered" message
/// in the same unit of work.
/// </summary>
public sealed class FeedbackDesk(
    AppDbContext db,
    Portal.PortalThrottle throttle,
    Outbox outbox,
    MessageTemplates templates,
    TimeProvider clock,
    IValidator<FeedbackForm> validator,
    Portal.PortalLinks links,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>The beneficiary relations officer follows them up; the manager and the administrator oversee.</summary>
    public static readonly IReadOnlyList<string> HandlerRoles = [StaffRoles.RelationsOfficer, StaffRoles.Manager, StaffRoles.TenantAdmin];

    /// <summary>Recorded by staff from any channel (a call, a visit, a letter…), optionally for a known beneficiary.</summary>
    public async Task<FeedbackResult> RecordAsync(FeedbackForm form, Guid staffUserId, CancellationToken ct)
    {
        if (await FindByKeyAsync(form.IdempotencyKey, ct) is { } existing)
        {
            return existing;
        }

        if (form.BeneficiaryId is { } beneficiaryId && !await db.Beneficiaries.AnyAsync(b => b.Id == beneficiaryId, ct))
        {
            return FeedbackResult.Fail(nameof(FeedbackForm.BeneficiaryId), l["The beneficiary file was not found."]);
        }

        return await CreateAsync(form, staffUserId, ct);
    }

    /// <summary>
    /// Sent on the portal: channel Website, no beneficiary link (the submitter proved nothing about a file), and
    /// at most <see cref="Portal.PortalLimits.FeedbackSubmission"/> posts per client address.
    /// </summary>
    public async Task<FeedbackResult> SubmitFromPortalAsync(FeedbackForm form, string clientAddress, CancellationToken ct)
    {
        // The same form posted twice answers with the first item before the limit can count it again.
        if (await FindByKeyAsync(form.IdempotencyKey, ct) is { } existing)
        {
            return existing;
        }

        var verdict = await throttle.TryAsync(Portal.PortalLimits.FeedbackSubmission, clientAddress, null, ct);
        if (!verdict.Allowed)
        {
            return new FeedbackResult(null, null, [], Throttled: true, RetryAtUtc: verdict.RetryAtUtc);
        }

        form.Channel = ContactChannel.Website;
        form.BeneficiaryId = null;
        return await CreateAsync(form, null, ct);
    }

    public async Task<FeedbackResult> AssignAsync(Guid id, Guid? assigneeId, Guid version, Guid actorId, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        if (item.Version != version)
        {
            return Stale(item);
        }

        if (!item.IsOpen)
        {
            return NotAvailable();
        }

        if (assigneeId is not { } assignee || !await Staff.StaffQueries.ActiveInRoles(db, [.. HandlerRoles]).AnyAsync(u => u.Id == assignee, ct))
        {
            return FeedbackResult.Fail("AssigneeId", l["Choose a staff member who follows up suggestions and complaints."]);
        }

        if (item.AssigneeId == assignee)
        {
            return FeedbackResult.Fail("AssigneeId", l["This staff member is already assigned."]);
        }

        item.AssigneeId = assignee;
        item.Status = FeedbackStatus.InProgress;
        return await SaveActionAsync(item, FeedbackAction.Assigned, actorId, assignee, ct);
    }

    public async Task<FeedbackResult> AnswerAsync(Guid id, string? response, Guid version, Guid actorId, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        if (item.Version != version)
        {
            return Stale(item);
        }

        if (!item.IsOpen)
        {
            return NotAvailable();
        }

        var text = response?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return FeedbackResult.Fail("ResponseText", l["Write the response."]);
        }

        if (text.Length > FeedbackItem.MaxText)
        {
            return FeedbackResult.Fail("ResponseText", TextLimits.TooLong(l, FeedbackItem.MaxText));
        }

        item.Response = text;
        item.AnsweredBy = actorId;
        item.AnsweredAtUtc = clock.GetUtcNow().UtcDateTime;
        item.Status = FeedbackStatus.Answered;
        if (item.WantsReply)
        {
            outbox.Queue(new MessageAddress(item.Mobile, item.Email), MessageKind.ComplaintAnswered, $"FeedbackAnswered:{item.Id}", templates.ComplaintAnswered(item.Reference, await links.ForAsync("feedback/follow", ct)));
        }

        return await SaveActionAsync(item, FeedbackAction.Answered, actorId, null, ct);
    }

    /// <summary>Closes an answered item (the note is optional) or, with a closure note saying why, one that was not answered.</summary>
    public async Task<FeedbackResult> CloseAsync(Guid id, string? note, Guid version, Guid actorId, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        if (item.Version != version)
        {
            return Stale(item);
        }

        if (item.Status == FeedbackStatus.Closed)
        {
            return NotAvailable();
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (item.Status != FeedbackStatus.Answered && text is null)
        {
            return FeedbackResult.Fail("ClosureNote", l["It has not been answered: write a closure note saying why it is closed."]);
        }

        if (text?.Length > FeedbackItem.MaxText)
        {
            return FeedbackResult.Fail("ClosureNote", TextLimits.TooLong(l, FeedbackItem.MaxText));
        }

        item.ClosureNote = text;
        item.ClosedBy = actorId;
        item.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        item.Status = FeedbackStatus.Closed;
        return await SaveActionAsync(item, FeedbackAction.Closed, actorId, null, ct);
    }

    private async Task<FeedbackResult> CreateAsync(FeedbackForm form, Guid? recordedBy, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return new FeedbackResult(null, null, validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());
        }

        SaudiMobile.TryNormalize(form.Mobile, out var mobile); // validated above
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DualDate.RiyadhDay(now);
        var year = DualDate.ToHijri(today).Year;
        var days = await db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId).Select(t => t.Settings.ComplaintResponseDays).SingleAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sequence = await TenantCounters.NextAsync(db, FeedbackItem.CounterPrefix + year.ToString(CultureInfo.InvariantCulture), ct);
        var item = new FeedbackItem
        {
            Reference = FeedbackItem.FormatReference(year, sequence),
            HijriYear = year,
            Sequence = sequence,
            Kind = form.Kind!.Value,
            Category = form.Category!.Value,
            Channel = form.Channel!.Value,
            Subject = form.Subject!.Trim(),
            Text = form.Text!.Trim(),
            BeneficiaryId = form.BeneficiaryId,
            Name = form.Name!.Trim(),
            Mobile = mobile,
            Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim(),
            WantsReply = form.WantsReply,
            ReceivedAtUtc = now,
            DueOn = today.AddDays(Math.Max(days, 1)),
            RecordedBy = recordedBy,
            IdempotencyKey = form.IdempotencyKey,
        };
        db.FeedbackItems.Add(item);
        db.FeedbackEvents.Add(new FeedbackEvent { FeedbackItemId = item.Id, AtUtc = now, Action = FeedbackAction.Received, UserId = recordedBy });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same form posted twice at once: the unique key decided; this reference number goes back.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await FindByKeyAsync(form.IdempotencyKey, ct) is { } first)
            {
                return first;
            }

            throw;
        }

        return new FeedbackResult(item.Id, item.Reference, []);
    }

    private async Task<FeedbackResult> SaveActionAsync(FeedbackItem item, FeedbackAction action, Guid actorId, Guid? assigneeId, CancellationToken ct)
    {
        item.Version = Guid.NewGuid();
        db.FeedbackEvents.Add(new FeedbackEvent
        {
            FeedbackItemId = item.Id,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Action = action,
            UserId = actorId,
            AssigneeId = assigneeId,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale(item);
        }

        return new FeedbackResult(item.Id, item.Reference, []);
    }

    private async Task<FeedbackItem> LoadAsync(Guid id, CancellationToken ct) =>
        await db.FeedbackItems.SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw new EntityNotFoundException(nameof(FeedbackItem), id);

    private async Task<FeedbackResult?> FindByKeyAsync(Guid key, CancellationToken ct) =>
        key == Guid.Empty
            ? null
            : await db.FeedbackItems.AsNoTracking().Where(f => f.IdempotencyKey == key)
                .Select(f => new FeedbackResult(f.Id, f.Reference, new List<(string, string)>(), false, false)).SingleOrDefaultAsync(ct);

    private FeedbackResult Stale(FeedbackItem item) =>
        new(item.Id, item.Reference, [("", l["This item was changed by someone else meanwhile. Review its current state and try again."])], Stale: true);

    private FeedbackResult NotAvailable() => FeedbackResult.Fail("", l["This action is not available for the item in its current state."]);
}
