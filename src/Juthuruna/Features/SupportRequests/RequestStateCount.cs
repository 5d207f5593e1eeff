using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.SupportRequests;

/// <summary>
/// A maintained summary (ADR 0015): how many of an association's requests are in each state, so the dashboards'
/// "open" and "at the desk" figures add up at most thirteen rows instead of counting every open request (some
/// twenty thousand at a million requests: approved, registered and in service ones stay open for months).
/// Derived data: kept in step by <see cref="Data.Tallies"/> inside every <see cref="Data.AppDbContext"/> SaveChanges
/// that adds, removes or moves a request, as an atomic increment; rebuilt by <see cref="Data.TallyBackfill"/>.
/// </summary>
public sealed class RequestStateCount : ITenantOwned
{
    public Guid TenantId { get; set; }
    public RequestState State { get; set; }
    public int Requests { get; set; }
}

internal sealed class RequestStateCountConfiguration : IEntityTypeConfiguration<RequestStateCount>
{
    public void Configure(EntityTypeBuilder<RequestStateCount> builder) =>
        builder.HasKey(c => new { c.TenantId, c.State });
}
