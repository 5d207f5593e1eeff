using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Branches;
using Juthuruna.Features.Services;
using Juthuruna.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.SupportRequests;

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(30);
        builder.Property(r => r.Description).HasMaxLength(SupportRequest.MaxDescription);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.IdempotencyKey }).IsUnique();
        // The officer's queue: open requests by state, overdue first.
        builder.HasIndex(r => new { r.TenantId, r.State, r.DecisionDueOn });
        // A file's requests, newest first (the file page reads the latest few and stops).
        builder.HasIndex(r => new { r.TenantId, r.BeneficiaryId, r.CreatedAtUtc });
        // The manager's share decided within the window: the decisions of a period.
        builder.HasIndex(r => new { r.TenantId, r.DecidedOn, r.DecisionDueOn });
        // The queue itself: only the requests in it (a few thousand of a million), already in its order. Partial, so
        // it stays small and stays the planner's choice whatever the statistics say (docs/benchmarks.md).
        builder.Property(r => r.QueueOrder).UsePropertyAccessMode(PropertyAccessMode.Property);
        // The filters (state, service, channel, office) are in it too, so a filtered queue is checked on the index
        // entries and reads only the rows it shows.
        builder.HasIndex(r => new { r.TenantId, r.QueueOrder, r.CreatedAtUtc, r.State, r.ServiceId, r.Channel, r.BranchId })
            .HasDatabaseName("IX_SupportRequests_Queue").HasFilter("[QueueOrder] IS NOT NULL");
        // The queue of one state in its order (the officer's filter, the committee's requests awaiting it), with the id
        // so that "not on an open agenda item" is checked without reading the row.
        builder.HasIndex(r => new { r.TenantId, r.State, r.QueueOrder, r.CreatedAtUtc, r.Id })
            .HasDatabaseName("IX_SupportRequests_QueueByState").HasFilter("[QueueOrder] IS NOT NULL");
        // The finished requests of one state (closed, rejected, withdrawn, cancelled), the latest step first: the most
        // recent hundred of a million without reading the rest. Partial on the rows out of the queue, so that it is
        // used only by a query that says so (QueueOrder IS NULL) and never replaces (TenantId, State, DecisionDueOn),
        // which covers the counts of open requests.
        // The id ends the key because the list's order does (UpdatedAtUtc, Id): without it SQLite sorted every
        // finished request of the state (1.6 s at 1M) rather than walk this index and stop after the page.
        builder.HasIndex(r => new { r.TenantId, r.State, r.UpdatedAtUtc, r.Id })
            .HasDatabaseName("IX_SupportRequests_Finished").HasFilter("[QueueOrder] IS NULL");
        // The requests list of every state (issue 16), newest first: a keyset walk that stops after the page, and the
        // range of a period opened ("from … to …").
        builder.HasIndex(r => new { r.TenantId, r.CreatedAtUtc, r.Id }).HasDatabaseName("IX_SupportRequests_Opened");
        builder.HasOne<Beneficiary>().WithMany().HasForeignKey(r => r.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
        // Every id a form can set is backed by a key: a made-up id fails in the database even if a check is missed.
        builder.HasOne<SupportService>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Branch>().WithMany().HasForeignKey(r => r.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ResearcherId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequestHistoryConfiguration : IEntityTypeConfiguration<RequestHistory>
{
    public void Configure(EntityTypeBuilder<RequestHistory> builder)
    {
        builder.ToTable("RequestHistory");
        builder.Property(h => h.Note).HasMaxLength(RequestHistory.MaxNote);
        builder.HasIndex(h => new { h.TenantId, h.RequestId, h.AtUtc });
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(h => h.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeclarationConfiguration : IEntityTypeConfiguration<Declaration>
{
    public void Configure(EntityTypeBuilder<Declaration> builder)
    {
        builder.Property(d => d.ApplicantName).HasMaxLength(Declaration.MaxApplicantName);
        builder.Property(d => d.Text).HasMaxLength(4000);
        builder.HasIndex(d => new { d.TenantId, d.RequestId }).IsUnique();
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeclarationTemplateConfiguration : IEntityTypeConfiguration<DeclarationTemplate>
{
    public void Configure(EntityTypeBuilder<DeclarationTemplate> builder)
    {
        builder.Property(d => d.Text).HasMaxLength(DeclarationTemplate.MaxText);
        builder.HasIndex(d => new { d.TenantId, d.Version }).IsUnique();
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Question).HasMaxLength(Referral.MaxQuestion);
        builder.Property(r => r.Answer).HasMaxLength(Referral.MaxAnswer);
        builder.HasIndex(r => new { r.TenantId, r.RequestId });
        builder.HasIndex(r => new { r.TenantId, r.ResearcherId, r.Status });
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ResearcherId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentCheckConfiguration : IEntityTypeConfiguration<DocumentCheck>
{
    public void Configure(EntityTypeBuilder<DocumentCheck> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(DocumentCheck.MaxNote);
        builder.HasIndex(c => new { c.TenantId, c.RequestId, c.DocumentTypeId }).IsUnique();
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DocumentType>().WithMany().HasForeignKey(c => c.DocumentTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}
