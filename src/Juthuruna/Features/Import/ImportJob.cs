using Juthuruna.Common.Text;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Import;

public enum ImportStatus
{
    /// <summary>Dry run done: the report is ready, nothing imported yet.</summary>
    Validated = 1,

    /// <summary>The user asked to import: waiting for the background runner.</summary>
    Queued = 2,
    Running = 3,
    Completed = 4,

    /// <summary>Stopped between two batches at the user's request: every batch before is in, none after; resume or roll back.</summary>
    Cancelled = 5,

    /// <summary>A batch failed (its transaction rolled back); resume or roll back.</summary>
    Failed = 6,
    RolledBack = 7,

    /// <summary>The user asked to undo the import: waiting for, or in, the background runner.</summary>
    RollingBack = 8,
}

/// <summary>
/// One uploaded workbook, from its dry run to its commit: the report's counts, the stored upload and refused-rows
/// workbook, the user's options and the commit's progress. The progress is written in the same transaction as each
/// batch, so a reload, a restart or a resume sees exactly what is in.
/// </summary>
public sealed class ImportJob : ITenantOwned
{
    public const int MaxFileName = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string FileName { get; set; }

    /// <summary>Tenant-prefixed key of the uploaded workbook under the storage root.</summary>
    public required string UploadKey { get; set; }

    /// <summary>Tenant-prefixed key of the refused-rows workbook; null when no row was refused.</summary>
    public string? RefusedKey { get; set; }

    public ImportStatus Status { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public int FilesValid { get; set; }
    public int FilesExisting { get; set; }
    public int FilesRefused { get; set; }
    public int MembersValid { get; set; }
    public int MembersRefused { get; set; }
    public int AidValid { get; set; }
    public int AidRefused { get; set; }

    /// <summary>The first refusals as JSON (<see cref="ImportProblem"/>), for the report page.</summary>
    public string FirstProblems { get; set; } = "[]";

    public bool UpdateExisting { get; set; }
    public bool AllOrNothing { get; set; }

    /// <summary>Files-sheet rows handled so far (the commit resumes after the last one of a committed batch).</summary>
    public int ProcessedRows { get; set; }

    public int FilesCreated { get; set; }
    public int FilesUpdated { get; set; }
    public int Batches { get; set; }
    public bool CancelRequested { get; set; }
    public string? Error { get; set; }

    public int TotalFiles => FilesValid + FilesExisting + FilesRefused;
}

/// <summary>A file created or updated by an import, with what it held before an update: roll back undoes exactly these.</summary>
public sealed class ImportedRecord : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ImportJobId { get; set; }
    public Guid BeneficiaryId { get; set; }
    public bool Created { get; set; }

    /// <summary>The file's form before the import updated it (JSON of <c>BeneficiaryForm</c>); null for a created file.</summary>
    public string? Before { get; set; }
}

/// <summary>
/// Aid the association gave before it used this application, imported from its records: read-only history on the file
/// (the committee sees it beside the request); never counted as a delivery of a request.
/// </summary>
public sealed class PastAid : ITenantOwned
{
    public const int MaxDescription = TextLimits.Line;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid BeneficiaryId { get; set; }
    public DateOnly Date { get; set; }
    public required string Description { get; set; }
    public long AmountHalalas { get; set; }
    public string? Notes { get; set; }
    public Guid ImportJobId { get; set; }
}

/// <summary>The association's last column mapping per sheet: header in the file → template column key (JSON).</summary>
public sealed class ImportMapping : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Sheet { get; set; }
    public string Columns { get; set; } = "{}";
    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class ImportConfiguration :
    IEntityTypeConfiguration<ImportJob>, IEntityTypeConfiguration<ImportedRecord>, IEntityTypeConfiguration<PastAid>, IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("ImportJobs");
        builder.Property(j => j.FileName).HasMaxLength(ImportJob.MaxFileName);
        builder.Property(j => j.UploadKey).HasMaxLength(300);
        builder.Property(j => j.RefusedKey).HasMaxLength(300);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Error).HasMaxLength(TextLimits.Note);
        builder.Ignore(j => j.TotalFiles);
        // The page's list: newest first.
        builder.HasIndex(j => new { j.TenantId, j.CreatedAtUtc });
    }

    public void Configure(EntityTypeBuilder<ImportedRecord> builder)
    {
        builder.ToTable("ImportedRecords");
        builder.HasIndex(r => new { r.TenantId, r.ImportJobId, r.BeneficiaryId }).IsUnique();
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(r => r.ImportJobId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Beneficiaries.Beneficiary>().WithMany().HasForeignKey(r => r.BeneficiaryId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PastAid> builder)
    {
        builder.ToTable("PastAid");
        builder.Property(a => a.Description).HasMaxLength(PastAid.MaxDescription);
        builder.Property(a => a.Notes).HasMaxLength(TextLimits.Note);
        // The file's history, newest first.
        builder.HasIndex(a => new { a.TenantId, a.BeneficiaryId, a.Date });
        builder.HasOne<Beneficiaries.Beneficiary>().WithMany().HasForeignKey(a => a.BeneficiaryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(a => a.ImportJobId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ImportMapping> builder)
    {
        builder.ToTable("ImportMappings");
        builder.Property(m => m.Sheet).HasMaxLength(40);
        builder.HasIndex(m => new { m.TenantId, m.Sheet }).IsUnique();
    }
}
