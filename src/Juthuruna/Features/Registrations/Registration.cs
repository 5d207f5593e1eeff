using Juthuruna.Features.Audit;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Registrations;

/// <summary>
/// تسجيل المستفيد (policy step 6): after approval the beneficiary is registered for the approved services
/// for an eligibility period. The beneficiary number is the file's, given at the first registration and
/// kept for every later one.
/// </summary>
public sealed class Registration : ITenantOwned, IAudited
{
    public const string BeneficiaryNumberCounter = "beneficiary-number";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RequestId { get; set; }
    public Guid BeneficiaryId { get; set; }
    public required string BeneficiaryNumber { get; set; }
    public DateOnly EligibleFrom { get; set; }
    public DateOnly EligibleTo { get; set; }
    public List<Guid> ApprovedServiceIds { get; set; } = [];
    public long? ApprovedAmountHalalas { get; set; }
    public Guid RegisteredBy { get; set; }
    public DateTime RegisteredAtUtc { get; set; }

    public static string FormatBeneficiaryNumber(string prefix, long sequence) => FormattableString.Invariant($"{prefix}-{sequence:00000}");
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.Property(r => r.BeneficiaryNumber).HasMaxLength(30);
        builder.HasIndex(r => new { r.TenantId, r.RequestId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.BeneficiaryId });
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Beneficiaries.Beneficiary>().WithMany().HasForeignKey(r => r.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
    }
}
