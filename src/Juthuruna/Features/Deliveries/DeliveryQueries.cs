using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Deliveries;

public sealed record DeliveryItem(
    Guid Id,
    Guid ServiceId,
    int? Quantity,
    long? AmountHalalas,
    DateOnly DeliveredOn,
    string DeliveredByName,
    ReceiptKind ReceiptKind,
    Guid? ReceiptFileId,
    string? ReceiptNote,
    DateTime RecordedAtUtc);

/// <summary>Reads of deliveries: no tracking, staff names joined in the same query, bounded.</summary>
public sealed class DeliveryQueries(AppDbContext db)
{
    public const int MaxPerRequest = 200;

    public async Task<IReadOnlyList<DeliveryItem>> ForRequestAsync(Guid requestId, CancellationToken ct) =>
        await (
                from d in db.ServiceDeliveries.AsNoTracking()
                where d.RequestId == requestId
                join u in db.Users on d.DeliveredBy equals u.Id into staff
                from u in staff.DefaultIfEmpty()
                orderby d.DeliveredOn, d.RecordedAtUtc, d.Id
                select new DeliveryItem(d.Id, d.ServiceId, d.Quantity, d.AmountHalalas, d.DeliveredOn, u == null ? "—" : u.FullName,
                    d.ReceiptKind, d.ReceiptFileId, d.ReceiptNote, d.RecordedAtUtc))
            .Take(MaxPerRequest)
            .ToListAsync(ct);
}
