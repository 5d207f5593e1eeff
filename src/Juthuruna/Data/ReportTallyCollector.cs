using Juthuruna.Common.Dates;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Juthuruna.Data;

/// <summary>What a request contributes to the report's summaries (ADR 0022): its received day, its decision.</summary>
public readonly record struct RequestFigures(
    Guid TenantId, Guid ServiceId, Guid? BranchId, ContactChannel Channel, RequestState State,
    DateOnly? SubmittedOn, DateOnly? VerifiedOn, DateOnly? DecidedOn, DateOnly? DecisionDueOn);

/// <summary>
/// The report summaries' part of <see cref="Tallies.Collect"/> (ADR 0022): from the tracked requests, deferrals
/// (history rows), registrations, deliveries and contacts of one SaveChanges, the increments of
/// <see cref="Features.Reports.RequestTally"/>, <see cref="Features.Reports.DecisionTally"/>,
/// <see cref="Features.Reports.ServiceTally"/> and <see cref="Features.Reports.ContactTally"/>: −old +new of every
/// changed row (the ones that cancel out are dropped before anything is written).
/// </summary>
internal static class ReportTallyCollector
{
    public static void Collect(AppDbContext db, TallyDeltas deltas)
    {
        foreach (var entry in db.ChangeTracker.Entries<SupportRequest>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    AddRequest(deltas, Figures(entry, original: false), +1);
                    break;
                case EntityState.Deleted:
                    AddRequest(deltas, Figures(entry, original: true), -1);
                    break;
                case EntityState.Modified:
                    AddRequest(deltas, Figures(entry, original: true), -1);
                    AddRequest(deltas, Figures(entry, original: false), +1);
                    break;
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<RequestHistory>())
        {
            if (entry.Entity.Trigger != RequestTrigger.Defer || entry.State is not (EntityState.Added or EntityState.Deleted))
            {
                continue;
            }

            var request = RequestOf(db, entry.Entity.RequestId);
            var key = (entry.Entity.TenantId, DualDate.RiyadhDay(entry.Entity.AtUtc), request.ServiceId, request.BranchId ?? Guid.Empty, request.Channel);
            var now = deltas.Requests.GetValueOrDefault(key);
            deltas.Requests[key] = (now.Received, now.Deferred + (entry.State == EntityState.Added ? 1 : -1));
        }

        foreach (var entry in db.ChangeTracker.Entries<Registration>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Deleted or EntityState.Modified))
            {
                continue;
            }

            var request = RequestOf(db, entry.Entity.RequestId);
            void Add(bool original, int sign)
            {
                var at = original ? entry.Property(r => r.RegisteredAtUtc).OriginalValue : entry.Property(r => r.RegisteredAtUtc).CurrentValue;
                var amount = original ? entry.Property(r => r.ApprovedAmountHalalas).OriginalValue : entry.Property(r => r.ApprovedAmountHalalas).CurrentValue;
                AddService(deltas, (entry.Entity.TenantId, DualDate.RiyadhDay(at), request.ServiceId, request.BranchId ?? Guid.Empty),
                    new ServiceCounts(1, amount ?? 0, 0, 0, 0, 0).Times(sign));
            }

            if (entry.State != EntityState.Added)
            {
                Add(original: true, -1);
            }

            if (entry.State != EntityState.Deleted)
            {
                Add(original: false, +1);
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<ServiceDelivery>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Deleted or EntityState.Modified))
            {
                continue;
            }

            var request = RequestOf(db, entry.Entity.RequestId);
            void Add(bool original, int sign)
            {
                T V<T>(System.Linq.Expressions.Expression<Func<ServiceDelivery, T>> p) => original ? entry.Property(p).OriginalValue : entry.Property(p).CurrentValue;
                var amount = V(d => d.AmountHalalas);
                var quantity = V(d => d.Quantity);
                var inKind = amount is null && quantity is not null;
                AddService(deltas, (entry.Entity.TenantId, V(d => d.DeliveredOn), V(d => d.ServiceId), request.BranchId ?? Guid.Empty),
                    new ServiceCounts(0, 0, 1, inKind ? 1 : 0, inKind ? quantity!.Value : 0, amount ?? 0).Times(sign));
            }

            if (entry.State != EntityState.Added)
            {
                Add(original: true, -1);
            }

            if (entry.State != EntityState.Deleted)
            {
                Add(original: false, +1);
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<Contact>())
        {
            void Add(bool original, int sign)
            {
                T V<T>(System.Linq.Expressions.Expression<Func<Contact, T>> p) => original ? entry.Property(p).OriginalValue : entry.Property(p).CurrentValue;
                var key = (V(c => c.TenantId), DualDate.RiyadhDay(V(c => c.OccurredAtUtc)), V(c => c.Channel), V(c => c.BranchId) ?? Guid.Empty);
                deltas.Contacts[key] = deltas.Contacts.GetValueOrDefault(key) + sign;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    Add(original: false, +1);
                    break;
                case EntityState.Deleted:
                    Add(original: true, -1);
                    break;
                case EntityState.Modified:
                    Add(original: true, -1);
                    Add(original: false, +1);
                    break;
            }
        }
    }

    public static void AddRequest(TallyDeltas deltas, RequestFigures r, int sign)
    {
        var branch = r.BranchId ?? Guid.Empty;
        if (r.SubmittedOn is { } submitted)
        {
            var key = (r.TenantId, submitted, r.ServiceId, branch, r.Channel);
            var now = deltas.Requests.GetValueOrDefault(key);
            deltas.Requests[key] = (now.Received + sign, now.Deferred);
        }

        if (r.DecidedOn is { } decided)
        {
            var days = r.VerifiedOn is { } verified ? decided.DayNumber - verified.DayNumber : -1;
            var key = (r.TenantId, decided, r.ServiceId, branch, days);
            var now = deltas.Decisions.GetValueOrDefault(key);
            var rejected = r.State == RequestState.Rejected;
            var within = r.DecisionDueOn is { } due && decided <= due;
            deltas.Decisions[key] = (now.Approved + (rejected ? 0 : sign), now.Rejected + (rejected ? sign : 0), now.WithinWindow + (within ? sign : 0));
        }
    }

    private static void AddService(TallyDeltas deltas, (Guid, DateOnly, Guid, Guid) key, ServiceCounts counts) =>
        deltas.Services[key] = deltas.Services.GetValueOrDefault(key) + counts;

    private static RequestFigures Figures(EntityEntry<SupportRequest> e, bool original)
    {
        T V<T>(System.Linq.Expressions.Expression<Func<SupportRequest, T>> p) => original ? e.Property(p).OriginalValue : e.Property(p).CurrentValue;
        return new RequestFigures(V(r => r.TenantId), V(r => r.ServiceId), V(r => r.BranchId), V(r => r.Channel), V(r => r.State),
            V(r => r.SubmittedOn), V(r => r.VerifiedOn), V(r => r.DecidedOn), V(r => r.DecisionDueOn));
    }

    /// <summary>The request's service, branch and channel: from the change tracker when it is tracked (every step loads it), else one lookup.</summary>
    private static (Guid ServiceId, Guid? BranchId, ContactChannel Channel) RequestOf(AppDbContext db, Guid requestId)
    {
        if (db.ChangeTracker.Entries<SupportRequest>().FirstOrDefault(e => e.Entity.Id == requestId) is { } tracked)
        {
            return (tracked.Entity.ServiceId, tracked.Entity.BranchId, tracked.Entity.Channel);
        }

        var row = db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new { r.ServiceId, r.BranchId, r.Channel }).Single();
        return (row.ServiceId, row.BranchId, row.Channel);
    }
}
