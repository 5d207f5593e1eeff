using Juthuruna.Data;
using Juthuruna.Features.Letters.Templates;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Letters;

/// <summary>Why a required document is asked for again.</summary>
public enum MissingReason
{
    /// <summary>Not supplied, or never checked: an unchecked document has not been seen to be there.</summary>
    Missing,

    /// <summary>Does not match the applicant's data.</summary>
    Mismatched,

    /// <summary>Its expiry date is before the submission date (<see cref="MissingDocument.Date"/> is that date).</summary>
    ExpiredOn,

    /// <summary>Issued longer before the submission date than the type allows (<see cref="MissingDocument.Date"/> is the issue date).</summary>
    TooOld,

    /// <summary>Marked expired by the officer without the dates that say when.</summary>
    Expired,
}

public sealed record MissingDocument(string Name, bool IsMandatory, MissingReason Reason, DateOnly? Date = null, int? MaxAgeDays = null);

public sealed record MissingDocumentsModel(string RequestNumber, string ServiceName, DateOnly SubmittedOn, IReadOnlyList<MissingDocument> Documents);

/// <summary>
/// إشعار باستكمال النواقص (policy step 2): the documents the service requires that are missing, do not match the
/// applicant's data, or were not valid on the submission date. Offered while the documents are under review.
/// </summary>
public sealed class MissingDocumentsLetter(IStringLocalizer<SharedResource> l) : LetterTemplate
{
    /// <summary>A service asks for a handful of documents; the bound only keeps a mistaken catalogue from making a book.</summary>
    private const int MaxDocuments = 100;

    public override LetterKind Kind => LetterKind.MissingDocuments;

    public override bool Offers(RequestDetails request) => IsUnderReview(request.State);

    private static bool IsUnderReview(RequestState state) => state is RequestState.DocumentsReview or RequestState.ReturnedForCompletion;

    public override async Task<DraftResult> DraftAsync(AppDbContext db, Guid subjectId, CancellationToken ct)
    {
        var request = await RequestLetterData.LoadAsync(db, subjectId, ct);
        if (!IsUnderReview(request.State) || request.SubmittedOn is not { } submitted)
        {
            return DraftResult.Refused(l["The missing documents notice can be issued only while the request's documents are under review."]);
        }

        var serviceId = await db.SupportRequests.AsNoTracking().Where(r => r.Id == subjectId).Select(r => r.ServiceId).SingleAsync(ct);
        var required = await db.ServiceRequirements.AsNoTracking().Where(r => r.ServiceId == serviceId)
            .Join(db.DocumentTypes, r => r.DocumentTypeId, t => t.Id, (r, t) => new { r.IsMandatory, t.Id, t.NameAr, t.NameEn, t.MaxAgeDays })
            .OrderByDescending(x => x.IsMandatory).ThenBy(x => x.NameAr)
            .Take(MaxDocuments)
            .ToListAsync(ct);
        var checks = await db.DocumentChecks.AsNoTracking().Where(c => c.RequestId == subjectId)
            .Select(c => new { c.DocumentTypeId, c.Status, c.IssueDate, c.ExpiryDate })
            .ToDictionaryAsync(c => c.DocumentTypeId, ct);

        var documents = new List<MissingDocument>();
        foreach (var r in required)
        {
            var name = RequestLetterData.LocalName(r.NameAr, r.NameEn);
            var check = checks.GetValueOrDefault(r.Id);
            MissingDocument? missing = check?.Status switch
            {
                null or DocumentStatus.Missing => new(name, r.IsMandatory, MissingReason.Missing),
                DocumentStatus.Mismatched => new(name, r.IsMandatory, MissingReason.Mismatched),
                DocumentStatus.Expired when check.ExpiryDate is { } expiry && expiry < submitted => new(name, r.IsMandatory, MissingReason.ExpiredOn, expiry),
                DocumentStatus.Expired when check.IssueDate is { } issued && r.MaxAgeDays is { } maxAge => new(name, r.IsMandatory, MissingReason.TooOld, issued, maxAge),
                DocumentStatus.Expired => new(name, r.IsMandatory, MissingReason.Expired),
                _ => null,
            };
            if (missing is not null)
            {
                documents.Add(missing);
            }
        }

        if (documents.Count == 0)
        {
            return DraftResult.Refused(l["Every document the service requires has been checked as matching and valid: there is nothing to ask for."]);
        }

        var model = new MissingDocumentsModel(request.Number, request.ServiceName, submitted, documents);
        return DraftResult.Of(new LetterDraft(request.BeneficiaryName, l["Notice to complete missing documents"], typeof(MissingDocumentsBody), model));
    }

    public override LetterDraft Sample() =>
        new(l["Sample beneficiary name"], l["Notice to complete missing documents"], typeof(MissingDocumentsBody),
            new MissingDocumentsModel("JTH-1448-000123", l["Sample service"], new DateOnly(2026, 11, 22),
            [
                new(l["National ID card"], true, MissingReason.ExpiredOn, new DateOnly(2026, 10, 30)),
                new(l["Residential lease contract"], true, MissingReason.Missing),
                new(l["Salary certificate"], false, MissingReason.TooOld, new DateOnly(2026, 7, 1), 90),
                new(l["Family record"], false, MissingReason.Mismatched),
            ]));
}
