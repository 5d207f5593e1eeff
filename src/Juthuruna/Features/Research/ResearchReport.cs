using Juthuruna.Features.Audit;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Research;

/// <summary>How the researcher met the household.</summary>
public enum VisitType
{
    HomeVisit = 1,
    OfficeInterview = 2,
    PhoneCall = 3,
}

public enum ResearchRecommendation
{
    Approve = 1,
    Reject = 2,
    ApprovePartially = 3,
}

/// <summary>
/// البحث الاجتماعي: the researcher's study of the household and a recommendation to the committee
/// (policy step 5). A deferred request goes back to research: each round writes a new report, so the
/// committee reads what it asked for without losing the first one. A report is a draft until submitted;
/// submitting puts the request in the committee's queue.
/// </summary>
public sealed class ResearchReport : ITenantOwned, IAudited
{
    public const string FileOwnerKind = nameof(ResearchReport);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RequestId { get; set; }
    public Guid ResearcherId { get; set; }
    public VisitType VisitType { get; set; }
    public DateOnly VisitedOn { get; set; }
    public required string HouseholdSituation { get; set; }
    public required string Findings { get; set; }
    public required string Needs { get; set; }
    public ResearchRecommendation Recommendation { get; set; }
    public List<Guid> RecommendedServiceIds { get; set; } = [];
    public long? RecommendedAmountHalalas { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Null while a draft; set once, when the researcher sends it to the committee.</summary>
    public DateTime? SubmittedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class ResearchReportConfiguration : IEntityTypeConfiguration<ResearchReport>
{
    public void Configure(EntityTypeBuilder<ResearchReport> builder)
    {
        builder.Property(r => r.HouseholdSituation).HasMaxLength(4000);
        builder.Property(r => r.Findings).HasMaxLength(4000);
        builder.Property(r => r.Needs).HasMaxLength(4000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.TenantId, r.RequestId, r.CreatedAtUtc });
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(r => r.ResearcherId).OnDelete(DeleteBehavior.Restrict);
    }
}
