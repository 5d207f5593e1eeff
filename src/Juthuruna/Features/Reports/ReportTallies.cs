using Juthuruna.Features.Contacts;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Reports;

// The board's report (/Reports, issue 16 item 2) reads these maintained summaries (ADR 0015, extended by ADR 0022),
// never the requests: one row per day and per value of the report's breakdowns, so a period of any calendar (a Hijri
// year or month, a Gregorian range) is the sum of its days' rows. Each is kept by Data.Tallies inside every
// AppDbContext SaveChanges as an atomic increment in the same transaction as the change, and rebuilt by
// ReportTallyBackfill. A missing branch is the empty GUID (a key column cannot be null).

/// <summary>Requests received (submitted) on a day, and committee deferrals on a day, per service, branch and channel.</summary>
public sealed class RequestTally : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateOnly Day { get; set; }
    public Guid ServiceId { get; set; }
    public Guid BranchId { get; set; }
    public ContactChannel Channel { get; set; }

    /// <summary>Requests whose <see cref="SupportRequests.SupportRequest.SubmittedOn"/> is this day.</summary>
    public int Received { get; set; }

    /// <summary>Committee deferrals (history rows with the Defer trigger) on this Riyadh day.</summary>
    public int Deferred { get; set; }
}

/// <summary>
/// Committee decisions (approve, reject) taken on a day, per service, branch and number of days from verification to
/// decision — a histogram from which the median and the 90th percentile are read exactly.
/// </summary>
public sealed class DecisionTally : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateOnly Day { get; set; }
    public Guid ServiceId { get; set; }
    public Guid BranchId { get; set; }

    /// <summary>Days from <see cref="SupportRequests.SupportRequest.VerifiedOn"/> to the decision; −1 when the request has no verification day.</summary>
    public int DaysToDecide { get; set; }

    public int Approved { get; set; }
    public int Rejected { get; set; }

    /// <summary>Of the decisions: taken on or before the request's decision due date.</summary>
    public int WithinWindow { get; set; }
}

/// <summary>Per day, service and branch: registrations with the amount approved, deliveries with what they gave.</summary>
public sealed class ServiceTally : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateOnly Day { get; set; }
    public Guid ServiceId { get; set; }
    public Guid BranchId { get; set; }

    /// <summary>Registrations (the request's service) on this Riyadh day.</summary>
    public int Registrations { get; set; }

    public long ApprovedHalalas { get; set; }
    public int Deliveries { get; set; }

    /// <summary>Deliveries in kind (a quantity, no amount).</summary>
    public int InKind { get; set; }

    /// <summary>The quantities delivered in kind.</summary>
    public long Quantity { get; set; }

    public long DisbursedHalalas { get; set; }
}

/// <summary>Contacts logged per Riyadh day, channel and branch.</summary>
public sealed class ContactTally : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateOnly Day { get; set; }
    public ContactChannel Channel { get; set; }
    public Guid BranchId { get; set; }
    public int Contacts { get; set; }
}

internal sealed class RequestTallyConfiguration : IEntityTypeConfiguration<RequestTally>
{
    public void Configure(EntityTypeBuilder<RequestTally> builder) =>
        builder.HasKey(t => new { t.TenantId, t.Day, t.ServiceId, t.BranchId, t.Channel });
}

internal sealed class DecisionTallyConfiguration : IEntityTypeConfiguration<DecisionTally>
{
    public void Configure(EntityTypeBuilder<DecisionTally> builder) =>
        builder.HasKey(t => new { t.TenantId, t.Day, t.ServiceId, t.BranchId, t.DaysToDecide });
}

internal sealed class ServiceTallyConfiguration : IEntityTypeConfiguration<ServiceTally>
{
    public void Configure(EntityTypeBuilder<ServiceTally> builder) =>
        builder.HasKey(t => new { t.TenantId, t.Day, t.ServiceId, t.BranchId });
}

internal sealed class ContactTallyConfiguration : IEntityTypeConfiguration<ContactTally>
{
    public void Configure(EntityTypeBuilder<ContactTally> builder) =>
        builder.HasKey(t => new { t.TenantId, t.Day, t.Channel, t.BranchId });
}
