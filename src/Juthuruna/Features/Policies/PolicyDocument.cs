using Juthuruna.Features.Audit;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Policies;

/// <summary>The documents the relations policy lists as the officer's tools (الأدوات المتاحة لموظف علاقات المستفيدين).</summary>
public enum PolicyKind
{
    /// <summary>اللائحة الأساسية للجمعية.</summary>
    Bylaws = 1,

    /// <summary>دليل خدمات البحث الاجتماعي.</summary>
    ResearchServicesGuide = 2,

    /// <summary>دليل سياسة الدعم للمستفيدين.</summary>
    SupportPolicyGuide = 3,

    /// <summary>نموذج طلب دعم مستفيد.</summary>
    SupportRequestForm = 4,

    /// <summary>سياسة تنظيم العلاقة مع المستفيدين.</summary>
    BeneficiaryRelationsPolicy = 5,

    Other = 6,
}

public enum PolicyVersionStatus
{
    Draft = 1,
    Approved = 2,

    /// <summary>Was approved; a later approved version replaced it. Kept unchanged, as the record of what was in force.</summary>
    Superseded = 3,
}

/// <summary>
/// A policy document of the association. Its text lives in <see cref="PolicyVersion"/>s: at most one approved
/// (the one in force), at most one draft, and the superseded history.
/// </summary>
public sealed class PolicyDocument : ITenantOwned, IAudited
{
    public const int MaxTitleLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string TitleAr { get; set; }
    public required string TitleEn { get; set; }
    public PolicyKind Kind { get; set; }

    /// <summary>Shown on the association's public portal (approved version only).</summary>
    public bool IsPublic { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public Guid CreatedBy { get; set; }

    /// <summary>Generated when the creation form is shown: the same form posted twice creates one document.</summary>
    public Guid IdempotencyKey { get; set; }

    /// <summary>
    /// Changed whenever a draft is started or approved: two administrators doing either at once conflict on this row,
    /// so a document never ends up with two drafts or two approved versions.
    /// </summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One version of a document's text (Markdown). Only a draft is ever changed.</summary>
public sealed class PolicyVersion : ITenantOwned
{
    public const int MaxTextLength = 100_000;
    public const int MaxSessionLength = 50;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid DocumentId { get; set; }

    /// <summary>1, 2, 3… per document.</summary>
    public int Number { get; set; }

    public required string Text { get; set; }
    public PolicyVersionStatus Status { get; set; } = PolicyVersionStatus.Draft;

    /// <summary>The board session that approved it (e.g. "5"), as the minutes number it.</summary>
    public string? BoardSession { get; set; }

    public DateOnly? ApprovedOn { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }
    public Guid? ApprovedBy { get; set; }

    /// <summary>Goes into the edit form: saving over someone else's newer text is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsEditable => Status == PolicyVersionStatus.Draft;

    /// <summary>
    /// The approval rule: this draft comes into force and the version in force until now (if any) is superseded.
    /// Both rows change in the caller's one SaveChanges, so there is never a moment with two or none in force.
    /// </summary>
    public void Approve(PolicyVersion? inForce, string boardSession, DateOnly approvedOn, Guid by, DateTime atUtc)
    {
        if (Status != PolicyVersionStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft can be approved.");
        }

        if (inForce is not null)
        {
            if (inForce.DocumentId != DocumentId || inForce.Status != PolicyVersionStatus.Approved)
            {
                throw new InvalidOperationException("Only the same document's approved version can be superseded.");
            }

            inForce.Status = PolicyVersionStatus.Superseded;
        }

        Status = PolicyVersionStatus.Approved;
        BoardSession = boardSession;
        ApprovedOn = approvedOn;
        ApprovedBy = by;
        ApprovedAtUtc = atUtc;
        UpdatedAtUtc = atUtc;
        Version = Guid.NewGuid();
    }
}

internal sealed class PolicyDocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> builder)
    {
        builder.Property(d => d.TitleAr).HasMaxLength(PolicyDocument.MaxTitleLength);
        builder.Property(d => d.TitleEn).HasMaxLength(PolicyDocument.MaxTitleLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.TenantId, d.IdempotencyKey }).IsUnique();
    }
}

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> builder)
    {
        builder.Property(v => v.Text).HasMaxLength(PolicyVersion.MaxTextLength);
        builder.Property(v => v.BoardSession).HasMaxLength(PolicyVersion.MaxSessionLength);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasOne<PolicyDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.TenantId, v.DocumentId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.TenantId, v.Status });
    }
}
