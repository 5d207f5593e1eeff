using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Files;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests.Steps;

/// <summary>
/// تسليم الخدمة: the officer records what a registered beneficiary received — service, quantity or amount, the day,
/// and the signed receipt (or a note why there is none). The last approved service delivered closes the request.
/// </summary>
[Authorize(Policy = RequestStepPolicy.Deliver)]
public sealed class DeliveryModel(
    RequestQueries queries,
    DeliveryCommands deliveries,
    DeliveryQueries deliveryQueries,
    RegistrationQueries registrations,
    ServiceNames serviceNames,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : StepPageModel(queries, l)
{
    protected override bool IsAvailable(RequestHeader header) => Permits(header.State, TransitionForm.Delivery);

    /// <summary>Null until the beneficiary is registered: there is nothing to deliver yet.</summary>
    public DeliveriesView? Received { get; private set; }

    [BindProperty]
    public DeliveryInput Delivery { get; set; } = new();

    public sealed class DeliveryInput
    {
        [Display(Name = "Service")]
        public Guid ServiceId { get; set; }

        [Display(Name = "Quantity")]
        public string? Quantity { get; set; }

        [Display(Name = "Amount (SAR)")]
        public string? Amount { get; set; }

        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "Delivered on")]
        public string? DeliveredOn { get; set; }

        [Display(Name = "Receipt")]
        public ReceiptKind ReceiptKind { get; set; } = ReceiptKind.SignatureScan;

        [Display(Name = "Scan of the signed receipt")]
        public IFormFile? Scan { get; set; }

        [Display(Name = "Receipt note")]
        public string? ReceiptNote { get; set; }

        /// <summary>Generated when the form is shown: the same form posted twice records one delivery.</summary>
        public Guid IdempotencyKey { get; set; }

        public Guid Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Delivery = new DeliveryInput
        {
            IdempotencyKey = Guid.NewGuid(),
            DeliveredOn = DateEntry.Format(DualDate.Today(clock), CalendarKind.Hijri),
            ServiceId = Received?.Registration.ApprovedServiceIds is [var first, ..] ? first : Guid.Empty,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostDeliverAsync(Guid id, CancellationToken ct)
    {
        var deliveredOn = ModelState.ParseDate("Delivery.DeliveredOn", Delivery.DeliveredOn, Delivery.Calendar, L);
        if (ModelState.ErrorCount == 0)
        {
            var command = new NewDelivery(id, Delivery.ServiceId, Delivery.Quantity, Delivery.Amount, deliveredOn, Delivery.ReceiptKind, Delivery.ReceiptNote, Delivery.IdempotencyKey);
            await using var scan = Delivery.ReceiptKind == ReceiptKind.SignatureScan ? Delivery.Scan?.OpenReadStream() : null;
            var result = await deliveries.RecordAsync(command, scan is null ? null : new IncomingFile(scan, Delivery.Scan!.FileName), Delivery.Version, Actor, ct);
            if (result.Succeeded)
            {
                var closed = (await Queries.HeaderAsync(id, ct))?.State == RequestState.Closed;
                return Recorded(id, closed
                    ? L["The delivery has been recorded. Every approved service is delivered: the request is closed."]
                    : L["The delivery has been recorded."]);
            }

            AddErrors(result, nameof(Delivery));
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(id, ct))
        {
            return false;
        }

        if (await registrations.ForRequestAsync(id, ct) is { } registration)
        {
            var rows = await deliveryQueries.ForRequestAsync(id, ct);
            var names = await serviceNames.DisplayNamesAsync([.. registration.ApprovedServiceIds, .. rows.Select(r => r.ServiceId)], Localization.IsArabic, ct);
            Received = new DeliveriesView(registration, rows, names);
        }

        return true;
    }
}
