using Juthuruna.Common.Dates;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Files;
using Juthuruna.Features.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.SupportRequests;

public sealed record DocumentCheckInput(Guid DocumentTypeId, DocumentStatus Found, bool SeenInOriginal, DateOnly? IssueDate, DateOnly? ExpiryDate, string? Note);

public sealed record ChecklistItem(
    Guid DocumentTypeId,
    string NameAr,
    string? NameEn,
    bool IsMandatory,
    bool HasExpiryDate,
    int? MaxAgeDays,
    DocumentStatus? Status,
    bool SeenInOriginal,
    DateOnly? IssueDate,
    DateOnly? ExpiryDate,
    string? Note,
    Guid? CheckedBy,
    DateTime? CheckedAtUtc,
    Guid? FileId);

/// <summary>
/// The completeness check of policy step 2: every document the service requires is checked against the
/// applicant's data and its validity on the submission date; who checked and when is kept.
/// </summary>
public sealed class DocumentChecks(AppDbContext db, FileStorage storage, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Copies of checked documents (and the declaration's scan) are stored against the request.</summary>
    public const string FileOwnerKind = "SupportRequest";

    /// <summary>Mandatory documents of the request's service that are not checked as matched and valid.</summary>
    public static async Task<int> MandatoryProblemsAsync(AppDbContext db, SupportRequest request, CancellationToken ct) =>
        await db.ServiceRequirements.AsNoTracking()
            .Where(r => r.ServiceId == request.ServiceId && r.IsMandatory)
            .CountAsync(r => !db.DocumentChecks.Any(c => c.RequestId == request.Id && c.DocumentTypeId == r.DocumentTypeId && c.Status == DocumentStatus.Matched), ct);

    public async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(Guid requestId, Guid serviceId, CancellationToken ct)
    {
        // One statement: the service's requirements, each left-joined to this request's check of it (at most one).
        return await (
                from r in db.ServiceRequirements.AsNoTracking()
                where r.ServiceId == serviceId
                join t in db.DocumentTypes on r.DocumentTypeId equals t.Id
                join c in db.DocumentChecks.Where(c => c.RequestId == requestId) on t.Id equals c.DocumentTypeId into checks
                from c in checks.DefaultIfEmpty()
                orderby r.IsMandatory descending, t.NameAr
                select new ChecklistItem(
                    t.Id, t.NameAr, t.NameEn, r.IsMandatory, t.HasExpiryDate, t.MaxAgeDays,
                    c == null ? null : c.Status,
                    c != null && c.SeenInOriginal,
                    c == null ? null : c.IssueDate,
                    c == null ? null : c.ExpiryDate,
                    c == null ? null : c.Note,
                    c == null ? null : c.CheckedBy,
                    c == null ? null : c.CheckedAtUtc,
                    c == null ? null : c.FileId))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Records (or re-records) the check of one required document, with the copy of the document when one was chosen;
    /// the status is re-evaluated on the submission date. The copy is checked before anything is written and saved in
    /// the same SaveChanges as the check: a refused copy leaves no check, a refused check leaves no file.
    /// </summary>
    public async Task<RequestResult> RecordAsync(Guid requestId, DocumentCheckInput input, IncomingFile? copy, Actor actor, CancellationToken ct)
    {
        var request = await db.SupportRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new EntityNotFoundException(nameof(SupportRequest), requestId);
        if (!RequestWorkflow.DeskRoles.Any(actor.Roles.Contains))
        {
            return RequestResult.Forbid();
        }

        if (!RequestWorkflow.IntakeStates.Contains(request.State))
        {
            return RequestResult.Fail("", l["Documents can be checked only while the request is under review."]);
        }

        if (!TextLimits.Fits(input.Note, DocumentCheck.MaxNote))
        {
            return RequestResult.Fail("Note", TextLimits.TooLong(l, DocumentCheck.MaxNote));
        }

        var type = await db.ServiceRequirements.AsNoTracking()
            .Where(r => r.ServiceId == request.ServiceId && r.DocumentTypeId == input.DocumentTypeId)
            .Join(db.DocumentTypes, r => r.DocumentTypeId, t => t.Id, (r, t) => new { t.HasExpiryDate, t.MaxAgeDays })
            .SingleOrDefaultAsync(ct);
        if (type is null)
        {
            return RequestResult.Fail("DocumentTypeId", l["This document is not required for the service."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var submittedOn = request.SubmittedOn ?? DualDate.RiyadhDay(now);
        var (status, problem) = DocumentValidity.Evaluate(input.Found, type.HasExpiryDate, type.MaxAgeDays, input.IssueDate, input.ExpiryDate, submittedOn);
        // Every problem at once — a missing date and a refused copy are both shown beside their fields.
        var errors = new List<(string Field, string Message)>();
        switch (problem)
        {
            case DocumentValidity.Problem.ExpiryDateRequired:
                errors.Add(("ExpiryDate", l["Enter the document's expiry date."]));
                break;
            case DocumentValidity.Problem.IssueDateRequired:
                errors.Add(("IssueDate", l["Enter the document's issue date."]));
                break;
            case DocumentValidity.Problem.IssueDateInFuture:
                errors.Add(("IssueDate", l["The issue date cannot be after the submission date."]));
                break;
        }

        using var upload = copy is null ? null : await storage.ReceiveAsync(copy, ct);
        if (upload is { Accepted: false })
        {
            errors.Add(("Upload", l[upload.Error!, storage.MaxMegabytes]));
        }

        if (errors.Count > 0)
        {
            return new RequestResult(null, errors);
        }

        var check = await db.DocumentChecks.SingleOrDefaultAsync(c => c.RequestId == requestId && c.DocumentTypeId == input.DocumentTypeId, ct);
        if (check is null)
        {
            check = new DocumentCheck { RequestId = requestId, DocumentTypeId = input.DocumentTypeId };
            db.DocumentChecks.Add(check);
        }

        check.Status = status;
        check.SeenInOriginal = input.SeenInOriginal;
        check.IssueDate = input.IssueDate;
        check.ExpiryDate = input.ExpiryDate;
        check.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        check.CheckedBy = actor.UserId;
        check.CheckedAtUtc = now;
        if (upload is not null)
        {
            check.FileId = storage.Attach(upload, FileOwnerKind, requestId, null).Id;
        }

        await db.SaveChangesAsync(ct);
        upload?.Keep();
        return RequestResult.Done(requestId);
    }
}
