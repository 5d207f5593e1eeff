using Juthuruna.Data;
using Juthuruna.Features.Files;
using Juthuruna.Features.Letters;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Portal;

public sealed record PortalStep(RequestState State, DateTime AtUtc, RequestState? From, RequestTrigger? Trigger);

public sealed record PortalLetter(Guid Id, string Number, LetterKind Kind, string Title, DateOnly IssuedOn);

/// <summary>A required document the beneficiary still owes, and what they already sent for it through the portal.</summary>
public sealed record PortalMissingDocument(Guid DocumentTypeId, string NameAr, string? NameEn, bool IsMandatory, DocumentStatus Status, DateTime? UploadedAtUtc);

/// <summary>What the beneficiary sees of their request: no staff names, notes or internal findings.</summary>
public sealed record PortalRequestView(
    Guid Id,
    string Number,
    RequestState State,
    string ServiceNameAr,
    string? ServiceNameEn,
    DateOnly? DecisionDueOn,
    DateTime CreatedAtUtc,
    IReadOnlyList<PortalStep> Steps,
    IReadOnlyList<PortalLetter> Letters,
    IReadOnlyList<PortalMissingDocument> MissingDocuments);

/// <summary>What staff see of the documents a beneficiary sent through the portal (on the request page).</summary>
public sealed record PortalUploadRow(Guid FileId, string OriginalName, string DocumentNameAr, string? DocumentNameEn, DateTime UploadedAtUtc);

