using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Money;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Files;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Deliveries;

/// <summary>
/// One delivery as typed in the form: quantity and amount as typed (at least one), the date parsed from a
/// Hijri or Gregorian entry. <see cref="IdempotencyKey"/> comes with the form: posted twice, it records once.
/// </summary>
public sealed record NewDelivery(
    Guid RequestId,
    Guid ServiceId,
    string? Quantity,
    string? Amount,
    DateOnly? DeliveredOn,
    ReceiptKind ReceiptKind,
    string? ReceiptNote,
    Guid IdempotencyKey);

/// <summary>The delivery step (policy step 7): each delivery moves the request into service, and the last one closes it.</summary>
public sealed class DeliveryCommands(AppDbContext db, RequestTransitions transitions, FileStorage storage, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxQuantity = 100_000;

    /// <summary>Who records deliveries: the roles of the table's Deliver rows (the desk).</summary>
    public static IReadOnlyList<string> DelivererRoles { get; } = RequestWorkflow.Transitions.First(t => t.Trigger == RequestTrigger.Deliver).Roles;

    /// <summary>
    /// Records the delivery and applies Deliver (Registered → InService, or InService again); when every approved
    /// service is then delivered, applies Complete (→ Closed). One transaction, one history row per transition.
    /// </summary>
    public async Task<RequestResult> RecordAsync(NewDelivery command, IncomingFile? scan, Guid version, Actor actor, CancellationToken ct)
    {
        // The same form posted twice: the first post's delivery is the answer to the second.
        if (await db.ServiceDeliveries.AsNoTracking().AnyAsync(d => d.IdempotencyKey == command.IdempotencyKey && d.RequestId == command.RequestId, ct))
        {
            return RequestResult.Done(command.RequestId);
        }

        // Tracked: the request applies Deliver (and Complete) in this step's one SaveChanges, its version the concurrency token.
        var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == command.RequestId, ct)
            ?? throw new EntityNotFoundException(nameof(SupportRequest), command.RequestId);
        if (request.Version != version)
        {
            return Stale(command.RequestId);
        }

        var registration = await db.Registrations.AsNoTracking().Where(r => r.RequestId == command.RequestId)
            .Select(r => new { r.ApprovedServiceIds, r.ApprovedAmountHalalas }).SingleOrDefaultAsync(ct);
        if (!RequestWorkflow.DeliveringStates.Contains(request.State) || registration is null || !DelivererRoles.Any(actor.Roles.Contains))
        {
            return RequestResult.Fail("", l["This action is not available for the request in its current state."]);
        }

        var errors = new List<(string, string)>();
        if (!registration.ApprovedServiceIds.Contains(command.ServiceId))
        {
            errors.Add((nameof(command.ServiceId), l["Choose one of the services the committee approved."]));
        }

        int? quantity = null;
        if (!string.IsNullOrWhiteSpace(command.Quantity))
        {
            if (int.TryParse(Digits.ToAscii(command.Quantity).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is > 0 and <= MaxQuantity)
            {
                quantity = q;
            }
            else
            {
                errors.Add((nameof(command.Quantity), l["Enter the quantity as a whole number, e.g. 2."]));
            }
        }

        long? amount = null;
        if (!string.IsNullOrWhiteSpace(command.Amount))
        {
            if (Riyals.TryParseHalalas(command.Amount, out var halalas) && halalas > 0)
            {
                amount = halalas;
            }
            else
            {
                errors.Add((nameof(command.Amount), l["Enter the amount in riyals, e.g. 1500 or 1500.50."]));
            }
        }

        if (string.IsNullOrWhiteSpace(command.Quantity) && string.IsNullOrWhiteSpace(command.Amount))
        {
            errors.Add((nameof(command.Quantity), l["Enter the quantity or the amount delivered."]));
        }

        // The deliveries so far, read once: for the approved amount here and as the request's evidence below. A delivery
        // recorded meanwhile by someone else changes the request's version, so this one is then refused as stale.
        var delivered = await db.ServiceDeliveries.AsNoTracking().Where(d => d.RequestId == command.RequestId)
            .Select(d => new { d.ServiceId, d.AmountHalalas }).ToListAsync(ct);

        // The committee approved an amount: what is paid out may reach it, never pass it.
        if (amount is { } paying && registration.ApprovedAmountHalalas is { } approved)
        {
            var paid = delivered.Sum(d => d.AmountHalalas ?? 0);
            if (paid + paying > approved)
            {
                errors.Add((nameof(command.Amount), l["This would pass the approved amount: {0} SAR approved, {1} SAR delivered so far.", Riyals.Format(approved), Riyals.Format(paid)]));
            }
        }

        var today = DualDate.Today(clock);
        if (command.DeliveredOn is not { } deliveredOn)
        {
            errors.Add((nameof(command.DeliveredOn), l["Enter the date of the delivery."]));
        }
        else if (deliveredOn > today)
        {
            errors.Add((nameof(command.DeliveredOn), l["The date cannot be in the future."]));
        }

        switch (command.ReceiptKind)
        {
            case ReceiptKind.SignatureScan when scan is null:
                errors.Add(("Scan", l["Attach the scan of the signed receipt."]));
                break;
            case ReceiptKind.Note when string.IsNullOrWhiteSpace(command.ReceiptNote):
                errors.Add((nameof(command.ReceiptNote), l["Write the receipt note (e.g. the transfer reference)."]));
                break;
            case ReceiptKind.Note when command.ReceiptNote!.Trim().Length > 1000:
                errors.Add((nameof(command.ReceiptNote), TextLimits.TooLong(l, 1000)));
                break;
            case ReceiptKind.SignatureScan or ReceiptKind.Note:
                break;
            default:
                errors.Add((nameof(command.ReceiptKind), l["Choose how the receipt was given."]));
                break;
        }

        // The scan is checked with the other fields, before anything is written: a refused one records no delivery.
        using var receipt = command.ReceiptKind == ReceiptKind.SignatureScan && scan is not null ? await storage.ReceiveAsync(scan, ct) : null;
        if (receipt is { Accepted: false })
        {
            errors.Add(("Scan", l[receipt.Error!, storage.MaxMegabytes]));
        }

        if (errors.Count > 0)
        {
            return new RequestResult(null, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var delivery = new ServiceDelivery
        {
            RequestId = command.RequestId,
            ServiceId = command.ServiceId,
            Quantity = quantity,
            AmountHalalas = amount,
            DeliveredOn = command.DeliveredOn!.Value,
            DeliveredBy = actor.UserId,
            ReceiptKind = command.ReceiptKind,
            ReceiptNote = command.ReceiptKind == ReceiptKind.Note ? command.ReceiptNote!.Trim() : null,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            IdempotencyKey = command.IdempotencyKey,
        };
        if (receipt is not null)
        {
            delivery.ReceiptFileId = storage.Attach(receipt, ServiceDelivery.FileOwnerKind, delivery.Id, l["Signed receipt"]).Id;
        }

        db.ServiceDeliveries.Add(delivery);

        // The request applies the triggers itself, on the evidence this step hands in: the deliveries so far and this
        // one, against the registration read above. No call back into the request's commands, nothing read back.
        var all = delivered.Select(d => (d.ServiceId, d.AmountHalalas)).Append((delivery.ServiceId, delivery.AmountHalalas)).ToList();
        var evidence = RequestFacts.None with
        {
            HasRegistration = true,
            Deliveries = all.Count,
            ApprovedServicesDelivered = DeliveryRules.AllDelivered(registration.ApprovedServiceIds, registration.ApprovedAmountHalalas, all),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var deliver = await transitions.ApplyAsync(request, RequestTrigger.Deliver, evidence, actor, now, ct);
        if (!deliver.Succeeded)
        {
            return RolledBack(deliver.ToRefusal(l));
        }

        var closes = evidence.ApprovedServicesDelivered;
        if (closes && await transitions.ApplyAsync(request, RequestTrigger.Complete, evidence, actor, now, ct) is { Succeeded: false } complete)
        {
            return RolledBack(complete.ToRefusal(l));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RolledBack(Stale(command.RequestId));
        }
        catch (DbUpdateException)
        {
            // The same form, posted twice at once: the other post committed this delivery first.
            return RolledBack(RequestResult.Done(command.RequestId));
        }

        await tx.CommitAsync(ct);
        receipt?.Keep();
        return RequestResult.Done(command.RequestId);
    }

    /// <summary>
    /// A refused or failed write: the transaction rolls back, and the context forgets the changes it tracked
    /// so that no later SaveChanges of this scope (the page reloading, an access-log row) writes them after all.
    /// </summary>
    private RequestResult RolledBack(RequestResult result)
    {
        db.ChangeTracker.Clear();
        return result;
    }

    private RequestResult Stale(Guid requestId) =>
        new(requestId, [("", l["This request was changed by someone else meanwhile. Review its current state and try again."])], Stale: true);
}
