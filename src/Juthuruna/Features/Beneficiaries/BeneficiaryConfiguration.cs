using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Beneficiaries;

internal sealed class BeneficiaryConfiguration : IEntityTypeConfiguration<Beneficiary>
{
    public void Configure(EntityTypeBuilder<Beneficiary> builder)
    {
        builder.HasIndex(b => new { b.TenantId, b.IdentityNumber }).IsUnique();
        builder.HasIndex(b => new { b.TenantId, b.FileNumber }).IsUnique();
        builder.HasIndex(b => new { b.TenantId, b.BeneficiaryNumber }).IsUnique();
        builder.HasIndex(b => new { b.TenantId, b.Mobile });
        builder.HasIndex(b => new { b.TenantId, b.SearchKey });
        // Similar-file check: same birth date within the association.
        builder.HasIndex(b => new { b.TenantId, b.BirthDate });

        builder.Property(b => b.FileNumber).HasMaxLength(20);
        builder.Property(b => b.BeneficiaryNumber).HasMaxLength(30);
        builder.Property(b => b.IdentityNumber).HasMaxLength(20);
        builder.Property(b => b.FirstName).HasMaxLength(50);
        builder.Property(b => b.FatherName).HasMaxLength(50);
        builder.Property(b => b.GrandfatherName).HasMaxLength(50);
        builder.Property(b => b.FamilyName).HasMaxLength(50);
        builder.Property(b => b.NameEn).HasMaxLength(200);
        builder.Property(b => b.Nationality).HasMaxLength(50);
        builder.Property(b => b.Mobile).HasMaxLength(16);
        builder.Property(b => b.Email).HasMaxLength(256);
        builder.Property(b => b.HealthNotes).HasMaxLength(Beneficiary.MaxNotes);
        builder.Property(b => b.Notes).HasMaxLength(Beneficiary.MaxNotes);
        builder.Property(b => b.SearchKey).HasMaxLength(450);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.FullNameAr);

        builder.OwnsOne(b => b.Address, a =>
        {
            a.Property(x => x.BuildingNumber).HasMaxLength(4).HasColumnName("AddressBuildingNumber");
            a.Property(x => x.Street).HasMaxLength(100).HasColumnName("AddressStreet");
            a.Property(x => x.District).HasMaxLength(100).HasColumnName("AddressDistrict");
            a.Property(x => x.City).HasMaxLength(100).HasColumnName("AddressCity");
            a.Property(x => x.PostalCode).HasMaxLength(5).HasColumnName("AddressPostalCode");
            a.Property(x => x.AdditionalNumber).HasMaxLength(4).HasColumnName("AddressAdditionalNumber");
        });
        builder.Navigation(b => b.Address).IsRequired();

        builder.OwnsMany(b => b.IncomeSources, i =>
        {
            i.ToTable("BeneficiaryIncomeSources");
            i.WithOwner().HasForeignKey("BeneficiaryId");
            // An explicit client-generated key: SQLite cannot generate the second part of a composite key.
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
        });

        builder.OwnsMany(b => b.HouseholdMembers, m =>
        {
            m.ToTable("BeneficiaryHouseholdMembers");
            m.WithOwner().HasForeignKey("BeneficiaryId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Name).HasMaxLength(200);
            m.Property(x => x.IdentityNumber).HasMaxLength(20);
            m.Property(x => x.SearchKey).HasMaxLength(200);
            // Searching an identity number and the duplicate check look members up by it (the owner's join applies the tenant).
            m.HasIndex(x => x.IdentityNumber);
        });
    }
}
