using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Registrations;

public sealed record RegistrationItem(
    Guid Id,
    Guid RequestId,
    string RequestNumber,
    string BeneficiaryNumber,
    DateOnly EligibleFrom,
    DateOnly EligibleTo,
    IReadOnlyList<Guid> ApprovedServiceIds,
    long? ApprovedAmountHalalas,
    string RegisteredByName,
    DateTime RegisteredAtUtc);

/// <summary>Reads of registrations: no tracking, projections, names resolved in the same query.</summary>
public sealed class RegistrationQueries(AppDbContext db)
{
    public async Task<RegistrationItem?> ForRequestAsync(Guid requestId, CancellationToken ct) =>
        (await ListAsync(db.Registrations.AsNoTracking().Where(r => r.RequestId == requestId), 1, ct)).SingleOrDefault();

    private async Task<IReadOnlyList<RegistrationItem>> ListAsync(IQueryable<Registration> registrations, int take, CancellationToken ct) =>
        await (
                from r in registrations
                join q in db.SupportRequests on r.RequestId equals q.Id
                join u in db.Users on r.RegisteredBy equals u.Id into registrars
                from u in registrars.DefaultIfEmpty()
                orderby r.RegisteredAtUtc descending, r.Id descending
                select new RegistrationItem(
                    r.Id, r.RequestId, q.Number, r.BeneficiaryNumber, r.EligibleFrom, r.EligibleTo, r.ApprovedServiceIds, r.ApprovedAmountHalalas,
                    u == null ? "—" : u.FullName, r.RegisteredAtUtc))
            .Take(take)
            .ToListAsync(ct);
}
