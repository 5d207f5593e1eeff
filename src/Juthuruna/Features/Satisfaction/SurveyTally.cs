using Juthuruna.Features.Contacts;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Satisfaction;

/// <summary>
/// A maintained summary (ADR 0015): the answers of one month, service, channel and branch — how many, and the sum of
/// each rating — so the results page adds up a few hundred rows instead of grouping every answer four ways. Averages
/// are exact (sum ÷ count). Derived data: kept in step by <see cref="Data.Tallies"/> inside every
/// <see cref="Data.AppDbContext"/> SaveChanges that adds (or changes or removes) an answer, as an atomic increment;
/// rebuilt from the answers by <see cref="Data.TallyBackfill"/>.
/// </summary>
public sealed class SurveyTally : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>First day of the month (<see cref="SurveyResponse.AnsweredMonth"/>).</summary>
    public DateOnly Month { get; set; }

    public Guid ServiceId { get; set; }
    public ContactChannel Channel { get; set; }

    /// <summary>The request's branch; <see cref="Guid.Empty"/> when it had none (a key column cannot be null).</summary>
    public Guid BranchId { get; set; }

    public int Answers { get; set; }
    public int OverallSum { get; set; }
    public int CourtesySum { get; set; }
    public int SpeedSum { get; set; }
    public int ClaritySum { get; set; }
}

internal sealed class SurveyTallyConfiguration : IEntityTypeConfiguration<SurveyTally>
{
    public void Configure(EntityTypeBuilder<SurveyTally> builder) =>
        builder.HasKey(t => new { t.TenantId, t.Month, t.ServiceId, t.Channel, t.BranchId });
}
