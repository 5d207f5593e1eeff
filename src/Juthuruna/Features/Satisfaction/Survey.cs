using Juthuruna.Features.Contacts;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Satisfaction;

/// <summary>
/// دعوة قياس الرضا: the one-use link a beneficiary receives when their request closes. Only the token's SHA-256 is
/// stored, so a copy of the database opens no survey. It never points to the answer: an anonymous answer cannot be
/// traced back to the request through it.
/// </summary>
public sealed class SurveyInvitation : ITenantOwned
{
    public const int TokenHashLength = 64;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RequestId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the link's token.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Set once, by a conditional UPDATE (still null): the link is used up.</summary>
    public DateTime? AnsweredAtUtc { get; set; }
}

/// <summary>
/// One answer to the survey. Named answers keep the beneficiary and the request; anonymous ones keep neither,
/// only what the results are broken down by. The time is kept to the month, and the id is random (not time-ordered
/// like the others), so an anonymous answer cannot be matched to its invitation by when it was written.
/// </summary>
public sealed class SurveyResponse : ITenantOwned
{
    public const int MaxCommentLength = 1000;
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }

    public int Overall { get; set; }
    public int Courtesy { get; set; }
    public int Speed { get; set; }
    public int Clarity { get; set; }
    public string? Comment { get; set; }

    /// <summary>The request's service (the one it was opened for).</summary>
    public Guid ServiceId { get; set; }

    public ContactChannel Channel { get; set; }
    public Guid? BranchId { get; set; }

    /// <summary>The first day of the month the answer was given in (Riyadh time).</summary>
    public DateOnly AnsweredMonth { get; set; }

    /// <summary>Only when the beneficiary chose to answer by name.</summary>
    public Guid? BeneficiaryId { get; set; }

    /// <summary>Only when the beneficiary chose to answer by name.</summary>
    public Guid? RequestId { get; set; }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(SurveyInvitation.TokenHashLength).IsUnicode(false);
        builder.HasIndex(i => new { i.TenantId, i.TokenHash }).IsUnique();
        // One survey per request: a request closes once.
        builder.HasIndex(i => new { i.TenantId, i.RequestId }).IsUnique();
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(i => i.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.Property(r => r.Comment).HasMaxLength(SurveyResponse.MaxCommentLength);
        builder.HasIndex(r => new { r.TenantId, r.AnsweredMonth });
        // The results page's latest comments: only the answers that have one, in the page's order (newest month first).
        builder.HasIndex(r => new { r.TenantId, r.AnsweredMonth, r.Id }, "IX_SurveyResponses_Commented")
            .HasFilter("[Comment] IS NOT NULL");
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_SurveyResponses_Ratings",
                "Overall BETWEEN 1 AND 5 AND Courtesy BETWEEN 1 AND 5 AND Speed BETWEEN 1 AND 5 AND Clarity BETWEEN 1 AND 5");
        });
    }
}
