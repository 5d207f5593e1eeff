using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.SupportRequests;

/// <summary>
/// A maintained summary (ADR 0015): of an association's requests decided on <see cref="Day"/>, how many there are and
/// how many were decided on or before their due date — so the share decided within the window sums at most a year's
/// days instead of counting a year's decisions. Derived data: kept in step by <see cref="Data.Tallies"/> inside every
/// <see cref="Data.AppDbContext"/> SaveChanges that adds, changes or removes a request's decision or due date, as an
/// atomic increment; rebuilt from the requests by <see cref="Data.TallyBackfill"/>.
/// </summary>
public sealed class DecisionDay : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>The day of the decision (<see cref="SupportRequest.DecidedOn"/>).</summary>
    public DateOnly Day { get; set; }

    public int Decided { get; set; }

    /// <summary>Of <see cref="Decided"/>: decided on or before <see cref="SupportRequest.DecisionDueOn"/>.</summary>
    public int WithinWindow { get; set; }

    /// <summary>A request's share of the tally: nothing until it is decided.</summary>
    public static (DateOnly Day, int Decided, int WithinWindow)? ContributionOf(DateOnly? decidedOn, DateOnly? decisionDueOn) =>
        decidedOn is { } day ? (day, 1, decisionDueOn is { } due && day <= due ? 1 : 0) : null;
}

internal sealed class DecisionDayConfiguration : IEntityTypeConfiguration<DecisionDay>
{
    public void Configure(EntityTypeBuilder<DecisionDay> builder) =>
        builder.HasKey(d => new { d.TenantId, d.Day });
}
