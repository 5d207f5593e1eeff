using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Letters;

/// <summary>The letters of product.md ("Letters"); each kind has one <see cref="LetterTemplate"/>.</summary>
public enum LetterKind
{
    /// <summary>إشعار استلام طلب: the request is verified, the committee decides by the due date.</summary>
    Receipt = 1,

    /// <summary>إشعار نواقص: documents missing, mismatched or expired on the submission date.</summary>
    MissingDocuments = 2,

    /// <summary>إحالة: the applicant's question is referred to a social researcher.</summary>
    Referral = 3,

    Approval = 4,
    Rejection = 5,
    RegistrationConfirmation = 6,

    /// <summary>محضر اجتماع لجنة البحث: attendees, items, votes, decisions, signature lines.</summary>
    SessionMinutes = 7,
}

/// <summary>
/// Where a register entry stands. The number is taken before the letter is printed (it is printed on it), in a
/// short transaction of its own, so a print that then fails leaves its entry spoiled, with the reason — as a paper
/// register keeps a spoiled sheet — and the register stays gapless without holding the write lock across the print
/// (ADR 0012).
/// </summary>
public enum LetterStatus
{
    /// <summary>Numbered, being printed: not yet a letter anyone can download or verify.</summary>
    Printing = 1,

    /// <summary>Printed and stored: downloadable, verifiable.</summary>
    Issued = 2,

    /// <summary>The print failed or was interrupted after the number was taken; <see cref="Letter.SpoiledReason"/> says why.</summary>
    Spoiled = 3,
}

/// <summary>Why a numbered letter was not issued.</summary>
public enum LetterSpoiledReason
{
    /// <summary>The PDF printer (Chromium) could not be started.</summary>
    PrinterUnavailable = 1,

    /// <summary>The print took longer than the renderer allows.</summary>
    PrintTimedOut = 2,

    /// <summary>The print failed for another reason (logged).</summary>
    PrintFailed = 3,

    /// <summary>The server stopped while the letter was being printed.</summary>
    Interrupted = 4,
}

/// <summary>What a letter is about: a support request, or a committee session (the minutes).</summary>
public enum LetterSubject
{
    Request = 1,
    CommitteeSession = 2,
}

/// <summary>
/// One entry of the correspondence register (سجل الصادر): a letter issued once and kept forever. Its number is
/// gapless per association and Hijri year; its PDF is stored unchanged (<see cref="LetterPdf"/>) with the
/// SHA-256 printed on the public verification page. A correction is a new letter that <see cref="Replaces"/> this one.
/// </summary>
public sealed class Letter : ITenantOwned
{
    public const string CounterPrefix = "letter-out-";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>e.g. <c>JTH/1448/0007</c>.</summary>
    public required string Number { get; set; }

    public int HijriYear { get; set; }
    public long Sequence { get; set; }
    public LetterKind Kind { get; set; }

    /// <summary>"ar" or "en": the language the letter was written in.</summary>
    public required string Language { get; set; }

    /// <summary>The request or committee session the letter is about.</summary>
    public Guid SubjectId { get; set; }

    public required string RecipientName { get; set; }

    /// <summary>What the public verification page shows of the recipient: a person's initials (<c>م. ع.</c>), or the committee the minutes are of.</summary>
    public required string RecipientInitials { get; set; }

    public required string Title { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateTime IssuedAtUtc { get; set; }
    public Guid IssuedBy { get; set; }

    /// <summary>The letter this one corrects; that one stays in the register, marked as replaced.</summary>
    public Guid? Replaces { get; set; }

    /// <summary>Unguessable (128 random bits, base64url): the QR code's <c>/verify/{code}</c>.</summary>
    public required string VerificationCode { get; set; }

    public LetterStatus Status { get; set; } = LetterStatus.Printing;

    /// <summary>Set when <see cref="Status"/> is <see cref="LetterStatus.Spoiled"/>.</summary>
    public LetterSpoiledReason? SpoiledReason { get; set; }

    /// <summary>Lower-case hex SHA-256 of the stored PDF; empty until the letter is issued.</summary>
    public string Sha256 { get; set; } = "";

    public int PdfBytes { get; set; }

    /// <summary>Generated when the issue form is shown: the same form posted twice issues one letter.</summary>
    public Guid IdempotencyKey { get; set; }

    public static LetterSubject SubjectOf(LetterKind kind) =>
        kind == LetterKind.SessionMinutes ? LetterSubject.CommitteeSession : LetterSubject.Request;

    public static string FormatNumber(string prefix, int hijriYear, long sequence) =>
        FormattableString.Invariant($"{prefix}/{hijriYear}/{sequence:0000}");
}

/// <summary>The issued PDF, apart from the register row so that listing the register never reads it.</summary>
public sealed class LetterPdf : ITenantOwned
{
    public Guid LetterId { get; set; }
    public Guid TenantId { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>
/// Platform-level index of verification codes (not tenant-owned, like <see cref="Tenant"/>): the public page
/// finds the association from the code, then reads the letter inside that association's tenant scope, so
/// no query filter is ever lifted.
/// </summary>
public sealed class LetterVerification
{
    public required string Code { get; set; }
    public Guid TenantId { get; set; }
    public Guid LetterId { get; set; }
}

internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> builder)
    {
        builder.Property(l => l.Number).HasMaxLength(40);
        builder.Property(l => l.Language).HasMaxLength(5);
        builder.Property(l => l.RecipientName).HasMaxLength(300);
        builder.Property(l => l.RecipientInitials).HasMaxLength(300);
        builder.Property(l => l.Title).HasMaxLength(300);
        builder.Property(l => l.VerificationCode).HasMaxLength(40);
        builder.Property(l => l.Sha256).HasMaxLength(64);
        builder.HasIndex(l => new { l.TenantId, l.Number }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.HijriYear, l.Sequence }).IsUnique();
        // A request's (and so a file's) letters, newest first.
        builder.HasIndex(l => new { l.TenantId, l.SubjectId, l.HijriYear, l.Sequence });
        builder.HasIndex(l => new { l.TenantId, l.IssuedOn });
        builder.HasIndex(l => new { l.TenantId, l.VerificationCode }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.IdempotencyKey }).IsUnique();
        // "Replaced by" is looked up for every letter shown; only the few replacing letters are indexed, so the planner
        // never prefers a scan of the register (measured at 754k letters: 28 s → 2.5 ms; docs/benchmarks.md).
        builder.HasIndex(l => new { l.TenantId, l.Replaces }).HasFilter("[Replaces] IS NOT NULL");
        // Existing rows were all issued before statuses existed.
        builder.Property(l => l.Status).HasDefaultValue(LetterStatus.Issued).HasSentinel((LetterStatus)0);
        // Finds the entries left printing by a stopped server (a handful at most).
        builder.HasIndex(l => new { l.TenantId, l.Status });
    }
}

internal sealed class LetterPdfConfiguration : IEntityTypeConfiguration<LetterPdf>
{
    public void Configure(EntityTypeBuilder<LetterPdf> builder)
    {
        builder.HasKey(p => p.LetterId);
        builder.HasOne<Letter>().WithOne().HasForeignKey<LetterPdf>(p => p.LetterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LetterVerificationConfiguration : IEntityTypeConfiguration<LetterVerification>
{
    public void Configure(EntityTypeBuilder<LetterVerification> builder)
    {
        builder.HasKey(v => v.Code);
        builder.Property(v => v.Code).HasMaxLength(40);
    }
}