/// <summary>
/// The signed-in beneficiary's request: its status, timeline, letters addressed to them, and the documents they may
/// still upload. Every read takes the session's request id; nothing here lists another request.
/// </summary>
public sealed class PortalTracking(AppDbContext db, DocumentChecks documents, FileStorage storage, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxSteps = 50;

    /// <summary>Letters written to the beneficiary (not the committee's minutes, nor a referral to a researcher).</summary>
    public static readonly LetterKind[] BeneficiaryLetters =
        [LetterKind.Receipt, LetterKind.MissingDocuments, LetterKind.Approval, LetterKind.Rejection, LetterKind.RegistrationConfirmation];

    public async Task<PortalRequestView?> RequestAsync(Guid requestId, CancellationToken ct)
    {
        var request = await db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Join(db.SupportServices, r => r.ServiceId, s => s.Id, (r, s) => new { r.Id, r.Number, r.State, r.ServiceId, s.NameAr, s.NameEn, r.DecisionDueOn, r.CreatedAtUtc })
            .SingleOrDefaultAsync(ct);
        if (request is null)
        {
            return null;
        }

        var steps = await db.RequestHistory.AsNoTracking().Where(h => h.RequestId == requestId)
            .OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Take(MaxSteps).Select(h => new PortalStep(h.To, h.AtUtc, h.From, h.Trigger)).ToListAsync(ct);
        var letters = await LettersAsync(requestId, ct);
        var missing = request.State == RequestState.ReturnedForCompletion
            ? await MissingDocumentsAsync(requestId, request.ServiceId, ct)
            : [];
        return new PortalRequestView(request.Id, request.Number, request.State, request.NameAr, request.NameEn, request.DecisionDueOn, request.CreatedAtUtc,
            steps, letters, missing);
    }

    /// <summary>The stored PDF of a letter addressed to the beneficiary about this request; null for any other letter.</summary>
    public async Task<(string Number, byte[] Content)?> LetterPdfAsync(Guid requestId, Guid letterId, CancellationToken ct)
    {
        var ours = await db.Letters.AsNoTracking().AnyAsync(x => x.Id == letterId && x.SubjectId == requestId && x.Status == LetterStatus.Issued && BeneficiaryLetters.Contains(x.Kind), ct);
        return ours ? await new LetterQueries(db).PdfAsync(letterId, ct) : null;
    }

    /// <summary>Stores a document the beneficiary sent for one of the request's missing documents.</summary>
    public async Task<RequestResult> UploadAsync(Guid requestId, Guid beneficiaryId, Guid documentTypeId, IncomingFile? file, Guid idempotencyKey, CancellationToken ct)
    {
        if (await db.PortalUploads.AsNoTracking().AnyAsync(u => u.IdempotencyKey == idempotencyKey && u.RequestId == requestId, ct))
        {
            return RequestResult.Done(requestId);
        }

        var request = await db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId && r.BeneficiaryId == beneficiaryId)
            .Select(r => new { r.State, r.ServiceId }).SingleOrDefaultAsync(ct)
            ?? throw new EntityNotFoundException(nameof(SupportRequest), requestId);
        if (request.State != RequestState.ReturnedForCompletion)
        {
            return RequestResult.Fail("", l["Documents can be sent only while the request is waiting for them."]);
        }

        if ((await MissingDocumentsAsync(requestId, request.ServiceId, ct)).All(d => d.DocumentTypeId != documentTypeId))
        {
            return RequestResult.Fail("File", l["This document is not among those the request is waiting for."]);
        }

        if (file is null)
        {
            return RequestResult.Fail("File", l[UploadErrors.Missing]);
        }

        // The file is checked before anything is written; then the upload row and the file row are saved together.
        using var received = await storage.ReceiveAsync(file, ct);
        if (!received.Accepted)
        {
            return RequestResult.Fail("File", l[received.Error!, storage.MaxMegabytes]);
        }

        var upload = new PortalUpload
        {
            RequestId = requestId,
            DocumentTypeId = documentTypeId,
            BeneficiaryId = beneficiaryId,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
            IdempotencyKey = idempotencyKey,
        };
        db.Add(upload);
        storage.Attach(received, PortalUpload.FileOwnerKind, upload.Id, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }

            // The same form posted twice at once: the other post stored the file.
            if (await db.PortalUploads.AsNoTracking().AnyAsync(u => u.IdempotencyKey == idempotencyKey, ct))
            {
                return RequestResult.Done(requestId);
            }

            throw;
        }

        received.Keep();
        return RequestResult.Done(requestId);
    }

    /// <summary>For the officer's request page: the documents the beneficiary sent through the portal, newest first.</summary>
    public async Task<IReadOnlyList<PortalUploadRow>> UploadsAsync(Guid requestId, CancellationToken ct) =>
        await db.PortalUploads.AsNoTracking().Where(u => u.RequestId == requestId)
            .OrderByDescending(u => u.UploadedAtUtc).Take(MaxSteps)
            .Join(db.StoredFiles.Where(f => f.OwnerKind == PortalUpload.FileOwnerKind), u => u.Id, f => f.OwnerId, (u, f) => new { u, f })
            .Join(db.DocumentTypes, x => x.u.DocumentTypeId, t => t.Id, (x, t) => new PortalUploadRow(x.f.Id, x.f.OriginalName, t.NameAr, t.NameEn, x.u.UploadedAtUtc))
            .ToListAsync(ct);

    private async Task<IReadOnlyList<PortalLetter>> LettersAsync(Guid requestId, CancellationToken ct) =>
        await db.Letters.AsNoTracking().Where(x => x.SubjectId == requestId && x.Status == LetterStatus.Issued && BeneficiaryLetters.Contains(x.Kind))
            .OrderByDescending(x => x.HijriYear).ThenByDescending(x => x.Sequence).Take(LetterQueries.PageSize)
            .Select(x => new PortalLetter(x.Id, x.Number, x.Kind, x.Title, x.IssuedOn))
            .ToListAsync(ct);

    /// <summary>Required documents not checked as matched and valid (never checked, missing, mismatched or expired).</summary>
    private async Task<IReadOnlyList<PortalMissingDocument>> MissingDocumentsAsync(Guid requestId, Guid serviceId, CancellationToken ct)
    {
        var checklist = await documents.ChecklistAsync(requestId, serviceId, ct);
        var uploaded = await db.PortalUploads.AsNoTracking().Where(u => u.RequestId == requestId)
            .GroupBy(u => u.DocumentTypeId).Select(g => new { g.Key, Last = g.Max(u => u.UploadedAtUtc) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        return checklist.Where(c => c.Status != DocumentStatus.Matched)
            .Select(c => new PortalMissingDocument(c.DocumentTypeId, c.NameAr, c.NameEn, c.IsMandatory, c.Status ?? DocumentStatus.Missing,
                uploaded.TryGetValue(c.DocumentTypeId, out var at) ? at : null))
            .ToList();
    }
}
